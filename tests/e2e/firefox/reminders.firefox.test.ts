import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadFixtures } from '../../fixtures/catalogue';
import { reminderFor } from '../harness/reminder-options';
import { escalationsAmong, ORDER_URL, refundRequestedEndingIn } from '../harness/seller-window';
import { ExtensionTab } from './extension-tab';
import { FirefoxExtension } from './firefox';

let firefox: FirefoxExtension;

beforeEach(async () => {
  firefox = await FirefoxExtension.launch();
});

afterEach(async () => {
  await firefox.close();
});

/** Tracks the DHgate order from its page; its seller's window ends `secondsLeft` from now. */
async function sellerWindowEndsIn(secondsLeft: number): Promise<ExtensionTab> {
  const tab = await firefox.webPage(loadFixtures());
  await tab.goto(ORDER_URL);
  const extension = await ExtensionTab.open(firefox);
  await refundRequestedEndingIn((message) => extension.send(message), secondsLeft);
  return extension;
}

async function escalationNotices(extension: ExtensionTab): Promise<string[]> {
  return escalationsAmong(await extension.notificationIds());
}

describe('a reminder’s notification in Firefox', () => {
  it('takes what Firefox’s row of the table promises, where Chrome’s is refused', async () => {
    const extension = await ExtensionTab.open(firefox);
    const icon = firefox.url('/icon/128.png');
    expect(await extension.notificationRefusal('firefox', reminderFor('firefox', icon))).toBe(
      undefined,
    );
    // Why the rows differ: were Firefox to take these one day, the table could say so.
    expect(await extension.notificationRefusal('chrome', reminderFor('chrome', icon))).toMatch(
      /Unexpected property "requireInteraction"|"buttons" is unsupported/,
    );
  });
});

describe('the seller’s window ending, in Firefox', () => {
  it('raises a notification the moment escalation opens, and nothing goes wrong', async () => {
    const extension = await sellerWindowEndsIn(3);
    expect(await escalationNotices(extension)).toEqual([]);
    await expect.poll(() => escalationNotices(extension), { timeout: 15_000 }).toHaveLength(1);
    // Firefox took the notification as asked: the background has nothing to report.
    expect(await extension.send({ type: 'background-status' })).toEqual({ ok: true });
  });

  it('still rings after the add-on was reloaded, with the orders kept', async () => {
    const extension = await sellerWindowEndsIn(10);
    await extension.reloadExtension();
    // The reloaded background starts afresh: Firefox forgot the alarms, CaseClock sets them again.
    const reopened = await ExtensionTab.open(firefox);
    await reopened.page.waitForSelector('.order-number ::-p-text(1043587216)');
    expect(await escalationNotices(reopened)).toEqual([]);
    await expect.poll(() => escalationNotices(reopened), { timeout: 15_000 }).toHaveLength(1);
    expect(await reopened.send({ type: 'background-status' })).toEqual({ ok: true });
  });
});
