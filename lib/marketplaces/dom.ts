/**
 * Reading helpers shared by the adapters. Pages are read by their visible labels and structure,
 * so a renamed class does not stop a reading; selectors only narrow where to look first.
 *
 * A page may be huge or hostile, and it is read on the tab's own thread: every helper does work
 * in proportion to the page. The page is walked once into a `PageIndex`, which answers "what is
 * inside this element", "which ancestor matches" and "what text is here" from arrays, and no text
 * is read beyond a window: a value longer than a reading keeps is only ever clipped.
 */
import { READING_LIMITS } from './types';

const SHOW_ELEMENT_AND_TEXT = 5; // NodeFilter.SHOW_ELEMENT | SHOW_TEXT, no DOM global needed
/** Elements whose text is not page content. */
const NOT_CONTENT = new Set(['SCRIPT', 'STYLE', 'TEMPLATE']);
const LONGEST_LABEL_TEXT = 120;
/**
 * The most of one text a reading looks at: twice what it keeps, so a longer text is seen to be
 * longer and clipped, never read whole.
 */
export const TEXT_WINDOW = 2 * READING_LIMITS.text;

/** Collapses whitespace (non-breaking and thin spaces too) and unifies colons. */
export function cleanText(text: string | null | undefined): string {
  return (text ?? '')
    .replace(/[\s\u00a0\u202f\u2009\u200b]+/g, ' ')
    .replace(/ ?[:：]/g, ':')
    .trim();
}

/** The whole text of a node, cleaned: for a few known elements, such as one button. */
export function textOf(node: Node | null | undefined): string {
  return cleanText(node?.textContent);
}

/** The first `limit` characters of a text: all a reading ever looks at. */
export function windowOf(text: string | null | undefined, limit = TEXT_WINDOW): string {
  return (text ?? '').slice(0, limit);
}

/** The position of the first entry of a sorted array that is at least `value`. */
function lowerBound(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] ?? 0) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

interface Selection {
  elements: Element[];
  positions: number[];
}

/**
 * One page's elements and texts in document order, each with the span of its subtree, built in
 * one walk: `contains` is a comparison, "the matches inside this element" a binary search, and
 * "the nearest ancestor that matches" is remembered along the way, so no query rescans the tree.
 * Scripts, styles and templates are left out. Built anew for each reading: pages change.
 */
export class PageIndex {
  readonly root: Element;
  private readonly nodes: Node[] = [];
  private readonly positions = new Map<Node, number>();
  /** For each position, the position just past its subtree. */
  private readonly ends: number[] = [];
  private readonly textPositions: number[] = [];
  private readonly selections = new Map<string, Selection>();
  /** Nodes scanned so far by queries inside parts of the page, per selector. */
  private readonly scanned = new Map<string, number>();
  private readonly nearest = new Map<string, Map<Element, Element | null>>();

  constructor(doc: Document) {
    this.root = doc.body;
    // Stryker disable next-line UnaryOperator: the root's own entry is never read
    const parents: number[] = [-1];
    this.add(this.root);
    // A plain walk, stepping over scripts, styles and templates by hand: a filter callback
    // would cost a call into script for every node of the page.
    const walker = doc.createTreeWalker(this.root, SHOW_ELEMENT_AND_TEXT);
    let node = walker.nextNode();
    while (node) {
      if (NOT_CONTENT.has(node.nodeName.toUpperCase())) {
        node = walker.nextSibling() ?? this.nextAfter(walker);
        continue;
      }
      const parent = node.parentNode;
      parents.push(parent ? (this.positions.get(parent) ?? 0) : 0);
      this.add(node);
      if (node.nodeType === 3) this.textPositions.push(this.nodes.length - 1);
      node = walker.nextNode();
    }
    // Stryker disable next-line ArithmeticOperator: a step past the last node reads nothing
    for (let position = this.nodes.length - 1; position > 0; position--) {
      const parent = parents[position] ?? 0;
      this.ends[parent] = Math.max(this.ends[parent] ?? 0, this.ends[position] ?? 0);
    }
  }

