import { parsePageDate } from '../dates';
import { parseMoney, type Money } from '../money';
import {
  absoluteUrl,
  blocksAround,
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
  trackingNumbersOf,
  type ReadContext,
} from './fields';
import type { StatusTable } from './status';
import type {
  AdapterReading,
  MarketplaceAdapter,
  OrderItemReading,
  OrderReading,
  PageKind,
} from './types';

/** Labels as DHgate prints them, in English and French, usually followed by a full-width colon. */
const LABELS = {
  orderNumber: ['Order Number', 'Order No.', 'Order No', 'N° de commande', 'Numéro de commande'],
  placedAt: ['Order Time', 'Order Date', 'Date de commande'],
  paidAt: ['Payment Time', 'Paid on', 'Date de paiement'],
  shippedAt: ['Shipping Time', 'Shipped on', 'Time of Submission', "Date d'expédition"],
  receivedAt: ['Delivered time', 'Delivered on', 'Date de livraison'],
  status: ['Order Status', 'Statut de la commande'],
  disputeStatus: ['Dispute Status', 'Statut du litige', 'Statut de la réclamation'],
  caseNumber: ['Case Number', 'Dispute Number', 'N° du litige', 'N° de la réclamation'],
  total: ['Order Total', 'Total', 'Total de la commande'],
  seller: ['Seller', 'Store', 'Vendeur', 'Boutique'],
  carrier: ['Ship Via', 'Shipping Method', 'Mode de livraison', 'Transporteur'],
  trackingNumber: ['Track Number', 'Tracking Number', 'Numéro de suivi', 'N° de suivi'],
} as const;
type Field = keyof typeof LABELS;

