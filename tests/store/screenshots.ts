/**
 * `npm run store:screenshots`: the stores' pictures, 1280×800, in English and in French. The
 * production build runs in Chromium on the bundled demo pages, served at their real marketplace
 * addresses; each buyer opens them all, starts a case from the real toolbar popup, captures the
 * tab, adds a photo and records a refund request in the workspace. Each picture is what the
 * extension then shows; they land in `store/screenshots/`.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { languageOf, translator } from '../../lib/i18n';
import { loadFixtures, type Fixture } from '../fixtures/catalogue';
import { artifactsDir } from '../e2e/artifacts';
import { launch, type ExtensionBrowser } from '../e2e/harness/chromium';
import { ClosedShadow } from '../e2e/harness/closed-shadow';
import { serveFixtures } from '../e2e/harness/marketplace-routes';
import { ToolbarPopup } from '../e2e/harness/toolbar';
import { INTERNAL_WORDS } from '../internal-words';

/** What both stores take: the Chrome Web Store asks for 1280×800, and AMO shows it well. */
const STORE_SIZE = { width: 1280, height: 800 };
const OUTPUT_DIR = fileURLToPath(new URL('../../store/screenshots', import.meta.url));
const PARCEL_PHOTO = readFileSync(
  fileURLToPath(new URL('../../public/icon/128.png', import.meta.url)),
);
/**
 * The stores show pictures small in their galleries: everything is drawn at 125 %, as in a
 * browser zoomed in, so the text stays legible there.
 */
const ZOOM = 1.25;

const fixtures = loadFixtures();
const demoPages = fixtures.filter((fixture) => fixture.expected.status === 'read');

/** Each buyer works an order of a DHgate page in their own language. */
const BUYERS = [
  { locale: 'en-US', page: 'mobile-order-detail-shipped' },
  { locale: 'fr-FR', page: 'desktop-order-detail-fr' },
];

/** Texts a buyer would read in the pictures that hold a word of the project's own. */
const leaks: string[] = [];

function checkWords(picture: string, text: string): void {
  const found = INTERNAL_WORDS.exec(text);
  if (found) leaks.push(`${picture}: "${text.slice(found.index, found.index + 40)}"`);
}

async function zoomIn(page: Page): Promise<void> {
  await page.evaluate((zoom) => {
    document.documentElement.style.zoom = String(zoom);
  }, ZOOM);
}

async function pageShot(page: Page, path: string): Promise<void> {
  checkWords(path, await page.locator('body').innerText());
  await zoomIn(page);
  await page.screenshot({ path });
}

/**
 * The popup as the toolbar button shows it: dropped over the top right of the page it was
 * opened on. Headless Chromium draws no toolbar, so the two real captures are laid together.
 */
async function popupOverPage(
  context: BrowserContext,
  pagePicture: string,
  popupPicture: string,
  path: string,
): Promise<void> {
  const dataUrl = (file: string) =>
    `data:image/png;base64,${readFileSync(file).toString('base64')}`;
  const stage = await context.newPage();
  await stage.setViewportSize(STORE_SIZE);
  await stage.setContent(`<!doctype html>
<style>
  body { margin: 0; width: ${STORE_SIZE.width}px; height: ${STORE_SIZE.height}px; overflow: hidden; }
  .popup { position: absolute; top: 0; right: 24px; border-radius: 8px;
    box-shadow: 0 2px 6px rgb(0 0 0 / .25), 0 12px 32px rgb(0 0 0 / .2); }
</style>
<img src="${dataUrl(pagePicture)}" alt=""><img class="popup" src="${dataUrl(popupPicture)}" alt="">`);
  await stage.evaluate(() => Promise.all([...document.images].map((image) => image.decode())));
  await stage.screenshot({ path });
  await stage.close();
}

async function shoot(browser: ExtensionBrowser, locale: string, order: Fixture): Promise<void> {
  const t = translator(languageOf(locale));
  const picture = (name: string) => join(OUTPUT_DIR, `${name}-${languageOf(locale)}.png`);
  const draft = (name: string) => join(artifactsDir('store'), `${name}-${languageOf(locale)}.png`);
  const [reading] = order.expected.status === 'read' ? order.expected.orders : [];
  if (!reading) throw new Error(`${order.marketplace}/${order.name} shows no order`);
  const { orderNumber } = reading;

  const page = await browser.context.newPage();
  for (const fixture of demoPages) await page.goto(fixture.url);
  await page.goto(order.url);
  const panel = await ClosedShadow.of(page, 'caseclock-panel');
  await panel.waitFor('section');

  const popup = await ToolbarPopup.open(browser, page);
  await popup.waitFor('.this-page', orderNumber);
  await popup.select('.this-page select', 'not-received');
  await popup.click('.this-page button[type=submit]', t('case.startButton'));
  await popup.click('.this-page button', t('popup.capture'));
  await popup.waitFor('.this-page [role=status]', t('popup.captured'));
  await popup.close();

  const workspace = await browser.context.newPage();
  await workspace.goto(
    `chrome-extension://${browser.extensionId}/case.html?order=${order.marketplace}%3A${orderNumber}`,
  );
  await workspace.locator('input[type=file]').setInputFiles({
    name: 'parcel.png',
    mimeType: 'image/png',
    buffer: PARCEL_PHOTO,
  });
  await workspace.locator('.evidence-item').nth(1).waitFor();
  await workspace.getByRole('button', { name: t('record.refund-requested') }).click();
  await workspace
    .locator('.time-form')
    .getByRole('button', { name: t('case.save') })
    .click();
  await workspace.locator('.next-step .step', { hasText: t('next.await-seller-answer') }).waitFor();
  await pageShot(workspace, picture('workspace'));

  // Back on the order page, the panel now counts down the seller's time to answer.
  await page.bringToFront();
  await page.reload();
  await panel.waitFor('.stage .value', t('stage.awaiting-seller'));
  checkWords(picture('panel'), (await panel.find('section')).map(({ text }) => text).join(' '));
  await pageShot(page, picture('panel'));

  const popupAgain = await ToolbarPopup.open(browser, page);
  await popupAgain.waitFor('.this-page', orderNumber);
  checkWords(picture('popup'), await popupAgain.text('body'));
  await popupAgain.evaluate(`document.documentElement.style.zoom = '${ZOOM}'`);
  // Chromium fits the popup's window to its zoomed content.
  await new Promise((resolve) => setTimeout(resolve, 500));
  await popupAgain.screenshot(draft('popup'));
  await popupAgain.close();
  await popupOverPage(browser.context, picture('panel'), draft('popup'), picture('popup'));

  const settings = await browser.context.newPage();
  await settings.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await settings.locator('main').waitFor();
  await pageShot(settings, picture('settings'));
}

mkdirSync(OUTPUT_DIR, { recursive: true });
for (const buyer of BUYERS) {
  const order = fixtures.find(
    (fixture) => fixture.marketplace === 'dhgate' && fixture.name === buyer.page,
  );
  if (!order) throw new Error(`no fixture dhgate/${buyer.page}`);
  const browser = await launch({ locale: buyer.locale, viewport: STORE_SIZE });
  try {
    await serveFixtures(browser.context, fixtures);
    await shoot(browser, buyer.locale, order);
  } finally {
    await browser.close();
  }
}
console.log(`Store screenshots (popup, workspace, panel, settings; en, fr): ${OUTPUT_DIR}`);
if (leaks.length > 0) {
  console.error(`\nThese pictures show words a buyer must never read:\n  ${leaks.join('\n  ')}`);
  process.exitCode = 1;
}
