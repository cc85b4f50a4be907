import type { CaseClockDatabase } from './database';
import { orderId, type StoredOrder } from './schema';
import type { MarketplaceId, OrderReading } from '../marketplaces/types';

/** Fields of a reading that are not part of the order itself. */
type ReadingFields = Omit<OrderReading, 'items'>;

/**
 * Merges what a page showed into the stored order: fields the page showed replace the stored
 * ones, fields it did not show are kept (an order list shows less than the detail page), and
 * items are replaced only by a page that lists them.
 */
export function mergeReading(
  stored: StoredOrder | undefined,
  marketplace: MarketplaceId,
  reading: OrderReading,
  seen: { at: string; url: string },
): StoredOrder {
  const shown = Object.fromEntries(
    Object.entries(reading).filter(([key, value]) => key !== 'items' && value !== undefined),
  ) as ReadingFields;
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
  seen: { at: string; url: string },
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
