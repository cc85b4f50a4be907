/**
 * What `readPage` lets through of an adapter's reading, whatever the adapter returns: a reader
 * with a bug must not put a bad date, amount, number or link into a message. The adapter here is
 * DHgate's with its reading replaced, so the rules are DHgate's (order numbers of 8 to 12 digits,
 * links on dhgate.com).
 */
import { describe, expect, it } from 'vitest';
import { dhgate } from '@/lib/marketplaces/dhgate';
import {
  readWith,
  READING_LIMITS,
  type AdapterReading,
  type OrderReading,
  type PageReading,
} from '@/lib/marketplaces';
import { documentOf } from './pages';

const URL_READ = new URL('https://www.dhgate.com/mydhgate/order/orderdetail.html');
const EMPTY = documentOf('');

function readingOf(reading: AdapterReading): PageReading {
  return readWith(
    { ...dhgate, pageKind: () => 'order-detail', read: () => reading },
    EMPTY,
    URL_READ,
  );
}

function firstOrder(reading: PageReading): OrderReading {
  const order = reading.status === 'read' ? reading.orders[0] : undefined;
  if (!order) throw new Error(`no order read: ${JSON.stringify(reading)}`);
  return order;
}

function orderRead(order: Partial<OrderReading>): PageReading {
  return readingOf({ orders: [{ orderNumber: '1043587216', items: [], ...order }], problems: [] });
}

describe('readPage, whatever the adapter returns', () => {
  it('trims an order number and every text it keeps', () => {
    expect(
      orderRead({
        orderNumber: ' 1043587216 ',
        statusText: '  Shipped ',
        trackingNumber: ' RB123456785CN ',
      }),
    ).toEqual({
      status: 'read',
      marketplace: 'dhgate',
      pageKind: 'order-detail',
      orders: [
        {
          orderNumber: '1043587216',
          items: [],
          statusText: 'Shipped',
          trackingNumber: 'RB123456785CN',
        },
      ],
      problems: [],
    });
  });

  it('leaves out an order with an empty number, or one not in the marketplace’s form', () => {
    expect(orderRead({ orderNumber: '  ' })).toEqual({
      status: 'failed',
      marketplace: 'dhgate',
      pageKind: 'order-detail',
      problems: [{ kind: 'order-without-number' }],
    });
    expect(orderRead({ orderNumber: 'DO26730512874' })).toMatchObject({
      status: 'failed',
      problems: [{ kind: 'order-number-refused', shown: 'DO26730512874' }],
    });
  });

  it('leaves out a date that is no instant, and names it', () => {
    const reading = orderRead({ placedAt: '2026-10-28T13:05:00.000Z', paidAt: 'soon' });
    expect(reading).toMatchObject({
      orders: [{ placedAt: '2026-10-28T13:05:00.000Z' }],
      problems: [{ kind: 'field-unreadable', order: '1043587216', field: 'paidAt', shown: 'soon' }],
    });
    expect(firstOrder(reading)).not.toHaveProperty('paidAt');
  });

  it.each([
    ['a fractional number of cents', { minor: 1.5, currency: 'USD' }],
    ['a currency in lower case', { minor: 150, currency: 'usd' }],
    ['a currency of four letters', { minor: 150, currency: 'USDT' }],
    ['a currency of two letters', { minor: 150, currency: 'US' }],
  ])('leaves out a total with %s, and names it', (_case, total) => {
    const reading = orderRead({ total });
    expect(reading).toMatchObject({
      problems: [{ kind: 'field-unreadable', order: '1043587216', field: 'total', shown: '' }],
    });
    expect(firstOrder(reading)).not.toHaveProperty('total');
  });

  it('keeps a sound total', () => {
    expect(orderRead({ total: { minor: 150, currency: 'USD' } })).toMatchObject({
      orders: [{ total: { minor: 150, currency: 'USD' } }],
      problems: [],
    });
  });

  it('keeps a text of the longest length a message carries, unclipped', () => {
    const text = 'a'.repeat(READING_LIMITS.text);
    expect(orderRead({ carrier: text })).toMatchObject({
      orders: [{ carrier: text }],
      problems: [],
    });
  });

  it('names a bad unit price once, however many items share it', () => {
    const item = { title: 'Cable', unitPrice: { minor: 1.5, currency: 'USD' } };
    const reading = orderRead({ items: [item, { ...item, title: 'Plug' }] });
    expect(reading).toMatchObject({
      orders: [{ items: [{ title: 'Cable' }, { title: 'Plug' }] }],
      problems: [{ kind: 'field-unreadable', order: '1043587216', field: 'unitPrice', shown: '' }],
    });
    expect(reading.status === 'read' ? reading.problems : []).toHaveLength(1);
  });

  it.each([
    ['http://img.dhgate.com/a.jpg', 'https://img.dhgate.com/a.jpg'],
    [
      'https://img.example.net/a.jpg?from=http://www.dhgate.com/',
      'https://img.example.net/a.jpg?from=http://www.dhgate.com/',
    ],
  ])('keeps a picture at %s as %s', (imageUrl, kept) => {
    expect(orderRead({ items: [{ title: 'Cable', imageUrl }] })).toMatchObject({
      orders: [{ items: [{ imageUrl: kept }] }],
      problems: [],
    });
  });

  it.each([
    ['with a user name', 'https://buyer@img.example.net/a.jpg'],
    ['with no path', 'https://img.example.net'],
    ['in a blob', 'blob:https://www.dhgate.com/1'],
    ['longer than a message carries', `https://img.example.net/${'a'.repeat(READING_LIMITS.url)}`],
  ])('leaves out a picture address %s, and names it', (_case, imageUrl) => {
    const reading = orderRead({ items: [{ title: 'Cable', imageUrl }] });
    expect(reading).toMatchObject({
      problems: [{ kind: 'link-refused', order: '1043587216', field: 'itemImage' }],
    });
    expect(firstOrder(reading).items).toEqual([{ title: 'Cable' }]);
  });

  it('keeps a picture address of the longest length a message carries', () => {
    const start = 'https://img.example.net/';
    const imageUrl = start + 'a'.repeat(READING_LIMITS.url - start.length);
    expect(orderRead({ items: [{ title: 'Cable', imageUrl }] })).toMatchObject({
      orders: [{ items: [{ imageUrl }] }],
      problems: [],
    });
  });

  it('keeps the page’s own tracking numbers that are sound, and names the others for no order', () => {
    const reading = readingOf({
      orders: [],
      trackingNumbers: ['RB123456785CN', 'not a number!'],
      problems: [],
    });
    expect(reading).toEqual({
      status: 'read',
      marketplace: 'dhgate',
      pageKind: 'order-detail',
      orders: [],
      trackingNumbers: ['RB123456785CN'],
      problems: [
        { kind: 'field-unreadable', order: '', field: 'trackingNumber', shown: 'not a number!' },
      ],
    });
  });

  it('turns an adapter that throws into a failed page, with the error’s words', () => {
    const failing = (what: unknown) => () => {
      throw what;
    };
    expect(readWith({ ...dhgate, read: failing(new Error('boom')) }, EMPTY, URL_READ)).toEqual({
      status: 'failed',
      marketplace: 'dhgate',
      pageKind: 'order-detail',
      problems: [{ kind: 'page-failed', detail: 'boom' }],
    });
    expect(readWith({ ...dhgate, pageKind: failing('no kind') }, EMPTY, URL_READ)).toEqual({
      status: 'failed',
      marketplace: 'dhgate',
      problems: [{ kind: 'page-failed', detail: 'no kind' }],
    });
  });
});
