import type { CaseClockDatabase } from '../db/database';
import type { ReminderRecord } from '../db/schema';
import { planEach, readTrackedData, type OrderPlan, type PlanClock } from '../db/plans';
import { formatWhen } from '../i18n/format';
import { languageOf, translator, type MessageKey, type Translate } from '../i18n';
import { adapterById } from '../marketplaces/registry';
import { hoursBefore, isAfter } from '../timeline/days';
import type { Deadline } from '../timeline/types';
import {
  reminderOptions,
  showNotification,
  type NotificationCreator,
  type NotificationOptions,
  type NotificationSupport,
} from './notifications';

/** The part of the extension API the reminders use; the background passes `browser`. */
export interface ReminderApi {
  alarms: {
    create(name: string, info: { when: number }): unknown;
    clear(name: string): Promise<boolean>;
    getAll(): Promise<{ name: string; scheduledTime: number }[]>;
  };
  notifications: NotificationCreator;
  setBadge(text: string): Promise<void>;
  iconUrl: string;
  /** What this browser's notifications take beyond a title and a message. */
  notificationSupport: NotificationSupport;
}

export interface ReminderContext {
  db: CaseClockDatabase;
  api: ReminderApi;
  clock: () => PlanClock;
  locale: () => string;
}

/** Alarms CaseClock owns are named after the reminder they ring for. */
export const ALARM_PREFIX = 'reminder:';

/** One reminder: a window opening now, or closing soon. Its key never changes. */
export interface Reminder {
  key: string;
  orderId: string;
  deadline: Deadline;
  /** When to remind, before any snooze. */
  at: string;
}

export function reminderKey(orderId: string, deadline: Deadline): string {
  return [orderId, deadline.kind, deadline.edge, deadline.dueAt].join('|');
}

export function orderIdOfReminder(key: string): string {
  return key.split('|')[0] ?? '';
}

/**
 * The reminders one order's plan asks for: at the moment a window opens, and `leadHours`
 * before one closes. Nothing is owed for what had already happened before CaseClock knew the
 * order; a window that was still closing when it learned of it is reminded at once.
 */
export function remindersFor(planned: OrderPlan, leadHours: number): Reminder[] {
  const known = planned.order.firstSeenAt;
  return planned.plan.deadlines.flatMap((deadline) => {
    if (!isAfter(deadline.dueAt, known)) return [];
    const wanted =
      deadline.edge === 'opens' ? deadline.dueAt : hoursBefore(deadline.dueAt, leadHours);
    const at = isAfter(known, wanted) ? known : wanted;
    return [
      { key: reminderKey(planned.order.id, deadline), orderId: planned.order.id, deadline, at },
    ];
  });
}

/** What a reminder says: which order, and what opened or is about to close. */
function reminderText(
  reminder: Reminder,
  planned: OrderPlan,
  now: string,
  locale: string,
  t: Translate,
): Pick<NotificationOptions, 'title' | 'message'> {
  const { deadline } = reminder;
  const name = t(`deadline.${deadline.kind}` as MessageKey);
  const when = formatWhen(deadline.dueAt, now, locale);
  const opensKey = `reminder.opens.${deadline.kind}` as MessageKey;
  const text =
    deadline.edge === 'opens'
      ? t(opensKey)
      : t(isAfter(now, deadline.dueAt) ? 'reminder.closed' : 'reminder.closes', {
          deadline: name,
          when,
        });
  return {
    title: t('marketplace.order', {
      marketplace: adapterById(planned.order.marketplace)?.name ?? planned.order.marketplace,
      number: planned.order.orderNumber,
    }),
    message: text,
  };
}

/**
 * When a reminder should ring: its own time, or the end of a snooze; undefined once it has been
 * shown and not snoozed since.
 */
function pendingAt(reminder: Reminder, record: ReminderRecord | undefined): string | undefined {
  if (!record?.notifiedAt) return record?.snoozedUntil ?? reminder.at;
  const snoozed = record.snoozedUntil;
  return snoozed !== undefined && isAfter(snoozed, record.notifiedAt) ? snoozed : undefined;
}

/** A reminder this run is showing, and its record from before (to give it back if it fails). */
interface Claim {
  previous: ReminderRecord | undefined;
}

/**
 * Marks a reminder as shown, unless it already was: the one place that decides, inside a
 * transaction, so a reminder is never shown twice however many wake-ups race for it.
 */
async function claim(
  db: CaseClockDatabase,
  reminder: Reminder,
  now: string,
): Promise<Claim | undefined> {
  return db.transaction('rw', db.reminders, async () => {
    const previous = await db.reminders.get(reminder.key);
    const at = pendingAt(reminder, previous);
    if (at === undefined || isAfter(at, now)) return undefined;
    await db.reminders.put({ id: reminder.key, notifiedAt: now });
    return { previous };
  });
}

