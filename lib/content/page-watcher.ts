import type { OrderReading, PageReading, ReadingProblem } from '../marketplaces/types';

/** What changed on a page since it was last reported: only new or different orders. */
export interface PageUpdate {
  url: string;
  reading: Extract<PageReading, { status: 'read' }>;
}

export interface PageWatcherDeps {
  currentUrl: () => string;
  read: (url: string) => PageReading;
  /** Resolves once the update is stored; a rejection leaves it to be sent again. */
  send: (update: PageUpdate) => Promise<void>;
  /** Starts calling back on changes to the page's content; returns how to stop. */
  observeMutations: (onChange: () => void) => () => void;
  /** Calls back on navigation within the page and on the buyer's clicks, keys and scrolls. */
  onActivity: (onActivity: () => void) => () => void;
  setTimer: (callback: () => void, ms: number) => unknown;
  clearTimer: (timer: unknown) => void;
  /** Told once per page when its content never became readable. */
  onGiveUp?: (url: string, problems: ReadingProblem[]) => void;
}

export interface PageWatcherOptions {
  /** Quiet time after the last change before reading again. */
  settleMs: number;
  /** Longest wait for quiet while the page keeps changing. */
  maxWaitMs: number;
  /** How long after loading, navigation or activity the page is watched at all. */
  watchMs: number;
}

const DEFAULT_WATCH_OPTIONS: PageWatcherOptions = {
  settleMs: 400,
  maxWaitMs: 2_000,
  watchMs: 15_000,
};

function key(order: OrderReading): string {
  return order.orderNumber;
}

/** A one-shot timer that can be restarted or cancelled. */
function oneShot(deps: Pick<PageWatcherDeps, 'setTimer' | 'clearTimer'>) {
  let handle: unknown;
  const cancel = () => {
    if (handle !== undefined) deps.clearTimer(handle);
    handle = undefined;
  };
  const start = (callback: () => void, ms: number) => {
    cancel();
    handle = deps.setTimer(() => {
      handle = undefined;
      callback();
    }, ms);
  };
  return {
    start,
    /** Starts only if not already running: for a deadline that earlier changes set. */
    startIfIdle: (callback: () => void, ms: number) => {
      if (handle === undefined) start(callback, ms);
    },
    cancel,
  };
}

/**
 * Keeps reading a marketplace page while it renders and changes (late rendering, "View more",
 * tabs, in-page navigation) and reports each order again only when its reading changed.
 * Work is bounded: reads are debounced, and the page is only watched for a while after it
 * loads, navigates or the buyer does something on it.
 */
export function watchPage(
  deps: PageWatcherDeps,
  options: PageWatcherOptions = DEFAULT_WATCH_OPTIONS,
): { readNow: () => Promise<void>; stop: () => void } {
  const sent = new Map<string, string>();
  /** The page's own facts last sent: its tracking numbers and what could not be read. */
  let sentPageFacts = '';
  let url = deps.currentUrl();
  let everRead = false;
  let gaveUp = false;
  /** What the last reading of a page not yet read could not make out. */
  let lastProblems: ReadingProblem[] | undefined;
  let stopObserving: (() => void) | undefined;
  const settle = oneShot(deps);
  const maxWait = oneShot(deps);
  const watchWindow = oneShot(deps);
  let stopped = false;
  let reporting = Promise.resolve();

  /** Reads the page at once (synchronously) and resolves once what changed is reported. */
  async function readAndReport(): Promise<void> {
    settle.cancel();
    maxWait.cancel();
    if (stopped) return;
    const reading = deps.read(url);
    lastProblems = reading.status === 'failed' ? reading.problems : undefined;
    if (reading.status !== 'read') return;
    everRead = true;
    // One report at a time: what the one in flight sends counts as sent when this one compares.
    const readUrl = url;
    reporting = reporting.then(() => report(readUrl, reading));
    await reporting;
  }

  /** Sends the orders whose reading changed since they were last sent. */
  async function report(readUrl: string, reading: PageUpdate['reading']): Promise<void> {
    const changed = reading.orders
      .map((order) => [order, JSON.stringify(order)] as const)
      .filter(([order, json]) => sent.get(key(order)) !== json);
    const pageFacts = JSON.stringify([reading.trackingNumbers ?? [], reading.problems]);
    if (changed.length === 0 && pageFacts === sentPageFacts) return;
    try {
      await deps.send({
        url: readUrl,
        reading: { ...reading, orders: changed.map(([order]) => order) },
      });
      for (const [order, json] of changed) sent.set(key(order), json);
      sentPageFacts = pageFacts;
    } catch {
      // Not stored: the same orders count as changed at the next reading.
    }
  }

  const readSoon = () => {
    void readAndReport();
  };

  function onMutation(): void {
    if (stopped) return;
    if (deps.currentUrl() !== url) {
      void navigated();
      return;
    }
    settle.start(readSoon, options.settleMs);
    maxWait.startIfIdle(readSoon, options.maxWaitMs);
  }

  function endWatch(): void {
    stopObserving?.();
    stopObserving = undefined;
    if (!everRead && !gaveUp) {
      gaveUp = true;
      if (lastProblems) deps.onGiveUp?.(url, lastProblems);
    }
  }

  /** Opens, or extends, the window during which the page's changes are read. */
  function watch(): void {
    watchWindow.start(endWatch, options.watchMs);
    stopObserving ??= deps.observeMutations(onMutation);
  }

  function navigated(): Promise<void> {
    url = deps.currentUrl();
    everRead = false;
    gaveUp = false;
    lastProblems = undefined;
    watch();
    return readAndReport();
  }

  function onActivity(): void {
    if (stopped) return;
    if (deps.currentUrl() !== url) void navigated();
    else watch();
  }

  const stopActivity = deps.onActivity(onActivity);
  watch();
  readSoon();

  return {
    /** Reads the page now: its orders are known on return, and reported once this resolves. */
    readNow: () => (deps.currentUrl() === url ? readAndReport() : navigated()),
    stop() {
      stopped = true;
      stopActivity();
      stopObserving?.();
      settle.cancel();
      maxWait.cancel();
      watchWindow.cancel();
    },
  };
}
