import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../../../lib/i18n';
import { loadFixtures } from '../../fixtures/catalogue';
import { artifactsDir } from '../artifacts';
import { checkedPack, sha256 } from '../harness/evidence-pack';
import { ExtensionTab } from './extension-tab';
import { FirefoxExtension } from './firefox';
import { press } from './press';

const ORDER_URL =
  'https://m.dhgate.com/mydhgate/order/orderdetail.html?rfid=ff80808193a1c4e50193b27c4f6d2a11&rft=4';
const ORDER_NUMBER = '1043587216';
const t = translator('en');
const screenshots = artifactsDir('firefox');

/** A photo of the parcel as the buyer's phone would give it: a real PNG. */
const PARCEL_PHOTO_PATH = join(import.meta.dirname, '../../../public/icon/128.png');

let firefox: FirefoxExtension;
let downloads: string;
let orderPage: Page;
let workspace: Page;

beforeAll(async () => {
  firefox = await FirefoxExtension.launch();
  downloads = mkdtempSync(join(tmpdir(), 'caseclock-downloads-'));
  orderPage = await firefox.webPage(loadFixtures());
  await orderPage.goto(ORDER_URL);
});

afterAll(async () => {
  await firefox.close();
  rmSync(downloads, { recursive: true, force: true });
});

describe('a buyer in Firefox', () => {
  it('starts a "not received" case from the toolbar popup and captures the tab', async () => {
    // An extension tab reaches the popup's document; the order page is the one shown.
    const extension = await ExtensionTab.open(firefox);
    await orderPage.bringToFront();
    await firefox.clickToolbarButton();
    await extension.waitInPopup('.this-page', ORDER_NUMBER);
    await extension.selectInPopup('.this-page select', 'not-received');
    await extension.clickInPopup('.this-page button[type=submit]', t('case.startButton'));
    await extension.clickInPopup('.this-page button', t('popup.capture'));
    await extension.waitInPopup('.this-page [role=status]', t('popup.captured'));
    await extension.waitInPopup('.order .case-reason', t('reason.not-received'));
    await extension.page.close();
  });

  it('attaches a photo in the workspace, and records the refund request', async () => {
    workspace = await firefox.extensionPage(
      `/case.html?order=dhgate%3A${ORDER_NUMBER}`,
      '.checklist li.done[data-subject=order-details]',
    );
    await workspace.setViewport({ width: 1280, height: 900 });
    const input = await workspace.waitForSelector('input[type=file]');
    await input?.uploadFile(PARCEL_PHOTO_PATH);
    await workspace.waitForFunction(
      (name) => document.querySelector('.file-statuses')?.textContent.includes(name),
      {},
      t('evidence.saved', { name: basename(PARCEL_PHOTO_PATH) }),
    );
    await workspace.waitForSelector('.evidence-item:nth-of-type(2)');

    await press(workspace, t('record.refund-requested'));
    await press(workspace, t('case.save'), '.time-form');
    await workspace.waitForSelector(`.next-step .step ::-p-text(${t('next.await-seller-answer')})`);
    await workspace.screenshot({ path: join(screenshots, 'workspace.png'), fullPage: true });
  });

  it('downloads an evidence pack whose every file matches its SHA-256 in the manifest', async () => {
    const nextDownload = await firefox.downloadsTo(downloads);
    const saved = nextDownload();
    await press(workspace, t('pack.download'));
    const path = await saved;
    expect(basename(path)).toMatch(new RegExp(`^caseclock-dhgate-${ORDER_NUMBER}-.*\\.zip$`));
    const { manifest } = checkedPack(readFileSync(path));
    expect(manifest.files.find((file) => file.kind === 'screenshot')).toMatchObject({
      url: ORDER_URL,
      shows: ['order-details'],
      matchesRecord: true,
    });
    expect(manifest.files.find((file) => file.kind === 'photo')).toMatchObject({
      sha256: sha256(readFileSync(PARCEL_PHOTO_PATH)),
      matchesRecord: true,
    });
  });
});
