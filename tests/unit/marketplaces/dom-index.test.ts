import { afterEach, describe, expect, it, vi } from 'vitest';
import { blocksAround } from '@/lib/marketplaces/dom';
import { byId, indexedPage } from './pages';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('PageIndex: what is page content', () => {
  it('reads the text around scripts, styles and templates, wherever they end their parent', () => {
    const { root, index } = indexedPage(
      '<div><p>Total<script>var total = 5;</script></p></div><p>US $ 5.00</p>' +
        '<style>p { color: red }</style><span>Paid</span><template><b>Draft</b></template>',
    );
    expect(index.text(root)).toBe('TotalUS $ 5.00Paid');
  });

  it('leaves scripts, styles and templates out of every query', () => {
    const { root, index } = indexedPage(
      '<script>var a = 1;</script><style>b {}</style><template><b>x</b></template><b>1</b>',
    );
    const hidden = root.querySelectorAll('script, style, template');
    expect(hidden).toHaveLength(3);
    for (const element of hidden) expect(index.has(element)).toBe(false);
    // The first query scans the page itself, the second reads the page's one selection.
    expect(index.all(root, 'script, style, template')).toEqual([]);
    expect(index.all(root, 'script, style, template')).toEqual([]);
    expect(index.first(root, 'script, b')?.textContent).toBe('1');
  });

  it('leaves out a script between matches once the page has been queried whole', () => {
    const { root, index } = indexedPage('<b>1</b><script>var a = 1;</script><i>2</i>');
    const tags = () => index.all(root, 'b, script, i').map((element) => element.tagName);
    // The first query scans the page itself, the second reads the page's one selection.
    expect(tags()).toEqual(['B', 'I']);
    expect(tags()).toEqual(['B', 'I']);
  });
});

describe('PageIndex: positions', () => {
  const html = '<div id="outer"><b id="inner">1</b><i>2</i></div><u id="after">3</u>';

  it('counts an element as containing itself and what is inside it, nothing after it', () => {
    const { doc, root, index } = indexedPage(html);
    const outer = byId(root, 'outer');
    expect(index.contains(outer, outer)).toBe(true);
    expect(index.contains(outer, byId(root, 'inner'))).toBe(true);
    expect(index.contains(outer, byId(root, 'after'))).toBe(false);
    expect(index.contains(outer, doc.head)).toBe(false);
  });

  it('lists the elements inside an element, not itself nor what follows', () => {
    const { root, index } = indexedPage(html);
    const inside = [...index.elements(byId(root, 'outer'))].map(({ element }) => element.tagName);
    expect(inside).toEqual(['B', 'I']);
  });

  it('reads the text of an element, not the text just after it', () => {
    const { root, index } = indexedPage('<p>Order</p>1043587216');
    expect(index.text(root.querySelector('p'))).toBe('Order');
  });

  it('reads no more than its limit, however the text is split', () => {
    const { root, index } = indexedPage('<p>abcdefgh</p><p>ij</p><p>k</p><p>lmn</p>');
    expect(index.text(root, 10)).toBe('abcdefghij');
  });

  it('finds the nearest match at or above a node, the node itself first', () => {
    const { root, index } = indexedPage('<table><tr><td id="cell">1</td></tr></table>');
    const cell = byId(root, 'cell');
    expect(index.closest(cell, 'td')).toBe(cell);
    expect(index.closest(cell.firstChild, 'td')).toBe(cell);
  });
});

describe('PageIndex: how much of the page a query scans', () => {
  // Four parts of three nodes each (div, span, text) under the body: 13 nodes in all.
  const parts = '<div><span>1</span></div><div><span>2</span></div>'.repeat(2);

  it('scans each part while the scans add up to no more than the page, then queries the page once', () => {
    const { root, index } = indexedPage(parts);
    const divs = [...root.children];
    const query = vi.spyOn(Element.prototype, 'querySelectorAll');
    for (const div of divs) expect(index.all(div, 'span')).toEqual([div.firstChild]);
    // 4 scans of 3 nodes are 12, within 13; a fifth would pass it: the page is queried instead.
    expect(index.all(divs[0] as Element, 'span')).toEqual([divs[0]?.firstChild]);
    expect(index.all(divs[1] as Element, 'span')).toEqual([divs[1]?.firstChild]);
    expect(query.mock.contexts).toEqual([...divs, root]);
  });

  it('counts a query over the whole page as one scan of it', () => {
    const { root, index } = indexedPage(parts);
    const query = vi.spyOn(Element.prototype, 'querySelectorAll');
    expect(index.all(root, 'span')).toHaveLength(4);
    expect(index.all(root.children[0] as Element, 'span')).toHaveLength(1);
    expect(query.mock.contexts).toEqual([root, root]);
  });

  it('looks for the first match inside the part alone', () => {
    const { root, index } = indexedPage(parts);
    const divs = [...root.children];
    const all = vi.spyOn(Element.prototype, 'querySelectorAll');
    const one = vi.spyOn(Element.prototype, 'querySelector');
    for (const div of divs) expect(index.first(div, 'span')).toBe(div.firstChild);
    expect(one.mock.contexts).toEqual(divs);
    expect(all).not.toHaveBeenCalled();
  });

  it('finds no element inside a text', () => {
    const { root, index } = indexedPage('<p>Order <b>1043587216</b></p>');
    const text = root.querySelector('p')?.firstChild as Text;
    expect(index.all(text, 'b')).toEqual([]);
    expect(index.first(text, 'b')).toBeUndefined();
  });
});

describe('blocksAround', () => {
  function anchorsOf(root: ParentNode): Node[] {
    return [...root.querySelectorAll('p')].flatMap((p) => p.firstChild ?? []);
  }

  it('grows a lone anchor’s block up to the page body, not past it', () => {
    const { root } = indexedPage('<main><section><p>Order 1</p></section></main>');
    expect(blocksAround(anchorsOf(root)).map((block) => block.tagName)).toEqual(['MAIN']);
  });

  it('keeps each block inside the element it is asked to stay within', () => {
    const { root } = indexedPage(
      '<main><section id="order"><div><p>Item 1</p></div></section></main>',
    );
    const blocks = blocksAround(anchorsOf(root), byId(root, 'order'));
    expect(blocks.map((block) => block.tagName)).toEqual(['DIV']);
  });

  it('gives anchors that share their element that element', () => {
    const { root } = indexedPage('<p>Order 1<br>Order 2</p>');
    const p = root.querySelector('p');
    const anchors = [p?.firstChild, p?.lastChild].flatMap((node) => node ?? []);
    expect(blocksAround(anchors).map((block) => block.tagName)).toEqual(['P', 'P']);
  });

  it('finds a block in elements not attached to a page', () => {
    const { doc } = indexedPage('');
    const detached = doc.createElement('div');
    detached.innerHTML = '<section><p>Order 1</p></section>';
    expect(blocksAround(anchorsOf(detached))).toEqual([detached]);
  });

  it('walks up from many anchors in about the size of the tree, not its depth times the anchors', () => {
    // 20 orders at the bottom of 100 nested elements.
    const orders = Array.from({ length: 20 }, (_, at) => `<p>Order ${at}</p>`).join('');
    const { doc, root } = indexedPage(`${'<div>'.repeat(100)}${orders}${'</div>'.repeat(100)}`);
    const anchors = anchorsOf(root);
    const steps = vi.spyOn(Node.prototype, 'parentElement', 'get');
    expect(blocksAround(anchors).map((block) => block.tagName)).toEqual(anchors.map(() => 'P'));
    expect(steps.mock.calls.length).toBeLessThan(3 * doc.querySelectorAll('*').length);
  });
});
