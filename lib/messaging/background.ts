import type { CaseClockDatabase } from '../db/database';
import { recordOrderReadings } from '../db/orders';
import { adapterForHost } from '../marketplaces/registry';
import type { MarketplaceId } from '../marketplaces/types';
import {
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
  now: () => Date;
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

type Handlers = {
  [T in MessageType]: (
    deps: BackgroundDeps,
    message: MessageOf<T>,
    sender: SenderInfo,
  ) => Promise<Reply<MessageOf<T>>>;
};

async function pageRead(
  deps: BackgroundDeps,
  message: MessageOf<'page-read'>,
  sender: SenderInfo,
): Promise<Reply<MessageOf<'page-read'>>> {
  // Only a content script on that marketplace's own pages may report its orders.
  if (!sender.tab || marketplaceOf(sender.url) !== message.marketplace) {
    return { ok: false, error: 'page readings are accepted only from the marketplace tab itself' };
  }
  if (marketplaceOf(message.url) !== message.marketplace) {
    return { ok: false, error: `${message.url} is not a ${message.marketplace} page` };
  }
  const tracked = await recordOrderReadings(deps.db, message.marketplace, message.orders, {
    at: deps.now().toISOString(),
    url: message.url,
    pageKind: message.pageKind,
  });
  return { ok: true, tracked };
}

const HANDLERS: Handlers = { 'page-read': pageRead };

function dispatch<T extends MessageType>(
  deps: BackgroundDeps,
  message: MessageOf<T>,
  sender: SenderInfo,
): Promise<Reply<MessageOf<T>>> {
  const handler = HANDLERS[message.type];
  return handler(deps, message, sender);
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
    try {
      return await dispatch(deps, parsed.message, sender);
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  };
}
