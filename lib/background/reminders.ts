import type { CaseClockDatabase } from '../db/database';
import { RecordError } from '../db/errors';
import type { ReminderLogEntry, ReminderRecord } from '../db/schema';
import {
  planEach,
  readOrdersData,
  readTrackedData,
  type OrderPlan,
  type PlanClock,
} from '../db/plans';
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

/**
 * The reminder `key` names among an order's, once it has been shown: what the workspace may
 * offer to put off. Undefined for any other key, one whose deadline moved, or an archived
 * order's (those are not reminded).
 */
export function shownReminder(
  planned: OrderPlan,
  leadHours: number,
  key: string,
  record: ReminderRecord | undefined,
): Reminder | undefined {
  if (planned.order.archived || record?.notifiedAt === undefined) return undefined;
  return remindersFor(planned, leadHours).find((reminder) => reminder.key === key);
}

/** What a reminder says: which order, and what opened or is about to close. */
export function reminderText(
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
  return comesBackAt(record);
}

/** When a shown reminder rings again: the end of a snooze asked for since it was shown. */
export function comesBackAt(record: ReminderRecord): string | undefined {
  const { notifiedAt, snoozedUntil } = record;
  if (notifiedAt === undefined || snoozedUntil === undefined) return undefined;
  return isAfter(snoozedUntil, notifiedAt) ? snoozedUntil : undefined;
}

/** A reminder this run is showing, and its record from before (to give it back if it fails). */
interface Claim {
  previous: ReminderRecord | undefined;
  logged: ReminderLogEntry;
}

/** The log entry of a reminder shown at `shownAt`. */
function reminderLogEntry(reminder: Reminder, shownAt: string): ReminderLogEntry {
  const { kind, edge, dueAt } = reminder.deadline;
  return {
    id: `${reminder.key}|${shownAt}`,
    orderId: reminder.orderId,
    reminder: reminder.key,
    kind,
    edge,
    dueAt,
    shownAt,
  };
}

/**
 * Marks a reminder as shown, unless it already was, and logs it: the one place that decides,
 * inside a transaction, so a reminder is never shown twice however many wake-ups race for it,
 * and the log holds exactly the reminders shown.
 */
async function claim(
  db: CaseClockDatabase,
  reminder: Reminder,
  now: string,
): Promise<Claim | undefined> {
  return db.transaction('rw', db.reminders, db.reminderLog, async () => {
    const previous = await db.reminders.get(reminder.key);
    const at = pendingAt(reminder, previous);
    if (at === undefined || isAfter(at, now)) return undefined;
    const logged = reminderLogEntry(reminder, now);
    await db.reminders.put({ id: reminder.key, notifiedAt: now });
    await db.reminderLog.put(logged);
    return { previous, logged };
  });
}

/** A reminder the browser would not show is owed still, and not logged: the next run tries it again. */
async function release(
  db: CaseClockDatabase,
  reminder: Reminder,
  now: string,
  { previous, logged }: Claim,
): Promise<void> {
  await db.transaction('rw', db.reminders, db.reminderLog, async () => {
    if ((await db.reminders.get(reminder.key))?.notifiedAt !== now) return;
    if (previous) await db.reminders.put(previous);
    else await db.reminders.delete(reminder.key);
    await db.reminderLog.delete(logged.id);
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

const DAY = 86_400_000;

/**
 * "Remind me tomorrow", from the notification's button or from the workspace: the reminder
 * comes back a day from now. The key is untrusted: only a shown reminder of a tracked order is
 * put off. Returns when it comes back.
 */
export async function remindTomorrow(
  db: CaseClockDatabase,
  key: string,
  clock: PlanClock,
): Promise<string> {
  const data = await readOrdersData(db, [orderIdOfReminder(key)]);
  const [planned] = planEach(data, clock);
  const record = await db.reminders.get(key);
  if (!planned || !shownReminder(planned, data.settings.reminderLeadHours, key, record)) {
    throw new RecordError('this reminder no longer exists', 'not-found');
  }
  const until = new Date(new Date(clock.now).getTime() + DAY).toISOString();
  // The record stays as it was shown; the next run rings it again at `until`.
  await db.reminders.update(key, { snoozedUntil: until });
  return until;
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