  /** The node after the walker's current one and its subtree, or null at the end. */
  private nextAfter(walker: TreeWalker): Node | null {
    while (walker.parentNode()) {
      const next = walker.nextSibling();
      if (next) return next;
    }
    return null;
  }

  private add(node: Node): void {
    const position = this.nodes.length;
    this.nodes.push(node);
    this.positions.set(node, position);
    this.ends.push(position + 1);
  }

  /** Whether the node is page content under the root. */
  has(node: Node): boolean {
    return this.positions.has(node);
  }

  /** Whether `inner` is `outer` or lies inside it. */
  contains(outer: Node, inner: Node): boolean {
    const start = this.positions.get(outer);
    const position = this.positions.get(inner);
    if (start === undefined || position === undefined) return false;
    return position >= start && position < (this.ends[start] ?? 0);
  }

  /** Every element of the page that matches, in document order (queried once per reading). */
  private select(selector: string): Selection {
    let selection = this.selections.get(selector);
    // Stryker disable next-line ConditionalExpression: a cache; querying again gives the same
    if (!selection) {
      const found = [
        ...(this.root.matches(selector) ? [this.root] : []),
        ...this.root.querySelectorAll(selector),
      ].filter((element) => this.positions.has(element));
      selection = {
        elements: found,
        positions: found.map((element) => this.positions.get(element) ?? 0),
      };
      this.selections.set(selector, selection);
    }
    return selection;
  }

  private range(scope: Node, selection: Selection): [number, number] {
    const start = this.positions.get(scope);
    if (start === undefined) return [0, 0];
    return [
      lowerBound(selection.positions, start + 1),
      lowerBound(selection.positions, this.ends[start] ?? 0),
    ];
  }

  /**
   * Whether a query inside `scope` may scan just that part of the page: as long as such scans,
   * added up per selector, stay within the page's size. Past that the page is queried once and
   * every later query is a binary search, so the work per selector never exceeds twice the page.
   */
  private mayScan(scope: Node, selector: string): scope is Element {
    if (this.selections.has(selector) || scope.nodeType !== 1) return false;
    const [start, end] = this.span(scope);
    const spent = (this.scanned.get(selector) ?? 0) + (end - start);
    if (start < 0 || spent > this.nodes.length) return false;
    this.scanned.set(selector, spent);
    return true;
  }

  /** The elements inside `scope` (not `scope` itself) that match, in document order. */
  all(scope: Node, selector: string): Element[] {
    if (this.mayScan(scope, selector)) {
      return [...scope.querySelectorAll(selector)].filter((element) => this.has(element));
    }
    const selection = this.select(selector);
    const [from, to] = this.range(scope, selection);
    return selection.elements.slice(from, to);
  }

  /** The first element inside `scope` that matches. */
  first(scope: Node, selector: string): Element | undefined {
    if (this.mayScan(scope, selector)) {
      const found = scope.querySelector(selector);
      if (!found || this.has(found)) return found ?? undefined;
    }
    const selection = this.select(selector);
    const [from, to] = this.range(scope, selection);
    return from < to ? selection.elements[from] : undefined;
  }

  /** Whether `element` itself matches. */
  matches(element: Element, selector: string): boolean {
    return element.matches(selector);
  }

  /** The nearest element at or above `node` that matches (as `closest`, remembered). */
  closest(node: Node | null, selector: string): Element | null {
    let memo = this.nearest.get(selector);
    // Stryker disable next-line ConditionalExpression: a cache; a fresh memo gives the same
    if (!memo) {
      memo = new Map();
      this.nearest.set(selector, memo);
    }
    return nearestAncestor(node, (element) => element.matches(selector), memo);
  }

  /** The text nodes inside `scope`, in document order. */
  *texts(scope: Node): Generator<Text> {
    const start = this.positions.get(scope);
    if (start === undefined) return;
    const end = this.ends[start] ?? 0;
    // Past the last text node the position reads as `end`, which ends the walk.
    for (let at = lowerBound(this.textPositions, start); ; at++) {
      const position = this.textPositions[at] ?? end;
      if (position >= end) return;
      yield this.nodes[position] as Text;
    }
  }

