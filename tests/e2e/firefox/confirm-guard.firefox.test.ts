import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFixtures } from '../../fixtures/catalogue';
import { artifactsDir } from '../artifacts';
import { clicksSeenBySite, CONFIRM_RECEIPT_PAGES, listenAsTheSite } from '../harness/site-clicks';
import { FirefoxClosedShadow } from './closed-shadow';
import { FirefoxExtension } from './firefox';

const NOT_INSPECTED = 'You have not marked the items as inspected.';
const screenshots = artifactsDir('firefox');

let firefox: FirefoxExtension;

beforeAll(async () => {
  firefox = await FirefoxExtension.launch();
});

afterAll(async () => {
  await firefox.close();
});

/**
 * An order page, with the site's own handler on its confirm button: it records each click that
 * reaches it, and whether the browser marked it as the buyer's own (`isTrusted`).
 */
async function orderPage(url: string, buttonText: string): Promise<Page> {
  const page = await firefox.webPage(loadFixtures());
  await page.goto(url);
  const label = await page.waitForSelector(`::-p-text(${buttonText})`);
  await label?.evaluate(listenAsTheSite);
  return page;
}

const siteClicks = (page: Page) => page.evaluate(clicksSeenBySite);

describe.each(CONFIRM_RECEIPT_PAGES)(
  'confirming receipt on %s in Firefox',
  (_name, url, buttonText, id) => {
    it('first shows what would be lost, then "Confirm anyway" lets the click through', async () => {
      const page = await orderPage(url, buttonText);
      // A real click (BiDi pointer input), trusted like the buyer's.
      await page.click(`::-p-text(${buttonText})`);
      const dialog = new FirefoxClosedShadow(firefox, page, 'caseclock-guard');
      const shown = await dialog.waitFor('[role="alertdialog"]');
      expect(shown.text).toContain(NOT_INSPECTED);
      expect(await siteClicks(page)).toEqual([]);
      await page.screenshot({ path: join(screenshots, `guard-${id}.png`) });

      // The dialog put the focus on "Keep my protection"; "Confirm anyway" is just before it.
      await page.keyboard.down('Shift');
      await page.keyboard.press('Tab');
      await page.keyboard.up('Shift');
      await page.keyboard.press('Enter');
      // CaseClock sends the held click on: the site gets it once.
      await expect.poll(() => siteClicks(page)).toEqual([false]);
      expect(await dialog.drawn()).toBe(false);
      await page.close();
    });
  },
);
