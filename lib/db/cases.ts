import type { BuyerEventType, CaseReason, EventDetails } from '../timeline/types';
import type { CaseClockDatabase } from './database';
import { mustExist, RecordError } from './errors';
import type { StoredCase, StoredEvent } from './schema';

/** Buyer events about the order itself; the others belong to a dispute case. */
export const ORDER_EVENT_TYPES: ReadonlySet<BuyerEventType> = new Set([
  'received',
  'items-inspected',
  'receipt-confirmed',
  'order-cancelled',
  'paypal-dispute-opened',
]);

/** The events that open and close a case: the last of them says whether it is open. */
const CLOSING_EVENTS: ReadonlySet<string> = new Set(['resolved', 'case-reopened']);

export async function openCase(
  db: CaseClockDatabase,
  orderId: string,
): Promise<StoredCase | undefined> {
  return (await db.cases.where('orderId').equals(orderId).toArray()).find(
    (found) => found.status === 'open',
  );
}

/**
 * The case an order's page shows: the open one, else the one closed last, whose outcome,
 * evidence and pack stay in view.
 */
export function caseShown(cases: readonly StoredCase[]): StoredCase | undefined {
  const open = cases.find((found) => found.status === 'open');
  if (open) return open;
  const closedAt = (found: StoredCase) => found.closedAt ?? found.openedAt;
  return cases.reduce<StoredCase | undefined>(
    (latest, found) => (!latest || closedAt(found) > closedAt(latest) ? found : latest),
    undefined,
  );
}

/** Opens a dispute case on an order, or returns the one already open. */
export async function startCase(
  db: CaseClockDatabase,
  orderId: string,
  reason: CaseReason,
  at: string,
  newId: () => string = () => crypto.randomUUID(),
): Promise<StoredCase> {
  return db.transaction('rw', db.orders, db.cases, async () => {
    mustExist(await db.orders.get(orderId), `order ${orderId}`);
    const existing = await openCase(db, orderId);
    if (existing) {
      if (existing.reason !== reason) await db.cases.update(existing.id, { reason });
      return { ...existing, reason };
    }
    const started: StoredCase = { id: newId(), orderId, reason, openedAt: at, status: 'open' };
    await db.cases.add(started);
    return started;
  });
}

/**
 * Brings a case's status in line with its events: closed at its last resolution, unless the
 * buyer reopened it since. An order has one open case at most, so a case cannot open again
 * while another is open.
 */
async function settleCaseStatus(db: CaseClockDatabase, caseId: string): Promise<void> {
  const found = mustExist(await db.cases.get(caseId), `case ${caseId}`);
  const events = await db.events.where('caseId').equals(caseId).toArray();
  // At the same moment, a reopening comes after the resolution it undoes.
  const last = events
    .filter((event) => CLOSING_EVENTS.has(event.type))
    .sort(
      (a, b) =>
        a.at.localeCompare(b.at) ||
        a.recordedAt.localeCompare(b.recordedAt) ||
        Number(a.type === 'case-reopened') - Number(b.type === 'case-reopened'),
    )
    .at(-1);
  if (last?.type === 'resolved') {
    if (found.status !== 'closed' || found.closedAt !== last.at) {
      await db.cases.update(caseId, { status: 'closed', closedAt: last.at });
    }
    return;
  }
  if (found.status === 'open') return;
  const other = await openCase(db, found.orderId);
  if (other) {
    throw new RecordError('another case is open on this order: resolve it first');
  }
  await db.cases.put({ ...withoutClosedAt(found), status: 'open' });
}

function withoutClosedAt({
  closedAt: _closedAt,
  ...rest
}: StoredCase): Omit<StoredCase, 'closedAt'> {
  return rest;
}

export interface BuyerRecord {
  orderId: string;
  type: BuyerEventType;
  at: string;
  details?: EventDetails;
}

/**
 * Records what the buyer did; steps of a dispute go into the order's open case. A resolution
 * closes the case; reopening takes the case closed last.
 */
export async function recordBuyerEvent(
  db: CaseClockDatabase,
  record: BuyerRecord,
  recordedAt: string,
  newId: () => string = () => crypto.randomUUID(),
): Promise<StoredEvent> {
  return db.transaction('rw', db.orders, db.cases, db.events, async () => {
    mustExist(await db.orders.get(record.orderId), `order ${record.orderId}`);
    let caseId: string | undefined;
    if (record.type === 'case-reopened') {
      const cases = await db.cases.where('orderId').equals(record.orderId).toArray();
      const shown = caseShown(cases);
      if (!shown || shown.status === 'open') {
        throw new RecordError('this order has no closed case to reopen');
      }
      caseId = shown.id;
    } else if (!ORDER_EVENT_TYPES.has(record.type)) {
      const current = await openCase(db, record.orderId);
      if (!current) throw new RecordError('start a case on this order before recording its steps');
      caseId = current.id;
    }
    const event: StoredEvent = {
      id: newId(),
      orderId: record.orderId,
      ...(caseId ? { caseId } : {}),
      type: record.type,
      at: record.at,
      recordedAt,
      source: 'buyer',
      ...(record.details ? { details: record.details } : {}),
    };
    await db.events.add(event);
    if (caseId && CLOSING_EVENTS.has(record.type)) await settleCaseStatus(db, caseId);
    return event;
  });
}

/** Corrects when something happened; the first time stays on record beside it. */
export async function correctEventTime(
  db: CaseClockDatabase,
  eventId: string,
  at: string,
): Promise<StoredEvent> {
  return db.transaction('rw', db.cases, db.events, async () => {
    const event = mustExist(await db.events.get(eventId), `event ${eventId}`);
    const corrected = { ...event, at, originalAt: event.originalAt ?? event.at };
    await db.events.put(corrected);
    if (event.caseId && CLOSING_EVENTS.has(event.type)) await settleCaseStatus(db, event.caseId);
    return corrected;
  });
}

/**
 * Removes a step the buyer recorded by mistake; what pages showed stays. Removing a resolution
 * opens its case again. Returns the step removed.
 */
export async function removeBuyerEvent(
  db: CaseClockDatabase,
  eventId: string,
): Promise<StoredEvent> {
  return db.transaction('rw', db.cases, db.events, async () => {
    const event = mustExist(await db.events.get(eventId), `event ${eventId}`);
    if (event.source !== 'buyer') throw new RecordError('events read from pages cannot be removed');
    await db.events.delete(eventId);
    if (event.caseId && CLOSING_EVENTS.has(event.type)) await settleCaseStatus(db, event.caseId);
    return event;
  });
}
