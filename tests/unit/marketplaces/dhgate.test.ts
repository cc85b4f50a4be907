/**
 * The DHgate reader on small pages modelled on the real ones (tests/fixtures/dhgate): status
 * words, item boxes, table columns, and what an order page must show.
 */
import { describe, expect, it } from 'vitest';
import type { OrderItemReading, OrderStatus } from '@/lib/marketplaces';
import { dhgate } from '@/lib/marketplaces/dhgate';
import { documentOf, ordersOf, readHtml } from './pages';
import { countWork } from './work';

const MOBILE_DETAIL = 'https://m.dhgate.com/mydhgate/order/orderdetail.html?rfid=a&rft=4';
const DESKTOP_LIST = 'https://dg.dhgate.com/buyerordmng/orderList/list.do?params.linkType=100';
const DISPUTE_LIST =
  'https://dg.dhgate.com/buyerordmng/orderList/disputeOrderList.do?params.linkType=200';

/** A mobile order detail: its number and status, then what else it shows. */
function mobileDetail(status: string, rest = '') {
  return `<p>Order Number ：<span>1043587216</span></p>
    <p><span>Order Status ：</span><span>${status}</span></p>${rest}`;
}

/** A product box of the mobile detail, as DHgate draws it: the whole box links the product. */
function productBox(title: string, price: string) {
  return `<div class="detail_product"><a class="pa_product" href="https://m.dhgate.com/product/earbuds/879145512.html">
    <img src="https://www.dhresource.com/200x200/a.jpg"><p class="detail_p J_name">${title}</p>
    <p><span class="pay_price">${price}</span></p></a></div>`;
}

function firstItem(html: string) {
  return ordersOf(MOBILE_DETAIL, mobileDetail('Shipped', html))[0]?.items[0];
}

describe('DHgate status words', () => {
  // French agreements: a word stands for its masculine and its feminine form alike.
  it.each<[string, OrderStatus]>([
    ['Cancelled', 'cancelled'],
    ['Annulé', 'cancelled'],
    ['Terminé', 'completed'],
    ['Livré', 'delivered'],
    ['Expédié', 'shipped'],
  ])('%s is %s', (shown, status) => {
    expect(ordersOf(MOBILE_DETAIL, mobileDetail(shown))[0]?.status).toBe(status);
  });

  it.each(['Confirm Receipt', 'Confirm Order Receipt', 'Order Has Been Received'])(
    'a button "%s" confirms receipt',
    (label) => {
      const html = mobileDetail('Shipped', `<a href="javascript:;">${label}</a>`);
      expect(ordersOf(MOBILE_DETAIL, html)[0]?.canConfirmReceipt).toBe(true);
    },
  );

  it('a dispute waiting for the buyer is in dispute, whatever its words mean elsewhere', () => {
    const [order] = ordersOf(
      'https://dg.dhgate.com/buyerordmng/dispute/disputeDetail.do?disputeId=RD2610300417',
      `<table><tr><th>Case Number ：</th><td>RD2610300417</td></tr>
      <tr><th>Order Number ：</th><td>1036620148</td></tr>
      <tr><th>Dispute Status ：</th><td>Awaiting Buyer Confirmation</td></tr></table>`,
    );
    expect(order).toMatchObject({
      status: 'in-dispute',
      dispute: { status: 'Awaiting Buyer Confirmation', caseNumber: 'RD2610300417' },
    });
  });
});

describe('DHgate item boxes', () => {
  // DHgate prices in US dollars: a bare "$" is one too.
  it.each([
    'US $5.00/Pair',
    'US $5.00/Set',
    '5,00 US $ / Paire',
    '5,00 US $ / Unité',
    '$5.00/Piece',
  ])('read the unit price in %s', (price) => {
    expect(firstItem(productBox('Wireless Earbuds', price))?.unitPrice).toEqual({
      minor: 500,
      currency: 'USD',
    });
  });

  it('read the unit price before its unit, not a price named in the title', () => {
    const item = firstItem(productBox('Earbuds (US $30 value)', 'US $18.40/Piece'));
    expect(item?.unitPrice).toEqual({ minor: 1840, currency: 'USD' });
  });

  it('hand the money reader no more than a price’s 24 characters, however long the run', () => {
    const title = `Wireless Earbuds ${'0123456789'.repeat(50)}`;
    let item: OrderItemReading | undefined;
    const work = countWork(() => {
      item = firstItem(productBox(title, 'US $18.40/Piece'));
    });
    const handed = [...work.patterns.values()].filter((use) => use.caller.includes('lib/money'));
    expect(item?.unitPrice).toEqual({ minor: 1840, currency: 'USD' });
    expect(handed).not.toEqual([]);
    expect(Math.max(...handed.map((use) => use.longest))).toBeLessThanOrEqual(24);
  });

  it('read a quantity of several digits', () => {
    expect(firstItem(productBox('Wireless Earbuds', 'US $18.40/Piece ×12'))?.quantity).toBe(12);
  });

  it('list the ordered items only, not the products recommended beside them', () => {
    const html = mobileDetail(
      'Shipped',
      `${productBox('Wireless Earbuds', 'US $18.40/Piece')}
      <div class="may-like"><p>You may also like</p>
      <a href="https://m.dhgate.com/product/case/881203344.html"><img src="https://www.dhresource.com/c.jpg"><p>Silicone Case</p></a></div>`,
    );
    expect(ordersOf(MOBILE_DETAIL, html)[0]?.items.map((item) => item.title)).toEqual([
      'Wireless Earbuds',
    ]);
  });

  it('give no item for a title box the page has left empty', () => {
    const html = mobileDetail(
      'Shipped',
      `<div><p class="J_name"></p></div>${productBox('Wireless Earbuds', 'US $18.40/Piece')}`,
    );
    // The adapter's own reading: readPage would drop an untitled item later anyway.
    const reading = dhgate.read(documentOf(html), new URL(MOBILE_DETAIL), 'order-detail');
    expect(reading.orders[0]?.items.map((item) => item.title)).toEqual(['Wireless Earbuds']);
  });

  const product = {
    url: 'https://m.dhgate.com/product/earbuds/879145512.html',
    itemNumber: '879145512',
  };

  it('take the product link from the title, not from a picture opening a larger picture', () => {
    const item = firstItem(`<div><a href="https://www.dhresource.com/600x600/a.jpg">
      <img src="https://www.dhresource.com/200x200/a.jpg"></a>
      <a class="pro-title" href="${product.url}">Wireless Earbuds</a></div>`);
    expect(item).toMatchObject(product);
  });

  it('take the product link from the picture when the title is no link', () => {
    const item = firstItem(`<div><a href="${product.url}">
      <img src="https://www.dhresource.com/200x200/a.jpg"></a>
      <p class="pro-title">Wireless Earbuds</p></div>`);
    expect(item).toMatchObject(product);
  });
});

