import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { NEXT_ALARM } from '@/lib/background/reminders';
import {
  CHROME_ALARM_LIMIT,
  TestBackground,
  escalationOpens,
  orderNumber,
  refundsRequested,
} from './harness';

beforeEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
});

const ESCALATE_NOW = "The seller's time to answer is over: you can escalate now.";

describe('reminders at any number', () => {
  it(`keep one alarm for ${String(CHROME_ALARM_LIMIT + 100)} reminders to come, and show every one`, async () => {
    const count = CHROME_ALARM_LIMIT + 100;
    const db = await refundsRequested(count);
    const background = await new TestBackground('2026-11-10T12:00:00.000Z', db).start();
    expect(await background.alarms()).toEqual([{ name: NEXT_ALARM, at: escalationOpens(0) }]);

    await background.advanceTo(escalationOpens(0));
    expect((await background.notifications()).map((shown) => shown.title)).toEqual([
      `DHgate order ${orderNumber(0)}`,
    ]);
    expect(await background.alarms()).toEqual([{ name: NEXT_ALARM, at: escalationOpens(1) }]);

    // The browser is closed until every other one has fallen due.
    await new TestBackground(escalationOpens(count), db).start();
    expect(await db.reminderLog.count()).toBe(count);
    expect(new Set((await db.reminderLog.toArray()).map((entry) => entry.orderId)).size).toBe(
      count,
    );
    expect(await background.send({ type: 'background-status' })).toEqual({ ok: true });
  });

  it('show one notification for many that fell due while the browser was closed, naming the first three', async () => {
    const db = await refundsRequested(5);
    const background = await new TestBackground('2026-11-20T08:00:00.000Z', db).start();
    expect(await background.notifications()).toEqual([
      {
        id: 'reminders:2026-11-20T08:00:00.000Z',
        type: 'basic',
        iconUrl: fakeBrowser.runtime.getURL('/icon/128.png'),
        title: '5 deadlines need you',
        message: [
          `DHgate order ${orderNumber(0)}: ${ESCALATE_NOW}`,
          `DHgate order ${orderNumber(1)}: ${ESCALATE_NOW}`,
          `DHgate order ${orderNumber(2)}: ${ESCALATE_NOW}`,
          '…and 2 more: open CaseClock to see them all.',
        ].join('\n'),
      },
    ]);
    // Each is logged, for its case's timeline, and counted on the badge.
    expect(await db.reminderLog.count()).toBe(5);
    expect(background.badge).toBe('5');
    await new TestBackground('2026-11-20T08:05:00.000Z', db).start();
    expect(await background.notifications()).toHaveLength(1);
  });

  it('show three that fall due at once each on its own', async () => {
    const db = await refundsRequested(3);
    const background = await new TestBackground('2026-11-20T08:00:00.000Z', db).start();
    expect((await background.notifications()).map((shown) => shown.id)).toEqual(
      [0, 1, 2].map(
        (index) =>
          `dhgate:${orderNumber(index)}|seller-response-due|opens|${escalationOpens(index)}`,
      ),
    );
  });

  it('open the popup from the summary, or the same list in a tab where the browser cannot', async () => {
    const db = await refundsRequested(4);
    const background = await new TestBackground('2026-11-20T08:00:00.000Z', db).start();
    const [summary] = await background.notifications();
    await fakeBrowser.notifications.onClicked.trigger(summary?.id ?? '');
    await vi.waitFor(() => {
      expect(background.popupsOpened).toBe(1);
    });
    expect(background.opened).toEqual([]);

    background.popupRefused = 'no window is focused';
    await fakeBrowser.notifications.onClicked.trigger(summary?.id ?? '');
    await vi.waitFor(() => {
      expect(background.opened).toEqual([fakeBrowser.runtime.getURL('/popup.html')]);
    });
  });

  it('keep all of them owed when the browser refuses the summary, and show them on the next run', async () => {
    const db = await refundsRequested(4);
    const background = new TestBackground('2026-11-20T08:00:00.000Z', db);
    background.unavailableNotifications.set(
      'reminders:2026-11-20T08:00:00.000Z',
      'no notification now',
    );
    await background.start();
    expect(await background.notifications()).toEqual([]);
    expect(await db.reminderLog.count()).toBe(0);
    expect(await db.reminders.count()).toBe(0);
    expect(await background.send({ type: 'background-status' })).toEqual({
      ok: true,
      problem: {
        kind: 'reminders',
        detail: 'the browser would not show a reminder: no notification now',
      },
    });

    await background.advanceTo('2026-11-20T08:01:00.000Z');
    expect((await background.notifications()).map((shown) => shown.title)).toEqual([
      '4 deadlines need you',
    ]);
    expect(await db.reminderLog.count()).toBe(4);
  });

  it('clear the alarms an older version set for each reminder', async () => {
    const db = await refundsRequested(2);
    for (const index of [0, 1]) {
      await fakeBrowser.alarms.create(
        `reminder:dhgate:${orderNumber(index)}|seller-response-due|opens|${escalationOpens(index)}`,
        { when: Date.parse(escalationOpens(index)) },
      );
    }
    const background = await new TestBackground('2026-11-10T12:00:00.000Z', db).start();
    expect(await background.alarms()).toEqual([{ name: NEXT_ALARM, at: escalationOpens(0) }]);
  });

  it('say so when the browser will not set the alarm', async () => {
    const db = await refundsRequested(1);
    const background = new TestBackground('2026-11-10T12:00:00.000Z', db);
    background.alarmsRefused = 'alarms are off';
    await background.start();
    expect(await background.send({ type: 'background-status' })).toEqual({
      ok: true,
      problem: {
        kind: 'reminders',
        detail: 'the browser would not set the alarm for the next reminder: alarms are off',
      },
    });
  });
});
