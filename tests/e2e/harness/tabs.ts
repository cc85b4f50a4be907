import type { Worker } from 'playwright-core';

interface ShownTab {
  url?: string;
  active: boolean;
  /** Whether the tab's window is the focused one. */
  inFocusedWindow: boolean;
}

/** The bits of `chrome` read here, typed for the code run in the service worker. */
declare const chrome: {
  tabs: { query(filter: object): Promise<{ url?: string; active: boolean; windowId: number }[]> };
  windows: { getAll(): Promise<{ id?: number; focused: boolean }[]> };
};

/**
 * The browser's tabs as CaseClock's service worker sees them: the addresses of its own pages
 * and of the marketplaces' (no others), which is shown in each window, and which window has
 * the focus.
 */
export function shownTabs(worker: Worker): Promise<ShownTab[]> {
  return worker.evaluate(async () => {
    const focused = (await chrome.windows.getAll()).find((window) => window.focused)?.id;
    return (await chrome.tabs.query({})).map((tab) => ({
      ...(tab.url ? { url: tab.url } : {}),
      active: tab.active,
      inFocusedWindow: tab.windowId === focused,
    }));
  });
}