describe('DHgate table columns, found by their exact heading', () => {
  /** A desktop list: headings, then one order of one row under them. */
  const table = (headings: readonly string[], cells: readonly string[]) =>
    `<table><thead><tr>${headings.map((heading) => `<th>${heading}</th>`).join('')}</tr></thead>
    <tbody class="order-item"><tr><td colspan="${headings.length}">
    <span>Order Number ：<a href="/buyerordmng/orderdetail/orderdetail.do?rfxId=1">1051238874</a></span>
    <span>Order Time ：Nov 7, 2026 09:12</span></td></tr>
    <tr>${cells.map((cell) => `<td>${cell}</td>`).join('')}</tr></tbody></table>`;
  const title = '<a class="pro-title" href="/product/earbuds/905513377.html">Wireless Earbuds</a>';

  it.each([
    [
      ['Payment Status', 'Status'],
      ['Paid', 'Shipped'],
    ],
    [
      ['Statut du paiement', 'Statut'],
      ['Payé', 'Shipped'],
    ],
  ])('the status is under "Status" alone, not under %j', (headings, cells) => {
    const [order] = ordersOf(DESKTOP_LIST, table(['Product', ...headings], [title, ...cells]));
    expect(order).toMatchObject({ status: 'shipped', statusText: 'Shipped' });
  });

  it.each([
    [
      ['Subtotal', 'Total'],
      ['US $ 36.80', 'US $ 41.55'],
    ],
    [
      ['Montant des articles', 'Montant'],
      ['36,80 US $', '41,55 US $'],
    ],
  ])('the total is under "Total" or "Montant" alone, not under %j', (headings, cells) => {
    const [order] = ordersOf(DESKTOP_LIST, table(['Product', ...headings], [title, ...cells]));
    expect(order?.total).toEqual({ minor: 4155, currency: 'USD' });
  });

  // A dispute list counts the items refunded: that is not how many were ordered.
  it.each(['Refund Qty', 'Quantité remboursée'])('%s is not the quantity ordered', (heading) => {
    const [order] = ordersOf(
      DISPUTE_LIST,
      table(['Product', heading, 'Status'], [title, '1', 'Awaiting Seller Response']),
    );
    expect(order?.items).toEqual([
      {
        title: 'Wireless Earbuds',
        url: 'https://dg.dhgate.com/product/earbuds/905513377.html',
        itemNumber: '905513377',
      },
    ]);
  });
});

describe('DHgate order fields', () => {
  it('name status, total and order time as missing when an order page shows none', () => {
    const reading = readHtml(MOBILE_DETAIL, '<p>Order Number ：<span>1043587216</span></p>');
    expect(reading).toMatchObject({
      status: 'read',
      problems: [
        { kind: 'field-missing', order: '1043587216', field: 'status' },
        { kind: 'field-missing', order: '1043587216', field: 'total' },
        { kind: 'field-missing', order: '1043587216', field: 'placedAt' },
      ],
    });
  });

  it('ask nothing more of a tracking page that names its order', () => {
    const reading = readHtml(
      'https://m.dhgate.com/mydhgate/order/trackinfo.html?rfx_id=a&rft=4',
      `<p>Order Number ：<span>1043587216</span></p><p>Track Number ：<span>LZ492186534CN</span></p>`,
    );
    expect(reading).toMatchObject({ status: 'read', orders: [{ orderNumber: '1043587216' }] });
    expect(reading).toHaveProperty('problems', []);
  });

  it('read a total written with a bare "$" as US dollars', () => {
    const html = mobileDetail('Shipped', '<p>Order Total：<span>$ 41.55</span></p>');
    expect(ordersOf(MOBILE_DETAIL, html)[0]?.total).toEqual({ minor: 4155, currency: 'USD' });
  });

  it('read French shipping and delivery dates day first', () => {
    const [order] = ordersOf(
      'https://dg.dhgate.com/buyerordmng/orderdetail/orderdetail.do?rfxId=1',
      `<html lang="fr"><dl><dt>N° de commande :</dt><dd>1051238874</dd></dl>
      <dl><dt>Date d'expédition :</dt><dd>09/11/2026 10:00</dd></dl>
      <dl><dt>Date de livraison :</dt><dd>12/11/2026 15:30</dd></dl></html>`,
    );
    // 9 and 12 November (months count from 0 in Date).
    expect(order).toMatchObject({
      shippedAt: new Date(2026, 10, 9, 10, 0).toISOString(),
      receivedAt: new Date(2026, 10, 12, 15, 30).toISOString(),
    });
  });
});
