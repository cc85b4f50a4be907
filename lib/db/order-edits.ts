import type { MarketplaceId } from '../marketplaces/types';
import type { CaseClockDatabase } from './database';
import { mustExist } from './errors';
import { orderId, type OrderEdits, type StoredOrder } from './schema';

/** Saves the buyer's own values for an order's fields; pages never overwrite them. */
export async function editOrder(
  db: CaseClockDatabase,
  orderId: string,
  edits: OrderEdits,
): Promise<void> {
  await db.transaction('rw', db.orders, async () => {
    const order = mustExist(await db.orders.get(orderId), `order ${orderId}`);
    await db.orders.update(orderId, { edits: { ...order.edits, ...edits } });
  });
}

/**
 * Tracks an order the buyer entered by hand (a page could not be read, or was never opened).
 * What they typed is kept as their edits, so a later page reading never overwrites it.
 */
export async function addOrderByHand(
  db: CaseClockDatabase,
  marketplace: MarketplaceId,
  orderNumber: string,
  edits: OrderEdits,
  at: string,
): Promise<string> {
  const id = orderId(marketplace, orderNumber);
  await db.transaction('rw', db.orders, async () => {
    const existing = await db.orders.get(id);
    if (existing) {
      await db.orders.update(id, { edits: { ...existing.edits, ...edits }, archived: false });
      return;
    }
    const order: StoredOrder = {
      id,
      marketplace,
      orderNumber,
      items: [],
      firstSeenAt: at,
      lastSeenAt: at,
      edits,
    };
    await db.orders.add(order);
  });
  return id;
}

/** Puts an order away (no more reminders) or brings it back. */
export async function archiveOrder(
  db: CaseClockDatabase,
  orderId: string,
  archived: boolean,
): Promise<void> {
  await db.transaction('rw', db.orders, async () => {
    mustExist(await db.orders.get(orderId), `order ${orderId}`);
    await db.orders.update(orderId, { archived });
  });
}