  /** The elements inside `scope`, in document order, each with the position past its subtree. */
  *elements(scope: Node): Generator<{ element: Element; end: number; position: number }> {
    const start = this.positions.get(scope);
    if (start === undefined) return;
    const end = this.ends[start] ?? 0;
    for (let position = start + 1; position < end; position++) {
      const node = this.nodes[position];
      if (node?.nodeType === 1) {
        yield { element: node as Element, end: this.ends[position] ?? 0, position };
      }
    }
  }

  /** Where a node stands in document order, and the position past its subtree. */
  span(node: Node): [number, number] {
    const start = this.positions.get(node) ?? -1;
    return [start, this.ends[start] ?? start];
  }

  /**
   * The text under `scope` as the browser runs it together, cleaned, reading at most `limit`
   * characters (each node costs at least one, so empty nodes cannot make it scan far).
   */
  text(scope: Node | null | undefined, limit = TEXT_WINDOW): string {
    if (!scope) return '';
    let budget = limit;
    const pieces: string[] = [];
    for (const node of this.texts(scope)) {
      const piece = windowOf(node.data, budget);
      pieces.push(piece);
      budget -= Math.max(1, piece.length);
      // Stryker disable next-line EqualityOperator: with no budget left a node reads as ''
      if (budget <= 0) break;
    }
    return cleanText(pieces.join(''));
  }
}

/**
 * The nearest element at or above `node` that passes `isTarget`. Every element walked past is
 * remembered in `memo`, so many lookups under the same ancestors walk each level once.
 */
function nearestAncestor(
  node: Node | null,
  isTarget: (element: Element) => boolean,
  memo: Map<Element, Element | null>,
): Element | null {
  const start = node && node.nodeType !== 1 ? node.parentElement : (node as Element | null);
  const path: Element[] = [];
  let found: Element | null = null;
  for (let element = start; element; element = element.parentElement) {
    const known = memo.get(element);
    // Stryker disable next-line BlockStatement: the memo only saves walking; a walk finds the same
    if (known !== undefined) {
      found = known;
      break;
    }
    if (isTarget(element)) {
      found = element;
      break;
    }
    path.push(element);
  }
  for (const element of path) memo.set(element, found);
  return found;
}

/** A label found on the page and what follows it. */
export interface LabelHit {
  /** The text node holding the label. */
  label: Text;
  /** The nodes holding the value, in page order. */
  nodes: Node[];
  /** Their text, one piece per node (the first may be the label node's own remainder). */
  parts: string[];
}

/** The value text of a hit, pieces joined as the browser runs inline text together. */
export function hitText(hit: LabelHit | undefined): string {
  return cleanText(hit?.parts.join(''));
}

/** The first piece of a hit's value: the value itself when more text follows it. */
export function hitFirst(hit: LabelHit | undefined): string {
  return hit?.parts[0] ?? '';
}

/** The first place a label was found, if any. */
export function firstHit<K extends string>(hits: LabelHits<K>, field: K): LabelHit | undefined {
  return hits.get(field)?.[0];
}

