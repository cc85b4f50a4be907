import { adapterForHost } from './registry';
import type { MarketplaceAdapter, OrderReading, PageKind, PageReading } from './types';

export type * from './types';
export { ADAPTERS, adapterById, adapterForHost, marketplaceMatchPatterns } from './registry';

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

/** The same object without the keys whose value is undefined, as a message would carry it. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Drops whatever an adapter could not read soundly, naming it in `problems`. */
function soundOrder(order: OrderReading, problems: string[]): OrderReading | undefined {
  const orderNumber = order.orderNumber.trim();
  if (!orderNumber) {
    problems.push('an order without a number was left out');
    return undefined;
  }
  const sound: OrderReading = { ...order, orderNumber };
  for (const field of INSTANT_FIELDS) {
    const value = order[field];
    if (value !== undefined && !isValidInstant(value)) {
      problems.push(`order ${orderNumber}: ${field} "${value}" is not a date`);
      sound[field] = undefined;
    }
  }
  if (!isValidAmount(order.total)) {
    problems.push(`order ${orderNumber}: total could not be read`);
    sound.total = undefined;
  }
  sound.items = order.items.map((item) => {
    if (isValidAmount(item.unitPrice)) return item;
    problems.push(`order ${orderNumber}: a unit price could not be read`);
    return withoutUndefined({ ...item, unitPrice: undefined });
  });
  return withoutUndefined(sound);
}

function readWith(adapter: MarketplaceAdapter, doc: Document, url: URL): PageReading {
  const marketplace = adapter.id;
  let pageKind: PageKind | undefined;
  try {
    pageKind = adapter.pageKind(url);
    if (!pageKind) return { status: 'not-an-order-page', marketplace };
    const reading = adapter.read(doc, url, pageKind);
    const problems = [...reading.problems];
    const orders = reading.orders.flatMap((order) => soundOrder(order, problems) ?? []);
    const trackingNumbers = reading.trackingNumbers?.filter((number) => number.trim() !== '');
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
    const problem = `the page could not be read: ${error instanceof Error ? error.message : String(error)}`;
    return {
      status: 'failed',
      marketplace,
      ...(pageKind ? { pageKind } : {}),
      problems: [problem],
    };
  }
}

/**
 * Reads a marketplace page into plain data. Pure and synchronous: it looks only at `doc` and
 * `url`, never runs page script and never throws.
 */
export function readPage(doc: Document, url: string): PageReading {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { status: 'unsupported' };
  }
  const adapter = parsed.protocol === 'https:' ? adapterForHost(parsed.hostname) : undefined;
  return adapter ? readWith(adapter, doc, parsed) : { status: 'unsupported' };
}
