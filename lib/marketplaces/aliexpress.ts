import { parsePageDate, yearOf } from '../dates';
import { parseMoney } from '../money';
import {
  absoluteUrl,
  amountOutside,
  blocksAround,
  cleanText,
  columnText,
  findButton,
  findLabels,
  firstHit,
  hitFirst,
  hitLink,
  hitText,
  imageUrl,
  longestText,
  readBlocks,
  windowOf,
  type LabelHits,
  type PageIndex,
} from './dom';
import {
  assignDefined,
  fieldReader,
  firstWord,
  orderNumberIn,
  parseQuantity,
  readContext,
  sellerOf,
  type ReadContext,
} from './fields';
import { statusPhrase, type StatusTable } from './status';
import type {
  AdapterReading,
  MarketplaceAdapter,
  OrderItemReading,
  OrderReading,
  PageKind,
} from './types';

/** Labels on the current site, its French version and the legacy trade.aliexpress.com pages. */
const LABELS = {
  orderNumber: [
    'Order ID',
    'Order Number',
    'Ref. Number',
    'N° de commande',
    'Numéro de commande',
    'ID de commande',
  ],
  placedAt: [
    'Order date',
    'Date',
    'Order placed on',
    'Order time',
    'Order placed',
    'Date de commande',
    'Commande passée le',
  ],
  paidAt: ['Paid on', 'Payment received', 'Payée le', 'Payé le'],
  shippedAt: ['Shipment completed on', 'Shipped on', 'Shipped', 'Expédiée le', 'Expédié le'],
  completedAt: ['Order completed on', 'Commande terminée le'],
  status: ['Status', 'Statut'],
  total: ['Total', 'Total amount', 'Montant total'],
  seller: ['Store name', 'Store', 'Boutique', 'Vendeur'],
  carrier: ['Carrier', 'Logistics company', 'Transporteur'],
  trackingNumber: ['Tracking number', 'Numéro de suivi', 'N° de suivi'],
  caseNumber: ['Return/refund ID', 'Dispute ID', 'N° de retour/remboursement', 'N° de litige'],
} as const;
type Field = keyof typeof LABELS;
const TRACKING_LABELS = { trackingNumber: LABELS.trackingNumber };
/** The legacy order page names its parcel in a table: these label columns, not cells beside them. */
const CARRIER_COLUMN = /^(?:carrier|logistics company|transporteur)$/i;
const TRACKING_COLUMN = /^(?:tracking number|numéro de suivi|n° de suivi)$/i;

