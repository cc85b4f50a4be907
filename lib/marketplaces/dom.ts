/**
 * Reading helpers shared by the adapters. Pages are read by their visible labels and structure,
 * so a renamed class does not stop a reading; selectors only narrow where to look first.
 */

const SHOW_TEXT = 4; // NodeFilter.SHOW_TEXT, spelt out so no DOM global is needed
const LONGEST_LABEL_TEXT = 120;

/** Collapses whitespace (non-breaking and thin spaces too) and unifies colons. */
export function cleanText(text: string | null | undefined): string {
  return (text ?? '')
    .replace(/[\s\u00a0\u202f\u2009\u200b]+/g, ' ')
    .replace(/\s*[:：]/g, ':')
    .trim();
}

export function textOf(node: Node | null | undefined): string {
  return cleanText(node?.textContent);
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
export function hitLink(hit: LabelHit | undefined): Element | undefined {
  for (const node of hit?.nodes ?? []) {
    const element = node as Element;
    if (element.nodeType !== 1) continue;
    if (element.tagName === 'A') return element;
    const link = element.querySelector('a[href]');
    if (link) return link;
  }
  return undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A label's words, however the page spaces and cases them. */
function labelKey(label: string): string {
  return label.toLowerCase().replace(/[\s\u00a0\u202f]+/g, '');
}

/**
 * One matcher for every label, run on raw text: "Label" alone, or "Label: value", with any
 * spacing (non-breaking too) and either colon. Its first group is the label, its second the
 * rest of the text.
 */
function labelMatcher(labels: readonly string[]): RegExp {
  const alternatives = [...labels]
    .sort((a, b) => b.length - a.length)
    .map((label) => escapeRegExp(label).replace(/ /g, '\\s*'));
  return new RegExp(`^\\s*(${alternatives.join('|')})\\s*(?:[:：]\\s*([\\s\\S]*?))?\\s*$`, 'i');
}

/**
 * What follows a label: the rest of its own text and the nodes after it; when the label sits
 * alone in its element ("<dt>Label</dt><dd>value</dd>", "<span>Label:</span>value"), the nodes
 * after that element, up to two levels out.
 */
function valueOf(labelNode: Node, remainder: string): Pick<LabelHit, 'nodes' | 'parts'> {
  const nodes: Node[] = remainder ? [labelNode] : [];
  const parts = remainder ? [remainder] : [];
  for (let from: Node | null = labelNode, depth = 0; from && depth < 3; depth++) {
    for (let next = from.nextSibling; next; next = next.nextSibling) {
      const text = textOf(next);
      if (!text) continue;
      nodes.push(next);
      parts.push(text);
    }
    if (parts.length > 0) break;
    from = from.parentElement;
  }
  return { nodes, parts };
}

export type LabelHits<K extends string> = Map<K, LabelHit[]>;

/** Text that is not page content (scripts, styles), or a column heading in a row of headings. */
function isOutsideContent(node: Node): boolean {
  const parent = node.parentElement;
  if (!parent) return true;
  if (parent.closest('script, style, template')) return true;
  const heading = parent.closest('th');
  return heading !== null && !heading.parentElement?.querySelector('td');
}

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

/**
 * Finds every occurrence of the given labels under `root` in one pass over its text nodes.
 * Matching ignores case, spacing and the colon style ("Order Number ：", "Order Number:").
 * Header cells are skipped: a column heading labels a column, not the cell beside it.
 */
export function findLabels<K extends string>(
  root: Node,
  labels: Readonly<Record<K, readonly string[]>>,
): LabelHits<K> {
  const { matcher, keyOf } = compiled(labels);
  const found: LabelHits<K> = new Map();
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const raw = node.nodeValue ?? '';
    if (raw.length > LONGEST_LABEL_TEXT) continue;
    const match = matcher.exec(raw);
    if (!match || isOutsideContent(node)) continue;
    const key = keyOf.get(labelKey(match[1] ?? ''));
    if (key === undefined) continue;
    const hits = found.get(key) ?? [];
    hits.push({ label: node as Text, ...valueOf(node, cleanText(match[2])) });
    found.set(key, hits);
  }
  return found;
}

/**
 * For each anchor (say, each "Order Number" label), the largest element around it that holds no
 * other anchor: the order's own block, found from the page's structure rather than its classes.
 */
export function blocksAround(anchors: readonly Node[], within?: Element): Element[] {
  const anchorsInside = new Map<Element, number>();
  for (const anchor of anchors) {
    for (let el = anchor.parentElement; el && el !== within; el = el.parentElement) {
      anchorsInside.set(el, (anchorsInside.get(el) ?? 0) + 1);
    }
  }
  return anchors.flatMap((anchor) => {
    let block = anchor.nodeType === 1 ? (anchor as Element) : anchor.parentElement;
    if (!block) return [];
    for (
      let parent = block.parentElement;
      parent && parent !== within && parent.tagName !== 'BODY' && anchorsInside.get(parent) === 1;
      parent = parent.parentElement
    ) {
      block = parent;
    }
    return [block];
  });
}

/**
 * The blocks that each hold exactly one anchor: the selector's elements when they fit that
 * shape (the fast path), else the blocks found from the structure around the anchors.
 */
function orderBlocks(doc: Document, selector: string, anchors: readonly Node[]): Element[] {
  const candidates = [...doc.querySelectorAll(selector)];
  const fits =
    candidates.length === anchors.length &&
    candidates.every((candidate, index) => {
      const anchor = anchors[index];
      return anchor !== undefined && candidate.contains(anchor);
    });
  return fits ? candidates : blocksAround(anchors);
}

/** Splits label hits between blocks: each hit goes to the block it lies in, if any. */
function hitsPerBlock<K extends string>(
  blocks: readonly Element[],
  hits: LabelHits<K>,
): LabelHits<K>[] {
  const index = new Map(blocks.map((block, i) => [block, i]));
  const perBlock = blocks.map((): LabelHits<K> => new Map());
  for (const [key, list] of hits) {
    for (const hit of list) {
      let owner: number | undefined;
      for (let el = hit.label.parentElement; el && owner === undefined; el = el.parentElement) {
        owner = index.get(el);
      }
      const target = owner === undefined ? undefined : perBlock[owner];
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
  doc: Document,
  selector: string,
  hits: LabelHits<K>,
  anchor: K,
  read: (block: Element, blockHits: LabelHits<K>) => T | undefined,
): T[] {
  const anchors = (hits.get(anchor) ?? []).map((hit) => hit.label);
  const blocks = orderBlocks(doc, selector, anchors);
  const perBlock = hitsPerBlock(blocks, hits);
  return blocks.flatMap(
    (block, index) => read(block, perBlock[index] ?? new Map<K, LabelHit[]>()) ?? [],
  );
}

/** A short text that is an amount and nothing else, such as "US $ 24.63" or "-€2,00". */
const AMOUNT_ONLY =
  /^[-−]?\s*(?:[A-Z]{2,3}\s*)?[$€£¥￥₩₽]?\s*[-−]?\d[\d.,\s\u00a0\u202f]*(?:\s*(?:[A-Z]{2,3}\s*)?[$€£¥￥])?$/;

/** The first stand-alone amount under `root` outside the given parts (say, the item rows). */
export function amountOutside(root: Element, parts: readonly Element[]): string | undefined {
  const walker = root.ownerDocument.createTreeWalker(root, 1); // NodeFilter.SHOW_ELEMENT
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node as Element;
    if (parts.some((part) => part.contains(element))) continue;
    if (element.children.length > 0 && element.querySelector('p, div, td')) continue;
    const text = textOf(element);
    if (text && text.length <= 30 && /[$€£¥￥]/.test(text) && AMOUNT_ONLY.test(text)) return text;
  }
  return undefined;
}

/** The longest text piece under `root`, such as a product title beside its price. */
export function longestText(root: Element): string {
  const walker = root.ownerDocument.createTreeWalker(root, 4); // NodeFilter.SHOW_TEXT
  let longest = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = cleanText(node.nodeValue);
    if (text.length > longest.length) longest = text;
  }
  return longest;
}

/** The first button or link under `root` whose text matches. */
export function findButton(root: ParentNode, text: RegExp): Element | undefined {
  for (const element of root.querySelectorAll('a, button, [role="button"], input[type="button"]')) {
    const label = textOf(element) || (element.getAttribute('value') ?? '');
    if (text.test(label)) return element;
  }
  return undefined;
}

/** An http(s) or protocol-relative address with a lower-case host and no odd characters. */
const PLAIN_ABSOLUTE = /^(?:https?:)?\/\/[a-z0-9.-]+(?::\d+)?\/[\w\-./?=&%~+:,;@!*'()#]*$/;

/** Resolves a link against the page it was found on; undefined for script or broken links. */
export function absoluteUrl(href: string | null | undefined, base: URL): string | undefined {
  if (!href) return undefined;
  // Most links are already whole, plainly written addresses: no need to run the URL parser.
  if (PLAIN_ABSOLUTE.test(href)) return href.startsWith('//') ? `${base.protocol}${href}` : href;
  try {
    const url = new URL(href, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** A picture's address: an <img> source, or a CSS background image as AliExpress draws them. */
export function imageUrl(root: Element, base: URL): string | undefined {
  const img = root.tagName === 'IMG' ? root : root.querySelector('img[src]');
  const src = img?.getAttribute('src');
  if (src) return absoluteUrl(src, base);
  const styled = root.matches('[style*="url("]') ? root : root.querySelector('[style*="url("]');
  const style = styled?.getAttribute('style') ?? '';
  const url = /url\(\s*(?:&quot;|["'])?([^"')&]+)/.exec(style)?.[1];
  return absoluteUrl(url, base);
}

function cellsOf(row: Element): Element[] {
  return [...row.children].filter((cell) => cell.tagName === 'TD' || cell.tagName === 'TH');
}

/** A heading cell of a column: a <th> in a row that holds no data cells. */
function isColumnHeading(cell: Element): boolean {
  return !cell.parentElement?.querySelector(':scope > td');
}

/** The rows of column headings inside `root`, in page order. */
function headingRowsIn(root: Element): Element[] {
  const rows = [...root.querySelectorAll('th')]
    .filter(isColumnHeading)
    .flatMap((cell) => cell.parentElement ?? []);
  return [...new Set(rows)];
}

/**
 * Rows of column headings that may apply to a block: in or around its own tables, else the
 * nearest one drawn before it (long lists often put their headings in a table of their own).
 */
function headingRowsFor(block: Element): Element[] {
  const table = block.closest('table');
  const near = [...(table ? headingRowsIn(table) : []), ...headingRowsIn(block)];
  if (near.length > 0) return near;
  for (let el: Element | null = block; el; el = el.parentElement) {
    for (let before = el.previousElementSibling; before; before = before.previousElementSibling) {
      const row = headingRowsIn(before).at(-1);
      if (row) return [row];
    }
  }
  return [];
}

/**
 * The text in a table column, found by its heading: the cell at the heading's position in the
 * first data row of `block` that spans the whole table. Headings may sit in a separate header
 * table before the block, as long lists often draw them.
 */
export function columnText(block: Element, heading: RegExp): string | undefined {
  let headerRow: Element | undefined;
  let column = -1;
  for (const row of headingRowsFor(block)) {
    column = cellsOf(row).findIndex((cell) => heading.test(textOf(cell)));
    if (column >= 0) {
      headerRow = row;
      break;
    }
  }
  if (!headerRow) return undefined;
  const headings = cellsOf(headerRow);
  const table = headerRow.closest('table');
  const scope = table && block.contains(table) ? table : block;
  const rows = scope.tagName === 'TR' ? [scope] : [...scope.querySelectorAll('tr')];
  // A row under cells that span several rows holds only the leading columns: prefer a full one.
  let partial: Element[] | undefined;
  for (const row of rows) {
    if (row === headerRow) continue;
    const cells = cellsOf(row);
    if (!cells.some((cell) => cell.tagName === 'TD')) continue;
    if (cells.length === headings.length) return textOf(cells[column]) || undefined;
    if (!partial && cells.length > column) partial = cells;
  }
  return textOf(partial?.[column]) || undefined;
}
