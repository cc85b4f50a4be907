/**
 * `npm run bench` (second part): how the buyer's order list copes with thousands of orders.
 * First the pure work done when the data changes or the minute turns (planning every order,
 * ranking, filtering, searching), in Node; then the real popup in Chromium over a database
 * holding that many orders: how soon the list shows, and how soon a search narrows it. It
 * prints numbers; it passes or fails nothing.
 */
import { performance } from 'node:perf_hooks';
import { planEach } from '../../lib/db/plans';
import { DEFAULT_SETTINGS } from '../../lib/timeline/types';
import { launch } from '../e2e/harness/chromium';
import { seedDatabase } from './seed-database';
import { syntheticOrders } from './synthetic-orders';

const SIZES = [1_000, 5_000, 10_000];
/** A light user first, to tell the popup's own start-up from the cost of many orders. */
const POPUP_SIZES = [10, ...SIZES];
const NOW = new Date('2026-11-22T10:00:00.000Z');
const SEARCH = 'store 17';

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function timed(runs: number, work: () => unknown): number {
  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    work();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

const ms = (value: number) => `${value.toFixed(1)} ms`.padStart(11);

console.log(`The order list in Node ${process.version}`);
console.log('(plan all: the first time, then a minute later, median of 7)\n');
console.log(`${'orders'.padStart(7)}${'plan all'.padStart(11)}${'a minute on'.padStart(13)}`);
for (const size of SIZES) {
  // Instants of their own per size, so the first planning starts with nothing worked out.
  const opened = new Date(NOW.getTime() + size);
  const data = { ...syntheticOrders(size, opened), settings: DEFAULT_SETTINGS };
  const clock = { now: opened.toISOString(), timeZone: 'Europe/Paris' };
  const later = { ...clock, now: new Date(opened.getTime() + 60_000).toISOString() };
  const first = timed(1, () => planEach(data, clock));
  const again = timed(7, () => planEach(data, later));
  console.log(`${String(size).padStart(7)}${ms(first)}${ms(again).padStart(13)}`);
}

const RUNS = 5;
console.log(`\nThe popup in Chromium, median of ${String(RUNS)} openings`);
console.log(
  '(list shown: from navigation to the first rows; search: from typing to the narrowed list)\n',
);
console.log(`${'orders'.padStart(7)}${'list shown'.padStart(13)}${'search'.padStart(11)}`);
for (const size of POPUP_SIZES) {
  const browser = await launch();
  try {
    const { orders, cases, events } = syntheticOrders(size, new Date());
    await seedDatabase(browser.serviceWorker, { orders, cases, events });
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 380, height: 600 });
    const shown: number[] = [];
    const searched: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      await page.goto(`chrome-extension://${browser.extensionId}/popup.html`, {
        waitUntil: 'commit',
      });
      await page.waitForFunction(() => document.querySelector('.order') !== null, undefined, {
        polling: 'raf',
        timeout: 60_000,
      });
      shown.push(await page.evaluate(() => performance.now()));
      searched.push(
        await page.evaluate(
          (query) =>
            new Promise<number>((resolve) => {
              const input = document.querySelector<HTMLInputElement>('input[type=search]');
              const count = document.querySelector('.list-heading .count');
              if (!input || !count) throw new Error('no search field or count in the popup');
              const before = count.textContent;
              const start = performance.now();
              new MutationObserver((_, observer) => {
                if (count.textContent === before) return;
                observer.disconnect();
                resolve(performance.now() - start);
              }).observe(count, { childList: true, characterData: true, subtree: true });
              // React listens for the input event; the native setter makes it see a change.
              Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(
                input,
                query,
              );
              input.dispatchEvent(new Event('input', { bubbles: true }));
            }),
          SEARCH,
        ),
      );
    }
    console.log(
      `${String(size).padStart(7)}${ms(median(shown)).padStart(13)}${ms(median(searched))}`,
    );
  } finally {
    await browser.close();
  }
}