/** Tried in order: "Refund completed" is refunded before it is anything about disputes. */
const STATUSES: StatusTable = [
  // The list's tabs "To pay" and "To ship" name a status only at the start of one.
  [/awaiting payment|^to pay\b|unpaid|en attente de paiement|^à payer\b/i, 'awaiting-payment'],
  [/refund(?:ed| completed| successful)|remboursement effectué|remboursée/i, 'refunded'],
  [/dispute|refund|return|litige|rembours|retour/i, 'in-dispute'],
  [/cancel|closed|expired|annulée|fermée|expirée/i, 'cancelled'],
  [
    /awaiting shipment|^to ship\b|processing|en attente d['’]expédition|en cours de traitement/i,
    'awaiting-shipment',
  ],
  [/completed|finished|terminée/i, 'completed'],
  [/^delivered|livrée/i, 'delivered'],
  [/awaiting delivery|shipped|processed|en attente de livraison|expédiée/i, 'shipped'],
];

const CONFIRM_RECEIPT = /confirm (?:order )?received|confirmer la réception/i;
const ESCALATE = /escalate|ask aliexpress|faire intervenir aliexpress/i;
/**
 * An AliExpress order number: digits only. The real order data behind the list, detail and
 * tracking pages (../shared/real-captures/aliexpress: orderId, tradeOrderId) carries 16 digits
 * (8212313961591322); older orders quoted by buyers' guides have 15 (300500490098888). Source:
 * those captures, high confidence for digits only; the 12 to 20 digits allowed are a margin
 * around what was seen, medium confidence.
 */
const ORDER_NUMBER = /^\d{12,20}$/;
/** "Refund if no delivery before <date>": the date runs to the next "·" or "|". */
const PROTECTION_END =
  /refund if no delivery before|remboursement si (?:pas de|aucune) livraison avant(?: le)?/i;
const STATUS_SELECTORS =
  '.order-item-header-status-text, .order-block-title, .status-value, .order-status .f-left, .refund-card-status';
const TITLE_SELECTORS =
  '.order-item-content-info-name > a, .item-title > a, a.baobei-name, .refund-card-title, [class*="productTitle"]';
const QUANTITY_SELECTORS =
  '.order-item-content-info-number-quantity, .item-price-quantity, .refund-card-count, td.quantity, [class*="productCount"]';
const PRICE_SELECTORS =
  '.order-item-content-info-number > div, .item-price > div, .product-amount > span, td.price, .refund-card-price > span';

/** Pages known by their whole path, the legacy site's (trade.aliexpress.com) among them. */
const PAGE_PATHS = new Map<string, PageKind>([
  ['/p/order/index.html', 'order-list'],
  ['/orderlist.htm', 'order-list'],
  ['/order_list.htm', 'order-list'],
  ['/p/order/detail.html', 'order-detail'],
  ['/order_detail.htm', 'order-detail'],
  ['/logisticsdetail.htm', 'tracking'],
]);
/** Pages known by their folder. */
const PAGE_FOLDERS: readonly (readonly [string, PageKind])[] = [
  ['/p/tracking/', 'tracking'],
  ['/p/refund-dispute/', 'dispute'],
  ['/issue/', 'dispute'],
];

function pageKind(url: URL): PageKind | undefined {
  const path = url.pathname.toLowerCase();
  return PAGE_PATHS.get(path) ?? PAGE_FOLDERS.find(([folder]) => path.startsWith(folder))?.[1];
}

function statusTextIn(index: PageIndex, root: Element): string | undefined {
  const selected = index.first(root, STATUS_SELECTORS);
  return selected ? index.text(selected) : statusPhrase(index, root, STATUSES);
}

/** The date buyer protection ends on, from the first text under `root` that states it. */
function protectionEnd(index: PageIndex, root: Element): string | undefined {
  const found = phraseIn(index, root, PROTECTION_END);
  if (!found) return undefined;
  const { input, index: at } = found.match;
  const rest = input.slice(at + found.match[0].length);
  return rest.split(/[·|]/, 1)[0];
}

/** The first text under `root` that matches, searched node by node. */
function phraseIn(
  index: PageIndex,
  root: Element,
  pattern: RegExp,
): { node: Node; match: RegExpExecArray } | undefined {
  for (const node of index.texts(root)) {
    const match = pattern.exec(cleanText(windowOf(node.data)));
    if (match) return { node, match };
  }
  return undefined;
}

/** "x2" or "×2" after an item's title, where no known place holds its quantity. */
const QUANTITY_AFTER_TITLE = /[x×] ?\d+(?!\d)/i;

function readItems(
  index: PageIndex,
  block: Element,
  base: URL,
): { items: OrderItemReading[]; boxes: Element[] } {
  let titles = index.all(block, TITLE_SELECTORS);
  if (titles.length === 0) titles = index.all(block, 'a[href*="/item/"]');
  const boxes = blocksAround(titles, block);
  const items = titles.flatMap((titleElement, at) => {
    const box = boxes[at] ?? titleElement;
    // A picture-only link leaves the title to the longest text beside it.
    const title = cleanText(
      windowOf(index.first(titleElement, '[title]')?.getAttribute('title')) ||
        index.text(titleElement) ||
        longestText(index, box),
    );
    if (!title) return [];
    const href =
      index.closest(titleElement, 'a[href]')?.getAttribute('href') ??
      index.first(box, 'a[href*="/item/"]')?.getAttribute('href');
    const url = absoluteUrl(href, base);
    const priceText = index.text(index.first(box, PRICE_SELECTORS));
    const quantityText =
      index.text(index.first(box, QUANTITY_SELECTORS)) ||
      columnText(index, box, /^quantit[yé]$/i) ||
      undefined;
    const boxText = index.text(box);
    const titleAt = boxText.indexOf(title);
    const afterTitle = titleAt < 0 ? boxText : boxText.slice(titleAt + title.length);
    const quantity = parseQuantity(quantityText ?? QUANTITY_AFTER_TITLE.exec(afterTitle)?.[0]);
    return [
      assignDefined<OrderItemReading>(
        { title },
        {
          quantity,
          unitPrice: priceText ? parseMoney(priceText) : undefined,
          url,
          imageUrl: imageUrl(index, box, base),
          itemNumber: url ? /\/item\/(\d+)\.html/.exec(url)?.[1] : undefined,
        },
      ),
    ];
  });
  return { items, boxes };
}

function readOrder(
  block: Element,
  hits: LabelHits<Field>,
  orderNumberText: string,
  context: ReadContext,
): OrderReading | undefined {
  const { url, kind, dayFirst, problems, index } = context;
  const orderNumber = orderNumberIn(firstWord(orderNumberText), ORDER_NUMBER, problems);
  if (!orderNumber) return undefined;
  const all = (field: Field) => (hits.get(field) ?? []).map((hit) => hitText(hit));
  const first = (field: Field) => firstHit(hits, field);
  const read = fieldReader(problems, orderNumber);
  const isOrderPage = kind === 'order-list' || kind === 'order-detail';
  const dates = { dayFirst };

  const statusText = statusTextIn(index, block) ?? (hitFirst(first('status')) || undefined);
  // Tracking pages are read apart (readTracking): every page read here shows a status.
  const status = read.status(statusText, STATUSES, { required: true });
  const storeLink = hitLink(index, first('seller')) ?? index.first(block, 'a[href*="/store/"]');
  const sellerName =
    hitFirst(first('seller')) ||
    index.text(index.first(block, '.store-name, .order-item-store-name, .refund-card-store')) ||
    undefined;
  const { items, boxes } = readItems(index, block, url);
  const totalTexts = [
    index.text(index.first(block, '.order-item-content-opt-price-total, .amount-num')),
    ...all('total'),
    () => columnText(index, block, /^total amount$/i),
    () => amountOutside(index, block, boxes),
  ];
  // Only an order's own page states when its buyer protection ends.
  const protection = kind === 'order-detail' ? protectionEnd(index, block) : undefined;
  const order: OrderReading = { orderNumber, items };
  assignDefined(order, {
    status: kind === 'dispute' && status !== 'refunded' ? 'in-dispute' : status,
    statusText,
    seller: sellerOf(sellerName, storeLink?.getAttribute('href'), url),
    total: read.money('total', totalTexts, { required: isOrderPage }),
    placedAt: read.date('placedAt', all('placedAt'), { ...dates, required: isOrderPage }),
    paidAt: read.date('paidAt', all('paidAt'), dates),
    shippedAt: read.date('shippedAt', all('shippedAt'), dates),
    receivedAt: read.date('receivedAt', all('completedAt'), dates),
    protectionEndsAt: read.date('protectionEndsAt', protection, dates),
    carrier: hitFirst(first('carrier')) || columnText(index, block, CARRIER_COLUMN) || undefined,
    trackingNumber:
      hitFirst(first('trackingNumber')) || columnText(index, block, TRACKING_COLUMN) || undefined,
    canConfirmReceipt: isOrderPage
      ? findButton(index, block, CONFIRM_RECEIPT) !== undefined
      : undefined,
    detailUrl:
      kind === 'order-detail'
        ? url.href
        : absoluteUrl(
            index
              .first(block, 'a[href*="detail.html"][href*="orderId="], a[href*="order_detail.htm"]')
              ?.getAttribute('href'),
            url,
          ),
  });
  if (kind === 'dispute' && statusText) {
    order.dispute = assignDefined<NonNullable<OrderReading['dispute']>>(
      { status: statusText },
      {
        caseNumber: /\d{6,}/.exec(hitFirst(first('caseNumber')))?.[0],
        canEscalate: findButton(index, block, ESCALATE) !== undefined,
      },
    );
  }
  return order;
}

/** The tracking page names its order only in its address; the rest is the parcel's story. */
function readTracking(url: URL, context: ReadContext): AdapterReading {
  const { problems, index } = context;
  const page = index.root;
  const trackingNumber =
    index.text(index.first(page, '[class*="mailNoValue"], .logistics-num, .tracking-no > span')) ||
    hitFirst(findLabels(index, page, TRACKING_LABELS).get('trackingNumber')?.[0]);
  const trackingNumbers = trackingNumber ? [trackingNumber] : [];
  // The tracking page names its order only in its address.
  const inAddress = url.searchParams.get('tradeOrderId') ?? url.searchParams.get('tradeId');
  const orderNumber =
    inAddress === null ? undefined : orderNumberIn(inAddress, ORDER_NUMBER, problems);
  if (!orderNumber) return { orders: [], trackingNumbers, problems };
  const read = fieldReader(problems, orderNumber);
  const protection = read.date('protectionEndsAt', protectionEnd(index, page), {
    dayFirst: context.dayFirst,
  });
  const yearHint = yearOf(protection);
  // The newest event that says the parcel was delivered, and the time printed beside it.
  const delivered = phraseIn(index, page, /^(?:delivered|livré)$/i);
  const deliveredEvent = delivered?.node.parentElement?.parentElement;
  const deliveredTime = [...(deliveredEvent?.children ?? [])]
    .map((child) => index.text(child))
    .find((text) => parsePageDate(text, { yearHint }) !== undefined);
  const carrier =
    index.text(index.first(page, '[class*="carrierValue"], .logistics-name')) || undefined;
  const order: OrderReading = { orderNumber, items: readItems(index, page, url).items };
  assignDefined(order, {
    status: delivered ? 'delivered' : undefined,
    trackingNumber: trackingNumber || undefined,
    carrier,
    receivedAt: read.date('receivedAt', deliveredTime, {
      yearHint,
      dayFirst: context.dayFirst,
    }),
    protectionEndsAt: protection,
  });
  return { orders: [order], trackingNumbers, problems };
}

function readAliexpressPage(doc: Document, url: URL, kind: PageKind): AdapterReading {
  const context = readContext(doc, url, kind);
  const { problems, index } = context;
  if (kind === 'tracking') return readTracking(url, context);
  const hits = findLabels(index, index.root, LABELS);
  if (kind === 'order-detail') {
    // The address names the order too, but only a rendered page says anything about it.
    const order = readOrder(index.root, hits, hitFirst(hits.get('orderNumber')?.[0]), context);
    return { orders: order ? [order] : [], problems };
  }
  const orders = readBlocks(
    index,
    '.order-item, tbody.order-item-wraper, .refund-card',
    hits,
    'orderNumber',
    (block, blockHits) =>
      readOrder(block, blockHits, hitFirst(blockHits.get('orderNumber')?.[0]), context),
  );
  if (!hits.has('orderNumber')) problems.push({ kind: 'no-order' });
  return { orders, problems };
}

export const aliexpress: MarketplaceAdapter = {
  id: 'aliexpress',
  name: 'AliExpress',
  // Country sites (fr., pt., de. …) are subdomains of aliexpress.com; the US site has its own.
  domains: ['aliexpress.com', 'aliexpress.us'],
  confirmReceipt: CONFIRM_RECEIPT,
  orderNumber: ORDER_NUMBER,
  pageKind,
  read: readAliexpressPage,
};
