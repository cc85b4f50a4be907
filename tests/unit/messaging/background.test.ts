import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { editOrder } from '@/lib/db/order-edits';
import type { SenderInfo } from '@/lib/messaging/protocol';
import {
  DHGATE_ORDER_ID,
  DHGATE_ORDER_URL,
  EXTENSION_PAGE,
  TestBackground,
  dhgatePageRead,
  tab,
} from '../background/harness';

const ORDER_URL = DHGATE_ORDER_URL;
const ORDER_ID = DHGATE_ORDER_ID;
const fromDhgateTab = tab(ORDER_URL);
const pageRead = dhgatePageRead;

let background: TestBackground;

beforeEach(async () => {
  fakeBrowser.reset();
  background = await new TestBackground('2026-11-02T09:30:00.000Z').start();
});

describe('page-read', () => {
  it('stores the orders read on a marketplace page and answers with their ids and guards', async () => {
    const reply = await background.send(pageRead(), fromDhgateTab);
    expect(reply).toMatchObject({ ok: true, tracked: [ORDER_ID] });
    await expect(background.db.orders.get(ORDER_ID)).resolves.toEqual({
      id: ORDER_ID,
      marketplace: 'dhgate',
      orderNumber: '1043587216',
      status: 'shipped',
      statusText: 'Shipped',
      items: [],
      total: { minor: 4155, currency: 'USD' },
      detailUrl: ORDER_URL,
      firstSeenAt: '2026-11-02T09:30:00.000Z',
      lastSeenAt: '2026-11-02T09:30:00.000Z',
      seenOnUrl: ORDER_URL,
    });
  });

  it('turns status changes into events', async () => {
    await background.send(pageRead(), fromDhgateTab);
    background.now = new Date('2026-11-05T18:00:00.000Z');
    await background.send(
      pageRead({
        orders: [
          { orderNumber: '1043587216', status: 'completed', statusText: 'Completed', items: [] },
        ],
      }),
      fromDhgateTab,
    );
    const events = await background.db.events.where('orderId').equals(ORDER_ID).sortBy('at');
    expect(events.map((event) => [event.type, event.at, event.details])).toEqual([
      ['status-changed', '2026-11-02T09:30:00.000Z', { to: 'shipped', statusText: 'Shipped' }],
      [
        'status-changed',
        '2026-11-05T18:00:00.000Z',
        { from: 'shipped', to: 'completed', statusText: 'Completed' },
      ],
    ]);
    expect((await background.db.orders.get(ORDER_ID))?.firstSeenAt).toBe(
      '2026-11-02T09:30:00.000Z',
    );
  });

  it('records the tracking number once, at the page’s shipping date', async () => {
    const shipped = pageRead({
      orders: [
        {
          orderNumber: '1043587216',
          items: [],
          trackingNumber: 'LZ492186534CN',
          carrier: 'ePacket',
          shippedAt: '2026-10-30T09:12:00.000Z',
        },
      ],
    });
    await background.send(shipped, fromDhgateTab);
    await background.send(shipped, fromDhgateTab);
    const events = await background.db.events.where('orderId').equals(ORDER_ID).toArray();
    expect(events.filter((event) => event.type === 'tracking-uploaded')).toMatchObject([
      {
        at: '2026-10-30T09:12:00.000Z',
        details: { trackingNumber: 'LZ492186534CN', carrier: 'ePacket' },
      },
    ]);
  });

  it('never overwrites what the buyer entered', async () => {
    await background.send(pageRead(), fromDhgateTab);
    await editOrder(background.db, ORDER_ID, {
      total: { minor: 3900, currency: 'USD' },
      placedAt: '2026-10-27T10:00:00.000Z',
    });
    await background.send(pageRead(), fromDhgateTab);
    const order = await background.db.orders.get(ORDER_ID);
    expect(order?.edits).toEqual({
      total: { minor: 3900, currency: 'USD' },
      placedAt: '2026-10-27T10:00:00.000Z',
    });
    expect(order?.total).toEqual({ minor: 4155, currency: 'USD' });
  });

  it('opens a case for an order the marketplace shows in dispute', async () => {
    await background.send(
      pageRead({
        orders: [
          {
            orderNumber: '1043587216',
            items: [],
            status: 'in-dispute',
            dispute: { status: 'Seller Refused Refund', canEscalate: true },
          },
        ],
      }),
      fromDhgateTab,
    );
    expect(await background.db.cases.where('orderId').equals(ORDER_ID).toArray()).toMatchObject([
      { reason: 'other', status: 'open', openedAt: '2026-11-02T09:30:00.000Z' },
    ]);
    expect(background.badge).toBe('1'); // DHgate offers to escalate: an action is due
  });

  it('gives a tracking page’s number to the order its address names', async () => {
    await background.send(pageRead(), fromDhgateTab);
    const trackingUrl =
      'https://m.dhgate.com/mydhgate/order/trackinfo.html?rfx_id=ff80808193a1c4e50193b27c4f6d2a11&rft=4';
    await background.send(
      {
        type: 'page-read',
        url: trackingUrl,
        marketplace: 'dhgate',
        pageKind: 'tracking',
        orders: [],
        trackingNumbers: ['LZ492186534CN'],
      },
      tab(trackingUrl),
    );
    expect((await background.db.orders.get(ORDER_ID))?.trackingNumber).toBe('LZ492186534CN');
  });

  it('stores instants in UTC whatever offset they came with', async () => {
    await background.send(
      pageRead({
        orders: [{ orderNumber: '1043587216', items: [], placedAt: '2026-10-28T14:05:00+01:00' }],
      }),
      fromDhgateTab,
    );
    expect((await background.db.orders.get(ORDER_ID))?.placedAt).toBe('2026-10-28T13:05:00.000Z');
  });
});

