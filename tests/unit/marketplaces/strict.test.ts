/**
 * Strict readings on pages modelled on the fixtures: only the marketplace's own order numbers,
 * only links to the marketplace's own https pages, long texts clipped rather than lost, and every
 * such decision named in `problems`. Expectations follow from the page and the rule.
 */
import { describe, expect, it } from 'vitest';
import {
  isMarketplaceUrl,
  isOrderNumberOf,
  READING_LIMITS,
  type PageReading,
} from '@/lib/marketplaces';
import { fixtureHtml, loadFixtures } from '../../fixtures/catalogue';
import { readHtml } from './pages';

function fixture(marketplace: string, name: string) {
  const found = loadFixtures().find((f) => f.marketplace === marketplace && f.name === name);
  if (!found) throw new Error(`no fixture ${marketplace}/${name}`);
  return found;
}

/** Reads a fixture page after replacing each `[from, to]` in its HTML (each must be there). */
function readChanged(
  marketplace: string,
  name: string,
  changes: readonly (readonly [string, string])[],
  url?: string,
): PageReading {
  const page = fixture(marketplace, name);
  let html = fixtureHtml(page);
  for (const [from, to] of changes) {
    expect(html).toContain(from);
    html = html.split(from).join(to);
  }
  return readHtml(url ?? page.url, html);
}

function orders(reading: PageReading) {
  return reading.status === 'read' ? reading.orders : [];
}

function problems(reading: PageReading) {
  return 'problems' in reading ? reading.problems : [];
}

describe('order numbers', () => {
  it.each([
    ['dhgate', '1043587216', true],
    ['dhgate', '1'.repeat(20), false],
    ['dhgate', '1043587216 Oct 28', false],
    ['allchinabuy', 'DO26730512874', true],
    ['allchinabuy', 'DI26730512901', false],
    ['allchinabuy', 'DO2673', false],
    ['aliexpress', '8212313961591322', true],
    ['aliexpress', '123456789012 | call +1-555-0100', false],
    ['aliexpress', '1043587216', false],
  ] as const)('%s takes %j as an order number: %s', (marketplace, text, taken) => {
    expect(isOrderNumberOf(marketplace, text)).toBe(taken);
  });

  it('refuses a tracking address whose order id merely contains an order number', () => {
    const reading = readChanged(
      'aliexpress',
      'tracking-delivered',
      [],
      'https://www.aliexpress.com/p/tracking/index.html?tradeOrderId=123456789012%20%7C%20call%20%2B1-555-0100',
    );
    expect(orders(reading)).toEqual([]);
    expect(problems(reading)).toContainEqual({
      kind: 'order-number-refused',
      shown: '123456789012 | call +1-555-0100',
    });
  });

  it('refuses a 120-digit DHgate number, showing its first 60 characters', () => {
    const reading = readChanged('dhgate', 'mobile-order-detail-shipped', [
      ['1043587216', '1'.repeat(120)],
    ]);
    expect(reading.status).toBe('failed');
    expect(problems(reading)).toContainEqual({
      kind: 'order-number-refused',
      shown: '1'.repeat(60),
    });
  });

  it('leaves out only the order whose number is not one, never the page', () => {
    const reading = readChanged('dhgate', 'desktop-order-list-fr', [['1049981207', 'ABC-1049']]);
    expect(orders(reading).map((order) => order.orderNumber)).toEqual(['1051238874', '1047760033']);
    expect(problems(reading)).toContainEqual({ kind: 'order-number-refused', shown: 'ABC-1049' });
  });
});

