import type { MarketplaceAdapter } from './types';

export const aliexpress: MarketplaceAdapter = {
  id: 'aliexpress',
  name: 'AliExpress',
  // Country sites (fr., pt., de. …) are subdomains of aliexpress.com; the US site has its own.
  domains: ['aliexpress.com', 'aliexpress.us'],
  pageKind: () => undefined,
  read: (_doc, _url, kind) => ({ orders: [], problems: [`${kind} pages are not read yet`] }),
};
