import type { OrderReading, PageReading, ReadingProblem } from '../marketplaces/types';
import { PAGE_MESSAGE_LIMITS } from './limits';
import type { PageReadMessage } from './protocol';

type ReadPage = Extract<PageReading, { status: 'read' }>;

/**
 * An order's reading cut into pieces of at most `itemsPerOrder` items: the first carries the
 * order's fields, each later one only its items and where they start (`itemsFrom`), so the
 * background appends them.
 */
function orderPieces(order: OrderReading, itemsPerOrder: number): OrderReading[] {
  if (order.items.length <= itemsPerOrder) return [order];
  const pieces: OrderReading[] = [{ ...order, items: order.items.slice(0, itemsPerOrder) }];
  for (let from = itemsPerOrder; from < order.items.length; from += itemsPerOrder) {
    pieces.push({
      orderNumber: order.orderNumber,
      items: order.items.slice(from, from + itemsPerOrder),
      itemsFrom: from,
    });
  }
  return pieces;
}

/** The longest text a problem carries: what the page showed is quoted, not copied. */
const PROBLEM_TEXT_LIMIT = 200;

/** What a reading could not make out, as much as a message carries. */
export function reportedProblems(problems: readonly ReadingProblem[]): ReadingProblem[] {
  return problems
    .slice(0, PAGE_MESSAGE_LIMITS.problems)
    .map((problem) =>
      problem.kind === 'page-failed'
        ? { ...problem, detail: problem.detail.slice(0, PROBLEM_TEXT_LIMIT) }
        : problem,
    );
}

/**
 * The messages that carry a page's reading to the background, none over the limits: orders in
 * page order, an order with many items across several messages. Tracking numbers go with the
 * first message, with what the reader could not make out.
 */
export function pageReadMessages(
  url: string,
  reading: ReadPage,
  limits: typeof PAGE_MESSAGE_LIMITS = PAGE_MESSAGE_LIMITS,
): PageReadMessage[] {
  const base = {
    type: 'page-read' as const,
    url,
    marketplace: reading.marketplace,
    pageKind: reading.pageKind,
  };
  const messages: PageReadMessage[] = [
    {
      ...base,
      orders: [],
      ...(reading.trackingNumbers ? { trackingNumbers: reading.trackingNumbers } : {}),
      problems: reportedProblems(reading.problems),
    },
  ];
  let items = 0;
  for (const piece of reading.orders.flatMap((order) => orderPieces(order, limits.itemsPerOrder))) {
    let current = messages.at(-1);
    if (
      !current ||
      current.orders.length >= limits.orders ||
      (current.orders.length > 0 && items + piece.items.length > limits.items)
    ) {
      current = { ...base, orders: [] };
      messages.push(current);
      items = 0;
    }
    current.orders.push(piece);
    items += piece.items.length;
  }
  return messages;
}