/** Tried in order: "Refund Completed" is refunded before it is anything about disputes. */
const STATUSES: StatusTable = [
  [/awaiting payment|payment unconfirmed|en attente de paiement/i, 'awaiting-payment'],
  [/refund(?:ed| completed| successful)|remboursement effectué|remboursée/i, 'refunded'],
  [
    /dispute|refund|return|escalat|seller response|litige|réclamation|contestation|rembours/i,
    'in-dispute',
  ],
  [/cancel+ed|closed|annulée?/i, 'cancelled'],
  [
    /pending confirmation|awaiting (?:confirm|shipment)|en attente (?:de confirmation|d['’]expédition)/i,
    'awaiting-shipment',
  ],
  [/completed|receipt confirmed|finished|terminée?/i, 'completed'],
  [/delivered|livrée?/i, 'delivered'],
  [/shipped|awaiting buyer confirmation|expédiée?/i, 'shipped'],
];

const CONFIRM_RECEIPT =
  /order has been received|confirm (?:order )?receipt|confirmer la réception/i;
const ESCALATE = /escalate case to dhgate|transmettre (?:le litige|la réclamation) à dhgate/i;
/**
 * A DHgate order number: digits only, ten of them on every order page seen ("Order Number ：
 * 1043587216"); DHgate's help pages and buyers' guides show the same numeric PO numbers.
 * Source: the pages this reader was built from (tests/fixtures/dhgate) and
 * ../shared/marketplace-notes.md ("a numeric order number"). Confidence: medium for digits only,
 * low for the exact length, hence eight to twelve.
 */
const ORDER_NUMBER = /^\d{8,12}$/;
/** The unit after a unit price: "US $18.40/Piece ×2", "12,50 US $ / Pièce". */
const PER_UNIT = /\/ ?(?:pieces?|pcs|lots?|pairs?|sets?|pièces?|paires?|unités?)(?!\p{L})/iu;
/** The characters a price written just before its unit is made of. */
const PRICE_CHARACTERS = new Set("0123456789.,' $US-−");
/** The longest price written before a unit: "US $ 1,234,567.89" and room to spare. */
const LONGEST_PRICE = 24;
const QUANTITY = /[×✕] ?(\d+)/;

/**
 * The unit price written just before "/Piece": the run of price characters ending there, looked
 * for in a bounded window so the money reader is only ever handed a short text, however long the
 * run. `charAt` before the text's start is '', no price character: the text's start ends the run.
 */
function unitPriceIn(text: string): Money | undefined {
  const unit = PER_UNIT.exec(text);
  if (!unit) return undefined;
  let start = unit.index;
  while (start > unit.index - LONGEST_PRICE && PRICE_CHARACTERS.has(text.charAt(start - 1))) {
    start--;
  }
  // DHgate prices in US dollars: a bare "$" is one.
  return parseMoney(text.slice(start, unit.index), 'USD');
}

function pageKind(url: URL): PageKind | undefined {
  const path = url.pathname.toLowerCase();
  if (/dispute\/?detail/.test(path)) return 'dispute';
  if (path.includes('orderdetail')) return 'order-detail';
  if (path.includes('track')) return 'tracking';
  if (path.includes('orderlist')) return 'order-list';
  return undefined;
}

/** A dispute page, or a list of disputes: the address names it (as it does for `pageKind`). */
function isDisputePage(url: URL): boolean {
  return /dispute/i.test(url.pathname);
}

function readItems(index: PageIndex, block: Element, base: URL): OrderItemReading[] {
  let titles = index.all(block, '.J_name, .pro-title');
  if (titles.length === 0) {
    // Without known classes: product links, or a picture link that names its product.
    titles = index
      .all(block, 'a[href]')
      .filter(
        (link) =>
          index.text(link) &&
          (link.getAttribute('href')?.includes('/product/') === true ||
            index.first(link, 'img') !== undefined),
      );
  }
  const boxes = blocksAround(titles, block);
  return titles.flatMap((titleElement, at) => {
    // A product link may wrap the price too: the title is its longest text.
    const title = longestText(index, titleElement);
    if (!title) return [];
    const box = boxes[at] ?? titleElement;
    const productLink = (
      index.closest(titleElement, 'a[href]') ?? index.first(box, 'a[href]')
    )?.getAttribute('href');
    const url = productLink?.includes('/product/') ? absoluteUrl(productLink, base) : undefined;
    const boxText = index.text(box);
    const quantity =
      QUANTITY.exec(boxText)?.[1] ?? columnText(index, box, /^(?:qty|qté|quantity|quantité)$/i);
    const item: OrderItemReading = { title };
    return [
      assignDefined(item, {
        quantity: parseQuantity(quantity),
        unitPrice: unitPriceIn(boxText),
        url,
        imageUrl: imageUrl(index, box, base),
        itemNumber: url ? /\/(\d+)\.html/.exec(url)?.[1] : undefined,
      }),
    ];
  });
}

function readOrder(
  block: Element,
  hits: LabelHits<Field>,
  { url, kind, dayFirst, problems, index }: ReadContext,
): OrderReading | undefined {
  const first = (field: Field) => firstHit(hits, field);
  const numberHit = first('orderNumber');
  const orderNumber = orderNumberIn(firstWord(hitFirst(numberHit)), ORDER_NUMBER, problems);
  if (!orderNumber) return undefined;
  const read = fieldReader(problems, orderNumber);
  const dispute = isDisputePage(url);
  const isOrderPage = kind === 'order-list' || kind === 'order-detail';
  const order: OrderReading = { orderNumber, items: readItems(index, block, url) };

  const statusText =
    (dispute
      ? hitFirst(first('disputeStatus')) || index.text(index.first(block, '.dispute-status'))
      : hitFirst(first('status')) || index.text(index.first(block, '.status-txt'))) ||
    columnText(index, block, /^(?:status|statut)$/i);
  const status = read.status(statusText, STATUSES, { required: isOrderPage || dispute });
  // Lists print the order time right after the number, without a label of its own. Whether it
  // is a date does not hang on the day's place: a day and a month up to 12 are valid either way.
  const afterNumber = numberHit?.parts[1];
  const placedText =
    hitText(first('placedAt')) ||
    (afterNumber && parsePageDate(afterNumber) ? afterNumber : undefined);
  const totalText =
    hitText(first('total')) ||
    index.text(index.first(block, '.pro-total')) ||
    columnText(index, block, /^(?:total|order amount|montant)$/i);
  const sellerHit = first('seller');
  const sellerLink = hitLink(index, sellerHit);

  assignDefined(order, {
    status: dispute && status !== 'refunded' ? 'in-dispute' : status,
    statusText: statusText || undefined,
    seller: sellerOf(hitFirst(sellerHit), sellerLink?.getAttribute('href'), url),
    total: read.money('total', totalText, { required: isOrderPage, currency: 'USD' }),
    placedAt: read.date('placedAt', placedText, { required: isOrderPage && !dispute, dayFirst }),
    paidAt: read.date('paidAt', hitText(first('paidAt')), { dayFirst }),
    shippedAt: read.date('shippedAt', hitText(first('shippedAt')), { dayFirst }),
    receivedAt: read.date('receivedAt', hitText(first('receivedAt')), { dayFirst }),
    carrier: hitFirst(first('carrier')) || undefined,
    trackingNumber: hitFirst(first('trackingNumber')) || undefined,
    canConfirmReceipt:
      isOrderPage && !dispute ? findButton(index, block, CONFIRM_RECEIPT) !== undefined : undefined,
    detailUrl:
      kind === 'order-detail'
        ? url.href
        : absoluteUrl(index.first(block, 'a[href*="rderdetail"]')?.getAttribute('href'), url),
  });
  if (dispute && statusText) {
    const caseLink = index.first(block, 'a[href*="disputeId="]')?.getAttribute('href');
    order.dispute = assignDefined<NonNullable<OrderReading['dispute']>>(
      { status: statusText },
      {
        caseNumber: hitFirst(first('caseNumber')) || caseLink?.match(/disputeId=([\w-]+)/)?.[1],
        canEscalate: findButton(index, block, ESCALATE) !== undefined,
      },
    );
  }
  return order;
}

function readDhgatePage(doc: Document, url: URL, kind: PageKind): AdapterReading {
  const context = readContext(doc, url, kind);
  const { problems, index } = context;
  const hits = findLabels(index, index.root, LABELS);
  const trackingNumbers = trackingNumbersOf(hits.get('trackingNumber'));
  let orders: OrderReading[];
  if (kind === 'order-list') {
    orders = readBlocks(
      index,
      '.awaiting_list, tbody.order-item, .dispute-item',
      hits,
      'orderNumber',
      (block, blockHits) => readOrder(block, blockHits, context),
    );
  } else if (hits.has('orderNumber')) {
    orders = [readOrder(index.root, hits, context) ?? []].flat();
  } else {
    // The mobile tracking page names the parcel, not the order: it lives in the address.
    if (kind !== 'tracking') problems.push({ kind: 'no-order' });
    orders = [];
  }
  return { orders, ...(trackingNumbers.length ? { trackingNumbers } : {}), problems };
}

export const dhgate: MarketplaceAdapter = {
  id: 'dhgate',
  name: 'DHgate',
  domains: ['dhgate.com'],
  confirmReceipt: CONFIRM_RECEIPT,
  orderNumber: ORDER_NUMBER,
  pageKind,
  read: readDhgatePage,
};
