import { isMarketplaceUrl } from '../marketplaces/registry';
import type {
  MarketplaceId,
  OrderItemReading,
  OrderReading,
  ReadingProblem,
} from '../marketplaces/types';
import type { CaseRecord, Deadline, Settings, TimelineEvent } from '../timeline/types';

/** What the buyer may enter or correct on an order; pages never overwrite it. */
export type OrderEdits = Partial<
  Pick<
    OrderReading,
    | 'status'
    | 'statusText'
    | 'seller'
    | 'total'
    | 'placedAt'
    | 'paidAt'
    | 'shippedAt'
    | 'receivedAt'
    | 'trackingNumber'
    | 'carrier'
    | 'protectionEndsAt'
    | 'detailUrl'
  > & { items: OrderItemReading[] }
>;

/** An order CaseClock tracks: the latest page reading plus when it was seen. */
export interface StoredOrder extends OrderReading {
  /** `${marketplace}:${orderNumber}` */
  id: string;
  marketplace: MarketplaceId;
  firstSeenAt: string;
  lastSeenAt: string;
  /** The page it was last read from; none for an order the buyer entered by hand. */
  seenOnUrl?: string;
  /** What the buyer entered or corrected, which wins over what pages show. */
  edits?: OrderEdits;
  /** The buyer put the order away: it no longer reminds. */
  archived?: boolean;
}

export interface StoredCase extends CaseRecord {
  status: 'open' | 'closed';
}

export type StoredEvent = TimelineEvent;

export const EVIDENCE_KINDS = ['screenshot', 'photo', 'video', 'text', 'note', 'file'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** A piece of proof; its file, if any, is kept apart in `evidenceBlobs`. */
export interface EvidenceRecord {
  id: string;
  caseId: string;
  orderId: string;
  kind: EvidenceKind;
  /** What it shows, as a checklist item names it ("tracking-page", "item-photo", …). */
  shows: string[];
  name: string;
  mimeType?: string;
  size?: number;
  sha256?: string;
  capturedAt: string;
  url?: string;
  title?: string;
  text?: string;
}

/** The bytes these pieces' files take; a text or a note has none of its own. */
export function evidenceBytes(records: readonly EvidenceRecord[]): number {
  return records.reduce((total, record) => total + (record.size ?? 0), 0);
}

export interface EvidenceBlob {
  id: string;
  blob: Blob;
}

/** A file on its way from a CaseClock page to the background, kept until it is whole. */
export interface UploadRecord {
  id: string;
  caseId: string;
  kind: EvidenceKind;
  shows: string[];
  name: string;
  mimeType: string;
  size: number;
  sha256: string;
  startedAt: string;
  /** When its last chunk arrived: an upload silent for long was abandoned with its page. */
  touchedAt?: string;
}

export interface UploadChunk {
  uploadId: string;
  index: number;
  bytes: Blob;
}

export interface SettingsRecord {
  key: 'settings';
  value: Settings;
}

/** When the buyer last made a backup: kept apart from the settings, which plan every order. */
export interface LastBackupRecord {
  key: 'last-backup';
  value: { madeAt: string };
}

/** What became of one reminder: it was shown, or the buyer asked to be reminded later. */
export interface ReminderRecord {
  id: string;
  notifiedAt?: string;
  snoozedUntil?: string;
}

/**
 * A reminder the buyer was shown: one entry each time a notification went up, so a snoozed
 * reminder shown again has two. Written with the claim that shows it, and only then.
 */
export interface ReminderLogEntry {
  /** `${reminder}|${shownAt}` */
  id: string;
  orderId: string;
  /** The reminder's key (its record's id in `reminders`). */
  reminder: string;
  kind: Deadline['kind'];
  edge: Deadline['edge'];
  dueAt: string;
  shownAt: string;
}

/**
 * Where one order stands, kept by the background on each write so the popup and the reminders
 * never plan every order: the order's place in each list it is in, the words a search finds it
 * by, and when it must be looked at again.
 */
export interface OrderSummary {
  orderId: string;
  /**
   * Its sort key in each list the buyer can pick ("Open", "Closed", "All", "Archived"), most
   * urgent first; absent from the lists it is not in, so their indexes leave it out.
   */
  open?: string;
  closed?: string;
  all?: string;
  archived?: string;
  /** The words a search finds it by, lowercased. */
  words: string[];
  /** When its plan next reads differently or a reminder of it falls due. */
  wakeAt?: string;
  /** The rules, settings and time zone it was planned with: any change plans it again. */
  plannedWith: string;
}

/** What one deletion took away: a whole order, or one case of an order. */
export interface DeletionTarget {
  kind: 'order' | 'case';
  /** The order's or the case's id. */
  id: string;
  orderId: string;
}

/**
 * A deletion, kept whole for a few seconds so the buyer can undo it. Evidence files stay in
 * `evidenceBlobs` meanwhile (moving a video would copy it); they go when the trash is emptied.
 */
export interface TrashRecord {
  id: string;
  deletedAt: string;
  target: DeletionTarget;
  orders: StoredOrder[];
  cases: StoredCase[];
  events: StoredEvent[];
  evidence: EvidenceRecord[];
  reminders: ReminderRecord[];
  /** Absent from a deletion made before version 5 kept a log of reminders. */
  reminderLog?: ReminderLogEntry[];
}

/** An order of a page the background would not store, and why. */
export interface RefusedOrder {
  /** The order's number as sent, shortened. */
  order: string;
  /** 'order-number': not one of the marketplace's; 'link': leads off the marketplace. */
  reason: 'order-number' | 'link' | 'data';
  /** For 'data': which field, in the schema's words. */
  detail?: string;
}

/** What CaseClock could not read or keep of a marketplace page, for the popup to say. */
export interface PageReport {
  /** The page's address without its fragment. */
  url: string;
  marketplace: MarketplaceId;
  at: string;
  problems: ReadingProblem[];
  refused: RefusedOrder[];
}

export function orderId(marketplace: MarketplaceId, orderNumber: string): string {
  return `${marketplace}:${orderNumber}`;
}

/** The order as the buyer sees it: what pages showed, with the buyer's own entries on top. */
export function effectiveOrder(order: StoredOrder): StoredOrder {
  return order.edits ? { ...order, ...order.edits } : order;
}

/**
 * The order's own page on its marketplace, to open for the buyer: never another site, even
 * from data an older version stored without checking.
 */
export function orderPageUrl(order: StoredOrder): string | undefined {
  const { detailUrl } = effectiveOrder(order);
  return [detailUrl, order.seenOnUrl].find(
    (url) => url !== undefined && isMarketplaceUrl(order.marketplace, url),
  );
}
