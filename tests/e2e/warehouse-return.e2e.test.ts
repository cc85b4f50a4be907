import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFixtures, type Fixture } from '../fixtures/catalogue';
import { artifactsDir } from './artifacts';
import { launch, type ExtensionBrowser } from './harness/chromium';
import { ExtensionPage } from './harness/extension-page';
import { serveFixtures } from './harness/marketplace-routes';
import { storedOrder } from './harness/stored';

const fixtures = loadFixtures();
const screenshots = artifactsDir('e2e');
const HOUR = 3_600_000;

function fixtureNamed(marketplace: string, name: string): Fixture {
  const found = fixtures.find(
    (fixture) => fixture.marketplace === marketplace && fixture.name === name,
  );
  if (!found) throw new Error(`no fixture ${marketplace}/${name}`);
  return found;
}

/** Superbuy's order list, and the first order on it whose items wait at the warehouse. */
const LIST = fixtureNamed('superbuy', 'order-list');
const IN_WAREHOUSE =
  LIST.expected.status === 'read'
    ? LIST.expected.orders.find((order) => order.status === 'in-warehouse')
    : undefined;
const ORDER_ID = `superbuy:${IN_WAREHOUSE?.orderNumber ?? '(none on the page)'}`;
/** The same order's own page, which prints when each item reached the warehouse. */
const DETAIL = fixtureNamed('superbuy', 'order-detail');
const STOCK_INS =
  DETAIL.expected.status === 'read'
    ? DETAIL.expected.orders[0]?.items.map((item) => item.stockedInAt)
    : [];

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launch();
  await serveFixtures(browser.context, fixtures);
});

afterAll(async () => {
  await browser.close();
});

describe('a Superbuy order at the warehouse', () => {
  it('is read from the order list at its real address, with its items’ QC photos', async () => {
    const tab = await browser.context.newPage();
    await tab.goto(LIST.url);
    await expect
      .poll(async () => (await storedOrder(browser.serviceWorker, ORDER_ID))?.items, {
        timeout: 15_000,
      })
      .toEqual(IN_WAREHOUSE?.items);
    await tab.screenshot({ path: join(screenshots, 'superbuy-order-list.png') });
    await tab.close();
  });

  it('brings a reminder before its 5-day return window closes', async () => {
    const extension = await ExtensionPage.open(browser.context, browser.extensionId);
    const stored = await storedOrder(browser.serviceWorker, ORDER_ID);
    expect(stored?.status).toBe('in-warehouse');
    // The window closes 5 days after the items were first seen at the warehouse, a moment ago;
    // a reminder 5 days ahead of the end is due now.
    expect(
      await extension.send({ type: 'settings-update', settings: { reminderLeadHours: 5 * 24 } }),
    ).toMatchObject({ ok: true });
    const reminder = `${ORDER_ID}|warehouse-return-closes|closes|`;
    await expect
      .poll(
        async () => (await extension.notificationIds()).filter((id) => id.startsWith(reminder)),
        { timeout: 15_000 },
      )
      .toHaveLength(1);
    const [id = ''] = (await extension.notificationIds()).filter((shown) =>
      shown.startsWith(reminder),
    );
    const closesAt = Date.parse(id.slice(reminder.length));
    expect(closesAt - Date.now()).toBeGreaterThan(119 * HOUR);
    expect(closesAt - Date.now()).toBeLessThanOrEqual(120 * HOUR);
    await extension.page.close();
  });

  it('keeps the stock-in time its order page prints for each item, when the list comes again', async () => {
    expect(DETAIL.expected.status === 'read' && DETAIL.expected.orders[0]?.orderNumber).toBe(
      IN_WAREHOUSE?.orderNumber,
    );
    const tab = await browser.context.newPage();
    await tab.goto(DETAIL.url);
    const stockIns = async () =>
      (await storedOrder(browser.serviceWorker, ORDER_ID))?.items.map((item) => item.stockedInAt);
    await expect.poll(stockIns, { timeout: 15_000 }).toEqual(STOCK_INS);
    const seen = (await storedOrder(browser.serviceWorker, ORDER_ID))?.lastSeenAt;
    await tab.goto(LIST.url);
    await expect
      .poll(async () => (await storedOrder(browser.serviceWorker, ORDER_ID))?.lastSeenAt, {
        timeout: 15_000,
      })
      .not.toBe(seen);
    expect(await stockIns()).toEqual(STOCK_INS);
    await tab.close();
  });
});
