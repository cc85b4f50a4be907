import type { OrderPlan } from './db/plans';
import { effectiveOrder, type OrderSummary, type StoredCase, type StoredOrder } from './db/schema';
import type { CasePlan } from './timeline';
import { NEVER, timeDigits, urgencyKey, urgencyOf, type Urgency } from './timeline/urgency';

/** An order as the buyer's list shows it: where it stands and how urgent it is. */
export interface TrackedOrder {
  /** With the buyer's own entries on top. */
  order: StoredOrder;
  openCase?: StoredCase;
  /** The open case, else the one closed last. */
  shownCase?: StoredCase;
  plan: CasePlan;
  urgency: Urgency;
  /** What a search matches against, lowercased. */
  searchText: string;
  /** Its place in a list: most urgent first, newest first among equals. */
  rank: string;
}

function searchTextOf(order: StoredOrder): string {
  return [
    order.orderNumber,
    order.marketplace,
    order.seller?.name,
    order.trackingNumber,
    order.statusText,
    ...order.items.map((item) => item.title),
  ]
    .filter(Boolean)
    .join(' ')
    .toLowerCase();
}

/** Newest first: by when the order was placed, else when CaseClock first saw it. */
function newestFirst(order: StoredOrder): string {
  const placed = Date.parse(order.placedAt ?? order.firstSeenAt);
  return Number.isNaN(placed) ? NEVER : timeDigits(Number(NEVER) - placed);
}

export function trackedOrder(planned: OrderPlan): TrackedOrder {
  const order = effectiveOrder(planned.order);
  const urgency = urgencyOf(planned.plan);
  return {
    order,
    plan: planned.plan,
    urgency,
    searchText: searchTextOf(order),
    rank: `${urgencyKey(urgency)}${newestFirst(order)}`,
    ...(planned.openCase ? { openCase: planned.openCase } : {}),
    ...(planned.shownCase ? { shownCase: planned.shownCase } : {}),
  };
}

export const ORDER_FILTERS = ['open', 'closed', 'all', 'archived'] as const;
export type OrderFilter = (typeof ORDER_FILTERS)[number];

function passes(tracked: TrackedOrder, filter: OrderFilter): boolean {
  const archived = tracked.order.archived === true;
  if (filter === 'archived') return archived;
  if (archived) return false;
  if (filter === 'open') return tracked.openCase !== undefined;
  if (filter === 'closed') return tracked.shownCase?.status === 'closed';
  return true;
}

/** Two ranks in list order: most urgent first, newest first among equals. */
export function compareRanks(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function byRank(a: TrackedOrder, b: TrackedOrder): number {
  return compareRanks(a.rank, b.rank);
}

/** The words of a search or of an order's text, lowercased, each once. */
export function searchWords(text: string): string[] {
  return [...new Set(text.toLowerCase().split(/\s+/).filter(Boolean))];
}

/**
 * What the background keeps of an order for the popup and the reminders: its rank in each list
 * it is in, its words, and when it must be looked at again.
 */
export function summaryOf(
  tracked: TrackedOrder,
  wakeAt: string | undefined,
  plannedWith: string,
): OrderSummary {
  const lists = ORDER_FILTERS.filter((filter) => passes(tracked, filter));
  return {
    orderId: tracked.order.id,
    ...Object.fromEntries(lists.map((list) => [list, tracked.rank])),
    words: searchWords(tracked.searchText),
    ...(wakeAt === undefined ? {} : { wakeAt }),
    plannedWith,
  };
}
