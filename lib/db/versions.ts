import type { Transaction } from 'dexie';
import type { StoredEvent, StoredOrder } from './schema';

export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  /** Moves data written by the previous version into this one's shape. */
  upgrade?: (transaction: Transaction) => Promise<void>;
}

/**
 * Version 2 keeps a log of what happened to each order. Orders tracked under version 1 get
 * the events their stored state implies, timed when CaseClock first saw them: the buyer can
 * correct those times.
 */
async function orderEventsFromVersion1(transaction: Transaction): Promise<void> {
  const orders = (await transaction.table('orders').toArray()) as StoredOrder[];
  const events: StoredEvent[] = orders.flatMap((order) => {
    const base = { orderId: order.id, recordedAt: order.firstSeenAt, source: 'page' as const };
    const found: StoredEvent[] = [];
    if (order.status) {
      found.push({
        ...base,
        id: `v2:${order.id}:status`,
        type: 'status-changed',
        at: order.firstSeenAt,
        details: {
          to: order.status,
          ...(order.statusText ? { statusText: order.statusText } : {}),
        },
      });
    }
    if (order.trackingNumber) {
      found.push({
        ...base,
        id: `v2:${order.id}:tracking`,
        type: 'tracking-uploaded',
        at: order.shippedAt ?? order.firstSeenAt,
        details: {
          trackingNumber: order.trackingNumber,
          ...(order.carrier ? { carrier: order.carrier } : {}),
        },
      });
    }
    return found;
  });
  await transaction.table('events').bulkPut(events);
}

/**
 * Every schema version CaseClock has shipped, oldest first. A version is never edited once
 * released (its frozen copy in `tests/unit/db/frozen/` fails the tests if it is): a change is a
 * new entry, with an upgrade for data that needs it, and a frozen file of rows it writes.
 */
export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  { version: 1, stores: { orders: 'id, marketplace, lastSeenAt' } },
  {
    version: 2,
    stores: {
      cases: 'id, orderId, status',
      events: 'id, orderId, caseId',
      evidence: 'id, caseId, orderId',
      evidenceBlobs: 'id',
      settings: 'key',
      reminders: 'id',
    },
    upgrade: orderEventsFromVersion1,
  },
  // Files arrive from CaseClock's pages in chunks; each is kept apart until the file is whole.
  { version: 3, stores: { uploads: 'id, startedAt', uploadChunks: '[uploadId+index], uploadId' } },
  // A deletion waits in the trash for a few seconds, so the buyer can undo it; what a page
  // reading could not make out is kept per page, for the popup to say.
  { version: 4, stores: { trash: 'id, deletedAt', pageReports: 'url, at' } },
  // Every reminder shown, so the case's timeline can say when the buyer was reminded.
  { version: 5, stores: { reminderLog: 'id, orderId, reminder' } },
  // Each order's summary, kept on each write: the popup reads a screenful of it in list order,
  // and the background finds the orders whose time has come, without planning every order.
  {
    version: 6,
    stores: { summaries: 'orderId, open, closed, all, archived, *words, wakeAt, plannedWith' },
  },
];

/** The schema version this CaseClock's database is at: what a backup says its records are in. */
export const CURRENT_SCHEMA_VERSION = Math.max(...SCHEMA_VERSIONS.map((entry) => entry.version));
