import { parsePageDate } from '../dates';
import { parseMoney } from '../money';
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
  textOf,
  type LabelHits,
} from './dom';
import {
  assignDefined,
  fieldReader,
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
const ORDER_NUMBER = /\d{6,}/;
/** "US $18.40/Piece ×2", "12,50 US $ / Pièce": a unit price, then optionally a quantity. */
const UNIT_PRICE =
  /([-−]?\s*(?:US\s*\$\s*)?\d[\d.,\s\u00a0\u202f]*(?:\s*US\s*\$)?)\s*\/\s*(?:pieces?|pcs|lots?|pairs?|sets?|pièces?|paires?|unités?)(?!\p{L})/iu;
const QUANTITY = /[×✕]\s*(\d+)/;

function pageKind(url: URL): PageKind | undefined {
  const path = url.pathname.toLowerCase();
  if (/dispute\/?detail/.test(path)) return 'dispute';
  if (path.includes('orderdetail')) return 'order-detail';
  if (path.includes('track')) return 'tracking';
  if (path.includes('orderlist')) return 'order-list';
  return undefined;
}

function isDisputePage(url: URL, kind: PageKind): boolean {
  return kind === 'dispute' || /dispute/i.test(url.pathname);
}

function readItems(block: Element, base: URL): OrderItemReading[] {
  let titles = [...block.querySelectorAll('.J_name, .pro-title')];
  if (titles.length === 0) {
    // Without known classes: product links, or a picture link that names its product.
    titles = [...block.querySelectorAll('a[href]')].filter(
      (link) =>
        textOf(link) &&
        (link.getAttribute('href')?.includes('/product/') === true ||
          link.querySelector('img') !== null),
    );
  }
  const boxes = blocksAround(titles, block);
  return titles.flatMap((titleElement, index) => {
    // A product link may wrap the price too: the title is its longest text.
    const title = longestText(titleElement);
    if (!title) return [];
    const box = boxes[index] ?? titleElement;
    const productLink = (
      titleElement.closest('a[href]') ?? box.querySelector('a[href]')
    )?.getAttribute('href');
    const url = productLink?.includes('/product/') ? absoluteUrl(productLink, base) : undefined;
    const boxText = textOf(box);
    const unitPrice = UNIT_PRICE.exec(boxText)?.[1];
    const quantity =
      QUANTITY.exec(boxText)?.[1] ?? columnText(box, /^(?:qty|qté|quantity|quantité)$/i);
    const item: OrderItemReading = { title };
    return [
      assignDefined(item, {
        quantity: parseQuantity(quantity),
        unitPrice: unitPrice ? parseMoney(unitPrice, 'USD') : undefined,
        url,
        imageUrl: imageUrl(box, base),
        itemNumber: url ? /\/(\d+)\.html/.exec(url)?.[1] : undefined,
      }),
    ];
  });
}

function readOrder(
  block: Element,
  hits: LabelHits<Field>,
  { url, kind, dayFirst, problems }: ReadContext,
): OrderReading | undefined {
  const first = (field: Field) => firstHit(hits, field);
  const numberHit = first('orderNumber');
  const orderNumber = ORDER_NUMBER.exec(hitFirst(numberHit))?.[0];
  if (!orderNumber) {
    problems.push('an order without a readable number was left out');
    return undefined;
  }
  const read = fieldReader(problems, orderNumber);
  const dispute = isDisputePage(url, kind);
  const isOrderPage = kind === 'order-list' || kind === 'order-detail';
  const order: OrderReading = { orderNumber, items: readItems(block, url) };

  const statusText =
    (dispute
      ? hitFirst(first('disputeStatus')) || textOf(block.querySelector('.dispute-status'))
      : hitFirst(first('status')) || textOf(block.querySelector('.status-txt'))) ||
    columnText(block, /^(?:status|statut)$/i);
  const status = read.status(statusText, STATUSES, { required: isOrderPage || dispute });
  // Lists print the order time right after the number, without a label of its own.
  const afterNumber = numberHit?.parts[1];
  const placedText =
    hitText(first('placedAt')) ||
    (afterNumber && parsePageDate(afterNumber, { dayFirst }) ? afterNumber : undefined);
  const totalText =
    hitText(first('total')) ||
    textOf(block.querySelector('.pro-total')) ||
    columnText(block, /^(?:total|order amount|montant)$/i);
  const sellerHit = first('seller');
  const sellerLink = hitLink(sellerHit);

  assignDefined(order, {
    status: dispute && status !== 'refunded' ? 'in-dispute' : status,
    statusText: statusText || undefined,
    seller: sellerOf(hitFirst(sellerHit), sellerLink?.getAttribute('href'), url),
    total: read.money('total', totalText, { required: isOrderPage, currency: 'USD' }),
    placedAt: read.date('order date', placedText, { required: isOrderPage && !dispute, dayFirst }),
    paidAt: read.date('payment date', hitText(first('paidAt')), { dayFirst }),
    shippedAt: read.date('shipping date', hitText(first('shippedAt')), { dayFirst }),
    receivedAt: read.date('delivery date', hitText(first('receivedAt')), { dayFirst }),
    carrier: hitFirst(first('carrier')) || undefined,
    trackingNumber: hitFirst(first('trackingNumber')) || undefined,
    canConfirmReceipt:
      isOrderPage && !dispute ? findButton(block, CONFIRM_RECEIPT) !== undefined : undefined,
    detailUrl:
      kind === 'order-detail'
        ? url.href
        : absoluteUrl(block.querySelector('a[href*="rderdetail"]')?.getAttribute('href'), url),
  });
  if (dispute && statusText) {
    const caseLink = block.querySelector('a[href*="disputeId="]')?.getAttribute('href');
    order.dispute = assignDefined<NonNullable<OrderReading['dispute']>>(
      { status: statusText },
      {
        caseNumber: hitFirst(first('caseNumber')) || /disputeId=([\w-]+)/.exec(caseLink ?? '')?.[1],
        canEscalate: findButton(block, ESCALATE) !== undefined,
      },
    );
  }
  return order;
}

function readDhgatePage(doc: Document, url: URL, kind: PageKind): AdapterReading {
  const context = readContext(doc, url, kind);
  const { problems } = context;
  const hits = findLabels(doc.body, LABELS);
  const trackingNumbers = trackingNumbersOf(hits.get('trackingNumber'));
  let orders: OrderReading[];
  if (kind === 'order-list') {
    orders = readBlocks(
      doc,
      '.awaiting_list, tbody.order-item, .dispute-item',
      hits,
      'orderNumber',
      (block, blockHits) => readOrder(block, blockHits, context),
    );
  } else if (hits.has('orderNumber')) {
    orders = [readOrder(doc.body, hits, context) ?? []].flat();
  } else {
    // The mobile tracking page names the parcel, not the order: it lives in the address.
    if (kind !== 'tracking') problems.push('order number not found');
    orders = [];
  }
  return { orders, ...(trackingNumbers.length ? { trackingNumbers } : {}), problems };
}

export const dhgate: MarketplaceAdapter = {
  id: 'dhgate',
  name: 'DHgate',
  domains: ['dhgate.com'],
  confirmReceipt: CONFIRM_RECEIPT,
  pageKind,
  read: readDhgatePage,
};
