import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadFixtures } from '../fixtures/catalogue';
import { artifactsDir } from './artifacts';
import { launch, type ExtensionBrowser } from './harness/chromium';
import { ExtensionPage } from './harness/extension-page';
import { serveFixtures } from './harness/marketplace-routes';

const ORDER_URL =
  'https://m.dhgate.com/mydhgate/order/orderdetail.html?rfid=ff80808193a1c4e50193b27c4f6d2a11&rft=4';
const screenshots = artifactsDir('e2e');

let browser: ExtensionBrowser;

beforeEach(async () => {
  browser = await launch();
  await serveFixtures(browser.context, loadFixtures());
});

afterEach(async () => {
  await browser.close();
});

/** An order page, with the site's own handler on its confirm button counting what reaches it. */
async function orderPage(url: string, buttonText: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url);
  await page
    .getByText(buttonText, { exact: true })
    .first()
    .evaluate((label) => {
      const record = window as unknown as { confirmations: number };
      record.confirmations = 0;
      // The site listens on the button itself (or above it), not on the text inside it.
      const button = label.closest('a, button') ?? label;
      button.addEventListener('click', () => {
        record.confirmations += 1;
      });
    });
  return page;
}

const confirmations = (page: Page) =>
  page.evaluate(() => (window as unknown as { confirmations: number }).confirmations);

describe.each([
  ['DHgate', ORDER_URL, 'Order Has Been Received', 'dhgate'],
  ['AliExpress', 'https://www.aliexpress.com/p/order/index.html', 'Confirm received', 'aliexpress'],
  [
    'Allchinabuy',
    'https://www.allchinabuy.com/en/page/account/myparcel/',
    'Confirm Receipt',
    'allchinabuy',
  ],
])('confirming receipt on %s', (_name, url, buttonText, id) => {
  it('first shows what would be lost, then "Confirm anyway" lets the click through', async () => {
    const page = await orderPage(url, buttonText);
    const button = page.getByText(buttonText, { exact: true }).first();
    const dialog = page.locator('caseclock-guard [role="alertdialog"]');
    // The guard holds once the background has answered about this order: until then a click
    // goes through, so what matters is that the click which raised the dialog did not.
    let beforeHeldClick = -1;
    await expect
      .poll(
        async () => {
          const before = await confirmations(page);
          await button.click();
          const held = await dialog.isVisible();
          if (held) beforeHeldClick = before;
          return held;
        },
        { timeout: 10_000 },
      )
      .toBe(true);
    expect(await confirmations(page)).toBe(beforeHeldClick);
    await expect(dialog.textContent()).resolves.toContain(
      'You have not marked the items as inspected.',
    );
    await page.screenshot({ path: join(screenshots, `guard-${id}.png`) });

    await page.locator('caseclock-guard button.confirm').click();
    expect(await confirmations(page)).toBe(beforeHeldClick + 1);
    await expect(dialog.count()).resolves.toBe(0);
  });
});

describe('"Order Has Been Received" on DHgate', () => {
  it('says that confirming ends every dispute there', async () => {
    const page = await orderPage(ORDER_URL, 'Order Has Been Received');
    const dialog = page.locator('caseclock-guard [role="alertdialog"]');
    await expect
      .poll(
        async () => {
          await page.getByText('Order Has Been Received').click();
          return dialog.isVisible();
        },
        { timeout: 10_000 },
      )
      .toBe(true);
    await expect(dialog.textContent()).resolves.toContain('no dispute can be opened');
  });

  it('leaves the click untouched once the buyer has inspected the items and no case is open', async () => {
    const page = await orderPage(ORDER_URL, 'Order Has Been Received');
    const extension = await ExtensionPage.open(browser.context, browser.extensionId);
    await expect
      .poll(
        async () =>
          (
            await extension.send({
              type: 'event-record',
              orderId: 'dhgate:1043587216',
              event: 'items-inspected',
              at: new Date().toISOString(),
            })
          ).ok,
      )
      .toBe(true);
    await page.bringToFront();
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await expect
      .poll(
        async () => {
          await page.getByText('Order Has Been Received').click();
          return confirmations(page);
        },
        { timeout: 10_000 },
      )
      .toBeGreaterThan(0);
    await expect(page.locator('caseclock-guard').count()).resolves.toBe(0);
  });
});
