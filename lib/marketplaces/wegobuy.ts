import { superbuyPlatform } from './superbuy-platform';

/** Wegobuy, Superbuy's older sister brand, on the same platform. */
export const wegobuy = superbuyPlatform({
  id: 'wegobuy',
  name: 'Wegobuy',
  domains: ['wegobuy.com'],
});
