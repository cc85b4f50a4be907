/**
 * The Superbuy platform reader on Superbuy's and Wegobuy's own list layout (tests/fixtures/superbuy,
 * tests/fixtures/wegobuy): one `table.user_orderlist` whose `tbody`s are the orders, each headed
 * by a row with "Order No: DO…" and the order time.
 */
import { describe, expect, it } from 'vitest';
import type { OrderStatus } from '@/lib/marketplaces';
import { ordersOf, readHtml } from './pages';

const SUPERBUY = 'https://www.superbuy.com';
const LIST = `${SUPERBUY}/order`;
const DETAIL = `${SUPERBUY}/en/page/account/order/detail?orderNo=DO26811203347`;

/** The instant a page means by a local date and time (month counted from 1). */
function local(...[year, month, ...rest]: [number, number, number, number, number, number]) {
  return new Date(year, month - 1, ...rest).toISOString();
}

/** One order's tbody: its header row, then an item row. */
function orderBody(header: string, title: string) {
  return `<tbody><tr><td colspan="4">${header}</td></tr>
    <tr><td><a class="js-item-title" href="/en/page/buy?url=https%3A%2F%2Fitem.taobao.com%2Fitem.htm%3Fid%3D7">${title}</a></td>
    <td>US $ 9.40</td><td>1</td><td><span class="show_status">Purchased</span>
    <p>Total Amount: US $ 10.90</p></td></tr></tbody>`;
}

function list(bodies: readonly string[], tableClass = 'user_orderlist') {
  return `<table class="${tableClass}"><thead><tr><th>Item</th><th>Price</th><th>Qty</th><th>Status</th></tr></thead>
    ${bodies.join('')}</table>`;
}

describe('Superbuy order lists', () => {
  it.each(['user_orderlist', 'renamed'])(
    'read each tbody of the table as one order (table class %s)',
    (tableClass) => {
      const html = list(
        [
          orderBody('Order No: DO26811203347 2026-11-02 16:21:40', 'Puffer jacket'),
          orderBody('Order No: DO26804417652 2026-10-19 10:07:15', 'Card holder'),
        ],
        tableClass,
      );
      expect(ordersOf(LIST, html)).toMatchObject([
        {
          orderNumber: 'DO26811203347',
          placedAt: local(2026, 11, 2, 16, 21, 40),
          items: [{ title: 'Puffer jacket' }],
        },
        {
          orderNumber: 'DO26804417652',
          placedAt: local(2026, 10, 19, 10, 7, 15),
          items: [{ title: 'Card holder' }],
        },
      ]);
    },
  );

  it('read the order time printed beside the number’s own element', () => {
    const html = list([
      orderBody(
        '<span>Order No: DO26811203347</span> <span>Shop: 3C store</span> <span>2026-11-02 16:21:40</span>',
        'Puffer jacket',
      ),
    ]);
    expect(ordersOf(LIST, html)[0]?.placedAt).toBe(local(2026, 11, 2, 16, 21, 40));
  });

  it('take no labelled date beside the number for the order time', () => {
    const html = '<p>Order No: DO26811203347</p><p>Payment Time: 2026-11-02 16:25:09</p>';
    const reading = readHtml(DETAIL, html);
    expect(ordersOf(DETAIL, html)[0]).not.toHaveProperty('placedAt');
    expect(reading.status === 'read' && reading.problems).toContainEqual({
      kind: 'field-missing',
      order: 'DO26811203347',
      field: 'placedAt',
    });
  });
});

describe('Superbuy status words', () => {
  const statusOf = (status: string) =>
    ordersOf(DETAIL, `<p>Order No: DO26811203347</p><p>Order Status: ${status}</p>`)[0]?.status;

  it.each<[string, OrderStatus]>([
    ['Order Pending', 'awaiting-shipment'],
    ['Commande en attente', 'awaiting-shipment'],
    ['En attente de paiement', 'awaiting-payment'],
    ['Stock Arrived', 'in-warehouse'],
  ])('%s is %s', (shown, status) => {
    expect(statusOf(shown)).toBe(status);
  });
});

