import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PropertyReport } from '../browser/properties';
import { fixtureHtml, loadFixtures } from '../fixtures/catalogue';
import { BROWSER_GLOBAL, browserBundle } from './harness/browser-bundle';
import { launchPlain } from './harness/chromium';

/** Copies per fixture, each with one to eight random changes: well over a thousand changes. */
const RUNS_PER_FIXTURE = 300;
/** The same damage on every run; printed, so a failure can be replayed with it. */
const SEED = 20_261_129;

console.log(`fast-check seed ${SEED} (a failure replays with the same seed)`);

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
    it('never throw, and never yield a foreign number or link, a NaN amount or an invalid date', async () => {
      const report = await page.evaluate(
        ({ html, url, runs, seed, name }) =>
          (
            window as unknown as Record<
              string,
              {
                checkDamagedCopies: (h: string, u: string, r: number, s: number) => PropertyReport;
              }
            >
          )[name]?.checkDamagedCopies(html, url, runs, seed),
        {
          html: fixtureHtml(fixture),
          url: fixture.url,
          runs: RUNS_PER_FIXTURE,
          seed: SEED,
          name: BROWSER_GLOBAL,
        },
      );
      expect(report?.failure).toBeUndefined();
      expect(report?.runs).toBe(RUNS_PER_FIXTURE);
      expect(report?.mutations).toBeGreaterThan(1000);
    });
  },
);
