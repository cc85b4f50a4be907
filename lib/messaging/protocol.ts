/**
 * The one protocol between CaseClock's parts. Every payload is described once as a schema; the
 * TypeScript types come from the schemas, and the background checks each message against them
 * because a message may come from a compromised page context.
 */
import * as v from 'valibot';
import { PAGE_MESSAGE_LIMITS } from './limits';
import { EVIDENCE_SIZE_LIMIT, UPLOAD_CHUNK_SIZE } from '../db/evidence';
import type { RecordErrorCode } from '../db/errors';
import type { RefusedOrder } from '../db/schema';
import type { RestoreSummary } from '../backup/merge';
import type { BackupProblem } from '../backup/records';
import { EVIDENCE_SUBJECTS } from '../evidence/checklist';
import type { GuardDecision } from '../guard';
import { isMarketplaceUrl, isOrderNumberOf } from '../marketplaces/registry';
import {
  MARKETPLACE_IDS,
  ORDER_STATUSES,
  PAGE_KINDS,
  READING_FIELDS,
  READING_LIMITS,
  type MarketplaceId,
  type OrderReading,
  type ReadingProblem,
} from '../marketplaces/types';
import { BUYER_EVENT_TYPES, CASE_REASONS, OUTCOMES, type Settings } from '../timeline/types';

export { PAGE_MESSAGE_LIMITS } from './limits';

const LIMITS = {
  ...READING_LIMITS,
  orders: PAGE_MESSAGE_LIMITS.orders,
  items: PAGE_MESSAGE_LIMITS.itemsPerOrder,
  trackingNumbers: 100,
} as const;

export const Text = v.pipe(v.string(), v.trim(), v.nonEmpty(), v.maxLength(LIMITS.text));
export const WebUrl = v.pipe(v.string(), v.maxLength(LIMITS.url), v.url(), v.regex(/^https?:/i));
/** Pictures are shown from the marketplaces' image hosts: encrypted ones only. */
const HttpsUrl = v.pipe(WebUrl, v.regex(/^https:/i));
/** The calendar date an ISO timestamp names exists ("2026-02-30" does not, though Date takes it). */
function namesRealDate(value: string): boolean {
  const [year, month, day] = value.slice(0, 10).split('-').map(Number);
  if (year === undefined || month === undefined || day === undefined) return false;
  return new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day;
}

export const Instant = v.pipe(
  v.string(),
  v.isoTimestamp(),
  v.check(namesRealDate, 'Invalid date: this day does not exist'),
  v.transform((value) => new Date(value).toISOString()),
);

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** An IANA time zone the browser knows ("Europe/Paris"). */
export const TimeZoneName = v.pipe(v.string(), v.maxLength(100), v.check(isTimeZone));

export const MoneySchema = v.object({
  minor: v.pipe(v.number(), v.safeInteger()),
  currency: v.pipe(v.string(), v.regex(/^[A-Z]{3}$/)),
});

export const OrderItemSchema = v.object({
  title: Text,
  quantity: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  unitPrice: v.optional(MoneySchema),
  url: v.optional(WebUrl),
  imageUrl: v.optional(HttpsUrl),
  itemNumber: v.optional(Text),
  status: v.optional(v.picklist(ORDER_STATUSES)),
  statusText: v.optional(Text),
  qcPhotos: v.optional(v.pipe(v.array(HttpsUrl), v.maxLength(LIMITS.qcPhotos))),
  stockedInAt: v.optional(Instant),
});

/** Where a later part of a long order's items may start: the most items an order may have. */
export const ORDER_ITEMS_LIMIT = 1_000_000;

export const OrderReadingSchema = v.object({
  orderNumber: Text,
  status: v.optional(v.picklist(ORDER_STATUSES)),
  statusText: v.optional(Text),
  seller: v.optional(v.object({ name: Text, url: v.optional(WebUrl) })),
  items: v.pipe(v.array(OrderItemSchema), v.maxLength(LIMITS.items)),
  total: v.optional(MoneySchema),
  placedAt: v.optional(Instant),
  paidAt: v.optional(Instant),
  shippedAt: v.optional(Instant),
  receivedAt: v.optional(Instant),
  trackingNumber: v.optional(Text),
  carrier: v.optional(Text),
  protectionEndsAt: v.optional(Instant),
  canConfirmReceipt: v.optional(v.boolean()),
  dispute: v.optional(
    v.object({ status: Text, caseNumber: v.optional(Text), canEscalate: v.optional(v.boolean()) }),
  ),
  detailUrl: v.optional(WebUrl),
  itemsFrom: v.optional(
    v.pipe(v.number(), v.safeInteger(), v.minValue(0), v.maxValue(ORDER_ITEMS_LIMIT)),
  ),
});

