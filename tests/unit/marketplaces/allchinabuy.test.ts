/**
 * The Allchinabuy reader on small pages modelled on the real ones (tests/fixtures/allchinabuy):
 * status words, page addresses, order, parcel and case numbers, and what a page leaves out.
 */
import { describe, expect, it } from 'vitest';
import type { OrderStatus } from '@/lib/marketplaces';
import { allchinabuy } from '@/lib/marketplaces/allchinabuy';
import { ordersOf, readHtml } from './pages';

const SITE = 'https://www.allchinabuy.com';
const DETAIL = `${SITE}/en/page/account/order/detail?orderId=1`;
const LIST = `${SITE}/order`;
const PARCELS = `${SITE}/en/page/account/myparcel/`;
const CASES = `${SITE}/en/page/account/aftersale/`;

function problemsOf(url: string, html: string) {
  const reading = readHtml(url, html);
  return reading.status === 'read' || reading.status === 'failed' ? reading.problems : [];
}

/** The instant a page means by a local date and time (month counted from 1). */
function local(year: number, month: number, day: number, hour: number, minute: number) {
  return new Date(year, month - 1, day, hour, minute).toISOString();
}

/** An order list block: its header, then one row per item (title, price, quantity, status). */
function orderBlock(header: string, rows: readonly string[]) {
  return `<div id="div1"><table class="user_orderlist">
    <thead><tr><td>${header}</td></tr></thead>
    <tbody>${rows.join('')}</tbody></table></div>`;
}

function itemRow(title: string, status?: string) {
  return `<tr><td><a class="js-item-title" href="https://item.taobao.com/item.htm?id=7">${title}</a></td>
    <td>US $ 9.40</td><td>1</td><td>${status ? `<span class="show_status">${status}</span>` : ''}</td></tr>`;
}

describe('Allchinabuy status words', () => {
  const detail = (status: string) => `<p>Order No：DO26730512874</p><p>Order Status：${status}</p>`;
  const statusOf = (status: string) => ordersOf(DETAIL, detail(status))[0]?.status;

  // French agreements: a word stands for its masculine and its feminine form alike.
  it.each<[string, OrderStatus]>([
    ['Remboursé', 'refunded'],
    ['Remboursée', 'refunded'],
    ['After-sale', 'in-dispute'],
    ['Aftersales', 'in-dispute'],
    ['Annulé', 'cancelled'],
    ['Retiré', 'cancelled'],
    ['Reçu', 'in-warehouse'],
    ['Reçue', 'in-warehouse'],
    ['Commandé', 'awaiting-shipment'],
  ])('%s is %s', (shown, status) => {
    expect(statusOf(shown)).toBe(status);
  });

  // An item "Received" was received by the warehouse; only the word alone says so.
  it.each(['Not received', 'Received by buyer', 'Non reçu', "Reçu par l'acheteur"])(
    '%s is not the warehouse having received the item',
    (shown) => {
      expect(statusOf(shown)).toBeUndefined();
    },
  );
});

describe('Allchinabuy page addresses', () => {
  const kindOf = (path: string) => allchinabuy.pageKind(new URL(`${SITE}${path}`));

  it.each([
    ['/order/', 'order-list'],
    ['/fr/order', 'order-list'],
    ['/en/page/account/order', 'order-list'],
  ])('%s is a page of kind %s', (path, kind) => {
    expect(kindOf(path)).toBe(kind);
  });

  it.each(['/en/page/shoppingcart/order', '/order/pay', '/en/page/account/order/pay'])(
    '%s only looks like the order list: it is no order page',
    (path) => {
      expect(kindOf(path)).toBeUndefined();
    },
  );
});

describe('Allchinabuy order numbers', () => {
  it.each(['DO2673051287412345', 'No.DO26730512874'])(
    '%s is refused whole, not cut down to a number',
    (shown) => {
      expect(readHtml(DETAIL, `<p>Order No：${shown}</p><p>Order Status：Shipped</p>`)).toEqual({
        status: 'failed',
        marketplace: 'allchinabuy',
        pageKind: 'order-detail',
        problems: [{ kind: 'order-number-refused', shown }],
      });
    },
  );

  it('an order page without one is named as such', () => {
    expect(problemsOf(DETAIL, '<p>Order Status：Shipped</p>')).toEqual([
      { kind: 'order-without-number' },
    ]);
  });
});

