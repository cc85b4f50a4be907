import { isHostOf, isMarketplaceUrlOf } from './adapter';
import { cutText, shownOf } from './fields';
import {
  READING_LIMITS,
  type MarketplaceAdapter,
  type OrderItemReading,
  type OrderReading,
  type PageKind,
  type PageReading,
  type ReadingField,
  type ReadingProblem,
} from './types';

function isValidInstant(value: string): boolean {
  return !Number.isNaN(Date.parse(value));
}

function isValidAmount(amount: { minor: number; currency: string } | undefined): boolean {
  return !amount || (Number.isSafeInteger(amount.minor) && /^[A-Z]{3}$/.test(amount.currency));
}

const INSTANT_FIELDS = [
  'placedAt',
  'paidAt',
  'shippedAt',
  'receivedAt',
  'protectionEndsAt',
] as const;

/** How tracking, case and item numbers look: letters, digits and dashes, and not too many. */
const IDENTIFIER = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** The same object without the keys whose value is undefined, as a message would carry it. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * Checks one order's texts, numbers and links against what a message may carry, so nothing the
 * reader passes on is refused later: a long text is clipped, a malformed number or a link off
 * the marketplace is left out, and each is named in `problems`.
 */
function orderChecker(adapter: MarketplaceAdapter, order: string, problems: ReadingProblem[]) {
  return {
    /** The text, clipped to the limit with an ellipsis when longer. */
    text(field: ReadingField, value: string | undefined): string | undefined {
      const trimmed = value?.trim();
      if (!trimmed) return undefined;
      if (trimmed.length <= READING_LIMITS.text) return trimmed;
      problems.push({ kind: 'field-clipped', order, field });
      return cutText(trimmed, READING_LIMITS.text, '…');
    },
    /** An instant a message carries: a date the reader made, which must be a real one. */
    instant(field: ReadingField, value: string | undefined): string | undefined {
      if (value === undefined || isValidInstant(value)) return value;
      problems.push({ kind: 'field-unreadable', order, field, shown: shownOf(value) });
      return undefined;
    },
    identifier(field: ReadingField, value: string | undefined): string | undefined {
      const trimmed = value?.trim();
      if (!trimmed) return undefined;
      if (IDENTIFIER.test(trimmed)) return trimmed;
      problems.push({ kind: 'field-unreadable', order, field, shown: shownOf(trimmed) });
      return undefined;
    },
    /**
     * A link to a page of the marketplace itself, or a picture (any https host). Pages still
     * print some links as http://; browsers load them over https, and so does CaseClock.
     */
    link(field: ReadingField, value: string | undefined, anyHost = false): string | undefined {
      if (value === undefined) return undefined;
      const secure = value.replace(/^http:\/\//i, 'https://');
      const accepted = anyHost
        ? secure.length <= READING_LIMITS.url && /^https:\/\/[^/@]+\//.test(secure)
        : isMarketplaceUrlOf(adapter, secure);
      if (accepted) return secure;
      problems.push({ kind: 'link-refused', order, field, shown: shownOf(value) });
      return undefined;
    },
  };
}

/** An item's QC photos' links, pictures on any https host, as many as a message carries. */
function qcPhotosOf(
  photos: readonly string[] | undefined,
  check: ReturnType<typeof orderChecker>,
  problems: ReadingProblem[],
  order: string,
): string[] | undefined {
  if (!photos) return undefined;
  if (photos.length > READING_LIMITS.qcPhotos) {
    problems.push({ kind: 'field-clipped', order, field: 'qcPhoto' });
  }
  const kept = photos
    .slice(0, READING_LIMITS.qcPhotos)
    .flatMap((photo) => check.link('qcPhoto', photo, true) ?? []);
  return kept.length > 0 ? kept : undefined;
}

function soundItem(
  item: OrderItemReading,
  check: ReturnType<typeof orderChecker>,
  problems: ReadingProblem[],
  order: string,
): OrderItemReading | undefined {
  const title = check.text('itemTitle', item.title);
  if (!title) return undefined;
  const unitPrice = isValidAmount(item.unitPrice) ? item.unitPrice : undefined;
  if (unitPrice !== item.unitPrice) {
    problems.push({ kind: 'field-unreadable', order, field: 'unitPrice', shown: '' });
  }
  return withoutUndefined({
    ...item,
    title,
    unitPrice,
    url: check.link('itemUrl', item.url),
    imageUrl: check.link('itemImage', item.imageUrl, true),
    itemNumber: check.identifier('itemNumber', item.itemNumber),
    statusText: check.text('itemStatus', item.statusText),
    qcPhotos: qcPhotosOf(item.qcPhotos, check, problems, order),
    stockedInAt: check.instant('stockedInAt', item.stockedInAt),
  });
}

/** Drops whatever an adapter could not read soundly, naming it in `problems`. */
function soundOrder(
  adapter: MarketplaceAdapter,
  order: OrderReading,
  problems: ReadingProblem[],
): OrderReading | undefined {
  const orderNumber = order.orderNumber.trim();
  if (!orderNumber) {
    problems.push({ kind: 'order-without-number' });
    return undefined;
  }
  if (!adapter.orderNumber.test(orderNumber)) {
    problems.push({ kind: 'order-number-refused', shown: shownOf(orderNumber) });
    return undefined;
  }
  const check = orderChecker(adapter, orderNumber, problems);
  const sound: OrderReading = { ...order, orderNumber };
  for (const field of INSTANT_FIELDS) sound[field] = check.instant(field, order[field]);
  if (!isValidAmount(order.total)) {
    problems.push({ kind: 'field-unreadable', order: orderNumber, field: 'total', shown: '' });
    sound.total = undefined;
  }
  sound.statusText = check.text('statusText', order.statusText);
  sound.carrier = check.text('carrier', order.carrier);
  sound.trackingNumber = check.identifier('trackingNumber', order.trackingNumber);
  sound.detailUrl = check.link('detailUrl', order.detailUrl);
  const sellerName = check.text('seller', order.seller?.name);
  sound.seller = sellerName
    ? withoutUndefined({ name: sellerName, url: check.link('sellerUrl', order.seller?.url) })
    : undefined;
  const disputeStatus = check.text('disputeStatus', order.dispute?.status);
  sound.dispute =
    order.dispute && disputeStatus
      ? withoutUndefined({
          ...order.dispute,
          status: disputeStatus,
          caseNumber: check.identifier('caseNumber', order.dispute.caseNumber),
        })
      : undefined;
  sound.items = order.items.flatMap((item) => soundItem(item, check, problems, orderNumber) ?? []);
  return withoutUndefined(sound);
}

/** Each problem once: many items of one order may share the same one. */
function distinct(problems: readonly ReadingProblem[]): ReadingProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = JSON.stringify(problem);
    return !seen.has(key) && Boolean(seen.add(key));
  });
}

