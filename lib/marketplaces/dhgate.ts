import { parseMoney } from '../money';
import { findLabels, hitText } from './dom';
import { normaliseStatus, type StatusTable } from './status';
import type { AdapterReading, MarketplaceAdapter, OrderReading, PageKind } from './types';

/** Labels in English and French, as DHgate prints them (usually with a full-width colon). */
const DETAIL_LABELS = {
  orderNumber: ['Order Number', 'Order No.', 'Order No', 'N° de commande', 'Numéro de commande'],
  status: ['Order Status', 'Statut de la commande', 'État de la commande'],
  total: ['Order Total', 'Total de la commande', 'Montant total'],
} as const;

const STATUSES: StatusTable = [
  [/awaiting payment|payment unconfirmed|en attente de paiement/i, 'awaiting-payment'],
  [/refund (?:completed|succe)|refunded|remboursée?/i, 'refunded'],
  [/dispute|refund|litige|réclamation|remboursement/i, 'in-dispute'],
  [/cancel+ed|closed|annulée?/i, 'cancelled'],
  [
    /pending confirmation|awaiting (?:confirm$|shipment)|en attente d['’]expédition/i,
    'awaiting-shipment',
  ],
  [/completed|receipt confirmed|terminée?/i, 'completed'],
  [/delivered|livrée?/i, 'delivered'],
  [/shipped|awaiting (?:buyer )?confirmation|expédiée?/i, 'shipped'],
];

function pageKind(url: URL): PageKind | undefined {
  if (/\/orderdetail\.html$/i.test(url.pathname)) return 'order-detail';
  return undefined;
}

function readDetail(doc: Document): AdapterReading {
  const labels = findLabels(doc.body, DETAIL_LABELS);
  const problems: string[] = [];
  const orderNumber = /\d{6,}/.exec(hitText(labels.get('orderNumber')?.[0]))?.[0];
  if (!orderNumber) return { orders: [], problems: ['order number not found'] };
  const order: OrderReading = { orderNumber, items: [] };
  const statusText = labels.get('status')?.[0]?.parts[0];
  if (statusText) {
    order.statusText = statusText;
    order.status = normaliseStatus(statusText, STATUSES);
    if (!order.status) problems.push(`status not recognised: "${statusText}"`);
  } else {
    problems.push('status not found');
  }
  const total = parseMoney(hitText(labels.get('total')?.[0]), 'USD');
  if (total) order.total = total;
  else problems.push('total not found');
  return { orders: [order], problems };
}

export const dhgate: MarketplaceAdapter = {
  id: 'dhgate',
  name: 'DHgate',
  domains: ['dhgate.com'],
  pageKind,
  read(doc, _url, kind) {
    if (kind === 'order-detail') return readDetail(doc);
    return { orders: [], problems: [`${kind} pages are not read yet`] };
  },
};
