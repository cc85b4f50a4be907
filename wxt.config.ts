import { defineConfig } from 'wxt';
import { marketplaceMatchPatterns } from './lib/marketplaces/registry';

// https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: 'CaseClock',
    description:
      'Keeps the dispute clocks of your DHgate, Allchinabuy and AliExpress orders and reminds you before a window closes. Everything stays on your computer.',
    // Reminders ring through alarms and notifications. activeTab lets "Capture this tab"
    // screenshot the page the buyer opened CaseClock on, and only that one; contextMenus offers
    // "Save selection as evidence". Nothing else is asked for.
    permissions: ['activeTab', 'alarms', 'contextMenus', 'notifications'],
    // Only the marketplaces' own pages; never <all_urls>.
    host_permissions: marketplaceMatchPatterns(),
    // Firefox gets Manifest V2, WXT's default for it: Firefox keeps supporting MV2 with no end
    // date, grants the marketplaces' host permissions at install (under MV3 before Firefox 127
    // the buyer must grant them by hand, or no page is read), and its MV3 has no service
    // worker either, so MV3 would bring risk and no gain. The Firefox tests check the build.
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'caseclock@caseclock.app',
          strict_min_version: '115.0',
          data_collection_permissions: { required: ['none'] },
        },
      },
    }),
  }),
});
