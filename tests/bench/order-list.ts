/**
 * `npm run bench` (second part): the buyer's orders at any number, in real Chromium with the
 * built extension. For 10, 1,000, 5,000 and 10,000 orders: how long the background takes to
 * plan them all the first time it wakes (no summaries yet), then the popup's cold opening, a
 * fresh page each time, from navigation to the first rows, beside a page of the extension with
 * no script at all (what any extension page costs here before its code). At 5,000 orders: one write's round
 * trip from a CaseClock page and one page read's from a content script (the background re-plans
 * the order written, keeps its summary and the alarm). Then the catch-up of 5,000 reminders that
 * fell due while the browser was closed, their orders planned before. It prints numbers; it
 * passes or fails nothing.
 */
import type { StoredCase, StoredEvent, StoredOrder } from '../../lib/db/schema';
import { pageReadMessages } from '../../lib/messaging/page-parts';
import { launch, type ExtensionBrowser } from '../e2e/harness/chromium';
import { stopServiceWorkers } from '../e2e/harness/service-worker';
import { serveFixtures } from '../e2e/harness/marketplace-routes';
import { loadFixtures } from '../fixtures/catalogue';
import { navigationMark } from './navigation';
import { median, ms, pad } from './numbers';
import { seedDatabase } from './seed-database';
import { syntheticOrders } from './synthetic-orders';

/** The bits of `chrome` the code run inside the extension uses here. */
declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  notifications: { getAll(): Promise<Record<string, unknown>> };
  alarms: {
    create(name: string, info: { when: number }): Promise<void>;
    clearAll(): Promise<boolean>;
  };
};

const SIZES = [10, 1_000, 5_000, 10_000];
const OPENINGS = 7;
const WRITES = 7;
const DAY = 86_400_000;

/** How long a wake may take before the bench gives up and says so. */
const WAKE_LIMIT_MS = 180_000;

/**
 * Stops the background, as Chrome does to an idle worker, then wakes it with an alarm, as after
 * the browser was closed: the fresh worker's first run finds the records seeded behind its back.
 * Waits until a store holds `count` records (and, if asked, a notification is shown) and
 * returns how long each took, by the clock of a
 * CaseClock page. That page stays open throughout: Playwright gives the worker the profile's
 * time zone only while a page is open, and a buyer's worker never plans in another zone.
 */
async function wakeFreshUntil(
  browser: ExtensionBrowser,
  store: string,
  count: number,
  notification = false,
): Promise<{ ms: number; shownMs: number; notifications: number }> {
  const page = await browser.context.newPage();
  try {
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await stopServiceWorkers(page);
    const took = await page.evaluate(
      ({ store, count, limit, notified }) =>
        new Promise<{ stored: number; shown: number }>((resolve, reject) => {
          const start = performance.now();
          let stored = Number.NaN;
          let shown = Number.NaN;
          void chrome.alarms.create(`bench-${String(start)}`, { when: Date.now() });
          // Inline callbacks only: the bundler names declared functions with a helper the
          // page does not have.
          const timer = setInterval(() => {
            if (performance.now() - start > limit) {
              clearInterval(timer);
              reject(
                new Error(`${store} still short of ${String(count)} after ${String(limit)} ms`),
              );
              return;
            }
            if (notified && Number.isNaN(shown)) {
              void chrome.notifications.getAll().then((all) => {
                if (Object.keys(all).length > 0 && Number.isNaN(shown)) {
                  shown = performance.now() - start;
                }
              });
            }
            const opening = indexedDB.open('caseclock');
            opening.onerror = () => {
              clearInterval(timer);
              reject(new Error(String(opening.error)));
            };
            opening.onsuccess = () => {
              const counting = opening.result.transaction(store).objectStore(store).count();
              counting.onsuccess = () => {
                opening.result.close();
                if (counting.result >= count && Number.isNaN(stored)) {
                  stored = performance.now() - start;
                }
                if (Number.isNaN(stored) || (notified && Number.isNaN(shown))) return;
                clearInterval(timer);
                resolve({ stored, shown });
              };
            };
          }, 5);
        }),
      { store, count, limit: WAKE_LIMIT_MS, notified: notification },
    );
    // The summaries and the badge follow the notification.
    await page.waitForTimeout(2000);
    const notifications = await page.evaluate(
      async () => Object.keys(await chrome.notifications.getAll()).length,
    );
    return { ms: took.stored, shownMs: took.shown, notifications };
  } finally {
    await page.close();
  }
}

/** Opens a CaseClock page once, so the database stands at its current version before seeding. */
async function databaseReady(browser: ExtensionBrowser): Promise<void> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.waitForSelector('h1');
  await page.close();
}

