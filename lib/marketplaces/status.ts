import { cleanText, windowOf, type PageIndex } from './dom';
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
export function statusPhrase(
  index: PageIndex,
  root: Element,
  table: StatusTable,
): string | undefined {
  for (const node of index.texts(root)) {
    const text = cleanText(windowOf(node.data, 4 * LONGEST_STATUS));
    // An empty text matches no status: it needs no test of its own.
    if (text.length > LONGEST_STATUS || /[:\d]/.test(text)) continue;
    if (index.closest(node, 'a, button')) continue;
    if (normaliseStatus(text, table)) return text;
  }
  return undefined;
}
