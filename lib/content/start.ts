import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { uncheckedDecision, type GuardDecision } from '../guard/decision';
import { languageOf } from '../i18n/language';
import { messagesPageTranslator } from '../i18n/page-messages';
import { refusalText } from '../i18n/refusal';
import { readPageOf } from '../marketplaces/read';
import type { MarketplaceAdapter } from '../marketplaces/types';
import { pageReadMessages, reportedProblems } from '../messaging/page-parts';
import type { OrderViews, PanelView } from '../messaging/protocol';
import { sendToBackground } from '../messaging/send';
import { installConfirmGuard } from './confirm-guard';
import { showGuardDialog } from './guard-dialog';
import { removeOrderPanel, showOrderPanel } from './order-panel';
import { watchPage, type PageWatcherDeps } from './page-watcher';

const ACTIVITY_EVENTS = ['click', 'keyup', 'scrollend', 'popstate', 'hashchange'] as const;
/** Orders whose panel the buyer hid, for as long as this tab lives. */
const HIDDEN_PANELS = 'caseclock:hidden-panels';

/** How long the first read waits for an idle moment once the page has loaded. */
const IDLE_WAIT_MS = 1000;

function hiddenPanels(session: Storage): string[] {
  try {
    const stored: unknown = JSON.parse(session.getItem(HIDDEN_PANELS) ?? '[]');
    return Array.isArray(stored) ? stored.filter((id) => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

/** The page a content script runs in, its clock, and the extension's messages. */
export interface ContentPage {
  window: Window;
  now: () => Date;
  /** `browser.i18n.getMessage`: the page texts are there, not in the script. */
  getMessage: (name: string) => string;
}

/**
 * The content script of one marketplace, wired to the page: it reads the page with that
 * marketplace's reader only, shows the panel and guards "confirm receipt". Each marketplace's
 * entrypoint calls it with its own adapter, so a site loads no other site's reader.
 */
export function startContentScript(
  ctx: ContentScriptContext,
  adapter: MarketplaceAdapter,
  page: ContentPage,
): void {
  const { window: win } = page;
  const doc = win.document;
  const locale = win.navigator.language;
  const now = () => page.now().toISOString();
  const marketplace = adapter.id;
  let orderNumbers: string[] = [];
  let singleOrderPage = false;
  const guards = new Map<string, GuardDecision>();
  const panels = new Map<string, PanelView>();
  const t = messagesPageTranslator(languageOf(locale), page.getMessage);

  // The panel shows on a page about one order (detail, tracking, dispute), not on lists.
  const updatePanel = () => {
    const [number] = orderNumbers;
    const view = number === undefined ? undefined : panels.get(number);
    if (
      !singleOrderPage ||
      !number ||
      !view ||
      hiddenPanels(win.sessionStorage).includes(view.orderId)
    ) {
      removeOrderPanel(doc);
      return;
    }
    showOrderPanel(
      {
        doc,
        t,
        locale,
        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        now,
        openCase: (orderNumber) => {
          void sendToBackground({ type: 'case-open', marketplace, orderNumber });
        },
        onDismiss: (orderId) => {
          win.sessionStorage.setItem(
            HIDDEN_PANELS,
            JSON.stringify([...hiddenPanels(win.sessionStorage), orderId]),
          );
        },
      },
      number,
      view,
    );
  };
  const keepViews = (latest: OrderViews) => {
    for (const [number, decision] of Object.entries(latest.guards)) guards.set(number, decision);
    panels.clear();
    for (const [number, view] of Object.entries(latest.panels)) panels.set(number, view);
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
    currentUrl: () => win.location.href,
    read: (url) => {
      const reading = readPageOf(adapter, doc, url);
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
      observer.observe(doc.documentElement, {
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
        ctx.addEventListener(win, type, onActivity, { passive: true, capture: true });
      }
      // WXT's event for address changes made by the page's own script (pushState).
      ctx.addEventListener(win, 'wxt:locationchange', onActivity);
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
  const watching = () => (watcher ??= watchPage(pageWatch));
  // The first read waits for the page's load event and an idle moment, so the page loads as
  // fast as without CaseClock; a confirm-receipt click that needs the reading gets it at once.
  const watchWhenIdle = () => {
    ctx.requestIdleCallback(() => watching(), { timeout: IDLE_WAIT_MS });
  };
  if (doc.readyState === 'complete') watchWhenIdle();
  else ctx.addEventListener(win, 'load', watchWhenIdle);

  const uninstallGuard = installConfirmGuard({
    doc,
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
      showGuardDialog({ doc, t, locale, now }, button, decision, actions, problem);
    },
    setTimer: (callback, ms) => ctx.setTimeout(callback, ms),
  });
  // The buyer may have acted in CaseClock meanwhile: ask again when the tab comes back.
  ctx.addEventListener(win, 'focus', () => {
    if (orderNumbers.length > 0) void queryGuards(orderNumbers).catch(() => undefined);
  });

  ctx.onInvalidated(() => {
    watcher?.stop();
    uninstallGuard();
    removeOrderPanel(doc);
  });
}
