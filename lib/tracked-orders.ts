import type { OrderPlan } from './db/plans';
import { effectiveOrder, type StoredCase, type StoredOrder } from './db/schema';
import type { CasePlan } from './timeline';
import { compareUrgency, urgencyOf, type Urgency } from './timeline/urgency';

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

export function trackedOrder(planned: OrderPlan): TrackedOrder {
  const order = effectiveOrder(planned.order);
  return {
    order,
    plan: planned.plan,
    urgency: urgencyOf(planned.plan),
    searchText: searchTextOf(order),
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

/** Newest first: by when the order was placed, else when CaseClock first saw it. */
function placed(order: StoredOrder): string {
  return order.placedAt ?? order.firstSeenAt;
}

/**
 * The orders a filter and a search keep, most urgent first (newest first among equals). Every
 * word of the search must appear: "dhgate earbuds" finds the DHgate order for earbuds.
 */
export function selectOrders(
  tracked: readonly TrackedOrder[],
  filter: OrderFilter,
  search: string,
): TrackedOrder[] {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  return tracked
    .filter(
      (entry) => passes(entry, filter) && words.every((word) => entry.searchText.includes(word)),
    )
    .sort(
      (a, b) =>
        compareUrgency(a.urgency, b.urgency) || placed(b.order).localeCompare(placed(a.order)),
    );
}

/** How many orders each filter keeps, for the filter's label. */
export function countByFilter(tracked: readonly TrackedOrder[]): Record<OrderFilter, number> {
  const counts: Record<OrderFilter, number> = { open: 0, closed: 0, all: 0, archived: 0 };
  for (const entry of tracked) {
    for (const filter of ORDER_FILTERS) if (passes(entry, filter)) counts[filter] += 1;
  }
  return counts;
}
