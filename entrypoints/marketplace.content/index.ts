import { defineContentScript } from 'wxt/utils/define-content-script';
import { installConfirmGuard } from '@/lib/content/confirm-guard';
import { showGuardDialog } from '@/lib/content/guard-dialog';
import { watchPage, type PageWatcherDeps } from '@/lib/content/page-watcher';
import { removeOrderPanel, showOrderPanel } from '@/lib/content/order-panel';
import { uncheckedDecision, type GuardDecision } from '@/lib/guard';
import { languageOf, translator } from '@/lib/i18n';
import { refusalText } from '@/lib/i18n/phrases';
import { adapterForHost, marketplaceMatchPatterns, readPage } from '@/lib/marketplaces';
import type { OrderSummary, OrderViews } from '@/lib/messaging/protocol';
import { pageReadMessages, reportedProblems } from '@/lib/messaging/page-parts';
import { sendToBackground } from '@/lib/messaging/send';

const ACTIVITY_EVENTS = ['click', 'keyup', 'scrollend', 'popstate', 'hashchange'] as const;
/** Orders whose panel the buyer hid, for as long as this tab lives. */
const HIDDEN_PANELS = 'caseclock:hidden-panels';

function hiddenPanels(): string[] {
  try {
    const stored: unknown = JSON.parse(sessionStorage.getItem(HIDDEN_PANELS) ?? '[]');
    return Array.isArray(stored) ? stored.filter((id) => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

export default defineContentScript({
  matches: marketplaceMatchPatterns(),
  // Before the page's own scripts: the confirm-receipt guard is in place from the first click.
  runAt: 'document_start',
  main(ctx) {
    const adapter = adapterForHost(location.hostname);
    if (!adapter) return;
    const marketplace = adapter.id;
    let orderNumbers: string[] = [];
    let singleOrderPage = false;
    const guards = new Map<string, GuardDecision>();
    const summaries = new Map<string, OrderSummary>();
    const t = translator(languageOf(navigator.language));

    // The panel shows on a page about one order (detail, tracking, dispute), not on lists.
    const updatePanel = () => {
      const [number] = orderNumbers;
      const summary = number === undefined ? undefined : summaries.get(number);
      if (!singleOrderPage || !number || !summary || hiddenPanels().includes(summary.orderId)) {
        removeOrderPanel(document);
        return;
      }
      showOrderPanel(
        {
          doc: document,
          t,
          locale: navigator.language,
          timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
          now: () => new Date().toISOString(),
          marketplace,
          openCase: (orderNumber) => {
            void sendToBackground({ type: 'case-open', marketplace, orderNumber });
          },
          onDismiss: (orderId) => {
            sessionStorage.setItem(HIDDEN_PANELS, JSON.stringify([...hiddenPanels(), orderId]));
          },
        },
        number,
        summary,
      );
    };
    const keepViews = (latest: OrderViews) => {
      for (const [number, decision] of Object.entries(latest.guards)) guards.set(number, decision);
      summaries.clear();
      for (const [number, summary] of Object.entries(latest.summaries)) {
        summaries.set(number, summary);
      }
      updatePanel();
    };
    const queryGuards = async (numbers: readonly string[]) => {
      const reply = await sendToBackground({
        type: 'guard-query',
        marketplace,
        orderNumbers: [...numbers],
      });
      if (reply.ok) keepViews(reply);
    };

    const pageWatch: PageWatcherDeps = {
      currentUrl: () => location.href,
      read: (url) => {
        const reading = readPage(document, url);
        if (reading.status === 'read') {
          orderNumbers = reading.orders.map((order) => order.orderNumber);
          singleOrderPage = reading.orders.length === 1 && reading.pageKind !== 'order-list';
        }
        return reading;
      },
      async send({ url, reading }) {
        // A long page goes in parts, one after the other: each extends the one before.
        for (const message of pageReadMessages(url, reading)) {
          const reply = await sendToBackground(message);
          if (!reply.ok) throw new Error(`CaseClock could not store this page: ${reply.error}`);
          keepViews(reply);
        }
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
      // The popup says why this page showed no order: the background keeps it for the tab.
      onGiveUp: (url, problems) => {
        void sendToBackground({
          type: 'page-unread',
          url,
          marketplace,
          problems: reportedProblems(problems),
        }).catch(() => undefined);
      },
    };
    let watcher: ReturnType<typeof watchPage> | undefined;
    // Reading starts when the DOM is ready, or earlier if a confirm-receipt click needs it.
    const watching = () => (watcher ??= watchPage(pageWatch));
    if (document.readyState === 'loading') {
      ctx.addEventListener(document, 'DOMContentLoaded', () => {
        watching();
      });
    } else {
      watching();
    }

    const uninstallGuard = installConfirmGuard({
      doc: document,
      confirmLabel: adapter.confirmReceipt,
      orderNumbers: () => orderNumbers,
      decision: (number) => guards.get(number),
      unchecked: uncheckedDecision(marketplace),
      readPage: () => watching().readNow(),
      query: queryGuards,
      async markInspected(orderNumber) {
        const reply = await sendToBackground({ type: 'items-inspected', marketplace, orderNumber });
        if (!reply.ok) throw new Error(refusalText(t, reply, { limit: '' }));
        keepViews(reply);
      },
      showDialog: (button, decision, actions, problem) => {
        showGuardDialog(
          { doc: document, t, locale: navigator.language, now: () => new Date().toISOString() },
          button,
          decision,
          actions,
          problem,
        );
      },
      setTimer: (callback, ms) => ctx.setTimeout(callback, ms),
    });
    // The buyer may have acted in CaseClock meanwhile: ask again when the tab comes back.
    ctx.addEventListener(window, 'focus', () => {
      if (orderNumbers.length > 0) void queryGuards(orderNumbers).catch(() => undefined);
    });

    ctx.onInvalidated(() => {
      watcher?.stop();
      uninstallGuard();
      removeOrderPanel(document);
    });
  },
});
