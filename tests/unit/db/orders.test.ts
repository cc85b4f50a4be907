import { describe, expect, it } from 'vitest';
import { mergeReading, newestFirst } from '@/lib/db/orders';
import type { StoredOrder } from '@/lib/db/schema';

const seen = {
  at: '2026-11-02T09:30:00.000Z',
  url: 'https://m.dhgate.com/x',
  pageKind: 'order-detail' as const,
};
const fromTracking = { ...seen, pageKind: 'tracking' as const };

function stored(overrides: Partial<StoredOrder>): StoredOrder {
  return {
    id: 'dhgate:1',
    marketplace: 'dhgate',
    orderNumber: '1',
    items: [],
    firstSeenAt: '2026-11-01T00:00:00.000Z',
    lastSeenAt: '2026-11-01T00:00:00.000Z',
    seenOnUrl: 'https://m.dhgate.com/list',
    ...overrides,
  };
}

describe('mergeReading', () => {
  it('keeps items when the new page lists none, and replaces them when it does', () => {
    const before = stored({ items: [{ title: 'Earbuds', quantity: 2 }] });
    expect(mergeReading(before, 'dhgate', { orderNumber: '1', items: [] }, seen).items).toEqual([
      { title: 'Earbuds', quantity: 2 },
    ]);
    expect(
      mergeReading(before, 'dhgate', { orderNumber: '1', items: [{ title: 'Case' }] }, seen).items,
    ).toEqual([{ title: 'Case' }]);
  });

  it('never lets a missing field erase a known one', () => {
    const before = stored({ total: { minor: 100, currency: 'USD' }, status: 'shipped' });
    const merged = mergeReading(
      before,
      'dhgate',
      { orderNumber: '1', items: [], status: undefined },
      seen,
    );
    expect(merged).toMatchObject({ total: { minor: 100, currency: 'USD' }, status: 'shipped' });
  });
});

describe('statuses from tracking and parcel pages', () => {
  it.each([
    ['shipped', 'delivered', 'delivered'],
    ['awaiting-shipment', 'shipped', 'shipped'],
    ['completed', 'delivered', 'completed'],
    ['in-dispute', 'delivered', 'in-dispute'],
    ['refunded', 'shipped', 'refunded'],
    ['delivered', 'in-warehouse', 'delivered'],
  ] as const)('move an order from %s on %s, to %s', (before, shown, after) => {
    const merged = mergeReading(
      stored({ status: before, statusText: 'As the order page said' }),
      'dhgate',
      { orderNumber: '1', items: [], status: shown, statusText: 'Parcel says' },
      fromTracking,
    );
    expect(merged.status).toBe(after);
    expect(merged.statusText).toBe(after === before ? 'As the order page said' : 'Parcel says');
  });

  it('set the status of an order seen for the first time', () => {
    expect(
      mergeReading(
        undefined,
        'dhgate',
        { orderNumber: '1', items: [], status: 'shipped' },
        fromTracking,
      ).status,
    ).toBe('shipped');
  });

  it('do not hold back what an order page says', () => {
    expect(
      mergeReading(
        stored({ status: 'completed' }),
        'dhgate',
        { orderNumber: '1', items: [], status: 'shipped' },
        seen,
      ).status,
    ).toBe('shipped');
  });
});

describe('newestFirst', () => {
  it('orders by placing date, falling back to when the order was first seen', () => {
    const orders = [
      stored({ id: 'a', placedAt: '2026-10-01T10:00:00.000Z' }),
      stored({ id: 'b', firstSeenAt: '2026-11-10T10:00:00.000Z' }),
      stored({ id: 'c', placedAt: '2026-10-20T10:00:00.000Z' }),
    ];
    expect(newestFirst(orders).map((order) => order.id)).toEqual(['b', 'c', 'a']);
  });
});
