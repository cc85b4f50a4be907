import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  absoluteUrl,
  amountOutside,
  columnText,
  findButton,
  imageUrl,
  longestText,
  PageIndex,
} from '@/lib/marketplaces/dom';
import { READING_LIMITS } from '@/lib/marketplaces/types';
import { byId, documentOf, indexedPage } from './pages';

const base = new URL('https://www.example.com/orders/list');

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('amountOutside', () => {
  it.each([
    ['a minus sign before the currency', '-€2,00', '-€2,00'],
    ['a minus sign and a space before the currency code', '- US $ 3.10', '- US $ 3.10'],
    ['a minus sign after the currency', 'US $ -1.50', 'US $ -1.50'],
    ['a currency code against its symbol', 'US$24.63', 'US$24.63'],
    ['a symbol against the number', '€24.63', '€24.63'],
    ['the symbol after the number', '24,63 €', '24,63 €'],
    ['spaces between the thousands', '1&#8239;234,56&nbsp;€', '1 234,56 €'],
    ['a currency code and symbol after the number', '24,63 US $', '24,63 US $'],
    ['a currency code against its symbol after the number', '24.63 US$', '24.63 US$'],
  ])('reads an amount with %s', (_case, html, amount) => {
    const { root, index } = indexedPage(`<span>${html}</span>`);
    expect(amountOutside(index, root, [])).toBe(amount);
  });

  it.each([
    ['words before it', 'Saved: US $ 2.00'],
    ['words after it', 'US $ 2.00 off'],
  ])('does not take an amount with %s for a stand-alone one', (_case, text) => {
    const { root, index } = indexedPage(`<span>${text}</span>`);
    expect(amountOutside(index, root, [])).toBeUndefined();
  });

  it('reads a short text as an amount up to 30 characters long', () => {
    const thirty = `US $ ${'9'.repeat(25)}`;
    const inLimit = indexedPage(`<span>${thirty}</span>`);
    expect(amountOutside(inLimit.index, inLimit.root, [])).toBe(thirty);
    const longer = indexedPage(`<span>${thirty}9</span>`);
    expect(amountOutside(longer.index, longer.root, [])).toBeUndefined();
  });

  it('reads the cell of a row, not the row that runs it together with the next cell', () => {
    const { root, index } = indexedPage('<table><tr><td>US $ 12.00</td><td>2</td></tr></table>');
    expect(amountOutside(index, root, [])).toBe('US $ 12.00');
  });

  it('skips every part it is given, in whatever order', () => {
    const { root, index } = indexedPage(
      '<div id="a"><span>US $ 1.00</span></div><div id="b"><span>US $ 2.00</span></div>' +
        '<p>US $ 3.00</p>',
    );
    expect(amountOutside(index, root, [byId(root, 'b'), byId(root, 'a')])).toBe('US $ 3.00');
  });
});

describe('absoluteUrl', () => {
  it('returns plainly written addresses without running the URL parser', () => {
    let parsed = 0;
    vi.stubGlobal(
      'URL',
      class extends URL {
        constructor(...args: ConstructorParameters<typeof URL>) {
          super(...args);
          parsed++;
        }
      },
    );
    expect(absoluteUrl('https://www.example.com/order/detail?id=1', base)).toBe(
      'https://www.example.com/order/detail?id=1',
    );
    expect(absoluteUrl('//img.example.com/a.jpg', base)).toBe('https://img.example.com/a.jpg');
    expect(absoluteUrl('https://track.example.com:8443/track?no=LP00123#top', base)).toBe(
      'https://track.example.com:8443/track?no=LP00123#top',
    );
    expect(parsed).toBe(0);
  });

  it('resolves an address as the browser does when it is not plainly written', () => {
    expect(absoluteUrl('https://www.example.com/ ', base)).toBe('https://www.example.com/');
    expect(absoluteUrl('https://www.example.com/item/red shoes.html', base)).toBe(
      'https://www.example.com/item/red%20shoes.html',
    );
  });

  it('refuses script links and broken addresses that look like web ones', () => {
    expect(absoluteUrl('javascript://www.example.com/%0aalert(1)', base)).toBeUndefined();
    expect(absoluteUrl('https://www.example.com:port/order', base)).toBeUndefined();
  });

  it('passes on an address longer than a reading keeps as it is, to be refused', () => {
    const script = 'javascript:void(0)//';
    const longest = script.padEnd(READING_LIMITS.url, 'a');
    expect(absoluteUrl(longest, base)).toBeUndefined();
    expect(absoluteUrl(`${longest}a`, base)).toBe(`${longest}a`);
  });
});