describe('Allchinabuy orders', () => {
  it.each([
    ['Purchased', 'Stored in Warehouse'],
    ['Stored in Warehouse', 'Purchased'],
  ])('take the status of their slowest item, wherever it is listed: %s, %s', (...statuses) => {
    const html = orderBlock(
      'Order No：DO26730512874 2026-10-30 21:48:02',
      statuses.map((status, at) => itemRow(`Item ${at}`, status)),
    );
    expect(ordersOf(LIST, html)[0]?.status).toBe('awaiting-shipment');
  });

  it('are refunded when every item was', () => {
    const html = orderBlock('Order No：DO26730512874 2026-10-30 21:48:02', [
      itemRow('Wool scarf', 'Refunded'),
      itemRow('Slim fit jeans', 'Refunded'),
    ]);
    expect(ordersOf(LIST, html)[0]?.status).toBe('refunded');
  });

  it('name each of status, total and order time as missing when the page shows none', () => {
    const html = orderBlock('Order No：DO26730512874', [itemRow('Wool scarf')]);
    const [order] = ordersOf(LIST, html);
    expect(order).not.toHaveProperty('status');
    expect(order).not.toHaveProperty('statusText');
    expect(problemsOf(LIST, html)).toEqual([
      { kind: 'field-missing', order: 'DO26730512874', field: 'status' },
      { kind: 'field-missing', order: 'DO26730512874', field: 'total' },
      { kind: 'field-missing', order: 'DO26730512874', field: 'placedAt' },
    ]);
  });

  it('take a box of the same kind that shows no label for no order', () => {
    const html =
      '<div id="divider"><hr></div>' +
      orderBlock('Order No：DO26730512874 2026-10-30 21:48:02', [
        itemRow('Wool scarf', 'Purchased'),
      ]);
    expect(ordersOf(LIST, html).map((order) => order.orderNumber)).toEqual(['DO26730512874']);
    expect(problemsOf(LIST, html)).toEqual([
      { kind: 'field-missing', order: 'DO26730512874', field: 'total' },
    ]);
  });

  it('read French dates day first', () => {
    const [order] = ordersOf(
      `${SITE}/fr/page/account/order/detail?orderId=1`,
      `<html lang="fr"><p>N° de commande : DO26730512874</p>
      <p>Heure de soumission : 07/11/2026 10:32</p><p>Date de paiement : 08/11/2026 09:15</p>`,
    );
    expect(order).toMatchObject({
      placedAt: local(2026, 11, 7, 10, 32),
      paidAt: local(2026, 11, 8, 9, 15),
    });
  });

  it('count a picture linking to the item as part of the item, not as a second one', () => {
    const html = orderBlock('Order No：DO26730512874 2026-10-30 21:48:02', [
      `<tr><td><a href="https://item.taobao.com/item.htm?id=7"><img src="https://img.alicdn.com/scarf.jpg"></a>
      <a class="js-item-title" href="https://item.taobao.com/item.htm?id=7">Wool scarf</a></td>
      <td>US $ 9.40</td><td>1</td><td><span class="show_status">Stored in Warehouse</span></td></tr>`,
    ]);
    expect(ordersOf(LIST, html)[0]).toMatchObject({
      status: 'in-warehouse',
      items: [{ title: 'Wool scarf', imageUrl: 'https://img.alicdn.com/scarf.jpg' }],
    });
  });

  // Items bought through the platform link to its own page for them; other links are wrapped.
  const itemLinkOf = (href: string) =>
    ordersOf(
      LIST,
      orderBlock('Order No：DO26730512874 2026-10-30 21:48:02', [
        `<tr><td><a class="js-item-title" href="${href}">Wool scarf</a></td><td>US $ 9.40</td><td>1</td></tr>`,
      ]),
    )[0]?.items[0]?.url;

  it.each([
    `${SITE}/en/page/buy?url=https%3A%2F%2Fweidian.com%2Fitem.html`,
    'https://allchinabuy.com/en/page/buy?url=https%3A%2F%2Fweidian.com%2Fitem.html',
  ])('keep an item link on the platform as it is: %s', (href) => {
    expect(itemLinkOf(href)).toBe(href);
  });

  it('wrap an item link to a host that only ends like the platform’s', () => {
    const href = 'https://fakeallchinabuy.com/item/7';
    expect(itemLinkOf(href)).toBe(`${SITE}/en/page/buy?url=${encodeURIComponent(href)}`);
  });
});

