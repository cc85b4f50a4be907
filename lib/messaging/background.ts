import { correctEventTime, recordBuyerEvent, removeBuyerEvent, startCase } from '../db/cases';
import type { CaseClockDatabase } from '../db/database';
import { recordPageReading } from '../db/orders';
import { planOneOrder } from '../db/plans';
import { orderId } from '../db/schema';
import { readSettings, updateSettings } from '../db/settings';
import { confirmReceiptGuard, type GuardDecision } from '../guard';
import { adapterForHost } from '../marketplaces/registry';
import type { MarketplaceId } from '../marketplaces/types';
import {
  CONTENT_MESSAGES,
  parseMessage,
  type Message,
  type MessageOf,
  type MessageType,
  type Reply,
  type SenderInfo,
} from './protocol';

export interface BackgroundDeps {
  db: CaseClockDatabase;
  /** The extension's own id: messages from anywhere else are refused. */
  extensionId: string;
  /** The origin of CaseClock's own pages (popup, case workspace). */
  extensionOrigin: string;
  now: () => Date;
  timeZone: () => string;
  /** Brings reminders in line with what was just written. */
  afterWrite: () => Promise<void>;
}

function marketplaceOf(url: string | undefined): MarketplaceId | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' ? adapterForHost(parsed.hostname)?.id : undefined;
  } catch {
    return undefined;
  }
}

/** Whether to hold "confirm receipt" for each of these orders, keyed by order number. */
async function guardsFor(
  deps: BackgroundDeps,
  marketplace: MarketplaceId,
  orderNumbers: readonly string[],
): Promise<Record<string, GuardDecision>> {
  const settings = await readSettings(deps.db);
  const clock = { now: deps.now().toISOString(), timeZone: deps.timeZone() };
  const guards: Record<string, GuardDecision> = {};
  for (const number of orderNumbers) {
    const planned = await planOneOrder(deps.db, orderId(marketplace, number), settings, clock);
    if (!planned) continue;
    const evidence = planned.openCase
      ? await deps.db.evidence.where('caseId').equals(planned.openCase.id).toArray()
      : [];
    guards[number] = confirmReceiptGuard({
      marketplace,
      plan: planned.plan,
      ...(planned.openCase ? { openCase: planned.openCase } : {}),
      events: planned.events,
      evidence,
    });
  }
  return guards;
}

type Handler<T extends MessageType> = (
  deps: BackgroundDeps,
  message: MessageOf<T>,
) => Promise<Reply<MessageOf<T>>>;

type Handlers = { [T in MessageType]: Handler<T> };

const HANDLERS: Handlers = {
  async 'page-read'(deps, message) {
    if (marketplaceOf(message.url) !== message.marketplace) {
      return { ok: false, error: `${message.url} is not a ${message.marketplace} page` };
    }
    const tracked = await recordPageReading(deps.db, message, {
      at: deps.now().toISOString(),
      url: message.url,
      pageKind: message.pageKind,
    });
    await deps.afterWrite();
    const numbers = message.orders.map((order) => order.orderNumber);
    return { ok: true, tracked, guards: await guardsFor(deps, message.marketplace, numbers) };
  },

  async 'guard-query'(deps, message) {
    return { ok: true, guards: await guardsFor(deps, message.marketplace, message.orderNumbers) };
  },

  async 'items-inspected'(deps, message) {
    const now = deps.now().toISOString();
    await recordBuyerEvent(
      deps.db,
      {
        orderId: orderId(message.marketplace, message.orderNumber),
        type: 'items-inspected',
        at: now,
      },
      now,
    );
    await deps.afterWrite();
    return { ok: true, guards: await guardsFor(deps, message.marketplace, [message.orderNumber]) };
  },

  async 'case-start'(deps, message) {
    const started = await startCase(
      deps.db,
      message.orderId,
      message.reason,
      deps.now().toISOString(),
    );
    await deps.afterWrite();
    return { ok: true, caseId: started.id };
  },

  async 'event-record'(deps, message) {
    const event = await recordBuyerEvent(
      deps.db,
      {
        orderId: message.orderId,
        type: message.event,
        at: message.at,
        ...(message.details ? { details: message.details } : {}),
      },
      deps.now().toISOString(),
    );
    await deps.afterWrite();
    return { ok: true, eventId: event.id };
  },

  async 'event-correct'(deps, message) {
    const event = await correctEventTime(deps.db, message.eventId, message.at);
    await deps.afterWrite();
    return { ok: true, eventId: event.id };
  },

  async 'event-remove'(deps, message) {
    await removeBuyerEvent(deps.db, message.eventId);
    await deps.afterWrite();
    return { ok: true, eventId: message.eventId };
  },

  async 'settings-update'(deps, message) {
    const { membership, overrides, paypal, reminderLeadHours } = message.settings;
    const settings = await updateSettings(deps.db, {
      ...(membership ? { membership } : {}),
      ...(overrides ? { overrides } : {}),
      ...(paypal ? { paypal } : {}),
      ...(reminderLeadHours !== undefined ? { reminderLeadHours } : {}),
    });
    await deps.afterWrite();
    return { ok: true, settings };
  },
};

function dispatch<T extends MessageType>(
  deps: BackgroundDeps,
  message: MessageOf<T>,
): Promise<Reply<MessageOf<T>>> {
  const handler = HANDLERS[message.type] as Handler<T>;
  return handler(deps, message);
}

/** Content messages come from a marketplace tab; the others only from CaseClock's own pages. */
function senderProblem(
  deps: BackgroundDeps,
  message: Message,
  sender: SenderInfo,
): string | undefined {
  if (CONTENT_MESSAGES.has(message.type)) {
    const marketplace = 'marketplace' in message ? message.marketplace : undefined;
    if (!sender.tab || marketplaceOf(sender.url) !== marketplace) {
      return 'page readings are accepted only from the marketplace tab itself';
    }
    return undefined;
  }
  return sender.url?.startsWith(deps.extensionOrigin)
    ? undefined
    : 'this message is accepted only from CaseClock itself';
}

/**
 * The background's answer to every message: validated first, then acted on. Invalid input gets
 * a clear error and changes nothing.
 */
export function createMessageHandler(deps: BackgroundDeps) {
  return async function handleMessage(input: unknown, sender: SenderInfo): Promise<Reply<Message>> {
    if (sender.id !== deps.extensionId) return { ok: false, error: 'unknown sender' };
    const parsed = parseMessage(input);
    if (!parsed.ok) return parsed;
    const problem = senderProblem(deps, parsed.message, sender);
    if (problem) return { ok: false, error: problem };
    try {
      return await dispatch(deps, parsed.message);
    } catch (error) {
      // A failed write was rolled back: nothing changed.
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  };
}
