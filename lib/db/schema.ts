import type { MarketplaceId, OrderReading } from '../marketplaces/types';

/** An order CaseClock tracks: the latest page reading plus when it was seen. */
export interface StoredOrder extends OrderReading {
  /** `${marketplace}:${orderNumber}` */
  id: string;
  marketplace: MarketplaceId;
  firstSeenAt: string;
  lastSeenAt: string;
  /** The page it was last read from. */
  seenOnUrl: string;
}

export function orderId(marketplace: MarketplaceId, orderNumber: string): string {
  return `${marketplace}:${orderNumber}`;
}

/**
 * Every schema version CaseClock has shipped, oldest first. A version is never edited once
 * released: a change is a new entry, with an upgrade for data that needs it, and a test that
 * opens the old data.
 */
export const SCHEMA_VERSIONS: readonly { version: number; stores: Record<string, string> }[] = [
  { version: 1, stores: { orders: 'id, marketplace, lastSeenAt' } },
];
