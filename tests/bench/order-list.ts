/**
 * `npm run bench` (second part): the buyer's orders at any number, in real Chromium with the
 * built extension. For 10, 1,000, 5,000 and 10,000 orders: how long the background takes to
 * plan them all the first time it wakes (no summaries yet), then the popup's cold opening, a
 * fresh page each time, from navigation to the first rows. At 5,000 orders: one write's round
 * trip from a CaseClock page (the background re-plans the order written, keeps its summary and
 * the alarm), and the catch-up of 5,000 reminders that fell due while the browser was closed. It
 * prints numbers; it passes or fails nothing.
 */
import type { StoredCase, StoredEvent, StoredOrder } from '../../lib/db/schema';
import { launch, type ExtensionBrowser } from '../e2e/harness/chromium';
import { median, ms, pad } from './numbers';
import { seedDatabase } from './seed-database';
import { syntheticOrders } from './synthetic-orders';

/** The bits of `chrome` the code run inside the extension uses here. */
declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  notifications: { getAll(): Promise<Record<string, unknown>> };
  alarms: { create(name: string, info: { when: number }): Promise<void> };
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
 * Waits until a store holds `count` records and returns how long that took, by the clock of a
 * CaseClock page. That page stays open throughout: Playwright gives the worker the profile's
 * time zone only while a page is open, and a buyer's worker never plans in another zone.
 */
async function wakeFreshUntil(
  browser: ExtensionBrowser,
  store: string,
  count: number,
): Promise<{ ms: number; notifications: number }> {
  const page = await browser.context.newPage();
  try {
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    const stopped = new Promise<void>((resolve) => {
      cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
        if (versions.some((version) => version.runningStatus === 'stopped')) resolve();
      });
    });
    await cdp.send('ServiceWorker.stopAllWorkers');
    await stopped;
    await cdp.detach();
    const took = await page.evaluate(
      ({ store, count, limit }) =>
        new Promise<number>((resolve, reject) => {
          const start = performance.now();
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
            const opening = indexedDB.open('caseclock');
            opening.onerror = () => {
              clearInterval(timer);
              reject(new Error(String(opening.error)));
            };
            opening.onsuccess = () => {
              const counting = opening.result.transaction(store).objectStore(store).count();
              counting.onsuccess = () => {
                opening.result.close();
                if (counting.result < count) return;
                clearInterval(timer);
                resolve(performance.now() - start);
              };
            };
          }, 5);
        }),
      { store, count, limit: WAKE_LIMIT_MS },
    );
    // The notifications go up once the reminders are claimed and logged.
    await page.waitForTimeout(2000);
    const notifications = await page.evaluate(
      async () => Object.keys(await chrome.notifications.getAll()).length,
    );
    return { ms: took, notifications };
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

/** `count` DHgate orders whose seller's 5 days ended days ago: every escalation reminder is due. */
function dueReminders(count: number, now: Date) {
  const orders: StoredOrder[] = [];
  const cases: StoredCase[] = [];
  const events: StoredEvent[] = [];
  const seen = new Date(now.getTime() - 10 * DAY).toISOString();
  for (let index = 0; index < count; index += 1) {
    const orderNumber = String(1_043_600_000 + index);
    const id = `dhgate:${orderNumber}`;
    const at = new Date(now.getTime() - 7 * DAY - index * 1000).toISOString();
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
  `${pad('orders', 7)}${pad('plan all', 13)}${pad(`popup cold (median of ${String(OPENINGS)})`, 30)}${pad('min', 11)}${pad('max', 11)}`,
);
for (const size of SIZES) {
  const browser = await launch();
  try {
    await databaseReady(browser);
    const data = syntheticOrders(size, new Date());
    await seedDatabase(browser.serviceWorker, { ...data });
    const planned = (await wakeFreshUntil(browser, 'summaries', size)).ms;
    const openings: number[] = [];
    for (let run = 0; run < OPENINGS; run += 1) openings.push(await coldPopup(browser));
    console.log(
      `${pad(String(size), 7)}${pad(ms(planned), 13)}${pad(ms(median(openings)), 30)}${ms(Math.min(...openings))}${ms(Math.max(...openings))}`,
    );
    if (size === 5_000) {
      const times = await writes(
        browser,
        data.orders.map((order) => order.id),
      );
      console.log(
        `\n  A write at ${String(size)} orders (archive or bring back one order), round trip from a CaseClock page: median ${ms(median(times)).trim()}, max ${ms(Math.max(...times)).trim()} (${String(times.length)} writes)\n`,
      );
    }
  } finally {
    await browser.close();
  }
}

const CAUGHT_UP = 5_000;
const browser = await launch();
try {
  await databaseReady(browser);
  await seedDatabase(browser.serviceWorker, dueReminders(CAUGHT_UP, new Date()));
  const { ms: caughtUp, notifications: shown } = await wakeFreshUntil(
    browser,
    'reminderLog',
    CAUGHT_UP,
  );
  console.log(
    `\nCatch-up: ${String(CAUGHT_UP)} reminders due at once, the first wake after the browser was closed (planning every order included): ${ms(caughtUp).trim()}, ${String(shown)} notification${shown === 1 ? '' : 's'} shown`,
  );
} finally {
  await browser.close();
}
