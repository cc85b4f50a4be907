/**
 * The AliExpress reader on the smallest pages that show one thing each, shaped like the real
 * list, detail and tracking pages (tests/fixtures/aliexpress): what a test expects is what the
 * page prints.
 */
import { describe, expect, it } from 'vitest';
import { ordersOf, readHtml } from './pages';

const LIST = 'https://www.aliexpress.com/p/order/index.html';
const DETAIL = 'https://www.aliexpress.com/p/order/detail.html?orderId=8214398062177351';

/** One order card of the list, its items' markup given. */
function listCard(items: string, orderId = '8214398062177351'): string {
  return `<div class="order-item">
    <div class="order-item-header"><span class="order-item-header-status-text">Awaiting delivery</span>
      <div><div>Order date: Sep 1, 2026</div><div>Order ID: ${orderId}</div></div></div>
    <div class="order-item-content">${items}</div>
    <span class="order-item-content-opt-price-total">Total: US $3.00</span></div>`;
}

/** An order's own page, what it says about buyer protection given. */
function detailPage(protection: string): string {
  return `<div class="order-block-title">Awaiting delivery</div>
    <p>${protection}</p>
    <div>Order ID: 8214398062177351</div><div>Order placed on: Sep 1, 2026</div>
    <div>Total: US $3.00</div>`;
}

describe('AliExpress items', () => {
  it('take the quantity printed after the title, not a number inside the title', () => {
    const [order] = ordersOf(
      LIST,
      listCard(`<div class="order-item-content-body">
        <div class="order-item-content-info-name"><a href="//www.aliexpress.com/item/1005426411597830.html">Cable x2 pack</a></div>
        <div>x12</div></div>`),
    );
    expect(order?.items).toMatchObject([{ title: 'Cable x2 pack', quantity: 12 }]);
  });

  it('take their title from a picture-only link’s title, not from the longest text beside it', () => {
    const [order] = ordersOf(
      LIST,
      listCard(`<div class="order-item-content-body">
        <div class="order-item-content-info-name"><a href="//www.aliexpress.com/item/1005426411597830.html"><img src="https://ae-pic-a1.aliexpress-media.com/kf/S1.jpg" title="Wool scarf"></a></div>
        <div class="order-item-content-info-sku">Color: grey, Length: 180 cm, Material: wool blend</div></div>`),
    );
    expect(order?.items.map((item) => item.title)).toEqual(['Wool scarf']);
  });
});

describe('AliExpress order numbers', () => {
  it('are digits only: a number with letters before it is no AliExpress order', () => {
    const reading = readHtml(
      LIST,
      listCard('<a href="//www.aliexpress.com/item/1.html">Cable</a>', 'RU8214398062177351'),
    );
    expect(reading).toMatchObject({
      status: 'failed',
      problems: [{ kind: 'order-number-refused', shown: 'RU8214398062177351' }],
    });
  });
});

describe('AliExpress buyer protection', () => {
  it.each([
    ['Refund if no delivery before Sep 4, 2026', '2026-09-03T22:00:00.000Z'],
    ['Remboursement si aucune livraison avant le 3 déc. 2026', '2026-12-02T23:00:00.000Z'],
    ['Remboursement si pas de livraison avant 4 déc. 2026', '2026-12-03T23:00:00.000Z'],
  ])('ends on the date in “%s”', (shown, instant) => {
    const [order] = ordersOf(DETAIL, detailPage(shown));
    expect(order?.protectionEndsAt).toBe(instant);
  });
});

describe('AliExpress tracking pages', () => {
  const tracking = (title: string) =>
    `<div><span>Tracking number:</span> <span class="logistics-num">RB123456785CN</span></div>
    <div class="node"><div class="node-title">${title}</div><div class="node-time">Tue | Jul. 28 18:39</div></div>`;
  const url = 'https://www.aliexpress.com/p/tracking/index.html?tradeOrderId=8214398062177351';

  it('read a parcel as delivered when an event says “Delivered”, at the time beside it', () => {
    const [order] = ordersOf(
      url,
      `<p>Refund if no delivery before Sep 3, 2026</p>${tracking('Delivered')}`,
    );
    expect(order).toMatchObject({ status: 'delivered', receivedAt: '2026-07-28T16:39:00.000Z' });
  });

  it('do not read “Not delivered” as delivered', () => {
    const [order] = ordersOf(url, tracking('Not delivered'));
    expect(order?.status).toBeUndefined();
    expect(order?.receivedAt).toBeUndefined();
  });
});

