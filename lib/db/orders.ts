import { ORDER_PROGRESS } from '../marketplaces/status';
import { adapterForHost } from '../marketplaces/registry';
import {
  MARKETPLACE_IDS,
  type MarketplaceId,
  type OrderReading,
  type OrderStatus,
  type PageKind,
} from '../marketplaces/types';
import type { CaseClockDatabase } from './database';
import {
  effectiveOrder,
  orderId,
  type StoredCase,
  type StoredEvent,
  type StoredOrder,
} from './schema';

/** Fields of a reading that are not part of the order itself. */
type ReadingFields = Omit<OrderReading, 'items'>;

/**
 * A tracking or parcel page tells the parcel's story, not the order's: it may move an order
 * forward ("Delivered"), never back, and never out of a dispute, a refund or a cancellation.
 */
function parcelStatusApplies(stored: OrderStatus | undefined, shown: OrderStatus): boolean {
  if (stored === undefined) return true;
  const from = ORDER_PROGRESS[stored];
  const to = ORDER_PROGRESS[shown];
  return from !== undefined && to !== undefined && to > from;
}

export interface Sighting {
  at: string;
  url: string;
  pageKind: PageKind;
}

type Item = OrderReading['items'][number];

/** Who an item is: its number, else its title and link. */
function itemKey(item: Item): string {
  return item.itemNumber ? `#${item.itemNumber}` : `${item.title}\n${item.url ?? ''}`;
}

/**
 * The order's items after a reading: a later part of a long list extends what earlier parts
 * brought; a whole list replaces the stored one; a page that lists none keeps it. An item keeps
 * what an earlier page showed of it and this one does not (the detail page's stock-in time).
 */
function mergedItems(stored: Item[] | undefined, reading: OrderReading): Item[] {
  const known = new Map((stored ?? []).map((item) => [itemKey(item), item]));
  const items = reading.items.map((item) => {
    const before = known.get(itemKey(item));
    return before ? { ...before, ...item } : item;
  });
  if (reading.itemsFrom) return [...(stored ?? []).slice(0, reading.itemsFrom), ...items];
  return items.length > 0 || !stored ? items : stored;
}

/**
 * Merges what a page showed into the stored order: fields the page showed replace the stored
 * ones, fields it did not show are kept (an order list shows less than the detail page), and
 * items are replaced only by a page that lists them. What the buyer entered stays apart, in
 * `edits`, and is never touched.
 */
export function mergeReading(
  stored: StoredOrder | undefined,
  marketplace: MarketplaceId,
  reading: OrderReading,
  seen: Sighting,
): StoredOrder {
  const shown = Object.fromEntries(
    Object.entries(reading).filter(
      ([key, value]) => key !== 'items' && key !== 'itemsFrom' && value !== undefined,
    ),
  ) as ReadingFields;
  const fromParcel = seen.pageKind === 'tracking' || seen.pageKind === 'parcel-list';
  if (fromParcel && shown.status && !parcelStatusApplies(stored?.status, shown.status)) {
    delete shown.status;
    delete shown.statusText;
  }
  return {
    ...stored,
    ...shown,
    id: orderId(marketplace, reading.orderNumber),
    marketplace,
    items: mergedItems(stored?.items, reading),
    firstSeenAt: stored?.firstSeenAt ?? seen.at,
    lastSeenAt: seen.at,
    seenOnUrl: seen.url,
  };
}

/** The events a page reading adds to an order's history: what changed since it was last seen. */
export function pageEvents(
  before: StoredOrder | undefined,
  after: StoredOrder,
  seen: Sighting,
  newId: () => string,
): StoredEvent[] {
  const base = { orderId: after.id, recordedAt: seen.at, source: 'page' as const };
  const events: StoredEvent[] = [];
  if (after.status && after.status !== before?.status) {
    events.push({
      ...base,
      id: newId(),
      type: 'status-changed',
      at: seen.at,
      details: {
        ...(before?.status ? { from: before.status } : {}),
        to: after.status,
        ...(after.statusText ? { statusText: after.statusText } : {}),
      },
    });
  }
  if (after.trackingNumber && after.trackingNumber !== before?.trackingNumber) {
    events.push({
      ...base,
      id: newId(),
      type: 'tracking-uploaded',
      // The page's shipping date, when it shows one, is closer to the upload than today.
      at: after.shippedAt ?? seen.at,
      details: {
        trackingNumber: after.trackingNumber,
        ...(after.carrier ? { carrier: after.carrier } : {}),
      },
    });
  }
  if (after.receivedAt && !before?.receivedAt && after.status !== 'completed') {
    events.push({ ...base, id: newId(), type: 'delivered', at: after.receivedAt });
  }
  if (after.dispute && JSON.stringify(after.dispute) !== JSON.stringify(before?.dispute)) {
    events.push({
      ...base,
      id: newId(),
      type: 'dispute-updated',
      at: seen.at,
      details: {
        disputeStatus: after.dispute.status,
        ...(after.dispute.caseNumber ? { caseNumber: after.dispute.caseNumber } : {}),
        ...(after.dispute.canEscalate !== undefined
          ? { canEscalate: after.dispute.canEscalate }
          : {}),
      },
    });
  }
  return events;
}

