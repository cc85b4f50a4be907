import { parsePageDate } from '../dates';
import { parseMoney } from '../money';
import {
  absoluteUrl,
  blocksAround,
  cleanText,
  findButton,
  findLabels,
  firstHit,
  hitFirst,
  hitLink,
  hitText,
  imageUrl,
  readBlocks,
  windowOf,
  type LabelHit,
  type LabelHits,
  type PageIndex,
} from './dom';
import {
  assignDefined,
  fieldReader,
  firstWord,
  looksLikeTrackingNumber,
  orderNumberIn,
  parseQuantity,
  readContext,
  sellerOf,
  trackingNumbersOf,
  type ReadContext,
} from './fields';
import { normaliseStatus, ORDER_PROGRESS, statusPhrase, type StatusTable } from './status';
import { isHostOf } from './adapter';
import type {
  AdapterReading,
  MarketplaceAdapter,
  MarketplaceId,
  OrderItemReading,
  OrderReading,
  OrderStatus,
  PageKind,
} from './types';

/**
 * The Superbuy platform's pages, shared by its brands (Superbuy, Wegobuy, Allchinabuy): the same
 * pages, URL scheme and order numbers; a brand differs only by its hosts, its name and its policy.
 */

/** Labels on the platform's pages: English and French, with full-width colons. */
const LABELS = {
  orderNumber: ['Order No', 'Order No.', 'Order Number', 'N° de commande', 'Numéro de commande'],
  placedAt: ['Submission Time', 'Order Time', 'Date de commande', 'Heure de soumission'],
  paidAt: ['Payment Time', 'Paid on', 'Date de paiement'],
  status: ['Order Status', 'Statut de la commande'],
  total: ['Total Amount', 'Montant total'],
  seller: ['Shop Name', 'Shop', 'Nom de la boutique', 'Boutique'],
  parcelNumber: ['Parcel No.', 'Parcel No', 'N° de colis'],
  parcelStatus: ['Status', 'Parcel Status', 'Statut', 'Statut du colis'],
  trackingNumber: ['Tracking No.', 'Tracking No', 'Tracking Number', 'N° de suivi'],
  carrier: ['Shipping Method', 'Mode de livraison', 'Transporteur'],
  shippedAt: ['Shipped on', 'Expédié le'],
  receivedAt: ['Received on', 'Reçu le'],
  caseNumber: ['After-sale No.', 'After-sales No.', 'N° de SAV'],
  itemNumber: ['Item No.', 'Item No', "N° d'article"],
} as const;
type Field = keyof typeof LABELS;
/** When the warehouse stocked an item in, printed in the item's row of an order's page. */
const STOCK_IN_LABELS = {
  stockedInAt: ['Stocked in', 'Stock-in Time', 'Entrée en stock'],
} as const;

/** What each item of an order says, tried in order. */
const ITEM_STATUSES: StatusTable = [
  [/payment pending|unpaid|to be paid|en attente de paiement|à payer/i, 'awaiting-payment'],
  [/refunded|refund completed|remboursement effectué|remboursée?/i, 'refunded'],
  [
    /after-?sales?|return|exchange|refund|dispute|seller response|retour|échange|litige|rembours|réponse du vendeur/i,
    'in-dispute',
  ],
  [/withdrawn|cancel|void|annulée?|retirée?/i, 'cancelled'],
  // An item "Received" was received by the warehouse: the buyer receives parcels, not items.
  [/warehouse|stock arrived|stocked|^received$|entrepôt|en stock|^reçue?$/i, 'in-warehouse'],
  // French pages write "Order Pending" as "Commande en attente" (unpaid is "en attente de paiement").
  [
    /unprocessed|pending|processing|purchased|ordered|shipped \(chinese\)|en cours|achetée?|commandée?|commande en attente|traitement/i,
    'awaiting-shipment',
  ],
  [/completed|terminée?/i, 'completed'],
  [/shipped|in transit|expédiée?|en transit/i, 'shipped'],
];

/** What a parcel's status means for the orders inside it. */
const PARCEL_STATUSES: StatusTable = [
  [/packing|payment pending|review|verified|waiting|emballage|en attente/i, 'in-warehouse'],
  [/received|delivered|reçu|livré/i, 'delivered'],
  [/shipped|in transit|expédié|en transit/i, 'shipped'],
  [/cancel|void|annul/i, 'cancelled'],
  [/returned|lost|retourné|perdu/i, 'in-dispute'],
];

