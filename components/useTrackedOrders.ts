import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { CaseClockDatabase } from '@/lib/db/database';
import { planEach, readTrackedData } from '@/lib/db/plans';
import { trackedOrder, type TrackedOrder } from '@/lib/tracked-orders';

/**
 * Every tracked order with its plan, kept live: a page read in another tab shows at once.
 * Plans are worked out again when the data changes or the minute turns, not on each render.
 */
export function useTrackedOrders(
  db: CaseClockDatabase,
  now: Date,
  timeZone: string,
): TrackedOrder[] | undefined {
  const data = useLiveQuery(() => readTrackedData(db), [db]);
  const minute = Math.floor(now.getTime() / 60_000);
  return useMemo(() => {
    if (!data) return undefined;
    const clock = { now: new Date(minute * 60_000).toISOString(), timeZone };
    return planEach(data, clock).map(trackedOrder);
  }, [data, minute, timeZone]);
}