/** Long values in a page's address: ids that also appear in its order's own address. */
function addressTokens(pageUrl: string): string[] {
  return [...new URL(pageUrl).searchParams.values()].filter((value) => value.length >= 16);
}

function sharesToken(order: StoredOrder, tokens: readonly string[]): boolean {
  return tokens.some((token) => order.detailUrl?.includes(token) === true);
}

/** The order a tracking page belongs to, when only its address names it (DHgate's rfx_id). */
async function orderForPage(
  db: CaseClockDatabase,
  marketplace: MarketplaceId,
  pageUrl: string,
): Promise<StoredOrder | undefined> {
  const tokens = addressTokens(pageUrl);
  if (tokens.length === 0) return undefined;
  return db.orders
    .where('marketplace')
    .equals(marketplace)
    .filter((order) => sharesToken(order, tokens))
    .first();
}

function withoutHash(address: string): string {
  const url = new URL(address);
  url.hash = '';
  return url.href;
}

/**
 * The orders a page shows, as far as CaseClock knows: the orders last read on it, else the
 * order whose number or page id its address carries (a detail or tracking page).
 */
export function ordersShownAt(orders: readonly StoredOrder[], address: string): StoredOrder[] {
  let page: string;
  try {
    page = withoutHash(address);
  } catch {
    return [];
  }
  const same = (other: string | undefined) => {
    try {
      return other !== undefined && withoutHash(other) === page;
    } catch {
      return false;
    }
  };
  const read = orders.filter(
    (order) => same(order.seenOnUrl) || same(effectiveOrder(order).detailUrl),
  );
  if (read.length > 0) return read;
  const values = [...new URL(page).searchParams.values()];
  const tokens = addressTokens(page);
  return orders.filter(
    (order) => values.includes(order.orderNumber) || sharesToken(effectiveOrder(order), tokens),
  );
}

/**
 * The stored orders a page shows (as `ordersShownAt` tells), read without going through every
 * order: on a marketplace's site, its orders; elsewhere, those its address names by number.
 */
export async function ordersOnPage(db: CaseClockDatabase, address: string): Promise<StoredOrder[]> {
  let page: URL;
  try {
    page = new URL(address);
  } catch {
    return [];
  }
  const marketplace = adapterForHost(page.hostname)?.id;
  const candidates =
    marketplace === undefined
      ? (
          await db.orders.bulkGet(
            [...page.searchParams.values()].flatMap((value) =>
              MARKETPLACE_IDS.map((id) => orderId(id, value)),
            ),
          )
        ).filter((order) => order !== undefined)
      : await db.orders.where('marketplace').equals(marketplace).toArray();
  return ordersShownAt(candidates, address);
}

export interface PageRecord {
  marketplace: MarketplaceId;
  orders: readonly OrderReading[];
  trackingNumbers?: readonly string[];
}

/**
 * Stores what one page showed, all or nothing: the orders, the events their changes make, and
 * a case for an order the marketplace shows in dispute that has none yet. Returns the orders'
 * ids.
 */
export async function recordPageReading(
  db: CaseClockDatabase,
  page: PageRecord,
  seen: Sighting,
  newId: () => string = () => crypto.randomUUID(),
): Promise<string[]> {
  return db.transaction('rw', [db.orders, db.events, db.cases], async () => {
    let readings = [...page.orders];
    if (readings.length === 0 && page.trackingNumbers?.length) {
      const owner = await orderForPage(db, page.marketplace, seen.url);
      const [trackingNumber] = page.trackingNumbers;
      if (owner && trackingNumber) {
        readings = [{ orderNumber: owner.orderNumber, items: [], trackingNumber }];
      }
    }
    const ids = [
      ...new Set(readings.map((reading) => orderId(page.marketplace, reading.orderNumber))),
    ];
    const stored = new Map(
      (await db.orders.bulkGet(ids)).flatMap((order) => (order ? [[order.id, order]] : [])),
    );
    // Parts of one long order follow each other in a message: each extends the one before.
    const latest = new Map<string, StoredOrder>();
    for (const reading of readings) {
      const id = orderId(page.marketplace, reading.orderNumber);
      latest.set(
        id,
        mergeReading(latest.get(id) ?? stored.get(id), page.marketplace, reading, seen),
      );
    }
    const merged = [...latest.values()];
    const events = merged.flatMap((order) => pageEvents(stored.get(order.id), order, seen, newId));
    const disputed = merged.filter((order) => order.dispute !== undefined).map((order) => order.id);
    // A case the buyer closed stays closed, with its evidence: they reopen it if need be.
    const withCase = new Set(
      (await db.cases.where('orderId').anyOf(disputed).toArray()).map((found) => found.orderId),
    );
    const cases: StoredCase[] = disputed
      .filter((id) => !withCase.has(id))
      .map((id) => ({
        id: newId(),
        orderId: id,
        reason: 'other',
        openedAt: seen.at,
        status: 'open',
      }));
    await db.orders.bulkPut(merged);
    await db.events.bulkPut(events);
    await db.cases.bulkPut(cases);
    return ids;
  });
}