/**
 * An order number of the platform: "DO" and digits (DO for orders, DI for their items, PN for
 * parcels). Every page seen shows DO and 11 digits (DO26730512874); public code syncing Superbuy
 * parcels shows PN and 11 digits. Source: ../shared/marketplace-notes.md ("header 'Order No:
 * DO…'"), tests/fixtures/allchinabuy. Confidence: high for the prefix, medium for the length,
 * hence 8 to 14 digits.
 */
const ORDER_NUMBER = /^DO\d{8,14}$/;
/** Where a parcel lists the orders inside it: "DO" and digits, each checked whole. */
const ORDER_NUMBER_MENTION = /DO\d+/g;
const ITEM_NUMBER = /DI\d{8,14}(?!\d)/;
const CASE_NUMBER = /AS\d{6,14}(?!\d)/;
/** An item's inspection photo, as the platform links each: `.pic-list li a.lookPic`. */
const QC_PHOTO_LINK = '.pic-list a.lookPic, a.lookPic';
/**
 * Each order's block in a list, as the brands draw it: Allchinabuy wraps each order's table in a
 * `div#div<id>`; Superbuy and Wegobuy give each order a `tbody` of one `table.user_orderlist`,
 * its header row first. Only a fast path: without them the blocks follow from the structure.
 */
const ORDER_BLOCKS = ['div[id^="div"]', 'table.user_orderlist > tbody'];
/** How many neighbours of the order number's own element may hold the order time. */
const TIME_NEIGHBOURS = 8;
/** A text that starts with no label: no colon before its first digit. */
const UNLABELLED = /^[^:\d]*\d/;
const SOURCE_LINK =
  'a.js-item-title, a[href*="taobao.com"], a[href*="tmall.com"], a[href*="weidian.com"], a[href*="1688.com"]';
const CONFIRM_RECEIPT = /confirm receipt|confirmer la réception/i;
const ESCALATE = /escalate|customer service|open a dispute|service client|ouvrir un litige/i;

function pageKind(url: URL): PageKind | undefined {
  const path = url.pathname.toLowerCase().replace(/\/$/, '');
  if (/\/page\/account\/order\/detail/.test(path)) return 'order-detail';
  if (/^(?:\/[a-z]{2})?\/order$/.test(path) || /\/page\/account\/order$/.test(path)) {
    return 'order-list';
  }
  if (/myparcel|parceldetail|package\/detail/.test(path)) return 'parcel-list';
  if (/after-?sale(?!\/apply)|\/refund|\/dispute/.test(path)) return 'dispute';
  return undefined;
}

/**
 * The order's status from its items': disputes first, then the slowest item still going, else
 * the first item's (refunded when every item was). Each status has its own place in the
 * progress, so the slowest place names one status.
 */
function orderStatus(itemStatuses: readonly OrderStatus[]): OrderStatus | undefined {
  if (itemStatuses.includes('in-dispute')) return 'in-dispute';
  // With no item going, the slowest place is Infinity, which no status has.
  const slowest = Math.min(...itemStatuses.flatMap((status) => ORDER_PROGRESS[status] ?? []));
  return itemStatuses.find((status) => ORDER_PROGRESS[status] === slowest) ?? itemStatuses[0];
}

/**
 * The platform's own page for an item bought from a source marketplace (Taobao, Weidian, 1688,
 * Tmall): `/<language>/page/buy?url=<source>` on the page's host, as the platform links
 * products. The buyer stays on the brand's site, which shows the item they paid it to buy, and
 * no address outside the marketplace is kept. A link already on the brand's site is kept as is.
 */
function platformLink(href: string | null, context: PlatformContext): string | undefined {
  const url = absoluteUrl(href, context.url);
  if (!url) return undefined;
  if (isHostOf(context.brand, new URL(url).hostname)) return url;
  return `https://${context.url.host}/${context.language}/page/buy?url=${encodeURIComponent(url)}`;
}