describe('links', () => {
  const tooLong = `https://www.dhgate.com/${'a'.repeat(READING_LIMITS.url)}`;
  const cases = [
    ['dhgate', 'https://fr.dhgate.com/buyerordmng/orderdetail/orderdetail.do?rfxId=1', true],
    ['dhgate', 'https://dhgate.com/', true],
    ['dhgate', 'http://m.dhgate.com/mydhgate/order/orderdetail.html', false],
    ['dhgate', 'https://dhgate.com.example.net/orderdetail', false],
    ['dhgate', 'https://evil-dhgate.com/orderdetail', false],
    ['dhgate', 'https://buyer:secret@www.dhgate.com/orderdetail', false],
    ['dhgate', tooLong, false],
    ['aliexpress', 'https://www.aliexpress.us/p/order/detail.html?orderId=1', true],
    ['allchinabuy', 'https://item.taobao.com/item.htm?id=1', false],
    ['allchinabuy', 'javascript:alert(1)', false],
  ] as const;
  it.each(
    cases.map(([marketplace, url, kept]) => {
      const name = url === tooLong ? 'an address over 2048 characters' : url;
      return [marketplace, name, kept, url] as const;
    }),
  )('%s keeps %s: %s', (marketplace, _name, kept, url) => {
    expect(isMarketplaceUrl(marketplace, url)).toBe(kept);
  });

  it("leaves out a list's link from an order to another site, and names it", () => {
    const other = 'https://orders.example.net/buyerordmng/orderdetail/orderdetail.do?id=1';
    const reading = readChanged('dhgate', 'desktop-order-list-fr', [
      [
        'href="/buyerordmng/orderdetail/orderdetail.do?rfxId=ff8080819420bb1c01942c55e04b7a18"',
        `href="${other}"`,
      ],
    ]);
    const [first, second] = orders(reading);
    expect(first?.orderNumber).toBe('1051238874');
    expect(first).not.toHaveProperty('detailUrl');
    expect(second?.detailUrl).toBe(
      'https://fr.dhgate.com/buyerordmng/orderdetail/orderdetail.do?rfxId=ff8080819410aa2e019411c2f3d02c51',
    );
    expect(problems(reading)).toContainEqual({
      kind: 'link-refused',
      order: '1051238874',
      field: 'detailUrl',
      shown: other.slice(0, 60),
    });
  });

  it('reads a link the page prints as http:// to its own site over https, never another site', () => {
    const other = 'http://orders.example.net/mydhgate/order/orderdetail.html?rfid=1';
    const reading = readChanged('dhgate', 'mobile-order-list-shipped', [
      [
        'href="http://m.dhgate.com/mydhgate/order/orderdetail.html?rfid=ff80808192f6a01d0192f7bb3c0a4e19&amp;rft=4"',
        `href="${other}"`,
      ],
    ]);
    const [first, second] = orders(reading);
    expect(first?.detailUrl).toBe(
      'https://m.dhgate.com/mydhgate/order/orderdetail.html?rfid=ff80808193a1c4e50193b27c4f6d2a11&rft=4',
    );
    expect(second).not.toHaveProperty('detailUrl');
    expect(problems(reading)).toContainEqual({
      kind: 'link-refused',
      order: '1041209953',
      field: 'detailUrl',
      shown: other.slice(0, 60),
    });
  });

  it("leaves out a seller's address with credentials in it", () => {
    const reading = readChanged('dhgate', 'desktop-order-list-fr', [
      [
        'href="https://fr.dhgate.com/store/21345678"',
        'href="https://buyer:secret@fr.dhgate.com/store/21345678"',
      ],
    ]);
    expect(orders(reading)[0]?.seller).toEqual({ name: 'shenzhen-audio' });
    expect(problems(reading)).toContainEqual({
      kind: 'link-refused',
      order: '1051238874',
      field: 'sellerUrl',
      shown: 'https://buyer:secret@fr.dhgate.com/store/21345678',
    });
  });

  it('keeps an Allchinabuy item on the platform: its buy page for the source item', () => {
    const reading = readChanged('allchinabuy', 'order-detail', []);
    const source = 'https://weidian.com/item.html?itemID=4399019432';
    expect(orders(reading)[0]?.items[0]?.url).toBe(
      `https://www.allchinabuy.com/en/page/buy?url=${encodeURIComponent(source)}`,
    );
  });
});

describe('long texts', () => {
  const longTitle = `Casque Bluetooth ${'très '.repeat(120)}confortable`; // 617 characters

  it('clips a 600-character item title to 500 with an ellipsis, and says so', () => {
    const reading = readChanged('dhgate', 'desktop-order-detail-fr', [
      ['Casque Bluetooth sans fil à réduction de bruit', longTitle],
    ]);
    const title = orders(reading)[0]?.items[0]?.title ?? '';
    expect(title).toHaveLength(READING_LIMITS.text);
    expect(title).toBe(`${longTitle.slice(0, READING_LIMITS.text - 1)}…`);
    expect(problems(reading)).toContainEqual({
      kind: 'field-clipped',
      order: '1051238874',
      field: 'itemTitle',
    });
  });

  it('clips a 650-character seller name and keeps the rest of the page', () => {
    const name = `shenzhen-audio-${'x'.repeat(635)}`;
    const reading = readChanged('dhgate', 'desktop-order-list-fr', [
      ['>shenzhen-audio<', `>${name}<`],
    ]);
    expect(orders(reading)).toHaveLength(3);
    expect(orders(reading)[0]?.seller?.name).toBe(`${name.slice(0, 499)}…`);
    expect(problems(reading)).toContainEqual({
      kind: 'field-clipped',
      order: '1051238874',
      field: 'seller',
    });
  });

  it('never splits a character written as a surrogate pair', () => {
    const reading = readChanged('dhgate', 'desktop-order-detail-fr', [
      ['Casque Bluetooth sans fil à réduction de bruit', `A${'🎧'.repeat(400)}`],
    ]);
    const title = orders(reading)[0]?.items[0]?.title ?? '';
    // "A", then 249 headphones (two UTF-16 units each), then the ellipsis: 500 units.
    expect(title).toBe(`A${'🎧'.repeat(249)}…`);
    expect(title.length).toBeLessThanOrEqual(READING_LIMITS.text);
  });

  it('leaves out a tracking number that is too long, and names it', () => {
    const tooLong = `CJ${'1'.repeat(70)}DE`;
    const reading = readChanged('dhgate', 'desktop-order-detail-fr', [['CJ140286057DE', tooLong]]);
    expect(orders(reading)[0]).not.toHaveProperty('trackingNumber');
    expect(problems(reading)).toContainEqual({
      kind: 'field-unreadable',
      order: '1051238874',
      field: 'trackingNumber',
      shown: tooLong.slice(0, 60),
    });
  });
});
