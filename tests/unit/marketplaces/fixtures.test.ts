import { describe, expect, it } from 'vitest';
import { readPage } from '@/lib/marketplaces';
import { fixtureHtml, loadFixtures } from '../../fixtures/catalogue';

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

describe.each(loadFixtures().map((fixture) => [`${fixture.marketplace}/${fixture.name}`, fixture]))(
  'fixture %s',
  (_name, fixture) => {
    it('reads as expected', () => {
      expect(readPage(parse(fixtureHtml(fixture)), fixture.url)).toEqual(fixture.expected);
    });
  },
);

describe('readPage', () => {
  it('leaves unsupported sites alone', () => {
    const doc = parse('<p>Order Number ：1234567890</p>');
    expect(readPage(doc, 'https://www.example.com/order/1')).toEqual({ status: 'unsupported' });
    expect(readPage(doc, 'https://notdhgate.com/x')).toEqual({ status: 'unsupported' });
    expect(readPage(doc, 'not a url')).toEqual({ status: 'unsupported' });
  });

  it('names a marketplace page that holds no orders', () => {
    const doc = parse('<h1>Wireless earbuds</h1>');
    expect(readPage(doc, 'https://www.dhgate.com/product/earbuds/879145512.html')).toEqual({
      status: 'not-an-order-page',
      marketplace: 'dhgate',
    });
  });

  it('fails, naming the problem, on an order page without an order number', () => {
    const doc = parse('<p>Order Status ：<span>Shipped</span></p>');
    expect(
      readPage(doc, 'https://m.dhgate.com/mydhgate/order/orderdetail.html?rfid=ab&rft=4'),
    ).toEqual({
      status: 'failed',
      marketplace: 'dhgate',
      pageKind: 'order-detail',
      problems: ['order number not found'],
    });
  });
});
