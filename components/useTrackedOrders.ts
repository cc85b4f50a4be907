import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { CaseClockDatabase } from '@/lib/db/database';
import { ordersOnPage } from '@/lib/db/orders';
import { planEach, readOrdersData, type TrackedData } from '@/lib/db/plans';
import { countByList, listPage } from '@/lib/db/summaries';
import { byRank, trackedOrder, type OrderFilter, type TrackedOrder } from '@/lib/tracked-orders';

/**
 * Plans the orders read, when the data changes or the minute turns, not on each render: only
 * these orders, however many are tracked.
 */
function usePlanned(
  data: TrackedData | undefined,
  now: Date,
  timeZone: string,
): TrackedOrder[] | undefined {
  const minute = Math.floor(now.getTime() / 60_000);
  return useMemo(() => {
    if (!data) return undefined;
    const clock = { now: new Date(minute * 60_000).toISOString(), timeZone };
    return planEach(data, clock).map(trackedOrder);
  }, [data, minute, timeZone]);
}

export interface OrderListQuery {
  list: OrderFilter;
  search: string;
  /** How many rows to show. */
  limit: number;
}

export interface OrderListView {
  /** The rows shown, most urgent first. */
  rows: TrackedOrder[];
  /** How many orders the list (and search) holds. */
  total: number;
  /** How many orders each list holds. */
  counts: Record<OrderFilter, number>;
  /** How many orders are tracked, listed yet or not. */
  tracked: number;
}

/**
 * A screenful of a list, kept live: a page read in another tab shows at once. It reads and
 * plans only the rows shown, found through the summaries the background keeps, so it opens
 * as fast at 10,000 orders as at 10.
 */
export function useOrderList(
  db: CaseClockDatabase,
  { list, search, limit }: OrderListQuery,
  now: Date,
  timeZone: string,
): OrderListView | undefined {
  const read = useLiveQuery(async () => {
    const [page, counts, tracked] = await Promise.all([
      listPage(db, list, search, limit),
      countByList(db),
      db.orders.count(),
    ]);
    return { total: page.total, counts, tracked, data: await readOrdersData(db, page.orderIds) };
  }, [db, list, search, limit]);
  const planned = usePlanned(read?.data, now, timeZone);
  return useMemo(() => {
    if (!read || !planned) return undefined;
    // Planned just now: their order may have moved since the background last looked.
    const { total, counts, tracked } = read;
    return { rows: [...planned].sort(byRank), total, counts, tracked };
  }, [read, planned]);
}

/**
 * What the popup offers about the tab it was opened on: the orders that page shows, and the
 * orders with an open case to capture it into. Nothing is read while `waiting`: the popup's
 * list comes first, and these reads (every open case, every order of the page's marketplace)
 * would compete with it.
 */
export function useTabOrders(
  db: CaseClockDatabase,
  url: string | undefined,
  now: Date,
  timeZone: string,
  waiting = false,
): TrackedOrder[] | undefined {
  const data = useLiveQuery(async () => {
    if (waiting) return undefined;
    const [shown, open] = await Promise.all([
      url === undefined ? [] : ordersOnPage(db, url),
      db.cases.where('status').equals('open').toArray(),
    ]);
    const ids = [...shown.map((order) => order.id), ...open.map((found) => found.orderId)];
    return readOrdersData(db, [...new Set(ids)]);
  }, [db, url, waiting]);
  return usePlanned(data, now, timeZone);
}
