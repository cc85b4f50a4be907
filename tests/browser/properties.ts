import fc from 'fast-check';
import {
  isMarketplaceUrl,
  isOrderNumberOf,
  readPage,
  READING_LIMITS,
  type MarketplaceId,
  type OrderReading,
  type PageReading,
} from '@/lib/marketplaces';
import { ORDER_STATUSES } from '@/lib/marketplaces/types';

/** One change to a page, aimed at the node with that index (modulo the page's size). */
type Mutation =
  | { kind: 'remove' | 'duplicate' | 'unwrap'; target: number }
  | { kind: 'move'; target: number; to: number }
  | { kind: 'truncate'; target: number; keep: number }
  | { kind: 'garbage'; target: number; text: string }
  | { kind: 'inject'; target: number; html: string };

const INJECTIONS = [
  '<script>document.body.innerHTML = ""; throw new Error("page script ran")</script>',
  '<img src=x onerror="throw new Error(1)">',
  '<p>Order Number ：</p>',
  '<span>Total : US $ abc</span>',
  '<div>Order No：DO</div>',
  '<div>Order ID: 99999999999999999999999</div>',
  '<span>Order Time：Feb 31, 2026 25:99</span>',
  '<td>US $ 1e309</td>',
  '<p>Status: </p><table><tr><th>Total</th></tr></table>',
  '<style>* { display: none }</style>',
];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('remove', 'duplicate', 'unwrap'), target: fc.nat() }),
  fc.record({ kind: fc.constant('move'), target: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('truncate'), target: fc.nat(), keep: fc.nat({ max: 12 }) }),
  fc.record({
    kind: fc.constant('garbage'),
    target: fc.nat(),
    text: fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 30 }),
      fc.constantFrom('US $ ', '：', '\u00a0', '-', '¥', '2026-13-45', 'R$,', 'x99999999999'),
    ),
  }),
  fc.record({
    kind: fc.constant('inject'),
    target: fc.nat(),
    html: fc.constantFrom(...INJECTIONS),
  }),
);

function pick<T>(items: readonly T[], index: number): T | undefined {
  return items.length === 0 ? undefined : items[index % items.length];
}

/** Applies one change; returns the text it changed, if it changed one. */
function apply(doc: Document, elements: readonly Element[], change: Mutation): Node | undefined {
  const element = pick(elements, change.target);
  switch (change.kind) {
    case 'remove':
      element?.remove();
      break;
    case 'duplicate':
      element?.after(element.cloneNode(true));
      break;
    case 'unwrap':
      element?.replaceWith(...element.childNodes);
      break;
    case 'move': {
      const destination = pick(elements, change.to);
      if (element && destination && !element.contains(destination)) destination.append(element);
      break;
    }
    case 'truncate':
    case 'garbage': {
      const walker = doc.createTreeWalker(doc.body, 4);
      const texts: Node[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node);
      const text = pick(texts, change.target);
      if (!text) return undefined;
      text.nodeValue =
        change.kind === 'truncate' ? (text.nodeValue ?? '').slice(0, change.keep) : change.text;
      return text;
    }
    case 'inject':
      // An element removed by an earlier change has nowhere to put anything after it.
      if (element?.parentElement) element.insertAdjacentHTML('afterend', change.html);
      break;
  }
  return undefined;
}

/**
 * The elements that show an order number with its label: around each text holding it, the
 * nearest element that holds more than the number itself ("Order Number ：1043587216").
 */
function numberLines(doc: Document, orderNumber: string): Element[] {
  const lines: Element[] = [];
  const walker = doc.createTreeWalker(doc.body, 4);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.nodeValue?.includes(orderNumber)) continue;
    let line = node.parentElement;
    while (line && line.textContent.trim() === orderNumber) line = line.parentElement;
    if (line) lines.push(line);
  }
  return lines;
}

/** Whether a node is, holds or is in one of the lines. */
function reaches(lines: readonly Element[], node: Node | undefined): boolean {
  return node !== undefined && lines.some((line) => line.contains(node) || node.contains(line));
}

function isInstant(value: string | undefined): boolean {
  return value === undefined || new Date(value).toISOString() === value;
}

function isAmount(amount: { minor: number; currency: string } | undefined): boolean {
  return (
    amount === undefined ||
    (Number.isSafeInteger(amount.minor) && /^[A-Z]{3}$/.test(amount.currency))
  );
}

function check(holds: boolean, what: string): void {
  if (!holds) throw new Error(what);
}

const INSTANT_FIELDS = [
  'placedAt',
  'paidAt',
  'shippedAt',
  'receivedAt',
  'protectionEndsAt',
] as const;

