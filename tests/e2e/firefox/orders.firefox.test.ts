import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADAPTERS, marketplaceMatchPatterns } from '../../../lib/marketplaces';
import { loadFixtures } from '../../fixtures/catalogue';
import { artifactsDir } from '../artifacts';
import { API_PERMISSIONS } from '../harness/permissions';
import { FirefoxClosedShadow } from './closed-shadow';
import { ExtensionTab } from './extension-tab';
import { FIREFOX_EXTENSION_DIR, FirefoxExtension } from './firefox';

const fixtures = loadFixtures();
const screenshots = artifactsDir('firefox');
const ORDER_URL =
  'https://m.dhgate.com/mydhgate/order/orderdetail.html?rfid=ff80808193a1c4e50193b27c4f6d2a11&rft=4';

interface FirefoxManifest {
  manifest_version: number;
  permissions: string[];
  background: { scripts?: string[]; service_worker?: string };
  browser_action?: { default_popup: string };
  browser_specific_settings: { gecko: { id: string } };
}

let firefox: FirefoxExtension;

beforeAll(async () => {
  firefox = await FirefoxExtension.launch();
});

afterAll(async () => {
  await firefox.close();
});

describe('the Firefox build', () => {
  it('is a Manifest V2 add-on with a background page, asking for what Chrome’s asks', () => {
    const manifest = JSON.parse(
      readFileSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8'),
    ) as FirefoxManifest;
    expect(manifest.manifest_version).toBe(2);
    expect(manifest.background).toEqual({ scripts: ['background.js'] });
    expect(manifest.browser_action?.default_popup).toBe('popup.html');
    expect(manifest.browser_specific_settings.gecko.id).toBe(firefox.geckoId);
    // Manifest V2 lists the marketplaces among the permissions; never <all_urls>, never tabs.
    expect(manifest.permissions).toEqual([...API_PERMISSIONS, ...marketplaceMatchPatterns()]);
  });

  it('keeps the buyer’s data when the disk runs short, as its settings page says', async () => {
    const page = await firefox.extensionPage('/options.html', '.storage-space');
    await page.waitForFunction(
      () => document.querySelector('.storage-space')?.textContent.includes('keeps this data'),
      { timeout: 15_000 },
    );
    // Firefox grants an add-on with unlimitedStorage persistent storage without asking the buyer.
    expect(await page.evaluate(() => navigator.storage.persisted())).toBe(true);
    await page.close();
  });
});

describe('orders seen on every marketplace’s pages in Firefox', () => {
  it('show up in the popup with their marketplace and number', async () => {
    const pages = fixtures.filter(
      (fixture) =>
        fixture.expected.status === 'read' &&
        ['order-list', 'order-detail'].includes(fixture.expected.pageKind),
    );
    const popup = await ExtensionTab.open(firefox);
    const tab = await firefox.webPage(fixtures);
    for (const page of pages) {
      const visited = new Date().toISOString();
      await tab.goto(page.url);
      // CaseClock reads a page once it has loaded and is idle: the buyer stays that long. Each
      // order the page shows is then seen since the visit began.
      const numbers = page.expected.status === 'read' ? page.expected.orders : [];
      await expect
        .poll(async () => {
          const seen = await Promise.all(
            numbers.map(({ orderNumber }) =>
              popup.storedOrder(`${page.marketplace}:${orderNumber}`),
            ),
          );
          return seen.every((order) => order !== undefined && order.lastSeenAt >= visited);
        })
        .toBe(true);
    }
    await tab.close();

    await popup.page.setViewport({ width: 380, height: 600 });
    const expected = ADAPTERS.flatMap((adapter) => {
      const numbers = pages.flatMap((page) =>
        page.marketplace === adapter.id && page.expected.status === 'read'
          ? page.expected.orders.map((order) => order.orderNumber)
          : [],
      );
      return [...new Set(numbers)].map((number) => `${adapter.name} ${number}`);
    });
    expect(new Set(expected.map((row) => row.split(' ')[0])).size).toBe(ADAPTERS.length);
    // The rows as the buyer reads them, marketplace then order number: waits until all are there.
    await popup.page.waitForFunction(
      (wanted: string[]) => {
        const rows = [...document.querySelectorAll('.order')].map((row) => {
          const text = (selector: string) => row.querySelector(selector)?.textContent.trim() ?? '';
          return `${text('.marketplace')} ${text('.order-number').split(' ').at(-1) ?? ''}`;
        });
        return wanted.every((row) => rows.includes(row));
      },
      { timeout: 15_000 },
      expected,
    );
    const list = await popup.page.$('.popup');
    await list?.screenshot({ path: join(screenshots, 'popup-orders.png') });
    await popup.page.close();
  });
});

describe('"Open the case" on an order page in Firefox', () => {
  it('opens one workspace, and brings that one back the second time', async () => {
    const page = await firefox.webPage(fixtures);
    await page.goto(ORDER_URL);
    const panel = new FirefoxClosedShadow(firefox, page, 'caseclock-panel');
    const extension = await ExtensionTab.open(firefox);
    const workspaceUrl = firefox.url('/case.html?order=dhgate%3A1043587216');
    const workspaces = async () =>
      (await extension.ownTabs()).filter((tab) => tab.url === workspaceUrl);

    await page.bringToFront();
    await panel.click('button', 'Open the case');
    await expect.poll(workspaces).toEqual([{ url: workspaceUrl, active: true }]);
    await page.bringToFront();
    await expect.poll(workspaces).toEqual([{ url: workspaceUrl, active: false }]);
    // Without the tabs permission Firefox still shows CaseClock the addresses of its own pages.
    await panel.click('button', 'Open the case');
    await expect.poll(workspaces).toEqual([{ url: workspaceUrl, active: true }]);
  });
});
