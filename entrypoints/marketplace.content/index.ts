import { defineContentScript } from 'wxt/utils/define-content-script';
import { watchPage } from '@/lib/content/page-watcher';
import { marketplaceMatchPatterns, readPage } from '@/lib/marketplaces';
import { sendToBackground } from '@/lib/messaging/send';

const ACTIVITY_EVENTS = ['click', 'keyup', 'scrollend', 'popstate', 'hashchange'] as const;

export default defineContentScript({
  matches: marketplaceMatchPatterns(),
  runAt: 'document_idle',
  main(ctx) {
    const watcher = watchPage({
      currentUrl: () => location.href,
      read: (url) => readPage(document, url),
      async send({ url, reading }) {
        const reply = await sendToBackground({
          type: 'page-read',
          url,
          marketplace: reading.marketplace,
          pageKind: reading.pageKind,
          orders: reading.orders,
          ...(reading.trackingNumbers ? { trackingNumbers: reading.trackingNumbers } : {}),
        });
        if (!reply.ok) console.warn('CaseClock could not store this page:', reply.error);
      },
      observeMutations(onChange) {
        const observer = new MutationObserver(onChange);
        observer.observe(document.documentElement, {
          subtree: true,
          childList: true,
          characterData: true,
        });
        return () => {
          observer.disconnect();
        };
      },
      onActivity(onActivity) {
        for (const type of ACTIVITY_EVENTS) {
          ctx.addEventListener(window, type, onActivity, { passive: true, capture: true });
        }
        // WXT's event for address changes made by the page's own script (pushState).
        ctx.addEventListener(window, 'wxt:locationchange', onActivity);
        return () => undefined; // the listeners end with the content script's context
      },
      setTimer: (callback, ms) => ctx.setTimeout(callback, ms),
      clearTimer: (timer) => {
        clearTimeout(timer as number);
      },
      onGiveUp: (url, problems) => {
        console.info('CaseClock could not read the orders on', url, problems);
      },
    });
    ctx.onInvalidated(() => {
      watcher.stop();
    });
  },
});