/** Texts within the messages' limit, links on the marketplace's own https pages. */
function checkLimits(marketplace: MarketplaceId, order: OrderReading): void {
  const texts = [
    order.statusText,
    order.carrier,
    order.seller?.name,
    order.dispute?.status,
    ...order.items.map((item) => item.title),
  ];
  for (const text of texts) {
    check(text === undefined || text.length <= READING_LIMITS.text, `a text of ${text?.length}`);
  }
  const links = [order.detailUrl, order.seller?.url, ...order.items.map((item) => item.url)];
  for (const link of links) {
    check(link === undefined || isMarketplaceUrl(marketplace, link), `link ${link}`);
  }
}

function checkOrder(marketplace: MarketplaceId, order: OrderReading): void {
  const number = order.orderNumber;
  check(isOrderNumberOf(marketplace, number), `order number "${number}"`);
  checkLimits(marketplace, order);
  check(isAmount(order.total), `total ${JSON.stringify(order.total)}`);
  for (const field of INSTANT_FIELDS) {
    check(isInstant(order[field]), `${field} "${String(order[field])}"`);
  }
  check(
    order.status === undefined || ORDER_STATUSES.includes(order.status),
    `status ${order.status}`,
  );
  for (const item of order.items) {
    check(item.title.trim() !== '', 'an item without a title');
    check(isAmount(item.unitPrice), `unit price ${JSON.stringify(item.unitPrice)}`);
    check(
      item.quantity === undefined || Number.isSafeInteger(item.quantity),
      `quantity ${String(item.quantity)}`,
    );
  }
}

/** Throws, naming what is wrong, when a reading breaks what readPage promises. */
export function checkReading(reading: PageReading): void {
  // readPage turns an adapter's exception into this problem: the adapter must never throw.
  if ('problems' in reading) {
    const crash = reading.problems.find((problem) => problem.kind === 'page-failed');
    check(crash === undefined, JSON.stringify(crash));
  }
  if (reading.status !== 'read') return;
  for (const order of reading.orders) checkOrder(reading.marketplace, order);
  for (const number of reading.trackingNumbers ?? [])
    check(number.trim() !== '', 'empty tracking number');
}

export interface PropertyReport {
  runs: number;
  mutations: number;
  /** Whether the page shows the order number in its text (a tracking page may not). */
  numberShown: boolean;
  /** Damaged copies that left the order number's lines alone, whose number was checked. */
  untouched: number;
  failure?: string;
}

/**
 * Runs inside a real browser: reads `runs` randomly damaged copies of a fixture page and checks
 * that readPage never throws and never yields an empty number, a NaN amount or an invalid date,
 * and that `orderNumber` (the page's first, from its hand-written expectation) is still read
 * whenever the damage left the lines that show it alone.
 */
export function checkDamagedCopies(
  html: string,
  url: string,
  orderNumber: string | undefined,
  runs: number,
  replay: { seed: number; path?: string },
): PropertyReport {
  const original = new DOMParser().parseFromString(html, 'text/html');
  const numberShown = orderNumber !== undefined && numberLines(original, orderNumber).length > 0;
  let mutations = 0;
  let untouched = 0;
  const details = fc.check(
    fc.property(fc.array(mutation, { minLength: 1, maxLength: 8 }), (changes) => {
      const doc = original.cloneNode(true) as Document;
      const elements = [...doc.body.querySelectorAll('*')];
      const lines = orderNumber === undefined ? [] : numberLines(doc, orderNumber);
      let touched = lines.length === 0;
      for (const change of changes) {
        // Judged before the change, which may take the element out of the page. Moved or added
        // markup can put another label or number before the line, wherever it goes.
        const element =
          change.kind === 'truncate' || change.kind === 'garbage'
            ? undefined
            : pick(elements, change.target);
        touched ||= change.kind === 'move' || change.kind === 'inject' || reaches(lines, element);
        touched ||= reaches(lines, apply(doc, elements, change));
      }
      mutations += changes.length;
      const reading = readPage(doc, url);
      checkReading(reading);
      if (touched || orderNumber === undefined) return;
      untouched++;
      const numbers = reading.status === 'read' ? reading.orders.map((o) => o.orderNumber) : [];
      check(numbers.includes(orderNumber), `order ${orderNumber} not read: ${numbers.join(', ')}`);
    }),
    { numRuns: runs, ...replay },
  );
  const failure = details.failed
    ? `${fc.defaultReportMessage(details)}\n${String(details.errorInstance)}`
    : undefined;
  const report = { runs: details.numRuns, mutations, numberShown, untouched };
  return failure ? { ...report, failure } : report;
}