/** How many records a store holds now, read from a CaseClock page: the worker may be stopped. */
async function storeCount(browser: ExtensionBrowser, store: string): Promise<number> {
  const page = await browser.context.newPage();
  try {
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    return await page.evaluate(
      (name) =>
        new Promise<number>((resolve, reject) => {
          const opening = indexedDB.open('caseclock');
          opening.onerror = () => {
            reject(new Error(String(opening.error)));
          };
          opening.onsuccess = () => {
            const counting = opening.result.transaction(name).objectStore(name).count();
            counting.onsuccess = () => {
              opening.result.close();
              resolve(counting.result);
            };
          };
        }),
      store,
    );
  } finally {
    await page.close();
  }
}

/** Clears CaseClock's alarms, so only the bench's own wakes the worker. */
async function clearAlarms(browser: ExtensionBrowser): Promise<void> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.evaluate(() => chrome.alarms.clearAll());
  await page.close();
}

/**
 * What any page of the extension costs before its own code: CaseClock's manifest opened in a
 * fresh page, shown as text with no script, from navigation to DOMContentLoaded.
 */
function blankExtensionPage(browser: ExtensionBrowser): Promise<number> {
  return navigationMark(
    browser.context,
    `chrome-extension://${browser.extensionId}/manifest.json`,
    'domContentLoadedEventEnd',
  );
}

