import { defineConfig } from 'wxt';
import { marketplaceMatchPatterns } from './lib/marketplaces/registry';
import { addPageMessages } from './build/page-messages';
import { reactDomWithoutRawHtml } from './build/react-dom-without-raw-html';

/** The locale the browser falls back to; its messages also carry the in-page texts. */
const DEFAULT_LOCALE = 'en';

// https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // Every import is written out: an auto-import once slipped WXT's storage helpers into the
  // content script because a parameter was named \`storage\`.
  imports: false,
  vite: () => ({ plugins: [reactDomWithoutRawHtml()] }),
  // The sources zip is for AMO's reviewers to rebuild the add-on: the store's own pictures
  // and texts play no part in that.
  zip: { excludeSources: ['store/**'] },
  // The content script reads its texts from _locales instead of carrying lib/i18n/page-*.ts.
  hooks: { 'build:publicAssets': addPageMessages(DEFAULT_LOCALE) },
  manifest: ({ browser }) => ({
    // In the buyer's language, from public/_locales (English unless French).
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: DEFAULT_LOCALE,
    // Reminders ring through alarms and notifications. activeTab lets "Capture this tab"
    // screenshot the page the buyer opened CaseClock on, and only that one; contextMenus offers
    // "Save selection as evidence". unlimitedStorage keeps the buyer's records and evidence
    // (videos of up to 100 MB) out of the default quota, and lets the browser keep them when the
    // disk runs short instead of clearing them as best-effort data. Nothing else is asked for.
    permissions: ['activeTab', 'alarms', 'contextMenus', 'notifications', 'unlimitedStorage'],
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
          // Firefox 140 (the older of the two current ESRs) is the first to read
          // data_collection_permissions, the store's "collects nothing" declaration.
          strict_min_version: '140.0',
          data_collection_permissions: { required: ['none'] },
        },
        // Firefox for Android reads that declaration from 142.
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
});
