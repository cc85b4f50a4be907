import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadFixtures } from '../../fixtures/catalogue';
import { reminderFor } from '../harness/reminder-options';
import { ExtensionTab } from './extension-tab';
import { FirefoxExtension } from './firefox';

const ORDER_URL =
  'https://m.dhgate.com/mydhgate/order/orderdetail.html?rfid=ff80808193a1c4e50193b27c4f6d2a11&rft=4';
const ORDER_ID = 'dhgate:1043587216';
const ESCALATION = `${ORDER_ID}|seller-response-due|opens|`;
const DAY = 86_400_000;

let firefox: FirefoxExtension;

beforeEach(async () => {
  firefox = await FirefoxExtension.launch();
});

afterEach(async () => {
  await firefox.close();
});

/**
 * Tracks the DHgate order from its page, opens a case and records a refund request made five
 * days ago less `secondsLeft`: the seller's window then ends that many seconds from now.
 */
async function sellerWindowEndsIn(secondsLeft: number): Promise<ExtensionTab> {
  const tab = await firefox.webPage(loadFixtures());
  await tab.goto(ORDER_URL);
  const extension = await ExtensionTab.open(firefox);
  // The case can start once the content script has stored the order.
  await expect
    .poll(
      async () =>
        (await extension.send({ type: 'case-start', orderId: ORDER_ID, reason: 'damaged' })).ok,
      { timeout: 10_000 },
    )
    .toBe(true);
  const requestedAt = new Date(Date.now() - 5 * DAY + secondsLeft * 1000).toISOString();
  expect(
    await extension.send({
      type: 'event-record',
      orderId: ORDER_ID,
      event: 'refund-requested',
      at: requestedAt,
    }),
  ).toMatchObject({ ok: true });
  return extension;
}

async function escalationNotices(extension: ExtensionTab): Promise<string[]> {
  return (await extension.notificationIds()).filter((id) => id.startsWith(ESCALATION));
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
