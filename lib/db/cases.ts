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

export async function openCase(
  db: CaseClockDatabase,
  orderId: string,
): Promise<StoredCase | undefined> {
  return (await db.cases.where('orderId').equals(orderId).toArray()).find(
    (found) => found.status === 'open',
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

export interface BuyerRecord {
  orderId: string;
  type: BuyerEventType;
  at: string;
  details?: EventDetails;
}

/** Records what the buyer did; steps of a dispute go into the order's open case. */
export async function recordBuyerEvent(
  db: CaseClockDatabase,
  record: BuyerRecord,
  recordedAt: string,
  newId: () => string = () => crypto.randomUUID(),
): Promise<StoredEvent> {
  return db.transaction('rw', db.orders, db.cases, db.events, async () => {
    mustExist(await db.orders.get(record.orderId), `order ${record.orderId}`);
    let caseId: string | undefined;
    if (!ORDER_EVENT_TYPES.has(record.type)) {
      const current = await openCase(db, record.orderId);
      if (!current) throw new RecordError('start a case on this order before recording its steps');
      caseId = current.id;
      if (record.type === 'resolved') {
        await db.cases.update(current.id, { status: 'closed', closedAt: record.at });
      }
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
    return event;
  });
}

/** Corrects when something happened; the first time stays on record beside it. */
export async function correctEventTime(
  db: CaseClockDatabase,
  eventId: string,
  at: string,
): Promise<StoredEvent> {
  return db.transaction('rw', db.events, async () => {
    const event = mustExist(await db.events.get(eventId), `event ${eventId}`);
    const corrected = { ...event, at, originalAt: event.originalAt ?? event.at };
    await db.events.put(corrected);
    return corrected;
  });
}

/** Removes a step the buyer recorded by mistake; what pages showed stays. */
export async function removeBuyerEvent(db: CaseClockDatabase, eventId: string): Promise<void> {
  await db.transaction('rw', db.events, async () => {
    const event = mustExist(await db.events.get(eventId), `event ${eventId}`);
    if (event.source !== 'buyer') throw new RecordError('events read from pages cannot be removed');
    await db.events.delete(eventId);
  });
}
