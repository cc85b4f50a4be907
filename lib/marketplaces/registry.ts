import { aliexpress } from './aliexpress';
import { allchinabuy } from './allchinabuy';
import { dhgate } from './dhgate';
import type { MarketplaceAdapter, MarketplaceId } from './types';

/** Every supported marketplace: one adapter each. */
export const ADAPTERS: readonly MarketplaceAdapter[] = [dhgate, allchinabuy, aliexpress];

export function adapterForHost(hostname: string): MarketplaceAdapter | undefined {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return ADAPTERS.find((adapter) =>
    adapter.domains.some((domain) => host === domain || host.endsWith(`.${domain}`)),
  );
}

export function adapterById(id: MarketplaceId): MarketplaceAdapter | undefined {
  return ADAPTERS.find((adapter) => adapter.id === id);
}

/** Match patterns for the manifest: the marketplaces' own sites, nothing else. */
export function marketplaceMatchPatterns(): string[] {
  return ADAPTERS.flatMap((adapter) => adapter.domains.map((domain) => `https://*.${domain}/*`));
}