/** The popup opened in a fresh page: from navigation to its first rows, by the page's clock. */
async function coldPopup(browser: ExtensionBrowser): Promise<number> {
  const page = await browser.context.newPage();
  try {
    await page.setViewportSize({ width: 380, height: 600 });
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`, {
      waitUntil: 'commit',
    });
    await page.waitForFunction(() => document.querySelector('.order') !== null, undefined, {
      polling: 'raf',
      timeout: 60_000,
    });
    return await page.evaluate(() => performance.now());
  } finally {
    await page.close();
  }
}

/** One write from a CaseClock page, round trip: archiving an order, then bringing it back. */
async function writes(browser: ExtensionBrowser, orderIds: readonly string[]): Promise<number[]> {
  const page = await browser.context.newPage();
  try {
    // The settings page lists no orders: nothing on it re-renders while the background works.
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const times: number[] = [];
    for (const orderId of orderIds.slice(0, WRITES)) {
      for (const archived of [true, false]) {
        times.push(
          await page.evaluate(
            async (message) => {
              const start = performance.now();
              const reply = (await chrome.runtime.sendMessage(message)) as { ok: boolean };
              if (!reply.ok) throw new Error(JSON.stringify(reply));
              return performance.now() - start;
            },
            { type: 'order-archive', orderId, archived },
          ),
        );
      }
    }
    return times;
  } finally {
    await page.close();
  }
}

/**
 * One page read at `orders` orders, round trip, as the content script sends it: a DHgate order
 * page is opened at its real address, then its reading is sent again from the content script's
 * own world (the background stores it, re-plans that order, keeps its summary and the alarm, and
 * words the panel). Returns each round trip, by the page's clock.
 */
async function pageReads(browser: ExtensionBrowser): Promise<number[]> {
  const fixture = loadFixtures().find(
    (one) =>
      one.marketplace === 'dhgate' &&
      one.expected.status === 'read' &&
      one.expected.pageKind === 'order-detail',
  );
  if (fixture?.expected.status !== 'read') throw new Error('no DHgate order page to read');
  const [message] = pageReadMessages(fixture.url, fixture.expected);
  await serveFixtures(browser.context, [fixture]);
  const page = await browser.context.newPage();
  try {
    const cdp = await browser.context.newCDPSession(page);
    const worlds: { id: number; name: string }[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => {
      worlds.push({ id: context.id, name: context.name });
    });
    await cdp.send('Runtime.enable');
    await page.goto(fixture.url);
    // The content script's world is named after the extension.
    const world = await (async () => {
      for (let tries = 0; tries < 200; tries += 1) {
        const found = worlds.find((one) => one.name === 'CaseClock');
        if (found) return found;
        await page.waitForTimeout(25);
      }
      throw new Error(`no CaseClock world among ${worlds.map((one) => one.name).join(', ')}`);
    })();
    const times: number[] = [];
    for (let run = 0; run < WRITES * 2; run += 1) {
      const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
        contextId: world.id,
        awaitPromise: true,
        returnByValue: true,
        expression: `(async () => {
          const start = performance.now();
          const reply = await chrome.runtime.sendMessage(${JSON.stringify(message)});
          if (!reply.ok) throw new Error(JSON.stringify(reply));
          return performance.now() - start;
        })()`,
      });
      if (exceptionDetails) throw new Error(exceptionDetails.exception?.description);
      times.push(result.value as number);
    }
    return times;
  } finally {
    await page.close();
  }
}

/**
 * `count` DHgate orders, each with a refund asked for long enough ago that its seller's 5 days
 * end, and escalation opens, within a few milliseconds of `opensAt`.
 */
function escalationsOpeningAt(count: number, now: Date, opensAt: Date) {
  const orders: StoredOrder[] = [];
  const cases: StoredCase[] = [];
  const events: StoredEvent[] = [];
  const seen = new Date(now.getTime() - 6 * DAY).toISOString();
  for (let index = 0; index < count; index += 1) {
    const orderNumber = String(1_043_600_000 + index);
    const id = `dhgate:${orderNumber}`;
    const at = new Date(opensAt.getTime() - 5 * DAY - index).toISOString();
    orders.push({
      id,
      marketplace: 'dhgate',
      orderNumber,
      items: [],
      firstSeenAt: seen,
      lastSeenAt: seen,
    });
    cases.push({
      id: `case-${id}`,
      orderId: id,
      reason: 'damaged',
      openedAt: seen,
      status: 'open',
    });
    events.push({
      id: `refund-${id}`,
      orderId: id,
      caseId: `case-${id}`,
      type: 'refund-requested',
      at,
      recordedAt: at,
      source: 'buyer',
    });
  }
  return { orders, cases, events };
}

console.log(`The buyer's orders in Chromium, with the production build\n`);
console.log(
  `${pad('orders', 7)}${pad('plan all', 13)}${pad(`popup cold (median of ${String(OPENINGS)})`, 30)}${pad('min', 11)}${pad('max', 11)}${pad('page with no script', 22)}`,
);
for (const size of SIZES) {
  const browser = await launch();
  try {
    await databaseReady(browser);
    const data = syntheticOrders(size, new Date());
    await seedDatabase(browser.serviceWorker, { ...data });
    const planned = (await wakeFreshUntil(browser, 'summaries', size)).ms;
    const openings: number[] = [];
    const blanks: number[] = [];
    for (let run = 0; run < OPENINGS; run += 1) {
      openings.push(await coldPopup(browser));
      blanks.push(await blankExtensionPage(browser));
    }
    console.log(
      `${pad(String(size), 7)}${pad(ms(planned), 13)}${pad(ms(median(openings)), 30)}${ms(Math.min(...openings))}${ms(Math.max(...openings))}${pad(ms(median(blanks)), 22)}`,
    );
    if (size === 5_000) {
      const times = await writes(
        browser,
        data.orders.map((order) => order.id),
      );
      console.log(
        `\n  A write at ${String(size)} orders (archive or bring back one order), round trip from a CaseClock page: median ${ms(median(times)).trim()}, max ${ms(Math.max(...times)).trim()} (${String(times.length)} writes)`,
      );
      const reads = await pageReads(browser);
      console.log(
        `  A page read at ${String(size)} orders (a DHgate order page), round trip from its content script: median ${ms(median(reads)).trim()}, max ${ms(Math.max(...reads)).trim()} (${String(reads.length)} reads)\n`,
      );
    }
  } finally {
    await browser.close();
  }
}

const CAUGHT_UP = 5_000;
/** Long enough for the first planning of every order to end before their windows open. */
const PLANNED_AHEAD_MS = 60_000;
const browser = await launch();
try {
  await databaseReady(browser);
  const opensAt = new Date(Date.now() + PLANNED_AHEAD_MS);
  await seedDatabase(browser.serviceWorker, escalationsOpeningAt(CAUGHT_UP, new Date(), opensAt));
  // Planned while the buyer browsed: each order's summary waits for its window to open.
  await wakeFreshUntil(browser, 'summaries', CAUGHT_UP);
  const logged = await storeCount(browser, 'reminderLog');
  // The browser closed before the windows opened; it starts again after.
  await clearAlarms(browser);
  await new Promise((resolve) =>
    setTimeout(resolve, Math.max(0, opensAt.getTime() - Date.now() + 1000)),
  );
  const caughtUp = await wakeFreshUntil(browser, 'reminderLog', logged + CAUGHT_UP, true);
  const plural = caughtUp.notifications === 1 ? '' : 's';
  console.log(
    `\nCatch-up: ${String(CAUGHT_UP)} reminders fell due while the browser was closed; the first wake after, from the alarm: ${ms(caughtUp.shownMs).trim()} to the notification, ${ms(caughtUp.ms).trim()} to all claimed and logged; ${String(caughtUp.notifications)} notification${plural} shown`,
  );
} finally {
  await browser.close();
}
