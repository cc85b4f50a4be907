import type { CaseClockDatabase } from '../db/database';
import { RecordError } from '../db/errors';
import type { ReminderLogEntry, ReminderRecord } from '../db/schema';
import { groupBy, planEach, readOrdersData, type OrderPlan, type PlanClock } from '../db/plans';
import { recordsWith } from '../db/read-many';
import { readSettings } from '../db/settings';
import { actionsDue, nextWake, ordersToPlan, planStamp, storeSummaries } from '../db/summaries';
import { summaryOf, trackedOrder } from '../tracked-orders';
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
  /** CaseClock's version: its rules may differ from the version that planned the summaries. */
  version: string;
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
  const closed = isAfter(now, deadline.dueAt);
  const text =
    deadline.edge === 'opens'
      ? t(opensKey)
      : t(closed ? 'reminder.closed' : 'reminder.closes', { deadline: name, when });
  // Before a warehouse return closes, the warehouse's QC photos are the proof to look at first.
  const hint =
    deadline.kind === 'warehouse-return-closes' && !closed ? ` ${t('reminder.qcPhotosFirst')}` : '';
  return {
    title: t('marketplace.order', {
      marketplace: adapterById(planned.order.marketplace)?.name ?? planned.order.marketplace,
      number: planned.order.orderNumber,
    }),
    message: `${text}${hint}`,
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
  reminder: Reminder;
  planned: OrderPlan;
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

/** A reminder an order's plan asks for, with that plan. */
interface Wanted {
  reminder: Reminder;
  planned: OrderPlan;
}

/** When an order must be looked at again: its plan changes, or a reminder of it falls due. */
function wakeAtOf(
  planned: OrderPlan,
  wanted: readonly Wanted[],
  records: ReadonlyMap<string, ReminderRecord>,
): string | undefined {
  // An archived order reminds of nothing, and nothing wakes the background for it.
  if (planned.order.archived) return undefined;
  const times = wanted.flatMap(
    ({ reminder }) => pendingAt(reminder, records.get(reminder.key)) ?? [],
  );
  if (planned.plan.changesAt !== undefined) times.push(planned.plan.changesAt);
  return times.reduce<string | undefined>(
    (soonest, time) => (soonest === undefined || isAfter(soonest, time) ? time : soonest),
    undefined,
  );
}

/**
 * Marks the reminders due as shown, unless a racing run already did, and logs them, in one
 * transaction: a reminder is never shown twice however many wake-ups race for it, and the log
 * holds exactly the reminders shown. Returns the claims and every wanted reminder's record as
 * it stands now.
 */
async function claimReminders(
  db: CaseClockDatabase,
  wanted: readonly Wanted[],
  now: string,
): Promise<{ claims: Claim[]; records: Map<string, ReminderRecord> }> {
  return db.transaction('rw', [db.reminders, db.reminderLog], async () => {
    const keys = wanted.map(({ reminder }) => reminder.key);
    const records = new Map(
      (await recordsWith(db.reminders, 'id', keys)).map((record) => [record.id, record]),
    );
    const claims = wanted.flatMap(({ reminder, planned }): Claim[] => {
      const previous = records.get(reminder.key);
      const at = pendingAt(reminder, previous);
      if (at === undefined || isAfter(at, now)) return [];
      return [{ reminder, planned, previous, logged: reminderLogEntry(reminder, now) }];
    });
    for (const { reminder } of claims)
      records.set(reminder.key, { id: reminder.key, notifiedAt: now });
    await db.reminders.bulkPut(
      claims.map(({ reminder }) => ({ id: reminder.key, notifiedAt: now })),
    );
    await db.reminderLog.bulkPut(claims.map(({ logged }) => logged));
    return { claims, records };
  });
}

/**
 * The planned orders' summaries, once their reminders are settled: an order with a reminder
 * still owed (one the browser refused) is due for a look at once.
 */
function summariesOf(
  plans: readonly OrderPlan[],
  wanted: readonly Wanted[],
  records: ReadonlyMap<string, ReminderRecord>,
  stamp: string,
) {
  const byOrder = groupBy(wanted, ({ reminder }) => reminder.orderId);
  return plans.map((planned) =>
    summaryOf(
      trackedOrder(planned),
      wakeAtOf(planned, byOrder.get(planned.order.id) ?? [], records),
      stamp,
    ),
  );
}

/**
 * Reminders the browser would not show are owed still, and not logged, so the next run,
 * whatever starts it, tries them again: their records go back to what they were, in the
 * database and in this run's `records`, which the summaries are planned from.
 */
async function release(
  db: CaseClockDatabase,
  claims: readonly Claim[],
  { now, records }: { now: string; records: Map<string, ReminderRecord> },
): Promise<void> {
  for (const { reminder, previous } of claims) {
    if (previous) records.set(reminder.key, previous);
    else records.delete(reminder.key);
  }
  await db.transaction('rw', [db.reminders, db.reminderLog], async () => {
    for (const { reminder, previous, logged } of claims) {
      if ((await db.reminders.get(reminder.key))?.notifiedAt !== now) continue;
      if (previous) await db.reminders.put(previous);
      else await db.reminders.delete(reminder.key);
      await db.reminderLog.delete(logged.id);
    }
  });
}

/** More reminders than this at once (after days away) are shown as one summary. */
export const FEW_REMINDERS = 3;

/** Notifications that sum up many reminders are named apart: a click opens the popup. */
export const SUMMARY_PREFIX = 'reminders:';

function notificationOptions(
  context: ReminderContext,
  content: Pick<NotificationOptions, 'title' | 'message'>,
  buttons: readonly [string, string] | undefined,
): NotificationOptions {
  const { api } = context;
  const base = { ...content, iconUrl: api.iconUrl };
  if (buttons) return reminderOptions(api.notificationSupport, base, buttons);
  return { type: 'basic', ...base };
}

/**
 * Shows what this run claimed: each reminder on its own, or, when more than a few fell due at
 * once, one notification that names the first and opens the popup. Those the browser refuses
 * are given back. Returns what went wrong.
 */
async function announce(
  context: ReminderContext,
  claims: readonly Claim[],
  { now, records }: { now: string; records: Map<string, ReminderRecord> },
) {
  const locale = context.locale();
  const t = translator(languageOf(locale));
  const text = ({ reminder, planned }: Claim) => reminderText(reminder, planned, now, locale, t);
  const refused: unknown[] = [];
  const failed: Claim[] = [];
  const show = async (id: string, options: NotificationOptions, shown: readonly Claim[]) => {
    try {
      await showNotification(context.api.notifications, id, options);
    } catch (error) {
      refused.push(error);
      failed.push(...shown);
    }
  };
  if (claims.length > FEW_REMINDERS) {
    // The first to have fallen due first.
    const inOrder = [...claims].sort(
      (a, b) =>
        Date.parse(a.reminder.at) - Date.parse(b.reminder.at) ||
        (a.reminder.key < b.reminder.key ? -1 : 1),
    );
    const named = inOrder.slice(0, FEW_REMINDERS).map((claim) => {
      const { title, message } = text(claim);
      return `${title}: ${message}`;
    });
    const rest = claims.length - named.length;
    const summary = {
      // "5,000" in English, "5 000" in French.
      title: t('reminder.summary.title', { count: claims.length.toLocaleString(locale) }),
      message: [...named, t('reminder.summary.more', { count: rest.toLocaleString(locale) })].join(
        '\n',
      ),
    };
    await show(`${SUMMARY_PREFIX}${now}`, notificationOptions(context, summary, undefined), claims);
  } else {
    const buttons = [t('reminder.openOrder'), t('reminder.snooze')] as const;
    for (const claim of claims) {
      await show(claim.reminder.key, notificationOptions(context, text(claim), buttons), [claim]);
    }
  }
  if (failed.length > 0) await release(context.db, failed, { now, records });
  return refused;
}

/** The one alarm CaseClock keeps for its reminders: the browser allows only so many. */
export const NEXT_ALARM = `${ALARM_PREFIX}next`;

/**
 * Sets the one alarm for the next moment an order needs looking at, and clears any other
 * reminder alarm (an older version kept one per reminder).
 */
async function scheduleNext(api: ReminderApi, when: string | undefined): Promise<void> {
  const time = when === undefined ? undefined : Date.parse(when);
  let current = false;
  // A copy: clearing one must not skip the next.
  for (const alarm of [...(await api.alarms.getAll())]) {
    if (!alarm.name.startsWith(ALARM_PREFIX)) continue;
    if (
      alarm.name === NEXT_ALARM &&
      time !== undefined &&
      Math.abs(alarm.scheduledTime - time) < 1000
    ) {
      current = true;
    } else {
      await api.alarms.clear(alarm.name);
    }
  }
  if (time !== undefined && !current) await api.alarms.create(NEXT_ALARM, { when: time });
}

/**
 * Brings the reminders in line with the stored deadlines. Plans again only the orders a write
 * touched and those whose time has come (with `everyOrder`, also any order not summarized yet),
 * keeps their summaries, shows each reminder whose time has come exactly once (catching up on
 * those that fell due while the browser was closed), sets the one alarm for the next, and
 * updates the badge. A reminder the browser refuses stops none
 * of that: it stays owed, and the run ends by throwing what went wrong, for the popup to say.
 */
export async function reconcileReminders(
  context: ReminderContext,
  touched: Iterable<string> = [],
  { everyOrder = false }: { everyOrder?: boolean } = {},
): Promise<void> {
  const { db, api } = context;
  const clock = context.clock();
  const settings = await readSettings(db);
  const stamp = planStamp(context.version, clock.timeZone, settings);
  const ids = await ordersToPlan(db, touched, { stamp, now: clock.now, everyOrder });
  const data = await readOrdersData(db, ids, settings);
  const plans = planEach(data, clock);
  const stored = new Set(data.orders.map((order) => order.id));
  const gone = ids.filter((id) => !stored.has(id));
  const wanted = plans
    .filter((planned) => !planned.order.archived)
    .flatMap((planned) =>
      remindersFor(planned, data.settings.reminderLeadHours).map((reminder) => ({
        reminder,
        planned,
      })),
    );
  const { claims, records } = await claimReminders(db, wanted, clock.now);
  // The buyer hears first; the summaries follow. Should the worker stop in between, their
  // orders are still due for a look, and the next run finds these reminders already shown.
  const refused = await announce(context, claims, { now: clock.now, records });
  await storeSummaries(db, summariesOf(plans, wanted, records, stamp), gone);
  let unscheduled: unknown;
  try {
    await scheduleNext(api, await nextWake(db, clock.now));
  } catch (error) {
    unscheduled = error;
  }
  const due = await actionsDue(db);
  await api.setBadge(due > 0 ? String(due) : '');
  const [first] = refused;
  if (first !== undefined) {
    const count = refused.length === 1 ? 'a reminder' : `${String(refused.length)} reminders`;
    throw new AggregateError(refused, `the browser would not show ${count}: ${reasonOf(first)}`);
  }
  if (unscheduled !== undefined) {
    throw new Error(
      `the browser would not set the alarm for the next reminder: ${reasonOf(unscheduled)}`,
      { cause: unscheduled },
    );
  }
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
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
 * Runs reconciliations one at a time, each for the orders written since the one before: writes,
 * alarms and start-up may all ask at once, and a second run only needs to start after the first
 * one ends. A request resolves once a run that started after it has ended.
 */
export function serialReconciler(
  run: (touched: ReadonlySet<string>) => Promise<void>,
): (touched?: Iterable<string>) => Promise<void> {
  let requested = 0;
  let completed = 0;
  let pending = new Set<string>();
  let running: Promise<void> | undefined;
  const loop = async (): Promise<void> => {
    while (completed < requested) {
      const covered = requested;
      const touched = pending;
      pending = new Set();
      try {
        await run(touched);
      } catch (error) {
        console.error('CaseClock could not update its reminders', error);
      }
      completed = covered;
    }
    running = undefined;
  };
  return (touched = []) => {
    for (const id of touched) pending.add(id);
    requested += 1;
    running ??= loop();
    return running;
  };
}
