import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../lib/i18n/en';
import { ADAPTERS, marketplaceMatchPatterns, type OrderStatus } from '../../lib/marketplaces';
import { formatMoney } from '../../lib/money';
import type { Stage } from '../../lib/timeline/types';
import { loadFixtures, ordersOf, type Fixture } from '../fixtures/catalogue';
import { artifactsDir } from './artifacts';
import { EXTENSION_DIR, launch, type ExtensionBrowser } from './harness/chromium';
import { serveFixtures } from './harness/marketplace-routes';
import { API_PERMISSIONS } from './harness/permissions';
import { PopupPage } from './harness/popup';
import { storedOrder } from './harness/stored';

const fixtures = loadFixtures();
const screenshots = artifactsDir('e2e');

interface Manifest {
  manifest_version: number;
  host_permissions?: string[];
  permissions?: string[];
  content_scripts: { matches: string[] }[];
}

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launch();
  await serveFixtures(browser.context, fixtures);
});

afterAll(async () => {
  await browser.close();
});

/** Where an order without a dispute stands, by the status its page shows. */
const STAGE_OF_STATUS: Partial<Record<OrderStatus, Stage>> = {
  'awaiting-shipment': 'awaiting-shipment',
  shipped: 'in-transit',
  completed: 'receipt-confirmed',
  cancelled: 'closed',
  refunded: 'closed',
};

/** Whether CaseClock has read the page since `since`: every order it shows seen since then. */
async function seenSince(page: Fixture, since: string): Promise<boolean> {
  for (const number of ordersOf([page]).keys()) {
    const order = await storedOrder(browser.serviceWorker, `${page.marketplace}:${number}`);
    if (!order || order.lastSeenAt < since) return false;
  }
  return true;
}

describe('the built extension', () => {
  it('asks only for the marketplaces it reads, and nothing else', () => {
    const manifest = JSON.parse(
      readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'),
    ) as Manifest;
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.host_permissions).toEqual(marketplaceMatchPatterns());
    expect(JSON.stringify(manifest)).not.toMatch(/<all_urls>|\*:\/\/\*\/\*/);
    expect(manifest.permissions).toEqual(API_PERMISSIONS);
    // Every permission asked for is used somewhere in the code.
    const sources = execFileSync(
      'git',
      ['grep', '--untracked', '-h', '-E', 'api\\.|browser\\.', '--', 'lib', 'entrypoints'],
      {
        encoding: 'utf8',
      },
    );
    // activeTab is used by capturing the tab the buyer clicked CaseClock's button on;
    // unlimitedStorage by asking the browser to keep the data.
    const uses: Record<string, RegExp> = {
      activeTab: /\.captureVisibleTab\(/,
      unlimitedStorage: /permissions\.contains\(\{ permissions: \[.unlimitedStorage.\] \}\)/,
    };
    const use = (permission: string) => uses[permission] ?? new RegExp(`\\.${permission}\\.`);
    for (const permission of manifest.permissions ?? []) {
      expect(sources, permission).toMatch(use(permission));
    }
    expect(manifest.content_scripts.flatMap((script) => script.matches).sort()).toEqual(
      marketplaceMatchPatterns().sort(),
    );
  });

  it('starts with an empty popup that names the supported sites', async () => {
    const popup = await PopupPage.open(browser.context, browser.extensionId);
    const text = await popup.emptyState().textContent();
    for (const adapter of ADAPTERS) expect(text).toContain(adapter.name);
    expect(text).toMatch(/, and AliExpress/);
    await popup.screenshot(join(screenshots, 'popup-empty.png'));
    await popup.page.close();
  });

  it('is kept by the browser when the disk runs short, as the settings page says', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const space = page.locator('.storage-space');
    await expect
      .poll(() => space.textContent())
      .toContain('Your browser keeps this data until you remove CaseClock.');
    expect(await space.textContent()).toMatch(/All of CaseClock’s data: [\d.,]+ (byte|kB|MB)/);
    await page.setViewportSize({ width: 900, height: 900 });
    await space.screenshot({ path: join(screenshots, 'settings-storage.png') });
    // From the first card to the space, with backup and restore, as the README shows it.
    await page.setViewportSize({ width: 900, height: 1250 });
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: join(screenshots, 'settings.png') });
    await page.close();
  });
});

describe.each(ADAPTERS.map((adapter) => [adapter.name, adapter.id]))(
  'orders seen on %s order lists and order pages',
  (name, id) => {
    const pages = fixtures.filter(
      (fixture) =>
        fixture.marketplace === id &&
        fixture.expected.status === 'read' &&
        ['order-list', 'order-detail'].includes(fixture.expected.pageKind),
    );

    it('show up in the popup with their numbers, stages and amounts', async () => {
      const tab = await browser.context.newPage();
      for (const page of pages) {
        const visited = new Date().toISOString();
        await tab.goto(page.url);
        // CaseClock reads a page once it has loaded and is idle: the buyer stays that long.
        await expect.poll(() => seenSince(page, visited)).toBe(true);
      }
      await tab.close();

      const popup = await PopupPage.open(browser.context, browser.extensionId);
      const rows = await popup.waitForOrders([...ordersOf(pages).keys()]);
      for (const [number, order] of ordersOf(pages)) {
        const row = rows.find((candidate) => candidate.number.endsWith(` ${number}`));
        expect(row, number).toMatchObject({
          marketplace: name,
          total: order.total ? formatMoney(order.total, 'en-US') : '',
        });
        const stage = order.status && !order.dispute ? STAGE_OF_STATUS[order.status] : undefined;
        if (stage) expect(row?.stage, number).toBe(en[`stage.${stage}`]);
      }
      await popup.screenshot(join(screenshots, `popup-${id}.png`));
      await popup.page.close();
    });
  },
);
