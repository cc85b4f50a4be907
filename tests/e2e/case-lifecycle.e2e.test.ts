import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { translator } from '../../lib/i18n';
import { loadFixtures } from '../fixtures/catalogue';
import { artifactsDir } from './artifacts';
import { launch, type ExtensionBrowser } from './harness/chromium';
import { serveFixtures } from './harness/marketplace-routes';
import { storedOrder } from './harness/stored';

const ORDER_URL =
  'https://m.dhgate.com/mydhgate/order/orderdetail.html?rfid=ff80808193a1c4e50193b27c4f6d2a11&rft=4';
const ORDER_ID = 'dhgate:1043587216';
const t = translator('en');
const screenshots = artifactsDir('e2e');

let browser: ExtensionBrowser;
let workspace: Page;

beforeAll(async () => {
  browser = await launch();
  await serveFixtures(browser.context, loadFixtures());
  const orderPage = await browser.context.newPage();
  await orderPage.goto(ORDER_URL);
  await vi.waitFor(
    async () => {
      expect(await storedOrder(browser.serviceWorker, ORDER_ID)).toBeDefined();
    },
    { timeout: 15_000, interval: 200 },
  );
  workspace = await browser.context.newPage();
  await workspace.goto(
    `chrome-extension://${browser.extensionId}/case.html?order=${encodeURIComponent(ORDER_ID)}`,
  );
});

afterAll(async () => {
  await browser.close();
});

describe('a case in the workspace', () => {
  it('stays in view once resolved, with its outcome, evidence and pack, and reopens', async () => {
    await workspace.getByRole('button', { name: t('case.startButton') }).click();
    await workspace.getByLabel(t('evidence.note')).fill('The seller agreed to refund half.');
    await workspace.getByRole('button', { name: t('evidence.saveNote') }).click();
    await workspace.getByRole('button', { name: t('record.resolved.partial') }).click();
    await workspace
      .locator('.next-step .time-form')
      .getByRole('button', { name: t('case.save') })
      .click();

    await workspace.locator('.closed-case').waitFor();
    expect(await workspace.locator('.closed-case').textContent()).toMatch(
      /^Resolved on .+: partial refund\.$/,
    );
    await expect(workspace.locator('.evidence-item').count()).resolves.toBe(1);
    await workspace.getByRole('button', { name: t('pack.download') }).waitFor();
    await workspace.screenshot({
      path: join(screenshots, 'workspace-resolved.png'),
      fullPage: true,
    });

    await workspace.getByRole('button', { name: t('case.reopen') }).click();
    await workspace.locator('.closed-case').waitFor({ state: 'detached' });
    await workspace.getByRole('button', { name: t('record.escalated') }).waitFor();
  });

  it('deletes the order after saying what goes, and Undo brings all of it back', async () => {
    await workspace.getByRole('button', { name: t('delete.order.button') }).click();
    const dialog = workspace.getByRole('alertdialog');
    await dialog.waitFor();
    expect(await dialog.locator('li').allTextContents()).toEqual([
      expect.stringMatching(/^the order and \d+ entr(?:y|ies) read on DHgate’s pages$/),
      '1 case, with 2 steps you recorded',
      '1 piece of evidence: 1 note',
    ]);
    await workspace.screenshot({ path: join(screenshots, 'workspace-delete.png') });
    await dialog.getByRole('button', { name: t('delete.confirm') }).click();

    await workspace.getByText(t('case.deleted')).waitFor();
    expect(await storedOrder(browser.serviceWorker, ORDER_ID)).toBeUndefined();
    await workspace.getByRole('button', { name: /^Undo \(\d+ s\)$/ }).click();
    await workspace.getByText(t('delete.undone')).waitFor();
    expect(await storedOrder(browser.serviceWorker, ORDER_ID)).toMatchObject({
      orderNumber: '1043587216',
    });
    await workspace.locator('.evidence-item').first().waitFor();
  });
});
