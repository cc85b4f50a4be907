import type { Money } from '../money';

export const MARKETPLACE_IDS = [
  'dhgate',
  'allchinabuy',
  'superbuy',
  'wegobuy',
  'aliexpress',
] as const;
export type MarketplaceId = (typeof MARKETPLACE_IDS)[number];

/** The brands of the Superbuy platform: the same pages, warehouse and clocks. */
export const SUPERBUY_PLATFORM: readonly MarketplaceId[] = ['allchinabuy', 'superbuy', 'wegobuy'];

export const PAGE_KINDS = [
  'order-list',
  'order-detail',
  'tracking',
  'parcel-list',
  'dispute',
] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

export const ORDER_STATUSES = [
  'awaiting-payment',
  'awaiting-shipment',
  'shipped',
  'delivered',
  'completed',
  'cancelled',
  'in-dispute',
  'refunded',
  'in-warehouse',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export interface OrderItemReading {
  title: string;
  quantity?: number;
  unitPrice?: Money;
  url?: string;
  imageUrl?: string;
  itemNumber?: string;
  /** The item's own status, where each item of an order has one (shopping agents). */
  status?: OrderStatus;
  statusText?: string;
  /** The addresses of its inspection (QC) photos, which the agent's warehouse took. */
  qcPhotos?: string[];
  /** When the agent's warehouse stocked it in, as the page prints it: its return window starts. */
  stockedInAt?: string;
}

/** One order as read from a marketplace page. Instants are ISO 8601 strings. */
export interface OrderReading {
  orderNumber: string;
  status?: OrderStatus;
  statusText?: string;
  seller?: { name: string; url?: string };
  items: OrderItemReading[];
  total?: Money;
  placedAt?: string;
  paidAt?: string;
  shippedAt?: string;
  receivedAt?: string;
  trackingNumber?: string;
  carrier?: string;
  protectionEndsAt?: string;
  canConfirmReceipt?: boolean;
  dispute?: { status: string; caseNumber?: string; canEscalate?: boolean };
  detailUrl?: string;
  /**
   * Where `items` start in the order's list, when a message carries only a later part of a
   * long order; the items before it came in earlier messages.
   */
  itemsFrom?: number;
}

/** The most a reading keeps of one text or one address (the messages' limits), and of an item's QC photos. */
export const READING_LIMITS = { text: 500, url: 2048, qcPhotos: 50 } as const;

/** The fields a reader may fail to read, as a buyer would be told about them. */
export const READING_FIELDS = [
  'orderNumber',
  'status',
  'statusText',
  'total',
  'placedAt',
  'paidAt',
  'shippedAt',
  'receivedAt',
  'protectionEndsAt',
  'seller',
  'sellerUrl',
  'carrier',
  'trackingNumber',
  'detailUrl',
  'disputeStatus',
  'caseNumber',
  'itemTitle',
  'itemUrl',
  'itemImage',
  'itemNumber',
  'itemStatus',
  'qcPhoto',
  'stockedInAt',
  'unitPrice',
  'quantity',
] as const;
export type ReadingField = (typeof READING_FIELDS)[number];

/** What a reader could not make out on a page. `order` names the order (or the parcel or case
 * the page numbers, when no order number is known); `shown` is at most 60 characters of what the
 * page showed. `order` is empty for what belongs to no order (a page's own tracking numbers). */
export type ReadingProblem =
  | { kind: 'order-without-number' }
  | { kind: 'order-number-refused'; shown: string }
  | { kind: 'field-missing'; order: string; field: ReadingField }
  | { kind: 'field-unreadable'; order: string; field: ReadingField; shown: string }
  | { kind: 'field-clipped'; order: string; field: ReadingField }
  | { kind: 'link-refused'; order: string; field: ReadingField; shown: string }
  | { kind: 'no-order' }
  | { kind: 'page-failed'; detail: string };

export type PageReading =
  | { status: 'unsupported' }
  | { status: 'not-an-order-page'; marketplace: MarketplaceId }
  | {
      status: 'read';
      marketplace: MarketplaceId;
      pageKind: PageKind;
      orders: OrderReading[];
      trackingNumbers?: string[];
      problems: ReadingProblem[];
    }
  | {
      status: 'failed';
      marketplace: MarketplaceId;
      pageKind?: PageKind;
      problems: ReadingProblem[];
    };

/** What an adapter finds on a page it recognised; `readPage` checks it before passing it on. */
export interface AdapterReading {
  orders: OrderReading[];
  trackingNumbers?: string[];
  problems: ReadingProblem[];
}

/** Everything CaseClock knows about one marketplace's pages. */
export interface MarketplaceAdapter {
  readonly id: MarketplaceId;
  /** The name buyers know the site by. */
  readonly name: string;
  /** Registrable domains; every subdomain of each is part of the marketplace. */
  readonly domains: readonly string[];
  /** The label of the button that confirms receipt, which ends the buyer's protection. */
  readonly confirmReceipt: RegExp;
  /** The whole of an order number as the marketplace writes it (anchored). */
  readonly orderNumber: RegExp;
  /** The kind of order page at this URL (from the URL alone), or undefined for any other page. */
  pageKind(url: URL): PageKind | undefined;
  read(doc: Document, url: URL, kind: PageKind): AdapterReading;
}