describe('AliExpress order pages, what they must show', () => {
  it('name each of the status, total and order date a detail page lacks', () => {
    const reading = readHtml(DETAIL, '<div>Order ID: 8214398062177351</div>');
    const order = '8214398062177351';
    expect(reading).toMatchObject({
      orders: [{ orderNumber: order, items: [] }],
      problems: [
        { kind: 'field-missing', order, field: 'status' },
        { kind: 'field-missing', order, field: 'total' },
        { kind: 'field-missing', order, field: 'placedAt' },
      ],
    });
  });

  it('read a status printed after its label in the same text', () => {
    const [order] = ordersOf(
      DETAIL,
      `<div>Order ID: 8214398062177351</div><div>Status: Awaiting delivery</div>
      <div>Order placed on: Sep 1, 2026</div><div>Total: US $3.00</div>`,
    );
    expect(order).toMatchObject({ status: 'shipped', statusText: 'Awaiting delivery' });
  });

  it('say so when a list shows no order at all', () => {
    const reading = readHtml(LIST, '<p>No orders yet</p>');
    expect(reading).toEqual({
      status: 'failed',
      marketplace: 'aliexpress',
      pageKind: 'order-list',
      problems: [{ kind: 'no-order' }],
    });
  });
});

describe('AliExpress refunds and disputes', () => {
  const card = (status: string, button = '') => `<div class="refund-card">
    <span class="refund-card-status">${status}</span>
    <div class="refund-card-order">Order ID: 8144543148947317</div>
    <div class="refund-card-case">Return/refund ID: 6239481780126943</div>${button}</div>`;
  const url = 'https://m.aliexpress.com/p/refund-dispute/list.html';

  it('count any case not refunded as in dispute, whatever its words', () => {
    const [order] = ordersOf(url, card('Awaiting seller response'));
    expect(order).toMatchObject({
      status: 'in-dispute',
      dispute: { status: 'Awaiting seller response', caseNumber: '6239481780126943' },
    });
  });

  it('offer escalation when the case shows the button for it', () => {
    const [order] = ordersOf(
      url,
      card('Seller refused', '<button>Ask AliExpress to step in</button>'),
    );
    expect(order?.dispute).toMatchObject({ canEscalate: true });
  });
});

describe('AliExpress tracking pages, their numbers', () => {
  it('read a tracking number shown only after its label', () => {
    const reading = readHtml(
      'https://www.aliexpress.com/p/tracking/index.html?tradeOrderId=8214398062177351',
      '<div>Tracking number: RB123456785CN</div>',
    );
    expect(reading).toMatchObject({
      orders: [{ orderNumber: '8214398062177351', trackingNumber: 'RB123456785CN' }],
      trackingNumbers: ['RB123456785CN'],
    });
  });

  it('take the order from the legacy address’s tradeId', () => {
    const [order] = ordersOf(
      'https://trade.aliexpress.com/logisticsDetail.htm?tradeId=8214398062177351',
      '<div>Tracking number: RB123456785CN</div>',
    );
    expect(order?.orderNumber).toBe('8214398062177351');
  });

  it('carry no tracking number when the page shows none', () => {
    const reading = readHtml(
      'https://www.aliexpress.com/p/tracking/index.html?tradeOrderId=8214398062177351',
      '<div class="node-title">Order created</div>',
    );
    expect(reading).toEqual({
      status: 'read',
      marketplace: 'aliexpress',
      pageKind: 'tracking',
      orders: [{ orderNumber: '8214398062177351', items: [] }],
      problems: [],
    });
  });
});

describe('AliExpress statuses that only look like one', () => {
  it('do not read “Not delivered” as delivered', () => {
    const [order] = ordersOf(
      DETAIL,
      `<div class="order-block-title">Not delivered</div><div>Order ID: 8214398062177351</div>`,
    );
    expect(order?.status).toBeUndefined();
  });
});

describe('AliExpress legacy order pages, their parcel table', () => {
  it('take the carrier and the tracking number from the columns named exactly so', () => {
    // A reshipped order's table may keep the first parcel's columns beside the current ones.
    const [order] = ordersOf(
      'https://trade.aliexpress.com/order_detail.htm?orderId=8014723395118862',
      `<div class="order-no">Order Number: 8014723395118862</div>
      <table class="logistics-table"><tr>
        <th>Logistics company website</th><th>Previous logistics company</th><th>Logistics company</th>
        <th>Tracking number status</th><th>Previous tracking number</th><th>Tracking number</th>
      </tr><tr>
        <td>global.cainiao.com</td><td>China Post Ordinary Small Packet</td><td>AliExpress Standard Shipping</td>
        <td>In transit</td><td>RB123456785CN</td><td>LP00587211349026</td>
      </tr></table>`,
    );
    expect(order).toMatchObject({
      carrier: 'AliExpress Standard Shipping',
      trackingNumber: 'LP00587211349026',
    });
  });
});
