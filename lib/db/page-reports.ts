import type { MarketplaceId, ReadingProblem } from '../marketplaces/types';
import type { CaseClockDatabase } from './database';
import type { RefusedOrder } from './schema';

/** Reports of the pages read last are kept; older ones only take space. */
const REPORTS_KEPT = 200;
/** The most refused orders one page's report keeps. */
const REFUSED_KEPT = 100;

/** A page's key among the reports: its address without the fragment the page script moves. */
export function pageKey(address: string): string {
  try {
    const url = new URL(address);
    url.hash = '';
    return url.href;
  } catch {
    return address;
  }
}

export interface PageReportUpdate {
  url: string;
  marketplace: MarketplaceId;
  at: string;
  /** What the reader could not make out: given with a whole reading, or its first part. */
  problems?: readonly ReadingProblem[];
  refused: readonly RefusedOrder[];
}

/**
 * Keeps what a page reading could not make out and the orders the background refused, for
 * the popup: a new reading replaces the page's report (a clean one removes it), a later part
 * of the same reading adds its refused orders.
 */
export async function recordPageReport(
  db: CaseClockDatabase,
  update: PageReportUpdate,
): Promise<void> {
  const url = pageKey(update.url);
  await db.transaction('rw', db.pageReports, async () => {
    const earlier = update.problems === undefined ? await db.pageReports.get(url) : undefined;
    const problems = update.problems ?? earlier?.problems ?? [];
    const refused = [...(earlier?.refused ?? []), ...update.refused].slice(0, REFUSED_KEPT);
    if (problems.length === 0 && refused.length === 0) {
      await db.pageReports.delete(url);
      return;
    }
    const { marketplace, at } = update;
    await db.pageReports.put({ url, marketplace, at, problems: [...problems], refused });
    const extra = (await db.pageReports.count()) - REPORTS_KEPT;
    if (extra > 0) await db.pageReports.orderBy('at').limit(extra).delete();
  });
}