/**
 * An order's id as stored. Only an existing order is acted on, so any stored id is accepted:
 * even one an older version stored from a page it misread, which the buyer must be able to
 * archive or delete.
 */
export const OrderId = v.pipe(
  v.string(),
  v.maxLength(2 * LIMITS.text),
  v.regex(new RegExp(`^(?:${MARKETPLACE_IDS.join('|')}):.`, 's')),
);
export const Id = v.pipe(v.string(), v.nonEmpty(), v.maxLength(100));
export const Marketplace = v.picklist(MARKETPLACE_IDS);

/** What a page shows, at most as much as a problem quotes. */
const Shown = v.pipe(v.string(), v.maxLength(200));
const Field = v.picklist(READING_FIELDS);

const ReadingProblemSchema = v.variant('kind', [
  v.object({ kind: v.literal('order-without-number') }),
  v.object({ kind: v.literal('order-number-refused'), shown: Shown }),
  v.object({ kind: v.literal('field-missing'), order: Shown, field: Field }),
  v.object({ kind: v.literal('field-unreadable'), order: Shown, field: Field, shown: Shown }),
  v.object({ kind: v.literal('field-clipped'), order: Shown, field: Field }),
  v.object({ kind: v.literal('link-refused'), order: Shown, field: Field, shown: Shown }),
  v.object({ kind: v.literal('no-order') }),
  v.object({ kind: v.literal('page-failed'), detail: Shown }),
]) satisfies v.GenericSchema<ReadingProblem>;

const Problems = v.pipe(v.array(ReadingProblemSchema), v.maxLength(PAGE_MESSAGE_LIMITS.problems));

/**
 * One order of a page, as the content script typed it. The background checks each order on
 * its own (`checkPageOrders`), so an order it refuses never takes the rest of the page with it.
 */
const PageOrder = v.custom<OrderReading>(
  (value) => typeof value === 'object' && value !== null,
  'an order is an object',
);

/**
 * A content script read a marketplace page. A long page comes in parts; its first part carries
 * the tracking numbers and what the reader could not make out (`problems`).
 */
export const PageReadMessageSchema = v.object({
  type: v.literal('page-read'),
  url: WebUrl,
  marketplace: Marketplace,
  pageKind: v.picklist(PAGE_KINDS),
  orders: v.pipe(v.array(PageOrder), v.maxLength(LIMITS.orders)),
  trackingNumbers: v.optional(v.pipe(v.array(Text), v.maxLength(LIMITS.trackingNumbers))),
  problems: v.optional(Problems),
});

/** A content script found no order it could read on a marketplace page, and says why. */
const PageUnreadSchema = v.object({
  type: v.literal('page-unread'),
  url: WebUrl,
  marketplace: Marketplace,
  problems: Problems,
});

/** Links an order may carry: each must stay on the marketplace's own https hosts. */
export function offSiteLink(marketplace: MarketplaceId, order: Partial<OrderReading>): boolean {
  const links = [
    order.detailUrl,
    order.seller?.url,
    ...(order.items ?? []).map((item) => item.url),
  ];
  return links.some((link) => link !== undefined && !isMarketplaceUrl(marketplace, link));
}

/**
 * The orders of a page the background stores, each checked on its own as untrusted input: the
 * schema, the marketplace's order-number format, and links on its own hosts. The same rules as
 * the readers', so a reader's order is never refused here.
 */
export function checkPageOrders(
  marketplace: MarketplaceId,
  candidates: readonly unknown[],
): { orders: OrderReading[]; refused: RefusedOrder[] } {
  const orders: OrderReading[] = [];
  const refused: RefusedOrder[] = [];
  for (const candidate of candidates) {
    const sent = (candidate as { orderNumber?: unknown }).orderNumber;
    const order = typeof sent === 'string' ? sent.trim().slice(0, 60) : '?';
    const result = v.safeParse(OrderReadingSchema, candidate);
    if (!result.success) {
      const [issue] = result.issues;
      refused.push({ order, reason: 'data', detail: issueText(issue) });
    } else if (!isOrderNumberOf(marketplace, result.output.orderNumber)) {
      refused.push({ order, reason: 'order-number' });
    } else if (offSiteLink(marketplace, result.output)) {
      refused.push({ order, reason: 'link' });
    } else {
      orders.push(result.output);
    }
  }
  return { orders, refused };
}

