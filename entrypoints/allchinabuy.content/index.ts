import { browser, type Browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContentScript } from '@/lib/content/start';
import { matchPatternsOf } from '@/lib/marketplaces/adapter';
import { allchinabuy } from '@/lib/marketplaces/allchinabuy';

export default defineContentScript({
  matches: matchPatternsOf(allchinabuy),
  // Before the page's own scripts: the confirm-receipt guard is in place from the first click.
  runAt: 'document_start',
  main(ctx) {
    startContentScript(ctx, allchinabuy, {
      window,
      now: () => new Date(),
      // WXT types getMessage with public/_locales' names; the page texts' are added at build.
      getMessage: (name) => (browser.i18n as typeof Browser.i18n).getMessage(name),
    });
  },
});
