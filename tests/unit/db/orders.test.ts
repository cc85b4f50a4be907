import { describe, expect, it } from 'vitest';
import { mergeReading, ordersShownAt } from '@/lib/db/orders';
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

  it('keeps what an earlier page showed of an item and this one does not, item by item', () => {
    const stockedIn = '2026-11-06T10:40:12.000Z';
    const before = stored({
      items: [
        { title: 'Puffer jacket', itemNumber: 'DI26811203401', stockedInAt: stockedIn },
        { title: 'Beanie', url: 'https://www.superbuy.com/b', stockedInAt: stockedIn },
      ],
    });
    const list = {
      orderNumber: '1',
      items: [
        { title: 'Beanie', url: 'https://www.superbuy.com/b', statusText: 'Stored' },
        { title: 'Puffer jacket (renamed)', itemNumber: 'DI26811203401', statusText: 'Shipped' },
        { title: 'Beanie', url: 'https://www.superbuy.com/other' },
      ],
    };
    expect(mergeReading(before, 'dhgate', list, seen).items).toEqual([
      {
        title: 'Beanie',
        url: 'https://www.superbuy.com/b',
        statusText: 'Stored',
        stockedInAt: stockedIn,
      },
      {
        title: 'Puffer jacket (renamed)',
        itemNumber: 'DI26811203401',
        statusText: 'Shipped',
        stockedInAt: stockedIn,
      },
      { title: 'Beanie', url: 'https://www.superbuy.com/other' },
    ]);
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

describe('ordersShownAt', () => {
  const detail =
    'https://m.dhgate.com/mydhgate/order/orderdetail.html?rfid=ff80808193a1c4e50193b27c4f6d2a11&rft=4';
  const orders = [
    stored({ id: 'dhgate:1', orderNumber: '1', seenOnUrl: detail, detailUrl: detail }),
    stored({ id: 'dhgate:2', orderNumber: '2', seenOnUrl: 'https://dg.dhgate.com/list.do' }),
    stored({ id: 'aliexpress:8212313961591322', orderNumber: '8212313961591322' }),
  ];

  it('finds the order last read on the page, whatever its fragment', () => {
    expect(ordersShownAt(orders, `${detail}#items`).map((order) => order.id)).toEqual(['dhgate:1']);
  });

  it('finds the order a page’s address names: its number, or its page id', () => {
    expect(
      ordersShownAt(
        orders,
        'https://www.aliexpress.com/p/order/detail.html?orderId=8212313961591322',
      ).map((order) => order.id),
    ).toEqual(['aliexpress:8212313961591322']);
    expect(
      ordersShownAt(
        orders,
        'https://m.dhgate.com/mydhgate/order/trackinfo.html?rfx_id=ff80808193a1c4e50193b27c4f6d2a11',
      ).map((order) => order.id),
    ).toEqual(['dhgate:1']);
  });

  it('finds nothing on another page, or for an address that is not one', () => {
    expect(ordersShownAt(orders, 'https://t.17track.net/en#nums=LZ492186534CN')).toEqual([]);
    expect(ordersShownAt(orders, 'chrome://newtab')).toEqual([]);
    expect(ordersShownAt(orders, 'not a url')).toEqual([]);
  });
});
