import { POLICIES } from '../policies';
import { planCase, usableEvents, type CasePlan, type Settings } from '../timeline';
import { caseShown } from './cases';
import type { CaseClockDatabase } from './database';
import { recordsWith } from './read-many';
import { readSettings } from './settings';
import { effectiveOrder, type StoredCase, type StoredEvent, type StoredOrder } from './schema';

export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

export interface OrderPlan {
  order: StoredOrder;
  /** The case in progress, if any. */
  openCase?: StoredCase;
  /** The case the order's page shows: the open one, else the one closed last. */
  shownCase?: StoredCase;
  events: StoredEvent[];
  plan: CasePlan;
}

export interface PlanClock {
  now: string;
  timeZone: string;
}

/** The events that shape an order's timeline: the order's own, and its shown case's. */
function relevantEvents(events: readonly StoredEvent[], shown: StoredCase | undefined) {
  return events.filter((event) => event.caseId === undefined || event.caseId === shown?.id);
}

export function planOrder(
  order: StoredOrder,
  cases: readonly StoredCase[],
  events: readonly StoredEvent[],
  settings: Settings,
  clock: PlanClock,
): OrderPlan {
  const shown = caseShown(cases);
  const relevant = relevantEvents(events, shown);
  const plan = planCase({
    order: effectiveOrder(order),
    events: relevant,
    policy: POLICIES[order.marketplace],
    settings,
    now: clock.now,
    timeZone: clock.timeZone,
    ...(shown ? { case: shown } : {}),
  });
  return {
    order,
    // What the timeline, the message and the pack show: the very steps the plan rests on.
    events: usableEvents(relevant, order.id),
    plan,
    ...(shown ? { shownCase: shown } : {}),
    ...(shown?.status === 'open' ? { openCase: shown } : {}),
  };
}

/** Everything the plans of all orders rest on, read in one go. */
export interface TrackedData {
  orders: StoredOrder[];
  cases: StoredCase[];
  events: StoredEvent[];
  settings: Settings;
}

export async function readTrackedData(db: CaseClockDatabase): Promise<TrackedData> {
  const [orders, cases, events, settings] = await Promise.all([
    db.orders.toArray(),
    db.cases.toArray(),
    db.events.toArray(),
    readSettings(db),
  ]);
  return { orders, cases, events, settings };
}

/** A plan for each of the orders, from data read once. */
export function planEach(data: TrackedData, clock: PlanClock): OrderPlan[] {
  const casesByOrder = groupBy(data.cases, (found) => found.orderId);
  const eventsByOrder = groupBy(data.events, (event) => event.orderId);
  return data.orders.map((order) =>
    planOrder(
      order,
      casesByOrder.get(order.id) ?? [],
      eventsByOrder.get(order.id) ?? [],
      data.settings,
      clock,
    ),
  );
}

/**
 * What the plans of these orders rest on, read in one go; orders not stored are left out. The
 * settings are read unless the caller holds them already.
 */
export async function readOrdersData(
  db: CaseClockDatabase,
  orderIds: readonly string[],
  settingsRead?: Settings,
): Promise<TrackedData> {
  const [orders, cases, events, settings] = await Promise.all([
    recordsWith(db.orders, 'id', orderIds),
    recordsWith(db.cases, 'orderId', orderIds),
    recordsWith(db.events, 'orderId', orderIds),
    settingsRead ?? readSettings(db),
  ]);
  return { orders, cases, events, settings };
}