/** A reminder the browser would not show is owed still: the next run tries it again. */
async function release(
  db: CaseClockDatabase,
  reminder: Reminder,
  now: string,
  { previous }: Claim,
): Promise<void> {
  await db.transaction('rw', db.reminders, async () => {
    if ((await db.reminders.get(reminder.key))?.notifiedAt !== now) return;
    if (previous) await db.reminders.put(previous);
    else await db.reminders.delete(reminder.key);
  });
}

async function notify(
  context: ReminderContext,
  reminder: Reminder,
  planned: OrderPlan,
  now: string,
) {
  const { api } = context;
  const locale = context.locale();
  const t = translator(languageOf(locale));
  const options = reminderOptions(
    api.notificationSupport,
    { ...reminderText(reminder, planned, now, locale, t), iconUrl: api.iconUrl },
    [t('reminder.openOrder'), t('reminder.snooze')],
  );
  await showNotification(api.notifications, reminder.key, options);
}

/** How many orders ask the buyer to act now: the number on the toolbar button. */
export function actionsDue(plans: readonly OrderPlan[]): number {
  return plans.filter((planned) => planned.plan.nextStep.dueNow).length;
}

/**
 * Brings the alarms in line with the deadlines of every order, shows each reminder whose time
 * has come exactly once (catching up on those that fell due while the browser was closed),
 * removes alarms nothing asks for any more, and updates the badge. A reminder the browser
 * refuses to show stops none of that: it stays owed, and the run ends by throwing what went
 * wrong, for the popup to say.
 */
export async function reconcileReminders(context: ReminderContext): Promise<void> {
  const { db, api } = context;
  const clock = context.clock();
  const data = await readTrackedData(db);
  const { settings } = data;
  const plans = planEach(
    { ...data, orders: data.orders.filter((order) => !order.archived) },
    clock,
  );
  const byOrder = new Map(plans.map((planned) => [planned.order.id, planned]));
  const reminders = plans.flatMap((planned) => remindersFor(planned, settings.reminderLeadHours));
  const records = new Map((await db.reminders.toArray()).map((record) => [record.id, record]));

  const alarms = new Map<string, number>();
  const refused: unknown[] = [];
  for (const reminder of reminders) {
    const at = pendingAt(reminder, records.get(reminder.key));
    const planned = byOrder.get(reminder.orderId);
    if (at === undefined || !planned) continue;
    if (isAfter(at, clock.now)) {
      alarms.set(`${ALARM_PREFIX}${reminder.key}`, new Date(at).getTime());
      continue;
    }
    const claimed = await claim(db, reminder, clock.now);
    if (!claimed) continue;
    try {
      await notify(context, reminder, planned, clock.now);
    } catch (error) {
      await release(db, reminder, clock.now, claimed);
      refused.push(error);
    }
  }

  for (const alarm of await api.alarms.getAll()) {
    if (!alarm.name.startsWith(ALARM_PREFIX)) continue;
    const when = alarms.get(alarm.name);
    if (when === undefined) await api.alarms.clear(alarm.name);
    else if (Math.abs(alarm.scheduledTime - when) < 1000) alarms.delete(alarm.name);
  }
  for (const [name, when] of alarms) api.alarms.create(name, { when });

  const due = actionsDue(plans);
  await api.setBadge(due > 0 ? String(due) : '');
  if (refused.length > 0) {
    const [first] = refused;
    const reason = first instanceof Error ? first.message : String(first);
    const count = refused.length === 1 ? 'a reminder' : `${refused.length} reminders`;
    throw new AggregateError(refused, `the browser would not show ${count}: ${reason}`);
  }
}

/** "Remind me tomorrow": the reminder comes back in a day. */
export async function snoozeReminder(
  db: CaseClockDatabase,
  key: string,
  until: string,
): Promise<void> {
  await db.transaction('rw', db.reminders, async () => {
    const record = await db.reminders.get(key);
    await db.reminders.put({
      id: key,
      notifiedAt: record?.notifiedAt ?? until,
      snoozedUntil: until,
    });
  });
}

/**
 * Runs reconciliations one at a time: writes, alarms and start-up may all ask at once, and a
 * second run only needs to start after the first one ends.
 */
export function serialReconciler(run: () => Promise<void>): () => Promise<void> {
  let requested = 0;
  let completed = 0;
  let running: Promise<void> | undefined;
  const loop = async (): Promise<void> => {
    while (completed < requested) {
      const covered = requested;
      try {
        await run();
      } catch (error) {
        console.error('CaseClock could not update its reminders', error);
      }
      completed = covered;
    }
    running = undefined;
  };
  return () => {
    requested += 1;
    running ??= loop();
    return running;
  };
}