describe('the confirm-receipt guard', () => {
  it('holds confirmation until the buyer marked the items inspected', async () => {
    const reply = await background.send(pageRead(), fromDhgateTab);
    expect(reply).toMatchObject({
      ok: true,
      guards: { '1043587216': { guard: true, reasons: ['not-inspected'], endsAllDisputes: true } },
    });
    const inspected = await background.send(
      { type: 'items-inspected', marketplace: 'dhgate', orderNumber: '1043587216' },
      fromDhgateTab,
    );
    expect(inspected).toMatchObject({
      ok: true,
      guards: { '1043587216': { guard: false, reasons: [] } },
    });
  });

  it('holds it while a case is open and its evidence is incomplete, naming what would be lost', async () => {
    const shipped = pageRead({
      orders: [
        {
          orderNumber: '1043587216',
          items: [],
          status: 'shipped',
          trackingNumber: 'LZ492186534CN',
          shippedAt: '2026-10-30T09:12:00.000Z',
        },
      ],
    });
    await background.send(shipped, fromDhgateTab);
    await background.send(
      { type: 'items-inspected', marketplace: 'dhgate', orderNumber: '1043587216' },
      fromDhgateTab,
    );
    await background.send({ type: 'case-start', orderId: ORDER_ID, reason: 'damaged' });
    const reply = await background.send(
      { type: 'guard-query', marketplace: 'dhgate', orderNumbers: ['1043587216'] },
      fromDhgateTab,
    );
    expect(reply).toMatchObject({
      ok: true,
      guards: {
        '1043587216': {
          guard: true,
          reasons: ['case-open', 'evidence-incomplete'],
          losses: [{ kind: 'dispute-window-closes', dueAt: '2027-01-28T09:12:00.000Z' }],
        },
      },
    });
  });
});

describe('opening a case from the in-page panel', () => {
  const openCase = { type: 'case-open', marketplace: 'dhgate', orderNumber: '1043587216' };
  const workspaceOf = (number: string) =>
    `${fakeBrowser.runtime.getURL('/case.html')}?order=dhgate%3A${number}`;

  it('brings back the order’s workspace tab and its window instead of opening another', async () => {
    await background.send(pageRead(), fromDhgateTab);
    await background.send(openCase, fromDhgateTab);
    const { tabId } = background.showTab(ORDER_URL);
    expect(await background.send(openCase, fromDhgateTab)).toEqual({ ok: true, orderId: ORDER_ID });
    expect(background.opened).toEqual([workspaceOf('1043587216')]);
    expect(background.tabs.filter((shown) => shown.active).map((shown) => shown.url)).toEqual([
      workspaceOf('1043587216'),
    ]);
    expect(background.tabs.find((shown) => shown.id === tabId)?.active).toBe(false);
    expect(background.focusedWindows).toEqual([1]);

    // Another order gets its own workspace.
    await background.send(
      pageRead({ orders: [{ orderNumber: '1041209953', items: [] }] }),
      fromDhgateTab,
    );
    await background.send({ ...openCase, orderNumber: '1041209953' }, fromDhgateTab);
    expect(background.opened).toEqual([workspaceOf('1043587216'), workspaceOf('1041209953')]);
  });

  it('leaves the workspace on the reminder it shows', async () => {
    await background.send(pageRead(), fromDhgateTab);
    const shown = `${workspaceOf('1043587216')}#reminder=dhgate%3A1043587216%7Cany`;
    background.showTab(shown);
    background.showTab(ORDER_URL);
    await background.send(openCase, fromDhgateTab);
    expect(background.tabs.filter((tab) => tab.active).map((tab) => tab.url)).toEqual([shown]);
    expect(background.opened).toEqual([]);
  });
});