describe('Allchinabuy parcels', () => {
  const parcel = (number: string, lines: readonly string[]) =>
    `<div class="parcel-item"><p>Parcel No.: ${number}</p>${lines.map((line) => `<p>${line}</p>`).join('')}</div>`;

  it('name what a parcel leaves out by its parcel number, though text follows the number', () => {
    const html = parcel('PN26731043232 · 2 items', ['DI26728841120 · Order No: DO26728841009']);
    expect(problemsOf(PARCELS, html)).toEqual([
      { kind: 'field-missing', order: 'PN26731043232', field: 'status' },
    ]);
  });

  it('name a parcel that lists no order', () => {
    const html = parcel('PN26731043232', ['Status: Packing']);
    expect(problemsOf(PARCELS, html)).toEqual([
      { kind: 'field-missing', order: 'PN26731043232', field: 'orderNumber' },
    ]);
  });

  it('read French dates day first', () => {
    const [order] = ordersOf(
      `${SITE}/fr/page/account/myparcel/`,
      `<html lang="fr">${parcel('PN26731043232', [
        'Statut : Reçu',
        'Expédié le : 05/11/2026 14:20',
        'Reçu le : 10/11/2026 11:02',
        'DI26728841120 · N° de commande : DO26728841009',
      ])}</html>`,
    );
    expect(order).toMatchObject({
      status: 'delivered',
      shippedAt: local(2026, 11, 5, 14, 20),
      receivedAt: local(2026, 11, 10, 11, 2),
    });
  });

  it('give an order split over two parcels the first parcel’s journey, once', () => {
    const html = [
      parcel('PN26731043232', ['Status: Shipped', 'Order No: DO26728841009']),
      parcel('PN26731905561', ['Status: Packing', 'Order No: DO26728841009']),
    ].join('');
    expect(ordersOf(PARCELS, html)).toEqual([
      {
        orderNumber: 'DO26728841009',
        status: 'shipped',
        statusText: 'Shipped',
        canConfirmReceipt: false,
        items: [],
      },
    ]);
  });
});

describe('Allchinabuy after-sale cases', () => {
  const numbers = ['After-sale No.: AS26111500421', 'Order No: DO26730512874'];
  const waiting = 'Awaiting seller response';
  const item = (title: string, extra = '') =>
    `<div><img src="https://img.alicdn.com/item.jpg">${extra}
    <a class="js-item-title" href="https://item.taobao.com/item.htm?id=1">${title}</a></div>`;
  const aftersale = (lines: readonly string[], goods: readonly string[] = []) =>
    `<div class="aftersale-item">${lines.map((line) => `<p>${line}</p>`).join('')}${goods.join('')}</div>`;

  it('read the case number when text follows it', () => {
    const html = aftersale([
      'After-sale No.: AS26111500421 · Return &amp; Exchange',
      'Order No: DO26730512874',
      waiting,
    ]);
    expect(ordersOf(CASES, html)[0]?.dispute?.caseNumber).toBe('AS26111500421');
  });

  it('read a quantity of several digits', () => {
    const html = aftersale(
      [...numbers, waiting],
      [item('Enamel keychains', '<span class="qty">x12</span>')],
    );
    expect(ordersOf(CASES, html)[0]?.items[0]?.quantity).toBe(12);
  });

  it('name a case without an order number by its case number', () => {
    const html = aftersale(['After-sale No.: AS26111500421', waiting]);
    expect(problemsOf(CASES, html)).toEqual([
      { kind: 'field-missing', order: 'AS26111500421', field: 'orderNumber' },
    ]);
  });

  it('name a case whose status is not shown', () => {
    const html = aftersale(numbers);
    expect(ordersOf(CASES, html)).toEqual([{ orderNumber: 'DO26730512874', items: [] }]);
    expect(problemsOf(CASES, html)).toEqual([
      { kind: 'field-missing', order: 'DO26730512874', field: 'status' },
    ]);
  });

  // The case's item number names one item: it goes to the case's only item, if that has none.
  const aboutItem = [...numbers, 'Item No: DI26730512902', waiting];
  const itemNumbers = (goods: readonly string[]) =>
    ordersOf(CASES, aftersale(aboutItem, goods))[0]?.items.map((each) => each.itemNumber);

  it('give its item number to no item when the case shows several', () => {
    expect(itemNumbers([item('Wool scarf'), item('Slim fit jeans')])).toEqual([
      undefined,
      undefined,
    ]);
  });

  it('leave its only item the number printed in the item’s own box', () => {
    expect(itemNumbers([item('Wool scarf', '<span>DI26730512901</span>')])).toEqual([
      'DI26730512901',
    ]);
  });

  it('read a case about an item number but showing no item', () => {
    expect(itemNumbers([])).toEqual([]);
  });
});
