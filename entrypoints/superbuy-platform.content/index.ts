import { browser, type Browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContentScript } from '@/lib/content/start';
import { isHostOf, matchPatternsOf } from '@/lib/marketplaces/adapter';
import { allchinabuy } from '@/lib/marketplaces/allchinabuy';
import { superbuy } from '@/lib/marketplaces/superbuy';
import { wegobuy } from '@/lib/marketplaces/wegobuy';

// The Superbuy platform's brands share one reader, so they share one script: each page is
// read as its own brand's.
const BRANDS = [allchinabuy, superbuy, wegobuy];

export default defineContentScript({
  matches: BRANDS.flatMap(matchPatternsOf),
  // Before the page's own scripts: the confirm-receipt guard is in place from the first click.
  runAt: 'document_start',
  main(ctx) {
    const brand = BRANDS.find((adapter) => isHostOf(adapter, location.hostname));
    if (!brand) return;
    startContentScript(ctx, brand, {
      window,
      now: () => new Date(),
      // WXT types getMessage with public/_locales' names; the page texts' are added at build.
      getMessage: (name) => (browser.i18n as typeof Browser.i18n).getMessage(name),
    });
  },
});
