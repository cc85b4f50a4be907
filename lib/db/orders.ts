import type { CaseClockDatabase } from './database';
import { orderId, type StoredOrder } from './schema';
import type { MarketplaceId, OrderReading, OrderStatus, PageKind } from '../marketplaces/types';

/** Fields of a reading that are not part of the order itself. */
type ReadingFields = Omit<OrderReading, 'items'>;

/** Where an order stands on its way to the buyer; other statuses are not on that way. */
const PROGRESS: Partial<Record<OrderStatus, number>> = {
  'awaiting-payment': 0,
  'awaiting-shipment': 1,
  'in-warehouse': 2,
  shipped: 3,
  delivered: 4,
  completed: 5,
};

/**
 * A tracking or parcel page tells the parcel's story, not the order's: it may move an order
 * forward ("Delivered"), never back, and never out of a dispute, a refund or a cancellation.
 */
function parcelStatusApplies(stored: OrderStatus | undefined, shown: OrderStatus): boolean {
  if (stored === undefined) return true;
  const from = PROGRESS[stored];
  const to = PROGRESS[shown];
  return from !== undefined && to !== undefined && to > from;
}

export interface Sighting {
  at: string;
  url: string;
  pageKind: PageKind;
}

/**
 * Merges what a page showed into the stored order: fields the page showed replace the stored
 * ones, fields it did not show are kept (an order list shows less than the detail page), and
 * items are replaced only by a page that lists them.
 */
export function mergeReading(
  stored: StoredOrder | undefined,
  marketplace: MarketplaceId,
  reading: OrderReading,
  seen: Sighting,
): StoredOrder {
  const shown = Object.fromEntries(
    Object.entries(reading).filter(([key, value]) => key !== 'items' && value !== undefined),
  ) as ReadingFields;
  const fromParcel = seen.pageKind === 'tracking' || seen.pageKind === 'parcel-list';
  if (fromParcel && shown.status && !parcelStatusApplies(stored?.status, shown.status)) {
    delete shown.status;
    delete shown.statusText;
  }
  return {
    ...stored,
    ...shown,
    id: orderId(marketplace, reading.orderNumber),
    marketplace,
    items: reading.items.length > 0 || !stored ? reading.items : stored.items,
    firstSeenAt: stored?.firstSeenAt ?? seen.at,
    lastSeenAt: seen.at,
    seenOnUrl: seen.url,
  };
}

/** Stores the orders read from one page, all or nothing; returns their ids. */
export async function recordOrderReadings(
  db: CaseClockDatabase,
  marketplace: MarketplaceId,
  readings: readonly OrderReading[],
  seen: Sighting,
): Promise<string[]> {
  return db.transaction('rw', db.orders, async () => {
    const ids = readings.map((reading) => orderId(marketplace, reading.orderNumber));
    const stored = await db.orders.bulkGet(ids);
    const merged = readings.map((reading, index) =>
      mergeReading(stored[index], marketplace, reading, seen),
    );
    await db.orders.bulkPut(merged);
    return ids;
  });
}

/** Orders newest first: by the date the order was placed, else when CaseClock first saw it. */
export function newestFirst(orders: readonly StoredOrder[]): StoredOrder[] {
  const when = (order: StoredOrder) => order.placedAt ?? order.firstSeenAt;
  return [...orders].sort((a, b) => when(b).localeCompare(when(a)));
}
