import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  checkDamagedCopies as CheckDamagedCopies,
  PropertyReport,
} from '../browser/properties';
import { propertyReplay } from '../property';
import { fixtureHtml, loadFixtures } from '../fixtures/catalogue';
import { BROWSER_GLOBAL, browserBundle } from './harness/browser-bundle';
import { launchPlain } from './harness/chromium';

/** Copies per fixture, each with one to eight random changes: well over a thousand changes. */
const RUNS_PER_FIXTURE = 300;
/** The same damage on every run; printed, so a failure replays (PROPERTY_START, PROPERTY_PATH). */
const replay = propertyReplay(20_261_129);

console.log(
  `damaged copies: fast-check seed ${String(replay.seed)}, ${String(RUNS_PER_FIXTURE)} runs per page`,
);

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchPlain();
  page = await browser.newPage();
  await page.setContent('<!doctype html><title>readPage properties</title>');
  await page.addScriptTag({ content: await browserBundle() });
});

afterAll(async () => {
  await browser.close();
});

describe.each(loadFixtures().map((fixture) => [`${fixture.marketplace}/${fixture.name}`, fixture]))(
  'randomly damaged copies of %s, read in Chromium',
  (_name, fixture) => {
    it('never throw, never yield a foreign number or link, a NaN amount or an invalid date, and still read the order number when its line is whole', async () => {
      // The page's first order number, from its hand-written expectation.
      const [first] = fixture.expected.status === 'read' ? fixture.expected.orders : [];
      const report = await page.evaluate(
        ({ html, url, orderNumber, runs, replay, name }) =>
          (
            window as unknown as Record<
              string,
              {
                checkDamagedCopies: (
                  ...args: Parameters<typeof CheckDamagedCopies>
                ) => PropertyReport;
              }
            >
          )[name]?.checkDamagedCopies(html, url, orderNumber, runs, replay),
        {
          html: fixtureHtml(fixture),
          url: fixture.url,
          orderNumber: first?.orderNumber,
          runs: RUNS_PER_FIXTURE,
          replay,
          name: BROWSER_GLOBAL,
        },
      );
      console.log(
        `${fixture.marketplace}/${fixture.name}: order ${String(first?.orderNumber)} checked in ${String(report?.untouched)} of ${String(report?.runs)} copies`,
      );
      expect(report?.failure).toBeUndefined();
      // A replay runs the one case its path names; a whole run also counts its work.
      if (replay.path !== undefined) return;
      expect(report?.runs).toBe(RUNS_PER_FIXTURE);
      expect(report?.mutations).toBeGreaterThan(1000);
      // Every page that shows its order number had it checked in some copies.
      expect(report?.untouched ?? 0).toBeGreaterThan(report?.numberShown ? 0 : -1);
    });
  },
);