/** A content script asks whether confirming receipt of these orders should be held. */
const GuardQuerySchema = v.object({
  type: v.literal('guard-query'),
  marketplace: Marketplace,
  orderNumbers: v.pipe(v.array(Text), v.maxLength(LIMITS.orders)),
});

/** From the guard's dialog: the buyer says the items were inspected. */
const ItemsInspectedSchema = v.object({
  type: v.literal('items-inspected'),
  marketplace: Marketplace,
  orderNumber: Text,
});

const CaseStartSchema = v.object({
  type: v.literal('case-start'),
  orderId: OrderId,
  reason: v.picklist(CASE_REASONS),
});

export const EventDetailsSchema = v.object({
  outcome: v.optional(v.picklist(OUTCOMES)),
  cancelledBy: v.optional(v.picklist(['buyer', 'seller', 'platform'])),
  note: v.optional(v.pipe(v.string(), v.maxLength(2000))),
});

const EventRecordSchema = v.object({
  type: v.literal('event-record'),
  orderId: OrderId,
  event: v.picklist(BUYER_EVENT_TYPES),
  at: Instant,
  details: v.optional(EventDetailsSchema),
});

const EventCorrectSchema = v.object({ type: v.literal('event-correct'), eventId: Id, at: Instant });
const EventRemoveSchema = v.object({ type: v.literal('event-remove'), eventId: Id });

/** What the buyer may type into an order's fields. */
export const OrderEditsSchema = v.partial(
  v.object({
    ...v.pick(OrderReadingSchema, [
      'status',
      'statusText',
      'seller',
      'total',
      'placedAt',
      'paidAt',
      'shippedAt',
      'receivedAt',
      'trackingNumber',
      'carrier',
      'protectionEndsAt',
      'detailUrl',
      'items',
    ]).entries,
  }),
);

const OrderAddSchema = v.object({
  type: v.literal('order-add'),
  marketplace: Marketplace,
  /** Checked against the marketplace's own format by the background. */
  orderNumber: v.pipe(v.string(), v.trim(), v.nonEmpty(), v.maxLength(LIMITS.text)),
  edits: OrderEditsSchema,
});

const OrderEditSchema = v.object({
  type: v.literal('order-edit'),
  orderId: OrderId,
  edits: OrderEditsSchema,
});

const OrderArchiveSchema = v.object({
  type: v.literal('order-archive'),
  orderId: OrderId,
  archived: v.boolean(),
});

/** From the in-page panel: open this order's case in CaseClock. */
const CaseOpenSchema = v.object({
  type: v.literal('case-open'),
  marketplace: Marketplace,
  orderNumber: Text,
});

/** A reminder's key: its order's id, its deadline's kind and edge, and when it is due. */
export const ReminderKey = v.pipe(v.string(), v.nonEmpty(), v.maxLength(3 * LIMITS.text));

/**
 * From the workspace a reminder opened: "Remind me tomorrow". The key comes from the page's
 * address: the background puts off only a shown reminder of that order.
 */
const ReminderSnoozeSchema = v.object({
  type: v.literal('reminder-snooze'),
  orderId: OrderId,
  key: ReminderKey,
});

const Subjects = v.pipe(
  v.array(v.picklist(EVIDENCE_SUBJECTS)),
  v.maxLength(EVIDENCE_SUBJECTS.length),
);
export const MimeType = v.pipe(v.string(), v.maxLength(100), v.regex(/^[\w.+-]+\/[\w.+-]+$/));
/** A SHA-256 in lowercase hexadecimal, as evidence files are named and checked by. */
export const Sha256 = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/));
const TabIdentifier = v.pipe(v.number(), v.safeInteger(), v.minValue(0));

/** From the popup: screenshot the tab the buyer is looking at, into this case. */
const EvidenceCaptureSchema = v.object({
  type: v.literal('evidence-capture'),
  caseId: Id,
  tabId: TabIdentifier,
  windowId: TabIdentifier,
});

