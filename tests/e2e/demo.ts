/**
 * `npm run demo`: CaseClock in Chromium on the bundled demo order pages, served at their real
 * marketplace URLs, with nothing reaching the network. With a display it opens a window to click
 * around in; with --headless (or without a display) it visits the pages, prints what the extension
 * tracked and writes screenshots.
 */
import { join } from 'node:path';
import { loadFixtures, type Fixture } from '../fixtures/catalogue';
import { artifactsDir } from './artifacts';
import { launch } from './harness/chromium';
import { ClosedShadow } from './harness/closed-shadow';
import { serveFixtures } from './harness/marketplace-routes';
import { PopupPage } from './harness/popup';

const fixtures = loadFixtures();
const demoPages = fixtures.filter((fixture) => fixture.expected.status === 'read');
const expectedOrders = new Set(
  demoPages.flatMap((fixture) =>
    fixture.expected.status === 'read'
      ? fixture.expected.orders.map((order) => `${fixture.marketplace}:${order.orderNumber}`)
      : [],
  ),
);

/** A page about one order (not a list) gets CaseClock's panel at its top. */
function showsPanel(fixture: Fixture): boolean {
  return (
    fixture.expected.status === 'read' &&
    fixture.expected.orders.length === 1 &&
    fixture.expected.pageKind !== 'order-list'
  );
}

const hasDisplay =
  process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const headless = process.argv.includes('--headless') || !hasDisplay;

async function runHeadless(): Promise<void> {
  const dir = artifactsDir('demo');
  const browser = await launch({ headless: true });
  try {
    await serveFixtures(browser.context, fixtures);
    const page = await browser.context.newPage();
    const panel = await ClosedShadow.of(page, 'caseclock-panel');
    for (const fixture of demoPages) {
      await page.goto(fixture.url);
      // The screenshot shows what CaseClock adds to the page.
      if (showsPanel(fixture)) await panel.waitFor('section');
      await page.screenshot({ path: join(dir, `page-${fixture.marketplace}-${fixture.name}.png`) });
      console.log(`visited   ${fixture.url}`);
    }
    const popup = await PopupPage.open(browser.context, browser.extensionId);
    await popup.page
      .waitForFunction(
        (count) => document.querySelectorAll('.order').length >= count,
        expectedOrders.size,
        {
          timeout: 10_000,
        },
      )
      .catch(() => undefined);
    const rows = await popup.orders();
    await popup.screenshot(join(dir, 'popup.png'));
    console.log(`\nCaseClock tracked ${rows.length} of ${expectedOrders.size} demo orders:`);
    for (const row of rows) {
      console.log(
        `  ${row.marketplace.padEnd(12)} ${row.number.padEnd(26)} ${row.stage.padEnd(24)} ${row.total}`,
      );
    }
    console.log(`\nScreenshots of the pages and the popup: ${dir}`);
    if (rows.length < expectedOrders.size) process.exitCode = 1;
  } finally {
    await browser.close();
  }
}

async function runInWindow(): Promise<void> {
  const browser = await launch({ headless: false, viewport: null });
  await serveFixtures(browser.context, fixtures);
  for (const fixture of demoPages) {
    const page = await browser.context.newPage();
    await page.goto(fixture.url);
  }
  await PopupPage.open(browser.context, browser.extensionId);
  console.log(
    'Chromium is open with CaseClock loaded on the demo order pages; the last tab is the popup.\n' +
      'Click around, then close the window to end the demo.',
  );
  await new Promise<void>((resolve) =>
    browser.context.on('close', () => {
      resolve();
    }),
  );
  await browser.close();
}

await (headless ? runHeadless() : runInWindow());