describe('imageUrl', () => {
  it('reads the source of the <img> it is given', () => {
    const { root, index } = indexedPage('<img src="//img.example.com/a.jpg">');
    const img = root.querySelector('img') as Element;
    expect(imageUrl(index, img, base)).toBe('https://img.example.com/a.jpg');
  });

  it.each([
    ['escaped quotes', 'url(&amp;quot;https://img.example.com/b.jpg&amp;quot;)'],
    ['no quotes', 'url(https://img.example.com/b.jpg)'],
    // Layered backgrounds: an empty layer first, the picture after it.
    ['an empty layer before it', "url(''), url(https://img.example.com/b.jpg)"],
  ])('reads a CSS background image with %s', (_case, css) => {
    const { root, index } = indexedPage(`<div><div style="background-image: ${css}"></div></div>`);
    expect(imageUrl(index, root, base)).toBe('https://img.example.com/b.jpg');
  });

  it('finds no picture where there is none', () => {
    const { root, index } = indexedPage('<div><span>No image</span></div>');
    expect(imageUrl(index, root, base)).toBeUndefined();
  });

  it('passes on a CSS image address too long to keep as too long, not cut shorter', () => {
    const address = `https://img.example.com/${'a'.repeat(READING_LIMITS.url)}.jpg`;
    const { root, index } = indexedPage(`<div style="background-image: url(${address})"></div>`);
    const url = imageUrl(index, root, base);
    expect(address.startsWith(url ?? '-')).toBe(true);
    expect(url?.length).toBeGreaterThan(READING_LIMITS.url);
  });
});

describe('longestText and findButton', () => {
  it('takes the first of the longest texts', () => {
    const { root, index } = indexedPage('<p><span>Red hat</span><span>Big cap</span></p>');
    expect(longestText(index, root)).toBe('Red hat');
  });

  it('finds an input button by its value', () => {
    const { root, index } = indexedPage(
      '<form><input type="button" value="Confirm receipt"></form>',
    );
    expect(findButton(index, root, /confirm receipt/i)?.tagName).toBe('INPUT');
  });
});

describe('columnText', () => {
  it('skips a script between the cells of a row', () => {
    const doc = documentOf(
      '<table><tr><th>Product</th><th>Qty</th></tr><tr><td>Watch</td><td id="qty">1</td></tr></table>',
    );
    // Put in by hand: a browser's parser keeps a script inside a row, happy-dom's moves it out.
    const qty = byId(doc.body, 'qty');
    qty.before(doc.createElement('script'));
    expect(columnText(new PageIndex(doc), doc.body, /^qty$/i)).toBe('1');
  });

  it('reads a data row that starts with a row heading, never the heading row', () => {
    const { root, index } = indexedPage(
      '<div><table><tr><th>#</th><th>Product</th><th>Qty</th></tr>' +
        '<tr><th>1</th><td>Watch</td><td>2</td></tr></table></div>',
    );
    expect(columnText(index, root, /^qty$/i)).toBe('2');
    expect(columnText(index, root.querySelector('table') as Element, /^qty$/i)).toBe('2');
  });

  it('does not take a row heading beside data for a column heading', () => {
    const { root, index } = indexedPage(`<table><tr><th>Qty</th><td>2</td></tr></table>
      <div id="item"><table><tr><td>Watch</td><td>1</td></tr></table></div>`);
    expect(columnText(index, byId(root, 'item'), /^qty$/i)).toBeUndefined();
  });

  it('does not use headings drawn after the block', () => {
    const { root, index } =
      indexedPage(`<div id="item"><table><tr><td>Watch</td><td>1</td></tr></table></div>
      <table><tr><th>Product</th><th>Qty</th></tr></table>`);
    expect(columnText(index, byId(root, 'item'), /^qty$/i)).toBeUndefined();
  });

  it('prefers a full row to a shorter one before it', () => {
    const { root, index } = indexedPage(
      '<table><tr><th>Product</th><th>Qty</th><th>Total</th></tr>' +
        '<tr><td>Gift wrap</td><td>1</td></tr>' +
        '<tr><td>Watch</td><td>2</td><td>US $ 9.00</td></tr></table>',
    );
    expect(columnText(index, root, /^qty$/i)).toBe('2');
  });

  it('without a full row, reads the first row that reaches the column', () => {
    const { root, index } = indexedPage(
      '<table><tr><th>Product</th><th>Qty</th><th>Total</th></tr>' +
        '<tr><td colspan="3">Gift</td></tr><tr><td>Shoes</td><td>2</td></tr>' +
        '<tr><td>Socks</td><td>5</td></tr></table>',
    );
    expect(columnText(index, root, /^qty$/i)).toBe('2');
  });
});