const EvidenceUploadStartSchema = v.object({
  type: v.literal('evidence-upload-start'),
  caseId: Id,
  kind: v.picklist(['photo', 'video', 'file']),
  shows: Subjects,
  name: v.pipe(v.string(), v.trim(), v.nonEmpty(), v.maxLength(200)),
  mimeType: MimeType,
  size: v.pipe(v.number(), v.safeInteger(), v.minValue(1), v.maxValue(EVIDENCE_SIZE_LIMIT)),
  sha256: Sha256,
});

const EvidenceUploadChunkSchema = v.object({
  type: v.literal('evidence-upload-chunk'),
  uploadId: Id,
  index: v.pipe(v.number(), v.safeInteger(), v.minValue(0), v.maxValue(10_000)),
  /** The chunk's bytes in base64: messages carry JSON, not binary. */
  data: v.pipe(
    v.string(),
    v.nonEmpty(),
    v.maxLength(Math.ceil(UPLOAD_CHUNK_SIZE / 3) * 4),
    v.regex(/^[A-Za-z0-9+/]+={0,2}$/),
  ),
});

const EvidenceUploadFinishSchema = v.object({
  type: v.literal('evidence-upload-finish'),
  uploadId: Id,
});

const EvidenceUploadCancelSchema = v.object({
  type: v.literal('evidence-upload-cancel'),
  uploadId: Id,
});

const EvidenceNoteSchema = v.object({
  type: v.literal('evidence-note'),
  caseId: Id,
  text: v.pipe(v.string(), v.trim(), v.nonEmpty(), v.maxLength(5000)),
});

const EvidenceTagSchema = v.object({
  type: v.literal('evidence-tag'),
  evidenceId: Id,
  shows: Subjects,
});

const EvidenceRemoveSchema = v.object({
  type: v.literal('evidence-remove'),
  evidenceId: Id,
});

/** From the workspace, once the buyer confirmed: delete an order with all it holds. */
const OrderDeleteSchema = v.object({ type: v.literal('order-delete'), orderId: OrderId });

/** From the workspace, once the buyer confirmed: delete one case with its steps and evidence. */
const CaseDeleteSchema = v.object({ type: v.literal('case-delete'), caseId: Id });

/** The buyer's "Undo", within seconds of a deletion. */
const DeletionUndoSchema = v.object({ type: v.literal('deletion-undo'), undoId: Id });

/** From the settings page: the buyer's backup was made and handed to the browser's downloads. */
const BackupMadeSchema = v.object({ type: v.literal('backup-made') });

/**
 * From the settings page, once the buyer saw what it changes: restore from the backup the page
 * copied into CaseClock's own files.
 */
const RestoreApplySchema = v.object({ type: v.literal('restore-apply') });

/** From the popup: is anything wrong with the background (its storage, its reminders)? */
const BackgroundStatusSchema = v.object({ type: v.literal('background-status') });

export const SettingsSchema = v.object({
  membership: v.optional(v.record(Marketplace, v.pipe(v.string(), v.maxLength(40)))),
  overrides: v.optional(
    v.record(
      v.picklist([...MARKETPLACE_IDS, 'paypal']),
      v.record(
        v.pipe(v.string(), v.maxLength(60)),
        v.pipe(v.number(), v.minValue(0), v.maxValue(3650)),
      ),
    ),
  ),
  paypal: v.optional(v.record(Marketplace, v.boolean())),
  reminderLeadHours: v.optional(
    v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(24 * 14)),
  ),
  showPanel: v.optional(v.boolean()),
  backupReminder: v.optional(v.boolean()),
});

const SettingsUpdateSchema = v.object({
  type: v.literal('settings-update'),
  settings: SettingsSchema,
});

export const MessageSchema = v.variant('type', [
  PageReadMessageSchema,
  PageUnreadSchema,
  GuardQuerySchema,
  ItemsInspectedSchema,
  CaseStartSchema,
  EventRecordSchema,
  EventCorrectSchema,
  EventRemoveSchema,
  SettingsUpdateSchema,
  OrderAddSchema,
  OrderEditSchema,
  OrderArchiveSchema,
  CaseOpenSchema,
  ReminderSnoozeSchema,
  EvidenceCaptureSchema,
  EvidenceUploadStartSchema,
  EvidenceUploadChunkSchema,
  EvidenceUploadFinishSchema,
  EvidenceUploadCancelSchema,
  EvidenceNoteSchema,
  EvidenceTagSchema,
  EvidenceRemoveSchema,
  OrderDeleteSchema,
  CaseDeleteSchema,
  DeletionUndoSchema,
  BackgroundStatusSchema,
  BackupMadeSchema,
  RestoreApplySchema,
]);

