import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NEXT_ALARM } from '../../../lib/background/reminders';
import { translator } from '../../../lib/i18n';
import { workspaceUrl } from '../../../lib/workspace-url';
import { loadFixtures } from '../../fixtures/catalogue';
import { artifactsDir } from '../artifacts';
import { reminderFor } from '../harness/reminder-options';
import {
  escalationsAmong,
  ORDER_ID,
  ORDER_URL,
  refundRequestedEndingIn,
} from '../harness/seller-window';
import { ExtensionTab } from './extension-tab';
import { FirefoxExtension } from './firefox';
import { press } from './press';

const t = translator('en');
const DAY = 86_400_000;

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

describe('"Remind me tomorrow" in Firefox, whose notifications have no buttons', () => {
  it('is offered atop the case a click on the reminder shows, and puts it off a day', async () => {
    const extension = await sellerWindowEndsIn(3);
    await expect.poll(() => escalationNotices(extension), { timeout: 15_000 }).toHaveLength(1);
    const [key = ''] = await escalationNotices(extension);
    // The buyer has the case open already; a click on the reminder names it after the `#`
    // (the address the background's click handler builds, checked by the unit tests).
    const workspace = await firefox.extensionPage(
      workspaceUrl((path) => path, { order: ORDER_ID }),
      '.case-header',
    );
    await workspace.setViewport({ width: 1280, height: 800 });
    await firefox.navigate(
      workspace,
      workspaceUrl((path) => path, { order: ORDER_ID, reminder: key }),
    );
    const card = await workspace.waitForSelector('.reminder-card');
    expect(await card?.evaluate((shown) => shown.textContent)).toContain(
      t('reminder.opens.seller-response-due'),
    );

    const screenshots = artifactsDir('firefox');
    await workspace.screenshot({ path: join(screenshots, 'workspace-reminder.png') });

    const pressedAt = Date.now();
    await press(workspace, t('reminder.snooze'), '.reminder-card');
    await workspace.waitForSelector('.reminder-card [role=status]');
    const answeredAt = Date.now();

    const record = await extension.reminderRecord(key);
    const until = new Date(record?.snoozedUntil ?? 0).getTime();
    // A day from the moment the buyer pressed, as the background's clock read it.
    expect(until).toBeGreaterThanOrEqual(pressedAt + DAY);
    expect(until).toBeLessThanOrEqual(answeredAt + DAY);
    expect(record?.notifiedAt).toBeDefined();
    // It rings again then: the one alarm is set for that moment (a day is too long to wait).
    expect(await extension.alarms()).toEqual({ [NEXT_ALARM]: until });
    // The buyer's clock, in Paris and in American English, a day later.
    const time = new Intl.DateTimeFormat('en-US', {
      hour: 'numeric',
      minute: '2-digit',
      timeZone: 'Europe/Paris',
    }).format(until);
    expect(
      await workspace.$eval('.reminder-card [role=status]', (status) => status.textContent),
    ).toBe(t('reminder.snoozed', { when: t('countdown.tomorrow', { time }) }));
    await workspace.screenshot({ path: join(screenshots, 'workspace-reminder-put-off.png') });
  });
});
