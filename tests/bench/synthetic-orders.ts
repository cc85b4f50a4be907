import type { StoredCase, StoredEvent, StoredOrder } from '../../lib/db/schema';
import type { MarketplaceId, OrderStatus } from '../../lib/marketplaces/types';

export interface SyntheticData {
  orders: StoredOrder[];
  cases: StoredCase[];
  events: StoredEvent[];
}

const MARKETPLACES: readonly MarketplaceId[] = ['dhgate', 'aliexpress', 'allchinabuy'];
const STATUSES: readonly OrderStatus[] = [
  'shipped',
  'shipped',
  'delivered',
  'completed',
  'awaiting-shipment',
  'cancelled',
];
const DAY = 86_400_000;

/**
 * A buyer with `count` orders spread over a year on the three marketplaces, one in ten with an
 * open case and a refund request: what the popup lists and plans for a heavy user. Deterministic,
 * so runs compare.
 */
export function syntheticOrders(count: number, now: Date): SyntheticData {
  const data: SyntheticData = { orders: [], cases: [], events: [] };
  for (let index = 0; index < count; index += 1) {
    const marketplace = MARKETPLACES[index % MARKETPLACES.length] ?? 'dhgate';
    const status = STATUSES[index % STATUSES.length] ?? 'shipped';
    const placed = new Date(now.getTime() - ((index * 37) % 365) * DAY - (index % 24) * 3_600_000);
    const orderNumber = String(8_000_000_000 + index * 7919);
    const id = `${marketplace}:${orderNumber}`;
    data.orders.push({
      id,
      marketplace,
      orderNumber,
      status,
      statusText: status,
      seller: { name: `Store ${String(index % 250)}` },
      items: [
        { title: `Item ${String(index)} wireless earbuds`, quantity: 1 + (index % 3) },
        { title: `Case ${String(index % 40)}` },
      ],
      total: { minor: 500 + ((index * 131) % 20_000), currency: index % 4 === 0 ? 'EUR' : 'USD' },
      placedAt: placed.toISOString(),
      ...(status === 'awaiting-shipment' || status === 'cancelled'
        ? {}
        : {
            shippedAt: new Date(placed.getTime() + 3 * DAY).toISOString(),
            trackingNumber: `LP${String(100_000_000 + index)}CN`,
          }),
      ...(status === 'delivered' || status === 'completed'
        ? { receivedAt: new Date(placed.getTime() + 20 * DAY).toISOString() }
        : {}),
      firstSeenAt: placed.toISOString(),
      lastSeenAt: now.toISOString(),
    });
    data.events.push({
      id: `status-${id}`,
      orderId: id,
      type: 'status-changed',
      at: placed.toISOString(),
      recordedAt: placed.toISOString(),
      source: 'page',
      details: { to: status },
    });
    if (index % 10 === 0) {
      const caseId = `case-${id}`;
      const requested = new Date(now.getTime() - (index % 9) * DAY);
      data.cases.push({
        id: caseId,
        orderId: id,
        reason: 'not-received',
        openedAt: requested.toISOString(),
        status: 'open',
      });
      data.events.push({
        id: `refund-${id}`,
        orderId: id,
        caseId,
        type: 'refund-requested',
        at: requested.toISOString(),
        recordedAt: requested.toISOString(),
        source: 'buyer',
      });
    }
  }
  return data;
}