export type PageReadMessage = v.InferOutput<typeof PageReadMessageSchema>;
export type Message = v.InferOutput<typeof MessageSchema>;
export type MessageType = Message['type'];
export type MessageOf<T extends MessageType> = Extract<Message, { type: T }>;

/** Which messages come from marketplace tabs (content scripts); the rest from CaseClock's pages. */
export const CONTENT_MESSAGES: ReadonlySet<MessageType> = new Set([
  'page-read',
  'page-unread',
  'guard-query',
  'items-inspected',
  'case-open',
]);

/** What the in-page panel shows of an order, worded by the background in the buyer's language. */
export interface PanelView {
  orderId: string;
  /** Where the order stands ("Escalation available"). */
  stage: string;
  /** What to do next, and whether it is due now. */
  step: string;
  dueNow: boolean;
  /** The next deadline: what happens then ("escalation opens"), and when, for a live countdown. */
  nextDeadline?: { what: string; dueAt: string };
}

/** What a marketplace tab learns about the orders it shows. */
export interface OrderViews {
  guards: Record<string, GuardDecision>;
  /** Keyed by order number; empty when the buyer turned the panel off. */
  panels: Record<string, PanelView>;
}

/** What the background answers to each message type. */
export interface Replies {
  'page-read': { tracked: string[]; refused: RefusedOrder[] } & OrderViews;
  'page-unread': { url: string };
  'guard-query': OrderViews;
  'items-inspected': OrderViews;
  'case-start': { caseId: string };
  'event-record': { eventId: string };
  'event-correct': { eventId: string };
  'event-remove': { eventId: string };
  'settings-update': { settings: Settings };
  'order-add': { orderId: string };
  'order-edit': { orderId: string };
  'order-archive': { orderId: string };
  'case-open': { orderId: string };
  /** When the reminder comes back. */
  'reminder-snooze': { snoozedUntil: string };
  'evidence-capture': { evidenceId: string };
  'evidence-upload-start': { uploadId: string };
  'evidence-upload-chunk': { uploadId: string };
  'evidence-upload-finish': { evidenceId: string };
  'evidence-upload-cancel': { uploadId: string };
  'evidence-note': { evidenceId: string };
  'evidence-tag': { evidenceId: string };
  'evidence-remove': { evidenceId: string };
  'order-delete': { undoId: string; orderId: string };
  'case-delete': { undoId: string; orderId: string };
  'deletion-undo': { orderId: string };
  'background-status': { problem?: BackgroundProblem };
  'backup-made': { madeAt: string };
  'restore-apply': { summary: RestoreSummary };
}

/** Something the background could not do on its own, for the popup to say. */
export interface BackgroundProblem {
  kind: 'storage' | 'reminders';
  /** The browser's own words, for the curious. */
  detail: string;
}

export type Reply<M extends Message> = ({ ok: true } & Replies[M['type']]) | Refusal;

/** Why the background refused a message; `code` lets the UI explain it in the buyer's words. */
export interface Refusal {
  ok: false;
  error: string;
  code?: RecordErrorCode;
  /** For a refused backup, what is wrong with it. */
  backupProblem?: BackupProblem['kind'];
}

/** Who sent a message, as the browser reports it (the part of `MessageSender` we use). */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

/** Checks an untrusted message; the error names each field that was wrong. */
export function parseMessage(input: unknown): { ok: true; message: Message } | Refusal {
  const result = v.safeParse(MessageSchema, input);
  if (result.success) return { ok: true, message: result.output };
  const details = result.issues.slice(0, 5).map((issue) => issueText(issue));
  return { ok: false, error: `invalid message (${details.join('; ')})` };
}

/** What an issue found wrong, and where: `root` names the whole input, when it is at fault. */
export function issueText(issue: v.BaseIssue<unknown> | undefined, root = 'message'): string {
  return issue ? `${v.getDotPath(issue) ?? root}: ${issue.message}` : 'invalid';
}
