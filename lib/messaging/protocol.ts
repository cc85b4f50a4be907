/**
 * The one protocol between CaseClock's parts. Every payload is described once as a schema; the
 * TypeScript types come from the schemas, and the background checks each message against them
 * because a message may come from a compromised page context.
 */
import * as v from 'valibot';
import { MARKETPLACE_IDS, ORDER_STATUSES, PAGE_KINDS } from '../marketplaces/types';

const LIMITS = { text: 500, url: 2048, orders: 500, items: 200, trackingNumbers: 100 } as const;

const Text = v.pipe(v.string(), v.trim(), v.nonEmpty(), v.maxLength(LIMITS.text));
const WebUrl = v.pipe(v.string(), v.maxLength(LIMITS.url), v.url(), v.regex(/^https?:/i));
const Instant = v.pipe(
  v.string(),
  v.isoTimestamp(),
  v.transform((value) => new Date(value).toISOString()),
);

export const MoneySchema = v.object({
  minor: v.pipe(v.number(), v.safeInteger()),
  currency: v.pipe(v.string(), v.regex(/^[A-Z]{3}$/)),
});

export const OrderItemSchema = v.object({
  title: Text,
  quantity: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  unitPrice: v.optional(MoneySchema),
  url: v.optional(WebUrl),
  imageUrl: v.optional(WebUrl),
  itemNumber: v.optional(Text),
});

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
});

/** A content script read a marketplace page. */
export const PageReadMessageSchema = v.object({
  type: v.literal('page-read'),
  url: WebUrl,
  marketplace: v.picklist(MARKETPLACE_IDS),
  pageKind: v.picklist(PAGE_KINDS),
  orders: v.pipe(v.array(OrderReadingSchema), v.maxLength(LIMITS.orders)),
  trackingNumbers: v.optional(v.pipe(v.array(Text), v.maxLength(LIMITS.trackingNumbers))),
});

export const MessageSchema = v.variant('type', [PageReadMessageSchema]);

export type PageReadMessage = v.InferOutput<typeof PageReadMessageSchema>;
export type Message = v.InferOutput<typeof MessageSchema>;

/** What the background answers to each message type. */
export interface Replies {
  'page-read': { tracked: string[] };
}

export type MessageType = Message['type'];
export type MessageOf<T extends MessageType> = Extract<Message, { type: T }>;

export type Reply<M extends Message> =
  ({ ok: true } & Replies[M['type']]) | { ok: false; error: string };

/** Who sent a message, as the browser reports it (the part of `MessageSender` we use). */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

/** Checks an untrusted message; the error names each field that was wrong. */
export function parseMessage(
  input: unknown,
): { ok: true; message: Message } | { ok: false; error: string } {
  const result = v.safeParse(MessageSchema, input);
  if (result.success) return { ok: true, message: result.output };
  const details = result.issues
    .slice(0, 5)
    .map((issue) => `${v.getDotPath(issue) ?? 'message'}: ${issue.message}`);
  return { ok: false, error: `invalid message (${details.join('; ')})` };
}
