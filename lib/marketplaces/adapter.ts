import { READING_LIMITS, type MarketplaceAdapter } from './types';

/** Whether the host is one of the marketplace's domains or a subdomain of one. */
export function isHostOf(adapter: Pick<MarketplaceAdapter, 'domains'>, hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return adapter.domains.some((domain) => host === domain || host.endsWith(`.${domain}`));
}

/** https, on one of the marketplace's domains or a subdomain, no credentials. */
export function isMarketplaceUrlOf(adapter: MarketplaceAdapter, url: string): boolean {
  if (url.length > READING_LIMITS.url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === 'https:' &&
    parsed.username === '' &&
    parsed.password === '' &&
    isHostOf(adapter, parsed.hostname)
  );
}

/** Match patterns for the manifest: the marketplace's own sites, nothing else. */
export function matchPatternsOf(adapter: MarketplaceAdapter): string[] {
  return adapter.domains.map((domain) => `https://*.${domain}/*`);
}