/**
 * Reads `doc` with the given adapter: a marketplace's content script knows its own and loads no
 * other; `readPage` picks the adapter by the address's host.
 */
export function readWith(adapter: MarketplaceAdapter, doc: Document, url: URL): PageReading {
  const marketplace = adapter.id;
  let pageKind: PageKind | undefined;
  try {
    pageKind = adapter.pageKind(url);
    if (!pageKind) return { status: 'not-an-order-page', marketplace };
    const reading = adapter.read(doc, url, pageKind);
    const found = [...reading.problems];
    const orders = reading.orders.flatMap((order) => soundOrder(adapter, order, found) ?? []);
    const check = orderChecker(adapter, '', found);
    const trackingNumbers = reading.trackingNumbers?.flatMap(
      (number) => check.identifier('trackingNumber', number) ?? [],
    );
    const problems = distinct(found);
    if (orders.length === 0 && !trackingNumbers?.length) {
      return { status: 'failed', marketplace, pageKind, problems };
    }
    return {
      status: 'read',
      marketplace,
      pageKind,
      orders,
      ...(trackingNumbers?.length ? { trackingNumbers } : {}),
      problems,
    };
  } catch (error) {
    const detail = cutText(error instanceof Error ? error.message : String(error), 200);
    return {
      status: 'failed',
      marketplace,
      ...(pageKind ? { pageKind } : {}),
      problems: [{ kind: 'page-failed', detail }],
    };
  }
}

/** Reads a page of this marketplace's own site (https); any other address is unsupported. */
export function readPageOf(adapter: MarketplaceAdapter, doc: Document, url: string): PageReading {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { status: 'unsupported' };
  }
  const own = parsed.protocol === 'https:' && isHostOf(adapter, parsed.hostname);
  return own ? readWith(adapter, doc, parsed) : { status: 'unsupported' };
}
