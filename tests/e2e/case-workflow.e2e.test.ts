import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8 } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { languageOf, translator } from '../../lib/i18n';
import { loadFixtures } from '../fixtures/catalogue';
import { artifactsDir } from './artifacts';
import { launch, type ExtensionBrowser } from './harness/chromium';
import { ClosedShadow } from './harness/closed-shadow';
import { checkedPack, sha256 } from './harness/evidence-pack';
import { serveFixtures } from './harness/marketplace-routes';
import { ToolbarPopup } from './harness/toolbar';

const ORDER_URL =
  'https://m.dhgate.com/mydhgate/order/orderdetail.html?rfid=ff80808193a1c4e50193b27c4f6d2a11&rft=4';
const ORDER_NUMBER = '1043587216';
const screenshots = artifactsDir('workflow');

/** A photo of the parcel as the buyer's phone would give it: a real PNG. */
const PARCEL_PHOTO = readFileSync(join(import.meta.dirname, '../../public/icon/128.png'));

describe.each([['en-US'], ['fr-FR']])('a buyer in %s', (locale) => {
  const t = translator(languageOf(locale));
  const shot = (name: string) => join(screenshots, `${name}-${locale}.png`);
  let browser: ExtensionBrowser;
  let orderPage: Page;
  let workspace: Page;

  beforeAll(async () => {
    browser = await launch({ locale });
    await serveFixtures(browser.context, loadFixtures());
    orderPage = await browser.context.newPage();
  });

  afterAll(async () => {
    await browser.close();
  });

  it('sees where the order stands in a panel on the order page', async () => {
    await orderPage.goto(ORDER_URL);
    const panel = await ClosedShadow.of(orderPage, 'caseclock-panel');
    const section = await panel.waitFor('section');
    expect(section.attributes['aria-label']).toBe(t('panel.label'));
    const [stage] = await panel.find('.stage .value');
    expect(stage?.text).toBe(t('stage.in-transit'));
    const [step] = await panel.find('.step .value');
    expect(step?.text).toBe(t('next.await-parcel'));
    // In the page's flow, above its content: it covers none of the page's controls.
    const { y, height } = await panel.box('section');
    const panelBottom = y + height;
    const firstControlTop = await orderPage.evaluate(() =>
      Math.min(
        ...[...document.querySelectorAll('a, button, input')].map(
          (control) => control.getBoundingClientRect().top,
        ),
      ),
    );
    expect(panelBottom).toBeLessThanOrEqual(firstControlTop);
    await orderPage.screenshot({
      path: shot('panel'),
      clip: { x: 0, y: 0, width: 1280, height: 260 },
    });
  });

  it('starts a "not received" case from the popup and captures the tab', async () => {
    const popup = await ToolbarPopup.open(browser, orderPage);
    await popup.waitFor('.this-page', ORDER_NUMBER);
    await popup.select('.this-page select', 'not-received');
    await popup.click('.this-page button[type=submit]', t('case.startButton'));
    await popup.click('.this-page button', t('popup.capture'));
    await popup.waitFor('.this-page [role=status]', t('popup.captured'));
    await popup.waitFor('.order .case-reason', t('reason.not-received'));
    await popup.screenshot(shot('popup'));
    await popup.close();
  });

  it('attaches a photo in the workspace, where the checklist ticks itself', async () => {
    workspace = await browser.context.newPage();
    await workspace.goto(
      `chrome-extension://${browser.extensionId}/case.html?order=dhgate%3A${ORDER_NUMBER}`,
    );
    const done = workspace.locator('.checklist li.done');
    // The screenshot of the order page shows the order details.
    await expect(done.getAttribute('data-subject')).resolves.toBe('order-details');
    await workspace.locator('input[type=file]').setInputFiles({
      name: 'parcel.png',
      mimeType: 'image/png',
      buffer: PARCEL_PHOTO,
    });
    await workspace.locator('.evidence-item').nth(1).waitFor();
    await expect(workspace.locator('.file-statuses').textContent()).resolves.toContain(
      t('evidence.saved', { name: 'parcel.png' }),
    );
    await expect(workspace.locator('.next-step .step').textContent()).resolves.toBe(
      t('next.request-refund', { marketplace: 'DHgate' }),
    );
    const draft = await workspace.locator('textarea.draft').inputValue();
    expect(draft).toContain(ORDER_NUMBER);
    expect(draft).toContain('parcel.png');
  });

  it('records the refund request, and the seller’s five days start counting', async () => {
    await workspace.getByRole('button', { name: t('record.refund-requested') }).click();
    // The time is now unless the buyer says otherwise.
    await workspace
      .locator('.time-form')
      .getByRole('button', { name: t('case.save') })
      .click();
    await workspace
      .locator('.next-step .step', { hasText: t('next.await-seller-answer') })
      .waitFor();
    const sellerDeadline = workspace.locator('.timeline [data-kind=seller-response-due]');
    const dueAt = await sellerDeadline.locator('time').getAttribute('datetime');
    const askedAt = await workspace
      .locator('.timeline .entry.source-buyer time')
      .getAttribute('datetime');
    expect(Date.parse(dueAt ?? '') - Date.parse(askedAt ?? '')).toBe(5 * 86_400_000);
    await expect(sellerDeadline.locator('.countdown').textContent()).resolves.toMatch(/\b5\b/);
    await workspace.screenshot({ path: shot('workspace'), fullPage: true });
  });

  it('exports an evidence pack whose every file matches its SHA-256 in the manifest', async () => {
    const download = workspace.waitForEvent('download');
    await workspace.getByRole('button', { name: t('pack.download') }).click();
    const saved = await download;
    expect(saved.suggestedFilename()).toMatch(
      new RegExp(`^caseclock-dhgate-${ORDER_NUMBER}-.*\\.zip$`),
    );
    const { manifest, files } = checkedPack(readFileSync(await saved.path()));
    const screenshot = manifest.files.find((file) => file.kind === 'screenshot');
    expect(screenshot).toMatchObject({
      url: ORDER_URL,
      shows: ['order-details'],
      matchesRecord: true,
    });
    const photo = manifest.files.find((file) => file.kind === 'photo');
    expect(photo).toMatchObject({ sha256: sha256(PARCEL_PHOTO), matchesRecord: true });
    expect(manifest.files.map((file) => file.path)).toEqual(
      expect.arrayContaining(['timeline.json', 'message-en.txt', 'message-fr.txt', 'index.html']),
    );
    const summary = strFromU8(files['index.html'] ?? new Uint8Array());
    expect(summary).toContain(ORDER_NUMBER);
    expect(summary).not.toMatch(/<script/i);
  });
});
