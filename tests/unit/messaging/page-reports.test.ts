import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { pageReportLines } from '@/lib/i18n/phrases';
import { translator } from '@/lib/i18n';
import type { PageReport } from '@/lib/db/schema';
import {
  DHGATE_ORDER_ID,
  DHGATE_ORDER_URL,
  TestBackground,
  dhgatePageRead,
  tab,
} from '../background/harness';

let background: TestBackground;

beforeEach(async () => {
  fakeBrowser.reset();
  background = await new TestBackground('2026-11-10T09:00:00.000Z').start();
});

const CLIPPED = { kind: 'field-clipped', order: '1043587216', field: 'itemTitle' } as const;

describe('what a page reading could not make out', () => {
  it('is kept for the popup, and forgotten once the page reads clean', async () => {
    await background.send(dhgatePageRead({ problems: [CLIPPED] }), tab(DHGATE_ORDER_URL));
    expect(await background.db.pageReports.get(DHGATE_ORDER_URL)).toEqual({
      url: DHGATE_ORDER_URL,
      marketplace: 'dhgate',
      at: '2026-11-10T09:00:00.000Z',
      problems: [CLIPPED],
      refused: [],
    });
    await background.send(dhgatePageRead({ problems: [] }), tab(DHGATE_ORDER_URL));
    expect(await background.db.pageReports.count()).toBe(0);
  });

  it('gathers the orders refused in every part of a long page', async () => {
    const url = 'https://m.dhgate.com/mydhgate/order/orderlist.html?rft=4';
    const bad = (number: string) => ({ orderNumber: number, items: [] });
    await background.send(dhgatePageRead({ url, problems: [], orders: [bad('12')] }), tab(url));
    // A later part carries no problems of its own: its refusals add to the first part's.
    await background.send(dhgatePageRead({ url, orders: [bad('34')] }), tab(url));
    expect((await background.db.pageReports.get(url))?.refused).toEqual([
      { order: '12', reason: 'order-number' },
      { order: '34', reason: 'order-number' },
    ]);
  });

  it('is kept too for a page where no order could be read, by its address without fragment', async () => {
    const url = 'https://www.aliexpress.com/p/order/index.html';
    expect(
      await background.send(
        {
          type: 'page-unread',
          url: `${url}#/tab=all`,
          marketplace: 'aliexpress',
          problems: [{ kind: 'no-order' }],
        },
        tab(`${url}#/tab=all`),
      ),
    ).toEqual({ ok: true, url: `${url}#/tab=all` });
    expect((await background.db.pageReports.get(url))?.problems).toEqual([{ kind: 'no-order' }]);
  });

  it('is accepted only from a tab of that marketplace', async () => {
    const reply = await background.send(
      {
        type: 'page-unread',
        url: DHGATE_ORDER_URL,
        marketplace: 'dhgate',
        problems: [{ kind: 'no-order' }],
      },
      tab('https://www.aliexpress.com/p/order/index.html'),
    );
    expect(reply).toMatchObject({ ok: false });
    expect(await background.db.pageReports.count()).toBe(0);
  });
});

describe('pageReportLines', () => {
  const report: PageReport = {
    url: DHGATE_ORDER_URL,
    marketplace: 'dhgate',
    at: '2026-11-10T09:00:00.000Z',
    problems: [
      { kind: 'order-without-number' },
      { kind: 'order-number-refused', shown: '1041209953 | call +1-555-0100' },
      { kind: 'field-missing', order: '1043587216', field: 'total' },
      { kind: 'field-unreadable', order: '1043587216', field: 'placedAt', shown: 'yesterday' },
      CLIPPED,
      {
        kind: 'link-refused',
        order: '1043587216',
        field: 'detailUrl',
        shown: 'https://x.example/',
      },
      { kind: 'no-order' },
      { kind: 'page-failed', detail: 'Cannot read properties of null' },
    ],
    refused: [
      { order: '99', reason: 'order-number' },
      { order: '1041209953', reason: 'link' },
      { order: '1039874410', reason: 'data', detail: 'total.currency: Invalid format' },
    ],
  };

  it('tells each problem in English', () => {
    expect(pageReportLines(translator('en'), report)).toEqual([
      'An order whose number could not be read was left out.',
      '“1041209953 | call +1-555-0100” is not a DHgate order number: it was left out.',
      'Order 1043587216: the total was not found.',
      'Order 1043587216: the order date could not be read (“yesterday”).',
      'Order 1043587216: an item’s title was too long; CaseClock kept its beginning.',
      'Order 1043587216: the link to the order leads off DHgate (“https://x.example/”), so CaseClock left it out.',
      'No order could be found on this page.',
      'The page could not be read (Cannot read properties of null).',
      '“99” is not a DHgate order number: it was not stored.',
      'Order 1041209953 carried a link off DHgate: it was not stored.',
      'Order 1039874410 could not be stored: total.currency: Invalid format',
    ]);
  });

  it('and in French', () => {
    expect(pageReportLines(translator('fr'), report).slice(2, 5)).toEqual([
      'Commande 1043587216 : le total introuvable.',
      'Commande 1043587216 : la date de commande illisible (« yesterday »).',
      'Commande 1043587216 : texte trop long pour le titre d’un article ; CaseClock en a gardé le début.',
    ]);
  });
});

describe('orders the buyer types', () => {
  beforeEach(async () => {
    await background.send(dhgatePageRead(), tab(DHGATE_ORDER_URL));
  });

  it('must carry the marketplace’s own kind of order number', async () => {
    const added = await background.send({
      type: 'order-add',
      marketplace: 'aliexpress',
      orderNumber: '1043587216',
      edits: {},
    });
    expect(added).toMatchObject({
      ok: false,
      error: '1043587216 is not an order number of AliExpress',
    });
    expect(await background.db.orders.count()).toBe(1);
  });

  it('may not link an order to another site', async () => {
    const edited = await background.send({
      type: 'order-edit',
      orderId: DHGATE_ORDER_ID,
      edits: { detailUrl: 'https://dhgate.example.com/order' },
    });
    expect(edited).toMatchObject({ ok: false });
    expect((await background.db.orders.get(DHGATE_ORDER_ID))?.edits).toBeUndefined();
  });
});