describe('the buyer’s records', () => {
  beforeEach(async () => {
    await background.send(pageRead(), fromDhgateTab);
  });

  it('needs a case for the steps of a dispute', async () => {
    const reply = await background.send({
      type: 'event-record',
      orderId: ORDER_ID,
      event: 'escalated',
      at: '2026-11-02T09:00:00.000Z',
    });
    expect(reply).toEqual({
      ok: false,
      error: 'start a case on this order before recording its steps',
      code: 'invalid',
    });
  });

  it('keeps the first time beside a corrected one, and removes only its own records', async () => {
    await background.send({ type: 'case-start', orderId: ORDER_ID, reason: 'not-received' });
    const recorded = await background.send({
      type: 'event-record',
      orderId: ORDER_ID,
      event: 'contacted-seller',
      at: '2026-11-02T09:00:00.000Z',
    });
    const eventId = recorded.ok && 'eventId' in recorded ? recorded.eventId : '';
    await background.send({ type: 'event-correct', eventId, at: '2026-11-01T20:00:00.000Z' });
    expect(await background.db.events.get(eventId)).toMatchObject({
      at: '2026-11-01T20:00:00.000Z',
      originalAt: '2026-11-02T09:00:00.000Z',
    });
    const [pageEvent] = await background.db.events
      .where('orderId')
      .equals(ORDER_ID)
      .filter((event) => event.source === 'page')
      .toArray();
    expect(await background.send({ type: 'event-remove', eventId: pageEvent?.id ?? '' })).toEqual({
      ok: false,
      error: 'events read from pages cannot be removed',
      code: 'invalid',
    });
    expect(await background.send({ type: 'event-remove', eventId })).toEqual({ ok: true, eventId });
  });
});