/** The first link inside a hit's value. */
export function hitLink(index: PageIndex, hit: LabelHit | undefined): Element | undefined {
  for (const node of hit?.nodes ?? []) {
    if (node.nodeType !== 1) continue;
    if (index.matches(node as Element, 'a[href]')) return node as Element;
    const link = index.first(node, 'a[href]');
    if (link) return link;
  }
  return undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A label's words, however the page spaces and cases them. */
function labelKey(label: string): string {
  // Stryker disable next-line MethodExpression: either case gives each spelling one key
  const folded = label.toLowerCase();
  return folded.replace(/[\s\u00a0\u202f]/g, '');
}

/**
 * One matcher for every label, run on a short raw text: "Label" alone, or "Label: value", with
 * any spacing (non-breaking too) and either colon. Its group is the label; what follows the
 * match is the value. Anchored, with nothing repeated twice in a row, so it runs in linear time.
 */
function labelMatcher(labels: readonly string[]): RegExp {
  // In any order: a match must end at a colon or the text's end, so when a shorter label stops
  // short of a longer one the matcher backtracks to the longer.
  const alternatives = labels.map((label) => escapeRegExp(label).replace(/ /g, '\\s*'));
  return new RegExp(`^\\s*(${alternatives.join('|')})\\s*(?:[:：]|$)`, 'i');
}

/** How far a label's value may reach: a few pieces, a few siblings, one window of text. */
const VALUE_LIMITS = { parts: 8, siblings: 16, levels: 3 } as const;

/**
 * What follows a label: the rest of its own text and the nodes after it; when the label sits
 * alone in its element ("<dt>Label</dt><dd>value</dd>", "<span>Label:</span>value"), the nodes
 * after that element, up to two levels out. Bounded, so labels side by side cannot make each
 * other's values read the whole page.
 */
function valueOf(index: PageIndex, labelNode: Node, remainder: string): Omit<LabelHit, 'label'> {
  const nodes: Node[] = remainder ? [labelNode] : [];
  const parts = remainder ? [remainder] : [];
  let budget = TEXT_WINDOW;
  for (
    let from: Node | null = labelNode, level = 0;
    from && level < VALUE_LIMITS.levels && (level === 0 || parts.length === 0);
    level++, from = from.parentElement
  ) {
    let siblings = 0;
    // Once the window is spent every text reads as '': the other limits end the walk.
    for (
      let next = from.nextSibling;
      next && siblings < VALUE_LIMITS.siblings && parts.length < VALUE_LIMITS.parts;
      next = next.nextSibling, siblings++
    ) {
      const text = index.text(next, budget);
      if (!text) continue;
      budget -= text.length;
      nodes.push(next);
      parts.push(text);
    }
  }
  return { nodes, parts };
}

export type LabelHits<K extends string> = Map<K, LabelHit[]>;

interface CompiledLabels {
  matcher: RegExp;
  keyOf: Map<string, string>;
}

/** Each adapter's labels, compiled once: a page is read many times while it renders. */
const compiledLabels = new WeakMap<object, CompiledLabels>();

function compiled<K extends string>(
  labels: Readonly<Record<K, readonly string[]>>,
): { matcher: RegExp; keyOf: Map<string, K> } {
  let entry = compiledLabels.get(labels);
  // Stryker disable next-line ConditionalExpression: a cache; compiling again gives the same
  if (!entry) {
    const keyOf = new Map<string, string>();
    for (const [key, names] of Object.entries<readonly string[]>(labels)) {
      for (const name of names) keyOf.set(labelKey(name), key);
    }
    entry = { matcher: labelMatcher(Object.values<readonly string[]>(labels).flat()), keyOf };
    compiledLabels.set(labels, entry);
  }
  return entry as { matcher: RegExp; keyOf: Map<string, K> };
}

/** A heading cell of a column: a <th> in a row that holds no data cells. */
function isColumnHeading(index: PageIndex, cell: Element): boolean {
  const row = cell.parentElement;
  return row !== null && index.first(row, 'td') === undefined;
}

/**
 * Finds every occurrence of the given labels under `scope` in one pass over its text nodes.
 * Matching ignores case, spacing and the colon style ("Order Number ：", "Order Number:").
 * Header cells are skipped: a column heading labels a column, not the cell beside it.
 */
export function findLabels<K extends string>(
  index: PageIndex,
  scope: Node,
  labels: Readonly<Record<K, readonly string[]>>,
): LabelHits<K> {
  const { matcher, keyOf } = compiled(labels);
  const found: LabelHits<K> = new Map();
  for (const node of index.texts(scope)) {
    const raw = node.data;
    if (raw.length > LONGEST_LABEL_TEXT) continue;
    const match = matcher.exec(raw);
    if (!match) continue;
    const heading = index.closest(node, 'th');
    if (heading && isColumnHeading(index, heading)) continue;
    // Stryker disable next-line StringLiteral: the label group takes part in every match
    const key = keyOf.get(labelKey(match[1] ?? ''));
    if (key === undefined) continue;
    const hits = found.get(key) ?? [];
    hits.push({ label: node, ...valueOf(index, node, cleanText(raw.slice(match[0].length))) });
    found.set(key, hits);
  }
  return found;
}

/**
 * For each anchor (say, each "Order Number" label), the largest element around it that holds no
 * other anchor: the order's own block, found from the page's structure rather than its classes.
 * Each element above the anchors is claimed by the first anchor below it and marked shared by
 * the second, after which nothing walks past it: the walks cost the tree's size, not its depth
 * times the anchors.
 */
export function blocksAround(anchors: readonly Node[], within?: Element): Element[] {
  const SHARED = -1;
  const owner = new Map<Element, number>();
  anchors.forEach((anchor, at) => {
    for (let el = anchor.parentElement; el && el !== within; el = el.parentElement) {
      const claimed = owner.get(el);
      // An anchor's own walk never meets an element twice: only a shared one stops it.
      if (claimed === SHARED) break;
      owner.set(el, claimed === undefined ? at : SHARED);
    }
  });
  return anchors.flatMap((anchor, at) => {
    let block = anchor.nodeType === 1 ? (anchor as Element) : anchor.parentElement;
    if (!block) return [];
    for (
      let parent = block.parentElement;
      // `within` is never claimed, so the owner check stops the block below it.
      parent && parent.tagName !== 'BODY' && owner.get(parent) === at;
      parent = parent.parentElement
    ) {
      block = parent;
    }
    return [block];
  });
}

/**
 * Whether every anchor lies in one of the candidates and no candidate holds two. A candidate may
 * hold none: a block whose anchor was lost (a parcel without its number) is still a block.
 */
function holdsOneEach(
  index: PageIndex,
  candidates: readonly Element[],
  anchors: readonly Node[],
): boolean {
  // Both lists are in document order, so the anchors are met in turn.
  let next = 0;
  for (const candidate of candidates) {
    const first = next;
    while (next < anchors.length && index.contains(candidate, anchors[next] as Node)) next++;
    if (next - first > 1) return false;
  }
  return anchors.length > 0 && next === anchors.length;
}

/**
 * The order blocks: the first selector's elements, when they hold the anchors one each (the fast
 * path; a site may draw its blocks in more than one way), else the blocks found from the
 * structure around the anchors.
 */
function orderBlocks(
  index: PageIndex,
  selectors: string | readonly string[],
  anchors: readonly Node[],
): Element[] {
  for (const selector of typeof selectors === 'string' ? [selectors] : selectors) {
    const candidates = index.all(index.root, selector);
    if (holdsOneEach(index, candidates, anchors)) return candidates;
  }
  return blocksAround(anchors);
}

/** Splits label hits between blocks: each hit goes to the nearest block around it, if any. */
function hitsPerBlock<K extends string>(
  blocks: readonly Element[],
  hits: LabelHits<K>,
): LabelHits<K>[] {
  const order = new Map(blocks.map((block, at) => [block, at]));
  const perBlock = blocks.map((): LabelHits<K> => new Map());
  const memo = new Map<Element, Element | null>();
  for (const [key, list] of hits) {
    for (const hit of list) {
      const block = nearestAncestor(hit.label, (element) => order.has(element), memo);
      // A block found is one of `order`'s keys.
      const target = block ? perBlock[order.get(block) as number] : undefined;
      if (!target) continue;
      const existing = target.get(key) ?? [];
      existing.push(hit);
      target.set(key, existing);
    }
  }
  return perBlock;
}

/**
 * Reads a page that lists several orders (or parcels, or cases): each `anchor` label starts one
 * block, and each block is read with the labels that lie inside it.
 */
export function readBlocks<K extends string, T>(
  index: PageIndex,
  selector: string | readonly string[],
  hits: LabelHits<K>,
  anchor: K,
  read: (block: Element, blockHits: LabelHits<K>) => T | undefined,
): T[] {
  // A number shown twice (a header printed again) starts one block, not two.
  const shown = new Set<string>();
  const anchors = (hits.get(anchor) ?? []).flatMap((hit) => {
    const value = hitText(hit);
    if (value && shown.has(value)) return [];
    shown.add(value);
    return [hit.label];
  });
  const blocks = orderBlocks(index, selector, anchors);
  const perBlock = hitsPerBlock(blocks, hits);
  // A box without a single label is no order's (a `div#divider` matched by `div[id^="div"]`).
  return blocks.flatMap((block, at) => {
    const blockHits = perBlock[at];
    return blockHits?.size ? (read(block, blockHits) ?? []) : [];
  });
}

/** A short text that is an amount and nothing else, such as "US $ 24.63" or "-€2,00". */
const AMOUNT_ONLY =
  /^[-−]?\s?(?:[A-Z]{2,3}\s?)?[$€£¥￥₩₽]?\s?[-−]?\d[\d.,\s]*(?:(?:[A-Z]{2,3}\s?)?[$€£¥￥])?$/;
const LONGEST_AMOUNT = 30;

/** The first stand-alone amount under `root` outside the given parts (say, the item rows). */
export function amountOutside(
  index: PageIndex,
  root: Element,
  parts: readonly Element[],
): string | undefined {
  const skipped = parts.map((part) => index.span(part)).sort((a, b) => a[0] - b[0]);
  let next = 0;
  // Positions inside `root` come after its own, so 0 skips nothing.
  let skipUntil = 0;
  for (const { element, position } of index.elements(root)) {
    while ((skipped[next]?.[0] ?? Infinity) <= position) {
      skipUntil = Math.max(skipUntil, skipped[next]?.[1] ?? 0);
      next++;
    }
    if (position < skipUntil) continue;
    if (index.first(element, 'p, div, td')) continue;
    const text = index.text(element, 4 * LONGEST_AMOUNT);
    if (text && text.length <= LONGEST_AMOUNT && /[$€£¥￥]/.test(text) && AMOUNT_ONLY.test(text)) {
      return text;
    }
  }
  return undefined;
}

/**
 * The longest text piece under `root` (the first, if several are as long), such as a product
 * title beside its price.
 */
export function longestText(index: PageIndex, root: Element): string {
  let longest = '';
  for (const node of index.texts(root)) {
    const text = cleanText(windowOf(node.data));
    if (text.length > longest.length) longest = text;
  }
  return longest;
}

/** The first button or link under `root` whose text matches. */
export function findButton(index: PageIndex, root: Element, text: RegExp): Element | undefined {
  for (const element of index.all(root, 'a, button, [role="button"], input[type="button"]')) {
    const label = index.text(element) || windowOf(element.getAttribute('value'));
    if (text.test(label)) return element;
  }
  return undefined;
}

/** An https address without credentials, or a page-relative one: read without the URL parser. */
const PLAIN_ABSOLUTE = /^(?:https:)?\/\/[a-z0-9.-]+(?::\d+)?\/[\w\-./?=&%~+:,;!*'()#]*$/;

/**
 * Resolves a link against the page it was found on; undefined for script or broken links. The
 * result is left to `readPage` to accept or refuse: it may name another site.
 */
export function absoluteUrl(href: string | null | undefined, base: URL): string | undefined {
  if (!href) return undefined;
  // An address longer than a reading keeps is only named as refused: no need to parse it all.
  if (href.length > READING_LIMITS.url) return href;
  // Most links are already whole, plainly written addresses: no need to run the URL parser.
  if (PLAIN_ABSOLUTE.test(href)) return href.startsWith('//') ? `${base.protocol}${href}` : href;
  try {
    const url = new URL(href, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    // A broken address: no address.
  }
  return undefined;
}

/** The first CSS `url()` that holds an address: an empty layer may come before the picture. */
const CSS_URL = /url\(\s?(?:&quot;|["'])?([^"')&]+)/;

/** A picture's address: an <img> source, or a CSS background image as AliExpress draws them. */
export function imageUrl(index: PageIndex, root: Element, base: URL): string | undefined {
  const img = root.tagName === 'IMG' ? root : index.first(root, 'img[src]');
  const src = img?.getAttribute('src');
  if (src) return absoluteUrl(src, base);
  const styled = index.matches(root, '[style*="url("]')
    ? root
    : index.first(root, '[style*="url("]');
  // The element matched [style*="url("], so its style holds "url(".
  const style = styled?.getAttribute('style');
  if (!style) return undefined;
  const at = style.indexOf('url(');
  const url = CSS_URL.exec(style.slice(at, at + READING_LIMITS.url + 16))?.[1];
  return absoluteUrl(url, base);
}

function cellsOf(row: Element): Element[] {
  return [...row.children].filter((cell) => cell.tagName === 'TD' || cell.tagName === 'TH');
}

/** The rows of column headings of the page, in page order, found once per reading. */
const headingRowsCache = new WeakMap<PageIndex, { rows: Element[]; starts: number[] }>();

function headingRows(index: PageIndex): { rows: Element[]; starts: number[] } {
  let cached = headingRowsCache.get(index);
  // Stryker disable next-line ConditionalExpression: a cache; finding the rows again gives the same
  if (!cached) {
    const rows = [
      ...new Set(
        index
          .all(index.root, 'th')
          .filter((cell) => isColumnHeading(index, cell))
          .flatMap((cell) => cell.parentElement ?? []),
      ),
    ];
    cached = { rows, starts: rows.map((row) => index.span(row)[0]) };
    headingRowsCache.set(index, cached);
  }
  return cached;
}

/** The heading rows in `root`, itself included. */
function headingRowsIn(index: PageIndex, root: Element): Element[] {
  const { rows, starts } = headingRows(index);
  const [start, end] = index.span(root);
  return rows.slice(lowerBound(starts, start), lowerBound(starts, end));
}

/**
 * Rows of column headings that may apply to a block: in or around its own tables, else the
 * nearest one drawn before it (long lists often put their headings in a table of their own).
 */
function headingRowsFor(index: PageIndex, block: Element): Element[] {
  const table = index.closest(block, 'table');
  const near = [...(table ? headingRowsIn(index, table) : []), ...headingRowsIn(index, block)];
  if (near.length > 0) return near;
  const { rows, starts } = headingRows(index);
  const [start] = index.span(block);
  // The last row that ends before the block: rows around the block are not drawn before it.
  for (let at = lowerBound(starts, start) - 1; at >= 0; at--) {
    const row = rows[at];
    if (row && !index.contains(row, block)) return [row];
  }
  return [];
}

/** The first heading row for `block` with a cell that matches, and that cell's position. */
function headingCell(
  index: PageIndex,
  block: Element,
  heading: RegExp,
): { headerRow: Element; column: number } | undefined {
  for (const headerRow of headingRowsFor(index, block)) {
    const column = cellsOf(headerRow).findIndex((cell) => heading.test(index.text(cell)));
    if (column >= 0) return { headerRow, column };
  }
  return undefined;
}

/**
 * The text in a table column, found by its heading: the cell at the heading's position in the
 * first data row of `block` that spans the whole table. Headings may sit in a separate header
 * table before the block, as long lists often draw them.
 */
export function columnText(index: PageIndex, block: Element, heading: RegExp): string | undefined {
  const found = headingCell(index, block, heading);
  if (!found) return undefined;
  const { headerRow, column } = found;
  const headings = cellsOf(headerRow);
  const table = index.closest(headerRow, 'table');
  const scope = table && index.contains(block, table) ? table : block;
  const rows = scope.tagName === 'TR' ? [scope] : index.all(scope, 'tr');
  // A row under cells that span several rows holds only the leading columns: prefer a full one.
  let partial: Element[] | undefined;
  for (const row of rows) {
    const cells = cellsOf(row);
    // Rows of headings, the heading row among them, hold no data cells.
    if (!cells.some((cell) => cell.tagName === 'TD')) continue;
    if (cells.length === headings.length) return index.text(cells[column]) || undefined;
    if (!partial && cells.length > column) partial = cells;
  }
  return index.text(partial?.[column]) || undefined;
}
