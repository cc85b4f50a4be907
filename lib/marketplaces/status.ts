import { cleanText } from './dom';
import type { OrderStatus } from './types';

/**
 * How far an order has come on its way to the buyer; statuses off that way (disputes,
 * refunds, cancellations) have no place in it.
 */
export const ORDER_PROGRESS: Readonly<Partial<Record<OrderStatus, number>>> = {
  'awaiting-payment': 0,
  'awaiting-shipment': 1,
  'in-warehouse': 2,
  shipped: 3,
  delivered: 4,
  completed: 5,
};

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