/** A picture file's address. */
const PICTURE_ADDRESS = /\.(?:jpe?g|png|webp)(?:[?#]|$)/i;

/**
 * An item's QC photos' addresses: its links marked as the platform marks them, else its links to
 * picture files on the brand's own hosts (the sellers' pictures are on theirs: alicdn, geilicdn).
 */
function qcPhotosOf(box: Element, context: PlatformContext): string[] {
  const { index, url, brand } = context;
  const marked = index.all(box, QC_PHOTO_LINK);
  const links = marked.length > 0 ? marked : index.all(box, 'a[href]');
  const addresses = links.flatMap((link) => absoluteUrl(link.getAttribute('href'), url) ?? []);
  if (marked.length > 0) return addresses;
  return addresses.filter(
    (address) => PICTURE_ADDRESS.test(address) && isHostOf(brand, new URL(address).hostname),
  );
}

/**
 * An item's "Shipped" names two journeys: the seller's parcel to the warehouse (Superbuy's
 * statuses run Purchased → Shipped → Received → Stock Arrived: cnpopup.com's guide to them) or,
 * once the warehouse has it, the buyer's parcel. Only an item the warehouse inspected (QC photos)
 * or stocked in has left in the buyer's parcel; before that, it is still on its way there.
 */
function itemStatus(status: OrderStatus | undefined, atWarehouse: boolean) {
  return status === 'shipped' && !atWarehouse ? 'awaiting-shipment' : status;
}

/**
 * Items are table rows: the title's cell, then the unit price and the quantity beside it; each
 * item has its own status, and its inspection (QC) photos' links and stock-in time once the
 * warehouse has it.
 */
function readItems(block: Element, order: string, context: PlatformContext): OrderItemReading[] {
  const { index, dayFirst } = context;
  const read = fieldReader(context.problems, order);
  const links = index.all(block, SOURCE_LINK).filter((link) => index.text(link));
  const boxes = blocksAround(links, block);
  return links.map((link, at) => {
    const box = boxes[at] ?? link;
    const titleCell = index.closest(link, 'td');
    const cells = titleCell?.parentElement ? [...titleCell.parentElement.children] : [];
    const column = titleCell ? cells.indexOf(titleCell) : -1;
    const priceText =
      column >= 0 ? index.text(cells[column + 1]) : index.text(index.first(box, '.price'));
    const quantityText =
      column >= 0
        ? index.text(cells[column + 2])
        : /[x×] ?(\d+)/i.exec(index.text(index.first(box, '.qty')))?.[1];
    const statusText =
      index.text(index.first(box, '.show_status')) ||
      statusPhrase(index, box, ITEM_STATUSES) ||
      undefined;
    const qcPhotos = qcPhotosOf(box, context);
    const stockIn = firstHit(findLabels(index, box, STOCK_IN_LABELS), 'stockedInAt');
    const stockedInAt = read.date('stockedInAt', hitText(stockIn), { dayFirst });
    const shown = statusText ? normaliseStatus(statusText, ITEM_STATUSES) : undefined;
    return assignDefined<OrderItemReading>(
      { title: index.text(link) },
      {
        quantity: parseQuantity(quantityText),
        unitPrice: priceText ? parseMoney(priceText) : undefined,
        url: platformLink(link.getAttribute('href'), context),
        imageUrl: imageUrl(index, box, context.url),
        itemNumber: ITEM_NUMBER.exec(index.text(box))?.[0],
        statusText,
        status: itemStatus(shown, qcPhotos.length > 0 || stockedInAt !== undefined),
        qcPhotos: qcPhotos.length > 0 ? [...new Set(qcPhotos)] : undefined,
        stockedInAt,
      },
    );
  });
}

/**
 * The first text after the order number's own element that is a date under no label of its own:
 * a list's header row may print the number alone in its element and the order time beside it
 * ("<span>Order No: DO…</span> <span>2026-11-26 12:34:56</span>"), while "Payment Time: …" is
 * another date. A few neighbours, each read within a window.
 */
function timeBesideNumber(
  index: PageIndex,
  hit: LabelHit | undefined,
  dayFirst: boolean,
): string | undefined {
  let node = hit?.label.parentElement?.nextSibling ?? null;
  for (let seen = 0; node && seen < TIME_NEIGHBOURS; seen++, node = node.nextSibling) {
    const text = index.text(node);
    if (UNLABELLED.test(text) && parsePageDate(text, { dayFirst })) return text;
  }
  return undefined;
}

/** The order numbers a parcel mentions, each once, read text node by text node. */
function ordersMentioned(index: PageIndex, block: Element, problems: ReadContext['problems']) {
  const numbers = new Set<string>();
  for (const node of index.texts(block)) {
    const text = cleanText(windowOf(node.data));
    for (const [mention] of text.matchAll(ORDER_NUMBER_MENTION)) {
      const number = orderNumberIn(mention, ORDER_NUMBER, problems);
      if (number) numbers.add(number);
    }
  }
  return [...numbers];
}

function readOrder(
  block: Element,
  hits: LabelHits<Field>,
  context: PlatformContext,
): OrderReading | undefined {
  const { url, kind, dayFirst, problems, index } = context;
  const first = (field: Field) => firstHit(hits, field);
  // Lists print the order time after the number, in the number's own text or the next.
  const numberHit = first('orderNumber');
  const [numberText = '', ...afterNumber] = numberHit?.parts ?? [];
  const orderNumber = orderNumberIn(firstWord(numberText), ORDER_NUMBER, problems);
  if (!orderNumber) return undefined;
  const read = fieldReader(problems, orderNumber);
  const items = readItems(block, orderNumber, context);
  const itemStatusTexts = [
    ...new Set(items.flatMap((item) => (item.statusText ? [item.statusText] : []))),
  ];
  // Each status once: an order of many items has few statuses, and orderStatus spreads them.
  const itemStatuses = [...new Set(items.flatMap((item) => item.status ?? []))];
  const shownStatus = hitFirst(first('status')) || undefined;
  const statusText = shownStatus ?? (itemStatusTexts.join(' · ') || undefined);
  const sellerHit = first('seller');
  const order: OrderReading = { orderNumber, items };
  assignDefined(order, {
    status: shownStatus
      ? read.status(shownStatus, ITEM_STATUSES)
      : itemStatuses.length > 0
        ? orderStatus(itemStatuses)
        : read.status(undefined, ITEM_STATUSES, { required: true }),
    statusText,
    seller: sellerOf(
      hitFirst(sellerHit) || undefined,
      hitLink(index, sellerHit)?.getAttribute('href'),
      url,
    ),
    total: read.money('total', hitText(first('total')), { required: true }),
    // The number itself is no date: only what follows it may be the order time, in its own
    // text, the texts after it, or the elements beside the number's own.
    placedAt: read.date(
      'placedAt',
      [
        hitText(first('placedAt')),
        numberText.slice(orderNumber.length),
        ...afterNumber,
        () => timeBesideNumber(index, numberHit, dayFirst),
      ],
      { required: true, dayFirst },
    ),
    paidAt: read.date('paidAt', hitText(first('paidAt')), { dayFirst }),
    detailUrl:
      kind === 'order-detail'
        ? url.href
        : absoluteUrl(index.first(block, 'a[href*="order/detail"]')?.getAttribute('href'), url),
  });
  return order;
}

/** A parcel holds items of several orders: each order learns the parcel's journey. */
function readParcel(
  block: Element,
  hits: LabelHits<Field>,
  context: PlatformContext,
): OrderReading[] {
  const { dayFirst, problems, index } = context;
  const first = (field: Field) => firstHit(hits, field);
  const orderNumbers = ordersMentioned(index, block, problems);
  const parcel = /PN\d{8,14}(?!\d)/.exec(hitFirst(first('parcelNumber')))?.[0] ?? '';
  const read = fieldReader(problems, parcel);
  const statusText = hitFirst(first('parcelStatus')) || undefined;
  const trackingNumber = hitFirst(first('trackingNumber'));
  const shared = {
    status: read.status(statusText, PARCEL_STATUSES, { required: true }),
    statusText,
    trackingNumber: looksLikeTrackingNumber(trackingNumber) ? trackingNumber : undefined,
    carrier: hitFirst(first('carrier')) || undefined,
    shippedAt: read.date('shippedAt', hitText(first('shippedAt')), { dayFirst }),
    receivedAt: read.date('receivedAt', hitText(first('receivedAt')), { dayFirst }),
    canConfirmReceipt: findButton(index, block, CONFIRM_RECEIPT) !== undefined,
  };
  if (orderNumbers.length === 0)
    problems.push({ kind: 'field-missing', order: parcel, field: 'orderNumber' });
  // A parcel carries only some items of each order: it does not list the orders' items.
  return orderNumbers.map((orderNumber) =>
    assignDefined<OrderReading>({ orderNumber, items: [] }, shared),
  );
}

function readCase(block: Element, hits: LabelHits<Field>, context: PlatformContext) {
  const { problems, index } = context;
  const first = (field: Field) => firstHit(hits, field);
  const caseNumber = CASE_NUMBER.exec(hitFirst(first('caseNumber')))?.[0];
  const numberText = firstWord(hitFirst(first('orderNumber')));
  if (!numberText && caseNumber) {
    problems.push({ kind: 'field-missing', order: caseNumber, field: 'orderNumber' });
    return undefined;
  }
  const orderNumber = orderNumberIn(numberText, ORDER_NUMBER, problems);
  if (!orderNumber) return undefined;
  const statusText =
    index.text(index.first(block, '.aftersale-status')) ||
    statusPhrase(index, block, ITEM_STATUSES);
  const status = fieldReader(problems, orderNumber).status(statusText, ITEM_STATUSES, {
    required: true,
  });
  const items = readItems(block, orderNumber, context);
  // A case is about one item, numbered beside the case's order number rather than in its box.
  const caseItem = ITEM_NUMBER.exec(hitFirst(first('itemNumber')))?.[0];
  const [onlyItem, ...others] = items;
  if (onlyItem && others.length === 0 && !onlyItem.itemNumber) {
    assignDefined(onlyItem, { itemNumber: caseItem });
  }
  const order: OrderReading = { orderNumber, items };
  if (!statusText) return order;
  return assignDefined(order, {
    status: status === 'refunded' ? 'refunded' : 'in-dispute',
    statusText,
    dispute: assignDefined<NonNullable<OrderReading['dispute']>>(
      { status: statusText },
      { caseNumber, canEscalate: findButton(index, block, ESCALATE) !== undefined },
    ),
  });
}

/** Keeps the first reading of each order: a page may show one order in several places. */
function firstOfEach(orders: readonly OrderReading[]): OrderReading[] {
  const seen = new Set<string>();
  return orders.filter((order) => !seen.has(order.orderNumber) && seen.add(order.orderNumber));
}

function readPlatformPage(
  brand: PlatformBrand,
  doc: Document,
  url: URL,
  kind: PageKind,
): AdapterReading {
  const context: PlatformContext = { ...readContext(doc, url, kind), brand };
  const { problems, index } = context;
  const hits = findLabels(index, index.root, LABELS);
  let orders: OrderReading[];
  if (kind === 'parcel-list') {
    orders = readBlocks(index, '.parcel-item', hits, 'parcelNumber', (block, blockHits) =>
      readParcel(block, blockHits, context),
    ).flat();
  } else if (kind === 'dispute') {
    orders = readBlocks(index, '.aftersale-item', hits, 'caseNumber', (block, blockHits) =>
      readCase(block, blockHits, context),
    );
  } else if (kind === 'order-list') {
    orders = readBlocks(index, ORDER_BLOCKS, hits, 'orderNumber', (block, blockHits) =>
      readOrder(block, blockHits, context),
    );
  } else {
    orders = [readOrder(index.root, hits, context) ?? []].flat();
  }
  const trackingNumbers = trackingNumbersOf(hits.get('trackingNumber'));
  return {
    orders: firstOfEach(orders),
    ...(trackingNumbers.length ? { trackingNumbers } : {}),
    problems,
  };
}

/** What tells one brand of the platform from another. */
export interface PlatformBrand {
  id: MarketplaceId;
  /** The name buyers know the site by. */
  name: string;
  /** Registrable domains; every subdomain of each is the brand's too. */
  domains: readonly string[];
}

interface PlatformContext extends ReadContext {
  brand: PlatformBrand;
}

/** The adapter for one brand of the platform. */
export function superbuyPlatform(brand: PlatformBrand): MarketplaceAdapter {
  return {
    ...brand,
    confirmReceipt: CONFIRM_RECEIPT,
    orderNumber: ORDER_NUMBER,
    pageKind,
    read: (doc, url, kind) => readPlatformPage(brand, doc, url, kind),
  };
}
