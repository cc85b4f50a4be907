import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseClockDatabase } from '@/lib/db/database';
import { createMessageHandler } from '@/lib/messaging/background';
import type { SenderInfo } from '@/lib/messaging/protocol';

const EXTENSION_ID = 'caseclock-test';
const ORDER_URL =
  'https://m.dhgate.com/mydhgate/order/orderdetail.html?rfid=ff80808193a1c4e50193b27c4f6d2a11&rft=4';
const fromDhgateTab: SenderInfo = { id: EXTENSION_ID, url: ORDER_URL, tab: { id: 7 } };

function pageRead(overrides: Record<string, unknown> = {}) {
  return {
    type: 'page-read',
    url: ORDER_URL,
    marketplace: 'dhgate',
    pageKind: 'order-detail',
    orders: [
      {
        orderNumber: '1043587216',
        status: 'shipped',
        statusText: 'Shipped',
        items: [],
        total: { minor: 4155, currency: 'USD' },
      },
    ],
    ...overrides,
  };
}

let db: CaseClockDatabase;
let clock: Date;
let handle: ReturnType<typeof createMessageHandler>;

beforeEach(() => {
  db = new CaseClockDatabase(`test-${crypto.randomUUID()}`);
  clock = new Date('2026-11-02T09:30:00Z');
  handle = createMessageHandler({ db, extensionId: EXTENSION_ID, now: () => clock });
});

afterEach(async () => {
  await db.delete();
});

describe('page-read', () => {
  it('stores the orders read on a marketplace page and answers with their ids', async () => {
    await expect(handle(pageRead(), fromDhgateTab)).resolves.toEqual({
      ok: true,
      tracked: ['dhgate:1043587216'],
    });
    await expect(db.orders.get('dhgate:1043587216')).resolves.toEqual({
      id: 'dhgate:1043587216',
      marketplace: 'dhgate',
      orderNumber: '1043587216',
      status: 'shipped',
      statusText: 'Shipped',
      items: [],
      total: { minor: 4155, currency: 'USD' },
      firstSeenAt: '2026-11-02T09:30:00.000Z',
      lastSeenAt: '2026-11-02T09:30:00.000Z',
      seenOnUrl: ORDER_URL,
    });
  });

  it('updates an order seen again, keeping when it was first seen', async () => {
    await handle(pageRead(), fromDhgateTab);
    clock = new Date('2026-11-05T18:00:00Z');
    const delivered = pageRead({
      orders: [{ orderNumber: '1043587216', status: 'delivered', items: [] }],
    });
    await handle(delivered, fromDhgateTab);
    const order = await db.orders.get('dhgate:1043587216');
    expect(order).toMatchObject({
      status: 'delivered',
      statusText: 'Shipped',
      total: { minor: 4155, currency: 'USD' },
      firstSeenAt: '2026-11-02T09:30:00.000Z',
      lastSeenAt: '2026-11-05T18:00:00.000Z',
    });
    expect(await db.orders.count()).toBe(1);
  });

  it('stores instants in UTC whatever offset they came with', async () => {
    const reading = pageRead({
      orders: [{ orderNumber: '1043587216', items: [], placedAt: '2026-10-28T14:05:00+01:00' }],
    });
    await handle(reading, fromDhgateTab);
    expect((await db.orders.get('dhgate:1043587216'))?.placedAt).toBe('2026-10-28T13:05:00.000Z');
  });

  it.each([
    ['a message that is not an object', 'hello'],
    ['an unknown message type', { type: 'drop-tables' }],
    ['an empty order number', pageRead({ orders: [{ orderNumber: '  ', items: [] }] })],
    [
      'an amount that is not a whole number of cents',
      pageRead({
        orders: [{ orderNumber: '1', items: [], total: { minor: 1.5, currency: 'USD' } }],
      }),
    ],
    ['an unknown status', pageRead({ orders: [{ orderNumber: '1', items: [], status: 'lost' }] })],
    ['a script URL', pageRead({ url: 'javascript:alert(1)' })],
    [
      'a date that is not a date',
      pageRead({ orders: [{ orderNumber: '1', items: [], placedAt: 'soon' }] }),
    ],
    ['an unknown marketplace', pageRead({ marketplace: 'ebay' })],
  ])('refuses %s and changes nothing', async (_case, message) => {
    const reply = await handle(message, fromDhgateTab);
    expect(reply.ok ? 'accepted' : reply.error).toMatch(/^invalid message \(/);
    expect(await db.orders.count()).toBe(0);
  });

  it('names the wrong field in its error', async () => {
    const reply = await handle(
      pageRead({ orders: [{ orderNumber: '1', items: [], total: { minor: 5, currency: 'usd' } }] }),
      fromDhgateTab,
    );
    expect(reply.ok ? 'accepted' : reply.error).toContain('orders.0.total.currency');
  });

  it.each([
    ['another extension', { ...fromDhgateTab, id: 'someone-else' }],
    [
      'an extension page rather than a tab',
      { id: EXTENSION_ID, url: 'chrome-extension://x/popup.html' },
    ],
    [
      'a tab on another marketplace',
      { ...fromDhgateTab, url: 'https://www.aliexpress.com/p/order/index.html' },
    ],
    ['a tab on some other site', { ...fromDhgateTab, url: 'https://evil.example/dhgate.com/' }],
  ])('refuses readings sent from %s', async (_case, sender) => {
    const reply = await handle(pageRead(), sender);
    expect(reply.ok).toBe(false);
    expect(await db.orders.count()).toBe(0);
  });

  it('refuses a reading whose page URL is not on the marketplace it claims', async () => {
    const reply = await handle(
      pageRead({ url: 'https://www.aliexpress.com/p/order/index.html' }),
      fromDhgateTab,
    );
    expect(reply).toEqual({
      ok: false,
      error: 'https://www.aliexpress.com/p/order/index.html is not a dhgate page',
    });
  });
});
