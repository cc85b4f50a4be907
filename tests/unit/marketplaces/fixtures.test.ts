import { describe, expect, it } from 'vitest';
import { readPage, type OrderReading, type PageReading } from '@/lib/marketplaces';
import { fixtureHtml, loadFixtures } from '../../fixtures/catalogue';
import { documentOf } from './pages';

/** The page with every class, id and data attribute gone: markup renamed from under us. */
function withoutMarkupNames(doc: Document): Document {
  for (const element of doc.querySelectorAll('*')) {
    for (const { name } of [...element.attributes]) {
      if (name === 'class' || name === 'id' || name.startsWith('data-')) {
        element.removeAttribute(name);
      }
    }
  }
  return doc;
}

/** What must survive a markup change: which orders, their state, money, dates and items. */
function essentials(reading: PageReading) {
  if (reading.status !== 'read') return reading.status;
  const listsItems = reading.pageKind !== 'tracking'; // a tracking page lists parcel contents
  return reading.orders.map((order: OrderReading) => ({
    orderNumber: order.orderNumber,
    status: order.status,
    total: order.total,
    placedAt: order.placedAt,
    dispute: order.dispute?.status,
    items: listsItems ? order.items.map((item) => item.title) : undefined,
  }));
}

describe.each(loadFixtures().map((fixture) => [`${fixture.marketplace}/${fixture.name}`, fixture]))(
  'fixture %s',
  (_name, fixture) => {
    it('reads what the page shows, as its hand-written expectation says', () => {
      // toEqual compares structure: an expectation's keys may come in any order.
      expect(readPage(documentOf(fixtureHtml(fixture)), fixture.url)).toEqual(fixture.expected);
    });

    it('still reads its orders when every class, id and data attribute is renamed away', () => {
      const shifted = readPage(withoutMarkupNames(documentOf(fixtureHtml(fixture))), fixture.url);
      expect(essentials(shifted)).toEqual(essentials(fixture.expected));
    });
  },
);

describe('readPage', () => {
  it('fails, naming the problem, on an order page without an order number', () => {
    const doc = documentOf('<p>Order Status ：<span>Shipped</span></p>');
    expect(
      readPage(doc, 'https://m.dhgate.com/mydhgate/order/orderdetail.html?rfid=ab&rft=4'),
    ).toEqual({
      status: 'failed',
      marketplace: 'dhgate',
      pageKind: 'order-detail',
      problems: [{ kind: 'no-order' }],
    });
  });

  it('leaves out what it cannot read and says so, keeping the rest', () => {
    const doc = documentOf(`<p>Order Number ：<span>1043587216</span></p>
      <p>Order Status ：<span>Shipped</span></p>
      <p>Order Total：<span>about forty dollars</span></p>
      <p>Order Time：<span>Feb 30, 2026 14:05</span></p>`);
    const reading = readPage(doc, 'https://m.dhgate.com/mydhgate/order/orderdetail.html?rfid=a');
    expect(reading).toMatchObject({
      status: 'read',
      orders: [{ orderNumber: '1043587216', status: 'shipped', statusText: 'Shipped' }],
      problems: [
        {
          kind: 'field-unreadable',
          order: '1043587216',
          field: 'total',
          shown: 'about forty dollars',
        },
        {
          kind: 'field-unreadable',
          order: '1043587216',
          field: 'placedAt',
          shown: 'Feb 30, 2026 14:05',
        },
      ],
    });
    if (reading.status !== 'read') return;
    expect(reading.orders[0]).not.toHaveProperty('total');
    expect(reading.orders[0]).not.toHaveProperty('placedAt');
  });
});
