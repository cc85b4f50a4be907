import { superbuyPlatform } from './superbuy-platform';

/** Allchinabuy, a shopping agent on the Superbuy platform. */
export const allchinabuy = superbuyPlatform({
  id: 'allchinabuy',
  name: 'Allchinabuy',
  domains: ['allchinabuy.com'],
});
