import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { marketplaceMatchPatterns } from '../../lib/marketplaces/registry';
import { loadFixtures } from '../fixtures/catalogue';
import { artifactsDir } from './artifacts';
import { EXTENSION_DIR, launch, type ExtensionBrowser } from './harness/chromium';
import { serveFixtures } from './harness/marketplace-routes';
import { PopupPage } from './harness/popup';

const fixtures = loadFixtures();
const dhgateDetail = fixtures.find((f) => f.name === 'mobile-order-detail-shipped');
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

describe('the built extension', () => {
  it('asks only for the marketplaces it reads, and nothing else', () => {
    const manifest = JSON.parse(
      readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'),
    ) as Manifest;
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.host_permissions).toEqual(marketplaceMatchPatterns());
    expect(JSON.stringify(manifest)).not.toMatch(/<all_urls>|\*:\/\/\*\/\*/);
    expect(manifest.permissions ?? []).toEqual([]);
    expect(manifest.content_scripts.flatMap((script) => script.matches).sort()).toEqual(
      marketplaceMatchPatterns().sort(),
    );
  });
});

describe('an order seen on a DHgate page', () => {
  it('starts with an empty popup that names the supported sites', async () => {
    const popup = await PopupPage.open(browser.context, browser.extensionId);
    await expect(popup.emptyState().textContent()).resolves.toMatch(
      /DHgate, Allchinabuy, and AliExpress/,
    );
    await popup.screenshot(join(screenshots, 'popup-empty.png'));
    await popup.page.close();
  });

  it('shows up in the popup with its number, status and total', async () => {
    if (!dhgateDetail) throw new Error('the DHgate order detail fixture is missing');
    const page = await browser.context.newPage();
    await page.goto(dhgateDetail.url);
    await expect(page.title()).resolves.toBe('Order detail');

    const popup = await PopupPage.open(browser.context, browser.extensionId);
    await popup.order('1043587216').waitFor();
    await expect(popup.orders()).resolves.toEqual([
      { marketplace: 'DHgate', number: 'Order 1043587216', status: 'Shipped', total: '$41.55' },
    ]);
    await popup.screenshot(join(screenshots, 'popup-dhgate-order.png'));
    await page.screenshot({ path: join(screenshots, 'dhgate-order-detail.png') });
  });
});
