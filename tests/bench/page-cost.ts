/**
 * `npm run bench` (first part): what CaseClock costs a marketplace page, in real Chromium. The
 * content script's size per site; the page's load event with ÷ without CaseClock on a list page
 * of each marketplace (alternating fresh tabs, median); and readPage's first call on a page the
 * browser has just loaded, its warm calls, and both as multiples of one bare traversal of the
 * same page. It prints numbers; it passes or fails nothing.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext } from 'playwright-core';
import type { FirstReadTiming } from '../browser/benchmark';
import { BROWSER_GLOBAL, browserBundle } from '../e2e/harness/browser-bundle';
import { EXTENSION_DIR, launch, launchWithoutExtension } from '../e2e/harness/chromium';
import { serveFixtures } from '../e2e/harness/marketplace-routes';
import { loadFixtures, type Fixture } from '../fixtures/catalogue';
import { navigationMark } from './navigation';
import { median, ms, pad } from './numbers';

const LOADS = 15;

function contentScriptSizes(): void {
  const dir = join(EXTENSION_DIR, 'content-scripts');
  console.log('Content scripts of the production build (Chromium), gzip -9\n');
  console.log(`${pad('site', 16, true)}${pad('raw', 11)}${pad('gzip', 11)}`);
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.js'))) {
    const bytes = readFileSync(join(dir, file));
    const gzipped = gzipSync(bytes, { level: 9 }).length;
    const kb = (size: number) => `${(size / 1024).toFixed(1)} KB`;
    console.log(
      `${pad(file.replace(/\.js$/, ''), 16, true)}${pad(kb(bytes.length), 11)}${pad(kb(gzipped), 11)}`,
    );
  }
}

/** One list page per marketplace, as the buyer opens it most. */
function listPages(fixtures: readonly Fixture[]): Fixture[] {
  const byMarketplace = new Map<string, Fixture>();
  for (const fixture of fixtures) {
    const list = fixture.expected.status === 'read' && fixture.expected.pageKind === 'order-list';
    if (list && !byMarketplace.has(fixture.marketplace))
      byMarketplace.set(fixture.marketplace, fixture);
  }
  return [...byMarketplace.values()];
}

/** Opens the page in a fresh tab; returns when its load event ended, from navigation start. */
function loadTime(context: BrowserContext, url: string): Promise<number> {
  return navigationMark(context, url, 'loadEventEnd');
}

async function pageLoads(fixtures: readonly Fixture[]): Promise<void> {
  const pages = listPages(fixtures);
  const withIt = await launch();
  const without = await launchWithoutExtension();
  try {
    await serveFixtures(withIt.context, fixtures);
    await serveFixtures(without.context, fixtures);
    console.log(
      `\nA list page's load event, with ÷ without CaseClock: ${String(LOADS)} alternating fresh tabs each, median\n`,
    );
    console.log(
      `${pad('page', 34, true)}${pad('without', 11)}${pad('with', 11)}${pad('ratio', 8)}`,
    );
    for (const page of pages) {
      const times = { with: [] as number[], without: [] as number[] };
      // One unmeasured load each: the first one also compiles the browser's own code.
      await loadTime(withIt.context, page.url);
      await loadTime(without.context, page.url);
      for (let run = 0; run < LOADS; run += 1) {
        times.with.push(await loadTime(withIt.context, page.url));
        times.without.push(await loadTime(without.context, page.url));
      }
      const [a, b] = [median(times.without), median(times.with)];
      console.log(
        `${pad(`${page.marketplace}/${page.name}`, 34, true)}${ms(a)}${ms(b)}${pad(`${(b / a).toFixed(2)}×`, 8)}`,
      );
    }
  } finally {
    await withIt.close();
    await without.close();
  }
}

async function firstReads(fixtures: readonly Fixture[]): Promise<void> {
  const plain = await launchWithoutExtension();
  const bundle = await browserBundle();
  try {
    await serveFixtures(plain.context, fixtures);
    console.log(
      '\nreadPage on a page the browser has just loaded: its first call, then warm calls (median), and each ÷ one bare traversal\n',
    );
    console.log(
      `${pad('page', 40, true)}${pad('nodes', 7)}${pad('first', 11)}${pad('warm', 11)}${pad('first ÷ trav.', 15)}${pad('warm ÷ trav.', 14)}`,
    );
    for (const fixture of fixtures.filter((candidate) => candidate.expected.status === 'read')) {
      const tab = await plain.context.newPage();
      await tab.goto(fixture.url, { waitUntil: 'load' });
      await tab.addScriptTag({ content: bundle });
      const timing = await tab.evaluate(
        (name) =>
          (
            window as unknown as Record<
              string,
              { timeFirstRead: () => FirstReadTiming } | undefined
            >
          )[name]?.timeFirstRead(),
        BROWSER_GLOBAL,
      );
      await tab.close();
      if (!timing) throw new Error('the benchmark did not load in the page');
      console.log(
        `${pad(`${fixture.marketplace}/${fixture.name}`, 40, true)}${pad(String(timing.nodes), 7)}${ms(timing.first)}${ms(timing.warm)}${pad(`${(timing.first / timing.traversal).toFixed(1)}×`, 15)}${pad(`${(timing.warm / timing.traversal).toFixed(1)}×`, 14)}`,
      );
    }
  } finally {
    await plain.close();
  }
}

const fixtures = loadFixtures();
contentScriptSizes();
await pageLoads(fixtures);
await firstReads(fixtures);
