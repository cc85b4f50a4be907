import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { OrderReading } from '@/lib/marketplaces/types';
import { pageReadMessages } from '@/lib/messaging/page-parts';
import { parseMessage } from '@/lib/messaging/protocol';
import { TestBackground, tab } from '../background/harness';

const LIST_URL = 'https://www.aliexpress.com/p/order/index.html';

function order(number: number, items = 1): OrderReading {
  return {
    orderNumber: String(8_212_313_961_591_322 + number),
    status: 'shipped',
    statusText: 'Awaiting delivery',
    items: Array.from({ length: items }, (_unused, index) => ({
      title: `Item ${String(index + 1)}`,
      quantity: 1,
    })),
  };
}

function page(orders: OrderReading[]) {
  return {
    status: 'read' as const,
    marketplace: 'aliexpress' as const,
    pageKind: 'order-list' as const,
    orders,
    trackingNumbers: ['LZ492186534CN'],
    problems: [],
  };
}

describe('pageReadMessages', () => {
  it('sends 1,200 orders in three messages of at most 500, tracking numbers with the first', () => {
    const orders = Array.from({ length: 1200 }, (_unused, index) => order(index));
    const messages = pageReadMessages(LIST_URL, page(orders));
    expect(messages.map((message) => message.orders.length)).toEqual([500, 500, 200]);
    expect(messages.map((message) => message.trackingNumbers)).toEqual([
      ['LZ492186534CN'],
      undefined,
      undefined,
    ]);
    expect(messages.flatMap((message) => message.orders)).toEqual(orders);
    // Each is a message the background takes.
    for (const message of messages) expect(parseMessage(message).ok).toBe(true);
  });

  it('cuts an order of 5,000 items into pieces of 200, at most 2,000 items a message', () => {
    const long = order(1, 5000);
    const messages = pageReadMessages(LIST_URL, page([long]));
    expect(messages.map((message) => message.orders.length)).toEqual([10, 10, 5]);
    const pieces = messages.flatMap((message) => message.orders);
    expect(pieces[0]).toEqual({ ...long, items: long.items.slice(0, 200) });
    expect(pieces[1]).toEqual({
      orderNumber: long.orderNumber,
      items: long.items.slice(200, 400),
      itemsFrom: 200,
    });
    expect(pieces.flatMap((piece) => piece.items)).toEqual(long.items);
    for (const message of messages) expect(parseMessage(message).ok).toBe(true);
  });

  it('starts a new message when the items of many orders add up', () => {
    const orders = Array.from({ length: 30 }, (_unused, index) => order(index, 150));
    const messages = pageReadMessages(LIST_URL, page(orders));
    // 13 orders of 150 items make 1,950; the 14th would pass 2,000.
    expect(messages.map((message) => message.orders.length)).toEqual([13, 13, 4]);
  });
});

describe('a page sent in parts', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('is stored whole: every order, and every item of a long order in page order', async () => {
    const background = await new TestBackground('2026-11-10T09:00:00.000Z').start();
    const long = order(0, 5000);
    const others = Array.from({ length: 600 }, (_unused, index) => order(index + 1));
    for (const message of pageReadMessages(LIST_URL, page([long, ...others]))) {
      expect(await background.send(message, tab(LIST_URL))).toMatchObject({ ok: true });
    }
    expect(await background.db.orders.count()).toBe(601);
    const stored = await background.db.orders.get(`aliexpress:${long.orderNumber}`);
    expect(stored?.items).toEqual(long.items);
    expect(stored?.status).toBe('shipped');
    expect(stored).not.toHaveProperty('itemsFrom');
  });
});