describe('untrusted input', () => {
  it.each([
    ['a message that is not an object', 'hello'],
    ['an unknown message type', { type: 'drop-tables' }],
    ['a script URL', pageRead({ url: 'javascript:alert(1)' })],
    ['an unknown marketplace', pageRead({ marketplace: 'ebay' })],
    ['more orders than one message carries', pageRead({ orders: Array(501).fill({}) })],
  ])('refuses %s from a page, and changes nothing', async (_case, message) => {
    const reply = await background.send(message, fromDhgateTab);
    expect(reply.ok ? 'accepted' : reply.error).toMatch(/^invalid message \(/);
    expect(await background.db.orders.count()).toBe(0);
  });

  /** A good order beside a bad one: the bad one is refused alone, and named. */
  const GOOD = { orderNumber: '1043587216', items: [], status: 'shipped' };
  const OTHER_SITE = 'https://dhgate.example.com/order/1041209953';
  it.each<[string, object, string, string?]>([
    ['an empty order number', { orderNumber: '  ', items: [] }, 'data', 'orderNumber'],
    [
      'an amount that is not a whole number of cents',
      { orderNumber: '1041209953', items: [], total: { minor: 1.5, currency: 'USD' } },
      'data',
      'total.minor',
    ],
    [
      'a currency written in lower case',
      { orderNumber: '1041209953', items: [], total: { minor: 5, currency: 'usd' } },
      'data',
      'total.currency',
    ],
    [
      'an unknown status',
      { orderNumber: '1041209953', items: [], status: 'lost' },
      'data',
      'status',
    ],
    [
      'a date that is not a date',
      { orderNumber: '1041209953', items: [], placedAt: 'soon' },
      'data',
      'placedAt',
    ],
    [
      'an item’s stock-in time that is not a date',
      { orderNumber: '1041209953', items: [{ title: 'Jacket', stockedInAt: '2026-11-06' }] },
      'data',
      'items.0.stockedInAt',
    ],
    [
      'a title longer than a message carries',
      { orderNumber: '1041209953', items: [{ title: 'x'.repeat(600) }] },
      'data',
      'items.0.title',
    ],
    ['a 120-digit "order number"', { orderNumber: '9'.repeat(120), items: [] }, 'order-number'],
    [
      'a number with a phone number after it',
      { orderNumber: '1041209953 | call +1-555-0100', items: [] },
      'order-number',
    ],
    [
      'an order page on another site',
      { orderNumber: '1041209953', items: [], detailUrl: OTHER_SITE },
      'link',
    ],
    [
      'a seller on another site',
      { orderNumber: '1041209953', items: [], seller: { name: 'Shop', url: OTHER_SITE } },
      'link',
    ],
    [
      'an item on another site',
      { orderNumber: '1041209953', items: [{ title: 'Earbuds', url: OTHER_SITE }] },
      'link',
    ],
    [
      'an order page over plain http',
      {
        orderNumber: '1041209953',
        items: [],
        detailUrl: 'http://www.dhgate.com/orderdetail.do?id=1',
      },
      'link',
    ],
  ])('refuses %s, stores the rest of the page, and says so', async (_case, bad, reason, detail) => {
    const reply = await background.send(pageRead({ orders: [GOOD, bad] }), fromDhgateTab);
    expect(reply).toMatchObject({ ok: true, tracked: [ORDER_ID] });
    const refused = reply.ok && 'refused' in reply ? reply.refused : [];
    expect(refused).toMatchObject([{ reason }]);
    if (typeof detail === 'string') expect(refused[0]?.detail).toContain(detail);
    expect((await background.db.orders.toArray()).map((order) => order.id)).toEqual([ORDER_ID]);
    expect(await background.db.pageReports.get(ORDER_URL)).toMatchObject({ refused });
  });

  it.each([
    ['an unknown case reason', { type: 'case-start', orderId: ORDER_ID, reason: 'boredom' }],
    ['a malformed order id', { type: 'case-start', orderId: 'ebay:1', reason: 'damaged' }],
    [
      'a page event recorded by hand',
      {
        type: 'event-record',
        orderId: ORDER_ID,
        event: 'status-changed',
        at: '2026-11-02T09:00:00.000Z',
      },
    ],
    [
      'an impossible time',
      { type: 'event-record', orderId: ORDER_ID, event: 'escalated', at: '2026-02-30T09:00:00Z' },
    ],
    [
      'an unknown outcome',
      {
        type: 'event-record',
        orderId: ORDER_ID,
        event: 'resolved',
        at: '2026-11-02T09:00:00.000Z',
        details: { outcome: 'maybe' },
      },
    ],
    ['a negative lead time', { type: 'settings-update', settings: { reminderLeadHours: -5 } }],
    [
      'an override of years',
      { type: 'settings-update', settings: { overrides: { dhgate: { sellerResponse: 99999 } } } },
    ],
  ])('refuses %s from CaseClock’s pages, and changes nothing', async (_case, message) => {
    const before = [
      await background.db.cases.count(),
      await background.db.events.count(),
      await background.db.settings.count(),
    ];
    const reply = await background.send(message);
    expect(reply.ok ? 'accepted' : reply.error).toMatch(/^invalid message \(/);
    expect([
      await background.db.cases.count(),
      await background.db.events.count(),
      await background.db.settings.count(),
    ]).toEqual(before);
  });

  it.each<[string, SenderInfo]>([
    ['another extension', { ...fromDhgateTab, id: 'someone-else' }],
    ['an extension page rather than a tab', EXTENSION_PAGE],
    ['a tab on another marketplace', tab('https://www.aliexpress.com/p/order/index.html')],
    ['a tab on some other site', tab('https://evil.example/dhgate.com/')],
  ])('refuses page readings sent from %s', async (_case, sender) => {
    const reply = await background.send(pageRead(), sender);
    expect(reply.ok).toBe(false);
    expect(await background.db.orders.count()).toBe(0);
  });

  it('refuses the buyer’s actions when a web page sends them', async () => {
    await background.send(pageRead(), fromDhgateTab);
    const reply = await background.send(
      { type: 'case-start', orderId: ORDER_ID, reason: 'damaged' },
      fromDhgateTab,
    );
    expect(reply).toEqual({
      ok: false,
      error: 'this message is accepted only from CaseClock itself',
    });
    expect(await background.db.cases.count()).toBe(0);
  });

  it('refuses a reading whose page URL is not on the marketplace it claims', async () => {
    const reply = await background.send(
      pageRead({ url: 'https://www.aliexpress.com/p/order/index.html' }),
      fromDhgateTab,
    );
    expect(reply).toEqual({
      ok: false,
      error: 'https://www.aliexpress.com/p/order/index.html is not a dhgate page',
    });
  });
});