describe('Superbuy parcels', () => {
  const PARCELS = `${SUPERBUY}/en/page/account/myparcel/`;

  /** One parcel's box as the platform draws it: header, journey, then the items of its orders. */
  function parcel(header: string, tracking: string, orderNumber: string) {
    return `<div class="parcel-item"><div class="parcel-hd">${header}</div>
      <div class="parcel-info"><p>Shipping Method: EMS</p><p>Tracking No.: ${tracking}</p></div>
      <table class="parcel-items"><tbody><tr><td><p>DI26804417711 · Order No: ${orderNumber}</p>
      <a href="/en/page/buy?url=x">Card holder</a></td></tr></tbody></table></div>`;
  }
  const header = (number: string, status: string) =>
    `<span class="parcel-no">Parcel No.: ${number}</span><span class="parcel-status">Status: ${status}</span>`;
  const second = parcel(header('PN26809911207', 'Received'), 'EE903318276CN', 'DO26790055821');

  it('keep a parcel whose number is gone: its orders still learn its tracking number', () => {
    const html =
      parcel('<span class="parcel-status">Status: Shipped</span>', '4417382950', 'DO26804417652') +
      second;
    expect(ordersOf(PARCELS, html)).toMatchObject([
      { orderNumber: 'DO26804417652', status: 'shipped', trackingNumber: '4417382950' },
      { orderNumber: 'DO26790055821', status: 'delivered', trackingNumber: 'EE903318276CN' },
    ]);
  });

  it('read a parcel whose header is printed twice as one parcel', () => {
    const twice = header('PN26818047720', 'Shipped').repeat(2);
    const html = parcel(twice, '4417382950', 'DO26804417652') + second;
    expect(ordersOf(PARCELS, html)).toMatchObject([
      { orderNumber: 'DO26804417652', trackingNumber: '4417382950' },
      { orderNumber: 'DO26790055821', trackingNumber: 'EE903318276CN' },
    ]);
  });
});

describe('Superbuy items', () => {
  /** An order page whose one item row shows `status` and then `more` in its status cell. */
  function detail(status: string, more = '', language = 'en') {
    return `<html lang="${language}"><p>Order No: DO26811203347</p><table><tr>
      <td><a class="js-item-title" href="/en/page/buy?url=x">Puffer jacket</a></td><td>US $ 42.60</td><td>1</td>
      <td><span class="show_status">${status}</span>${more}</td></tr></table>`;
  }
  const itemOf = (html: string) => ordersOf(DETAIL, html)[0]?.items[0];
  const qcPhoto =
    '<ul class="pic-list"><li><a class="lookPic" href="//img.superbuy.com/qc/1.jpg">QC</a></li></ul>';

  it('are still on their way to the warehouse when "Shipped" before any inspection', () => {
    expect(itemOf(detail('Shipped'))?.status).toBe('awaiting-shipment');
    expect(ordersOf(DETAIL, detail('Shipped'))[0]?.status).toBe('awaiting-shipment');
  });

  it.each([
    ['its QC photos', qcPhoto],
    ['its stock-in time', '<p>Stocked in: 2026-11-06 11:40:12</p>'],
  ])('left in the buyer’s parcel when "Shipped" after the warehouse shows %s', (_, more) => {
    expect(itemOf(detail('Shipped', more))?.status).toBe('shipped');
  });

  it('keep their QC photos when the links lose their class, and no seller’s picture as one', () => {
    const links =
      '<a href="https://img.alicdn.com/bao/jacket.jpg">Listing photo</a>' +
      '<a href="//img.superbuy.com/qc/2026/11/DI1_1.jpg?x=1">QC</a><a href="/qc/help">QC help</a>';
    expect(itemOf(detail('Shipped', links))).toMatchObject({
      status: 'shipped',
      qcPhotos: ['https://img.superbuy.com/qc/2026/11/DI1_1.jpg?x=1'],
    });
  });

  it('keep the stock-in time each row prints, French dates day first', () => {
    expect(
      itemOf(detail('Stored in warehouse', '<p>Stocked in: 2026-11-06 11:40:12</p>')),
    ).toMatchObject({
      status: 'in-warehouse',
      stockedInAt: local(2026, 11, 6, 11, 40, 12),
    });
    const french = detail(
      'Stocké à l’entrepôt',
      '<p>Entrée en stock : 07/11/2026 09:02:55</p>',
      'fr',
    );
    expect(itemOf(french)?.stockedInAt).toBe(local(2026, 11, 7, 9, 2, 55));
  });

  it('name a stock-in time they cannot read', () => {
    const reading = readHtml(DETAIL, detail('Stored in warehouse', '<p>Stocked in: soon</p>'));
    expect(itemOf(detail('Stored in warehouse', '<p>Stocked in: soon</p>'))).not.toHaveProperty(
      'stockedInAt',
    );
    expect(reading.status === 'read' && reading.problems).toContainEqual({
      kind: 'field-unreadable',
      order: 'DO26811203347',
      field: 'stockedInAt',
      shown: 'soon',
    });
  });
});
