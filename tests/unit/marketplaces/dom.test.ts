import { describe, expect, it } from 'vitest';
import {
  absoluteUrl,
  amountOutside,
  blocksAround,
  cleanText,
  columnText,
  findLabels,
  firstHit,
  hitFirst,
  hitLink,
  hitText,
  imageUrl,
  readBlocks,
  TEXT_WINDOW,
  windowOf,
} from '@/lib/marketplaces/dom';
import { indexedPage } from './pages';

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
    const { root, index } = indexedPage(html);
    const hits = findLabels(index, root, { orderNumber: ['Order Number'] });
    expect(hitFirst(hits.get('orderNumber')?.[0])).toBe('1043587216');
  });

  it('keeps every piece of the value, in order', () => {
    const { root, index } = indexedPage(
      '<p>Order Number ：<span>1043587216</span><span>Oct 28, 2026 14:05</span></p>',
    );
    const hits = findLabels(index, root, { orderNumber: ['Order Number'] });
    expect(hits.get('orderNumber')?.[0]?.parts).toEqual(['1043587216', 'Oct 28, 2026 14:05']);
  });

  it('joins a price drawn one character per element', () => {
    const { root, index } = indexedPage(
      '<span>Total: <div><span>R</span><span>$</span><span>3</span><span>1</span><span>,</span><span>9</span><span>3</span></div></span>',
    );
    const hits = findLabels(index, root, { total: ['Total'] });
    expect(hitText(hits.get('total')?.[0])).toBe('R$31,93');
  });

  it('ignores column headings, scripts and longer sentences', () => {
    const { root, index } =
      indexedPage(`<table><tr><th>Total</th><th>Action</th></tr><tr><td>US $ 1.00</td><td>x</td></tr></table>
        <script>var label = "Total: 5"</script>
        <p>The Total: of all your orders this year is shown in your account summary page.</p>`);
    const hits = findLabels(index, root, { total: ['Total'] });
    expect(hits.get('total')).toBeUndefined();
  });
});

describe('cleanText and windowOf', () => {
  it('collapses every run of spaces to one and unifies colons', () => {
    expect(cleanText(' Order \u00a0\u202f Number：1043587216 ')).toBe('Order Number:1043587216');
  });

  it('keeps the first characters of a longer text, all of a shorter one', () => {
    expect(windowOf('1043587216', 4)).toBe('1043');
    expect(windowOf('1043', 4)).toBe('1043');
    expect(windowOf(undefined)).toBe('');
  });
});

describe('findLabels: what a value is', () => {
  const orderNumber = { orderNumber: ['Order Number'] };

  it.each([
    ['without a space', '<p>OrderNumber: 1043587216</p>'],
    ['with two spaces', '<p>Order  Number: 1043587216</p>'],
    ['after whitespace between the elements', '<dl><dt>Order Number</dt> <dd>1043587216</dd></dl>'],
  ])('finds a label written %s', (_case, html) => {
    const { root, index } = indexedPage(html);
    expect(hitFirst(firstHit(findLabels(index, root, orderNumber), 'orderNumber'))).toBe(
      '1043587216',
    );
  });

  it('matches a label with a full stop in it as written', () => {
    const { root, index } = indexedPage('<p>Order No.: 1043587216</p><p>Order No: 99</p>');
    const hits = findLabels(index, root, { orderNumber: ['Order No.'] });
    expect(hits.get('orderNumber')?.map(hitFirst)).toEqual(['1043587216']);
  });

  it('joins the pieces of a value as the browser runs them together', () => {
    const { root, index } = indexedPage(
      '<p>Order Number ：<span>1043587216</span><span>Oct 28, 2026 14:05</span></p>',
    );
    const hit = firstHit(findLabels(index, root, orderNumber), 'orderNumber');
    expect(hitText(hit)).toBe('1043587216Oct 28, 2026 14:05');
  });

  it('counts the label’s own text among the value’s nodes when the value starts there', () => {
    const { root, index } = indexedPage('<p>Order Number: 1043587216 <span>Copy</span></p>');
    const hit = firstHit(findLabels(index, root, orderNumber), 'orderNumber');
    expect(hit?.nodes).toEqual([hit?.label, root.querySelector('span')]);
    expect(hit?.parts).toEqual(['1043587216', 'Copy']);
  });

  it('reads a value up to two levels out from the label’s element, not three', () => {
    const near = indexedPage('<p><span><b>Order Number</b></span><span>1043587216</span></p>');
    expect(hitFirst(firstHit(findLabels(near.index, near.root, orderNumber), 'orderNumber'))).toBe(
      '1043587216',
    );
    const far = indexedPage('<div><p><span><b>Order Number</b></span></p><p>1043587216</p></div>');
    const hit = firstHit(findLabels(far.index, far.root, orderNumber), 'orderNumber');
    expect(hit?.label.data).toBe('Order Number');
    expect(hit?.parts).toEqual([]);
  });

  it('looks at 16 siblings after the label, no more', () => {
    const value = (empty: number) => {
      const { root, index } = indexedPage(
        `<p><span>Order Number:</span>${'<i></i>'.repeat(empty)}<b>1043587216</b></p>`,
      );
      return hitFirst(firstHit(findLabels(index, root, orderNumber), 'orderNumber'));
    };
    expect(value(15)).toBe('1043587216');
    expect(value(16)).toBe('');
  });

  it('keeps 8 pieces of a value, no more', () => {
    const digits = [1, 2, 3, 4, 5, 6, 7, 8, 9];
    const { root, index } = indexedPage(
      `<p>Order Number: ${digits.map((digit) => `<b>${digit}</b>`).join('')}</p>`,
    );
    const hit = firstHit(findLabels(index, root, orderNumber), 'orderNumber');
    expect(hit?.parts).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
  });

  it('reads one window of text across all the pieces of a value', () => {
    const { root, index } = indexedPage(
      `<p>Order Number:<span>${'a'.repeat(600)}</span><span>${'b'.repeat(600)}</span></p>`,
    );
    const hit = firstHit(findLabels(index, root, orderNumber), 'orderNumber');
    expect(hit?.parts).toEqual(['a'.repeat(600), 'b'.repeat(TEXT_WINDOW - 600)]);
  });

  it('looks for a label in texts of up to 120 characters', () => {
    const text = 'Order Number: 1043587216 ';
    const found = (length: number) => {
      const { root, index } = indexedPage(`<p>${text.padEnd(length, '.')}</p>`);
      return findLabels(index, root, orderNumber).has('orderNumber');
    };
    expect(found(120)).toBe(true);
    expect(found(121)).toBe(false);
  });
});

