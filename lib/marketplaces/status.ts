import { cleanText } from './dom';
import type { OrderStatus } from './types';

/** Status words in the order they must be tried: "Refund completed" is refunded, not disputed. */
export type StatusTable = readonly (readonly [RegExp, OrderStatus])[];

export function normaliseStatus(text: string, table: StatusTable): OrderStatus | undefined {
  return table.find(([pattern]) => pattern.test(text))?.[1];
}

const LONGEST_STATUS = 45;

/**
 * The first text under `root` that is a status by itself: what is left to read a status by when
 * no known class marks it. Link and button texts are skipped, for they name actions.
 */
export function statusPhrase(root: Element, table: StatusTable): string | undefined {
  const walker = root.ownerDocument.createTreeWalker(root, 4); // NodeFilter.SHOW_TEXT
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = cleanText(node.nodeValue);
    if (!text || text.length > LONGEST_STATUS || /[:\d]/.test(text)) continue;
    if (node.parentElement?.closest('a, button, script, style')) continue;
    if (normaliseStatus(text, table)) return text;
  }
  return undefined;
}
