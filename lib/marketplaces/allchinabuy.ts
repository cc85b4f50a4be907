import type { MarketplaceAdapter } from './types';

export const allchinabuy: MarketplaceAdapter = {
  id: 'allchinabuy',
  name: 'Allchinabuy',
  domains: ['allchinabuy.com'],
  pageKind: () => undefined,
  read: (_doc, _url, kind) => ({ orders: [], problems: [`${kind} pages are not read yet`] }),
};
