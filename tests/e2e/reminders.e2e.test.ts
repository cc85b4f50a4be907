import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReminderLogEntry, ReminderRecord } from '../../lib/db/schema';
import { loadFixtures } from '../fixtures/catalogue';
import { launch, type ExtensionBrowser } from './harness/chromium';
import { ExtensionPage } from './harness/extension-page';
import { serveFixtures } from './harness/marketplace-routes';
import { reminderFor } from './harness/reminder-options';
import {
  escalationsAmong,
  ORDER_ID,
  ORDER_URL,
  refundRequestedEndingIn,
} from './harness/seller-window';
import { recordsInExtension } from './harness/stored';

let browser: ExtensionBrowser | undefined;
let profile: string | undefined;

afterEach(async () => {
  await browser?.close();
  browser = undefined;
  if (profile) rmSync(profile, { recursive: true, force: true });
  profile = undefined;
});

async function start(userDataDir?: string): Promise<ExtensionBrowser> {
  const started = await launch(userDataDir ? { userDataDir } : {});
  await serveFixtures(started.context, loadFixtures());
  return started;
}

/** Tracks the DHgate order from its page; its seller's window ends `secondsLeft` from now. */
async function sellerWindowEndsIn(
  opened: ExtensionBrowser,
  secondsLeft: number,
): Promise<ExtensionPage> {
  const tab = await opened.context.newPage();
  await tab.goto(ORDER_URL);
  const extension = await ExtensionPage.open(opened.context, opened.extensionId);
  await refundRequestedEndingIn((message) => extension.send(message), secondsLeft);
  return extension;
}

async function escalationNotices(extension: ExtensionPage): Promise<string[]> {
  return escalationsAmong(await extension.notificationIds());
}

/**
 * The reminders of the order the log says were shown, once per showing. The browser's list of
 * notifications cannot tell: showing an id again replaces it there.
 */
async function remindersShown(extension: ExtensionPage): Promise<string[]> {
  const log = await extension.page.evaluate(recordsInExtension<ReminderLogEntry>, {
    store: 'reminderLog',
    index: 'orderId',
    key: ORDER_ID,
  });
  return log.map((entry) => entry.reminder).sort();
}

/** The escalation was shown once, as was every other reminder of the order. */
async function expectShownOnce(extension: ExtensionPage): Promise<void> {
  const shown = await remindersShown(extension);
  expect(escalationsAmong(shown)).toHaveLength(1);
  expect(shown).toEqual([...new Set(shown)]);
}

/**
 * Every way the background wakes up, each of which brings the reminders in line again: a
 * write, a stopped worker woken by a message, and one woken by an alarm.
 */
async function wakeUpOften(extension: ExtensionPage): Promise<void> {
  await extension.send({ type: 'settings-update', settings: { reminderLeadHours: 48 } });
  await extension.stopServiceWorker();
  await extension.send({ type: 'settings-update', settings: { reminderLeadHours: 24 } });
  await extension.stopServiceWorker();
  await extension.wakeByAlarm();
  await extension.wakeByAlarm();
}

describe('a reminder’s notification in Chromium', () => {
  it('takes everything Chrome’s row of the table promises: buttons, staying on screen', async () => {
    browser = await start();
    const extension = await ExtensionPage.open(browser.context, browser.extensionId);
    const icon = `chrome-extension://${browser.extensionId}/icon/128.png`;
    const reminder = reminderFor('chrome', icon);
    expect(reminder).toMatchObject({ requireInteraction: true, buttons: [{}, {}] });
    expect(await extension.notificationRefusal('chrome', reminder)).toBe(undefined);
  });
});

describe('the seller’s window ending', () => {
  it('raises a notification the moment escalation opens', async () => {
    browser = await start();
    const extension = await sellerWindowEndsIn(browser, 3);
    expect(await escalationNotices(extension)).toEqual([]);
    expect(await remindersShown(extension)).toEqual([]);
    await expect.poll(() => escalationNotices(extension), { timeout: 15_000 }).toHaveLength(1);
    await wakeUpOften(extension);
    await expectShownOnce(extension);

    // The case's timeline says so, once.
    const workspace = await browser.context.newPage();
    await workspace.goto(
      `chrome-extension://${browser.extensionId}/case.html?order=${encodeURIComponent(ORDER_ID)}`,
    );
    const sent = workspace.getByText("Reminder sent: Seller's time to answer ends");
    await expect.poll(() => sent.count(), { timeout: 10_000 }).toBe(1);
  });

  it('still raises it when the service worker was stopped in the meantime', async () => {
    browser = await start();
    const extension = await sellerWindowEndsIn(browser, 4);
    await extension.stopServiceWorker();
    // Only the alarm can wake the worker now.
    await expect.poll(() => escalationNotices(extension), { timeout: 15_000 }).toHaveLength(1);
    await wakeUpOften(extension);
    await expectShownOnce(extension);
  });
});

describe('a browser closed while a deadline passed', () => {
  it('gives one catch-up notification when it opens again, and never another', async () => {
    profile = mkdtempSync(join(tmpdir(), 'caseclock-restart-'));
    browser = await start(profile);
    await sellerWindowEndsIn(browser, 2);
    await browser.close();
    await new Promise((resolve) => setTimeout(resolve, 3_000)); // the deadline passes, browser closed

    browser = await start(profile);
    const extension = await ExtensionPage.open(browser.context, browser.extensionId);
    await expect.poll(() => escalationNotices(extension), { timeout: 15_000 }).toHaveLength(1);
    const [shown = ''] = await escalationNotices(extension);

    await wakeUpOften(extension);
    expect(await escalationNotices(extension)).toEqual([shown]);
    const [record] = await extension.page.evaluate(recordsInExtension<ReminderRecord>, {
      store: 'reminders',
      key: shown,
    });
    expect(record).toMatchObject({ id: shown, notifiedAt: expect.any(String) as string });
    await expectShownOnce(extension);

    // Opened once more, the browser owes nothing: the reminder was shown before it closed.
    await browser.close();
    browser = await start(profile);
    const reopened = await ExtensionPage.open(browser.context, browser.extensionId);
    await wakeUpOften(reopened);
    expect(await escalationNotices(reopened)).toEqual([]);
    await expectShownOnce(reopened);
  });
});
