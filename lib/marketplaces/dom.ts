/**
 * Reading helpers shared by the adapters. Pages are read by their visible labels and structure,
 * so a renamed class does not stop a reading; selectors only narrow where to look.
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

/** A label found on the page and the text that follows it. */
export interface LabelHit {
  /** The text node holding the label. */
  label: Text;
  /** The pieces of text after the label, one per node, in page order; never empty strings. */
  parts: string[];
}

/** The value text of a hit, pieces joined as the browser runs inline text together. */
export function hitText(hit: LabelHit | undefined): string {
  return cleanText(hit?.parts.join(''));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Builds one matcher for many labels: "Label" alone, or "Label: value". */
function labelMatcher(labels: readonly string[]): RegExp {
  const alternatives = labels.map((label) => escapeRegExp(label).replace(/ /g, '\\s*'));
  return new RegExp(`^(?:${alternatives.join('|')})\\s*(?::\\s*(.*))?$`, 'i');
}

function followingParts(node: Node, firstPart: string): string[] {
  const parts = firstPart ? [firstPart] : [];
  for (let next = node.nextSibling; next; next = next.nextSibling) {
    const text = textOf(next);
    if (text) parts.push(text);
  }
  if (parts.length > 0) return parts;
  // The label sits alone in its element ("<dt>Label</dt><dd>value</dd>"): take the next one.
  for (let holder = node.parentElement, depth = 0; holder && depth < 2; depth++) {
    for (let next = holder.nextElementSibling; next; next = next.nextElementSibling) {
      const text = textOf(next);
      if (text) return [text];
    }
    holder = holder.parentElement;
  }
  return [];
}

/**
 * Finds every occurrence of the given labels under `root` in one pass over its text nodes.
 * Matching ignores case, spacing and the colon style ("Order Number ：", "Order Number:").
 */
export function findLabels<K extends string>(
  root: Node,
  labels: Readonly<Record<K, readonly string[]>>,
): Map<K, LabelHit[]> {
  const keys = Object.keys(labels) as K[];
  const matchers = keys.map((key) => [key, labelMatcher(labels[key])] as const);
  const found = new Map<K, LabelHit[]>();
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const raw = node.nodeValue ?? '';
    if (raw.length > LONGEST_LABEL_TEXT) continue;
    const text = cleanText(raw);
    if (!text) continue;
    for (const [key, matcher] of matchers) {
      const match = matcher.exec(text);
      if (!match) continue;
      const hits = found.get(key) ?? [];
      hits.push({ label: node as Text, parts: followingParts(node, match[1]?.trim() ?? '') });
      found.set(key, hits);
      break;
    }
  }
  return found;
}

/**
 * For each anchor (say, each "Order Number" label), the largest element around it that holds no
 * other anchor: the order's own block, found from the page's structure rather than its classes.
 */
export function blocksAround(anchors: readonly Node[]): Element[] {
  const anchorsInside = new Map<Element, number>();
  for (const anchor of anchors) {
    for (let el = anchor.parentElement; el; el = el.parentElement) {
      anchorsInside.set(el, (anchorsInside.get(el) ?? 0) + 1);
    }
  }
  return anchors.flatMap((anchor) => {
    let block = anchor.parentElement;
    if (!block) return [];
    while (block.parentElement && anchorsInside.get(block.parentElement) === 1) {
      if (block.parentElement.tagName === 'BODY') break;
      block = block.parentElement;
    }
    return [block];
  });
}

/** Resolves a link against the page it was found on; undefined for script or broken links. */
export function absoluteUrl(href: string | null | undefined, base: URL): string | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
