import { superbuyPlatform } from './superbuy-platform';

/** Superbuy (once Dotdotbuy), the shopping agent whose platform its sister brands run on. */
export const superbuy = superbuyPlatform({
  id: 'superbuy',
  name: 'Superbuy',
  domains: ['superbuy.com'],
});
