import { compareRanks, ORDER_FILTERS, searchWords, type OrderFilter } from '../tracked-orders';
import { ACTION_NOW_KEY } from '../timeline/urgency';
import type { Settings } from '../timeline/types';
import type { CaseClockDatabase } from './database';
import type { OrderSummary } from './schema';

/**
 * What an order's plan rests on besides its own data: CaseClock's rules (its version), the
 * buyer's settings and time zone. Summaries planned with another stamp are planned again.
 */
export function planStamp(version: string, timeZone: string, settings: Settings): string {
  const text = JSON.stringify([version, timeZone, settings]);
  // FNV-1a: a short, stable fingerprint to index; a collision would only skip a re-plan.
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193) >>> 0;
  }
  return `${version}|${hash.toString(36)}`;
}

async function keysOf(table: { toCollection(): { primaryKeys(): Promise<string[]> } }) {
  return new Set(await table.toCollection().primaryKeys());
}

/**
 * The orders to plan now: those a write touched, those whose time has come (a window turns, a
 * reminder falls due), and those planned under other rules, settings or time zone. With
 * `everyOrder` (a worker's first run), also any order without a summary and any summary without
 * an order: what an older version or an interrupted run left behind.
 */
export async function ordersToPlan(
  db: CaseClockDatabase,
  touched: Iterable<string>,
  { stamp, now, everyOrder }: { stamp: string; now: string; everyOrder: boolean },
): Promise<string[]> {
  // Two ranges, not `notEqual`: Dexie steps through every summary planned with `stamp` to
  // exclude it (5,000 steps took 70 ms in Chromium), while a range is read in one request.
  const [due, older, newer] = await Promise.all([
    db.summaries.where('wakeAt').belowOrEqual(now).primaryKeys(),
    db.summaries.where('plannedWith').below(stamp).primaryKeys(),
    db.summaries.where('plannedWith').above(stamp).primaryKeys(),
  ]);
  const wanted = new Set([...touched, ...due, ...older, ...newer]);
  if (everyOrder) {
    const [orderIds, summarized] = await Promise.all([keysOf(db.orders), keysOf(db.summaries)]);
    for (const id of orderIds) if (!summarized.has(id)) wanted.add(id);
    for (const id of summarized) if (!orderIds.has(id)) wanted.add(id);
  }
  return [...wanted];
}

/** The next moment an order needs looking at, after `now`. */
export async function nextWake(db: CaseClockDatabase, now: string): Promise<string | undefined> {
  return (await db.summaries.where('wakeAt').above(now).first())?.wakeAt;
}

/** How many orders ask the buyer to act now: the number on the toolbar button. */
export async function actionsDue(db: CaseClockDatabase): Promise<number> {
  return db.summaries.where('all').startsWith(ACTION_NOW_KEY).count();
}

/** How many orders each list holds, for the filters' labels. */
export async function countByList(db: CaseClockDatabase): Promise<Record<OrderFilter, number>> {
  const counts = await Promise.all(ORDER_FILTERS.map((list) => db.summaries.orderBy(list).count()));
  return Object.fromEntries(
    ORDER_FILTERS.map((list, index) => [list, counts[index] ?? 0]),
  ) as Record<OrderFilter, number>;
}

export interface ListPage {
  /** The orders to show, in list order. */
  orderIds: string[];
  /** How many the list (and search) holds in all. */
  total: number;
}

/**
 * The first `limit` orders of a list, most urgent first, found through its index. A search
 * keeps orders with a word beginning with each word typed: "dhgate ear" finds the DHgate
 * order for earbuds.
 */
export async function listPage(
  db: CaseClockDatabase,
  list: OrderFilter,
  search: string,
  limit: number,
): Promise<ListPage> {
  const typed = searchWords(search);
  const [first] = typed;
  if (first === undefined) {
    const [orderIds, total] = await Promise.all([
      db.summaries.orderBy(list).limit(limit).primaryKeys(),
      db.summaries.orderBy(list).count(),
    ]);
    return { orderIds, total };
  }
  const found = await db.summaries.where('words').startsWith(first).distinct().toArray();
  const matches = found
    .flatMap((summary) => {
      const rank = summary[list];
      const hits = typed.every((word) => summary.words.some((own) => own.startsWith(word)));
      return rank !== undefined && hits ? [{ id: summary.orderId, rank }] : [];
    })
    .sort((a, b) => compareRanks(a.rank, b.rank));
  return { orderIds: matches.slice(0, limit).map((match) => match.id), total: matches.length };
}

/** Summaries as planned just now, and those of orders no longer stored removed. */
export async function storeSummaries(
  db: CaseClockDatabase,
  summaries: readonly OrderSummary[],
  gone: readonly string[],
): Promise<void> {
  await db.summaries.bulkPut([...summaries]);
  await db.summaries.bulkDelete([...gone]);
}
