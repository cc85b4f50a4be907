import { aliexpress } from './aliexpress';
import { allchinabuy } from './allchinabuy';
import { dhgate } from './dhgate';
import { superbuy } from './superbuy';
import { wegobuy } from './wegobuy';
import { isHostOf, isMarketplaceUrlOf, matchPatternsOf } from './adapter';
import type { MarketplaceAdapter, MarketplaceId } from './types';

/** Every supported marketplace: one adapter each. */
export const ADAPTERS: readonly MarketplaceAdapter[] = [
  dhgate,
  allchinabuy,
  superbuy,
  wegobuy,
  aliexpress,
];

export function adapterForHost(hostname: string): MarketplaceAdapter | undefined {
  return ADAPTERS.find((adapter) => isHostOf(adapter, hostname));
}

export function adapterById(id: MarketplaceId): MarketplaceAdapter | undefined {
  return ADAPTERS.find((adapter) => adapter.id === id);
}

/** Whether the whole text is an order number as that marketplace writes them. */
export function isOrderNumberOf(marketplace: MarketplaceId, text: string): boolean {
  return adapterById(marketplace)?.orderNumber.test(text) === true;
}

/** https, on one of the marketplace's domains or a subdomain, no credentials. */
export function isMarketplaceUrl(marketplace: MarketplaceId, url: string): boolean {
  const adapter = adapterById(marketplace);
  return adapter !== undefined && isMarketplaceUrlOf(adapter, url);
}

/** Match patterns for the manifest: the marketplaces' own sites, nothing else. */
export function marketplaceMatchPatterns(): string[] {
  return ADAPTERS.flatMap(matchPatternsOf);
}
