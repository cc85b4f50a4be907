import { describe, expect, it } from 'vitest';
import {
  absoluteUrl,
  amountOutside,
  blocksAround,
  columnText,
  findLabels,
  hitFirst,
  hitText,
  imageUrl,
  PageIndex,
} from '@/lib/marketplaces/dom';

/** A page's body and the index readers look at it through. */
function page(html: string): { root: HTMLElement; index: PageIndex } {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return { root: doc.body, index: new PageIndex(doc) };
}

const base = new URL('https://www.example.com/orders/list');

describe('findLabels', () => {
  it.each([
    ['a label and its value in one text', '<p>Order Number ：1043587216</p>'],
    ['a full-width colon before an element', '<p>Order Number ：<span>1043587216</span></p>'],
    ['an ASCII colon and no space', '<p>Order Number:<b>1043587216</b></p>'],
    ['non-breaking spaces', '<p>Order&nbsp;Number&nbsp;:&nbsp;1043587216</p>'],
    ['a definition list', '<dl><dt>Order Number</dt><dd>1043587216</dd></dl>'],
    ['a row heading', '<table><tr><th>Order Number ：</th><td>1043587216</td></tr></table>'],
    [
      'a label element and a bare text after it',
      '<div><span>Order Number:&nbsp;</span>1043587216<span>Copy</span></div>',
    ],
    ['another case', '<p>ORDER NUMBER: 1043587216</p>'],
  ])('finds the value with %s', (_case, html) => {
    const { root, index } = page(html);
    const hits = findLabels(index, root, { orderNumber: ['Order Number'] });
    expect(hitFirst(hits.get('orderNumber')?.[0])).toBe('1043587216');
  });

  it('keeps every piece of the value, in order', () => {
    const { root, index } = page(
      '<p>Order Number ：<span>1043587216</span><span>Oct 28, 2026 14:05</span></p>',
    );
    const hits = findLabels(index, root, { orderNumber: ['Order Number'] });
    expect(hits.get('orderNumber')?.[0]?.parts).toEqual(['1043587216', 'Oct 28, 2026 14:05']);
  });

  it('joins a price drawn one character per element', () => {
    const { root, index } = page(
      '<span>Total: <div><span>R</span><span>$</span><span>3</span><span>1</span><span>,</span><span>9</span><span>3</span></div></span>',
    );
    const hits = findLabels(index, root, { total: ['Total'] });
    expect(hitText(hits.get('total')?.[0])).toBe('R$31,93');
  });

  it('ignores column headings, scripts and longer sentences', () => {
    const { root, index } =
      page(`<table><tr><th>Total</th><th>Action</th></tr><tr><td>US $ 1.00</td><td>x</td></tr></table>
        <script>var label = "Total: 5"</script>
        <p>The Total: of all your orders this year is shown in your account summary page.</p>`);
    const hits = findLabels(index, root, { total: ['Total'] });
    expect(hits.get('total')).toBeUndefined();
  });
});

describe('blocksAround', () => {
  it('finds each order its own block, however deep the labels sit', () => {
    const { root } = page(`<main><section><div><p id="a">Order 1</p><p>Total 1</p></div></section>
      <section><div><div><p id="b">Order 2</p></div><p>Total 2</p></div></section></main>`);
    const anchors = [root.querySelector('#a'), root.querySelector('#b')].flatMap(
      (el) => el?.firstChild ?? [],
    );
    expect(blocksAround(anchors).map((block) => block.tagName)).toEqual(['SECTION', 'SECTION']);
  });
});

describe('columnText', () => {
  const table = `<table><thead><tr><th>Product</th><th>Qty</th><th>Total</th></tr></thead>
    <tbody id="one"><tr><td>Shoes</td><td>2</td><td rowspan="2">US $ 40.00</td></tr><tr><td>Socks</td><td>5</td></tr></tbody></table>`;

  it('reads a cell by the heading of its column', () => {
    const { root, index } = page(table);
    const block = root.querySelector('#one');
    expect(block && columnText(index, block, /^total$/i)).toBe('US $ 40.00');
  });

  it('reads the leading cells of a row under cells that span rows', () => {
    const { root, index } = page(table);
    const row = root.querySelectorAll('tr')[2];
    expect(row && columnText(index, row, /^qty$/i)).toBe('5');
  });

  it('uses a header table drawn before the list', () => {
    const { root, index } = page(`<table><tr><th>Product</th><th>Qty</th></tr></table>
      <div id="item"><table><tr><td>Watch</td><td>1</td></tr></table></div>`);
    const item = root.querySelector('#item');
    expect(item && columnText(index, item, /^qty$/i)).toBe('1');
  });
});

describe('pictures, links and amounts', () => {
  it('reads an <img> source and a CSS background image', () => {
    const withImg = page('<div><img src="//img.example.com/a.jpg"></div>');
    expect(imageUrl(withImg.index, withImg.root, base)).toBe('https://img.example.com/a.jpg');
    const drawn = page(
      '<div style="background-image: url(&quot;https://img.example.com/b.jpg&quot;)"></div>',
    );
    expect(imageUrl(drawn.index, drawn.root.firstElementChild as Element, base)).toBe(
      'https://img.example.com/b.jpg',
    );
  });

  it('refuses links that are not web addresses', () => {
    expect(absoluteUrl('javascript:alert(1)', base)).toBeUndefined();
    expect(absoluteUrl('/order/detail?id=1', base)).toBe(
      'https://www.example.com/order/detail?id=1',
    );
  });

  it('finds a stand-alone amount outside the item rows', () => {
    const { root, index } = page(
      '<div id="item"><span>US $ 11.20</span></div><p class="amount">US $ 24.63</p>',
    );
    const item = root.querySelector('#item');
    expect(amountOutside(index, root, item ? [item] : [])).toBe('US $ 24.63');
  });
});