describe('hitLink', () => {
  it('finds the link after other pieces of the value', () => {
    const { root, index } = indexedPage(
      '<p>Tracking: LP00123 <span>(Cainiao)</span> <a href="/track/LP00123">Track</a></p>',
    );
    const hit = firstHit(findLabels(index, root, { tracking: ['Tracking'] }), 'tracking');
    expect(hitLink(index, hit)).toBe(root.querySelector('a'));
  });
});

describe('readBlocks', () => {
  const labels = { orderNumber: ['Order Number'] };
  const read = (html: string) => {
    const { root, index } = indexedPage(html);
    const hits = findLabels(index, root, labels);
    return readBlocks(index, '.order', hits, 'orderNumber', (block, blockHits) => {
      return `${block.tagName} ${hitFirst(firstHit(blockHits, 'orderNumber'))}`;
    });
  };

  it('uses the selector’s elements when each holds one order', () => {
    expect(
      read(`<section><div class="order"><p>Order Number: 1</p></div><p>Ad</p></section>
        <section><div class="order"><p>Order Number: 2</p></div></section>`),
    ).toEqual(['DIV 1', 'DIV 2']);
  });

  it('finds the blocks from the page’s structure when a selected element holds no order', () => {
    expect(
      read(`<div class="order"><p>Order Number: 1</p></div><div class="order"></div>
        <section><p>Order Number: 2</p></section>`),
    ).toEqual(['DIV 1', 'SECTION 2']);
  });
});

describe('blocksAround', () => {
  it('finds each order its own block, however deep the labels sit', () => {
    const { root } =
      indexedPage(`<main><section><div><p id="a">Order 1</p><p>Total 1</p></div></section>
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
    const { root, index } = indexedPage(table);
    const block = root.querySelector('#one');
    expect(block && columnText(index, block, /^total$/i)).toBe('US $ 40.00');
  });

  it('reads the leading cells of a row under cells that span rows', () => {
    const { root, index } = indexedPage(table);
    const row = root.querySelectorAll('tr')[2];
    expect(row && columnText(index, row, /^qty$/i)).toBe('5');
  });

  it('uses a header table drawn before the list', () => {
    const { root, index } = indexedPage(`<table><tr><th>Product</th><th>Qty</th></tr></table>
      <div id="item"><table><tr><td>Watch</td><td>1</td></tr></table></div>`);
    const item = root.querySelector('#item');
    expect(item && columnText(index, item, /^qty$/i)).toBe('1');
  });
});

describe('pictures, links and amounts', () => {
  it('reads an <img> source and a CSS background image', () => {
    const withImg = indexedPage('<div><img src="//img.example.com/a.jpg"></div>');
    expect(imageUrl(withImg.index, withImg.root, base)).toBe('https://img.example.com/a.jpg');
    const drawn = indexedPage(
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
    const { root, index } = indexedPage(
      '<div id="item"><span>US $ 11.20</span></div><p class="amount">US $ 24.63</p>',
    );
    const item = root.querySelector('#item');
    expect(amountOutside(index, root, item ? [item] : [])).toBe('US $ 24.63');
  });
});
