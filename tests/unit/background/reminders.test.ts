import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { NEXT_ALARM } from '@/lib/background/reminders';
import { DHGATE_ORDER_ID, DHGATE_ORDER_URL, TestBackground, dhgatePageRead, tab } from './harness';

const ORDER_URL = DHGATE_ORDER_URL;
const ORDER_ID = DHGATE_ORDER_ID;
const pageRead = dhgatePageRead;

/** An order seen on its page, a case opened and a refund asked for on 10 November at 10:00. */
async function refundRequested(background: TestBackground): Promise<void> {
  expect(await background.send(pageRead(), tab(ORDER_URL))).toMatchObject({ ok: true });
  expect(
    await background.send({ type: 'case-start', orderId: ORDER_ID, reason: 'damaged' }),
  ).toMatchObject({ ok: true });
  expect(
    await background.send({
      type: 'event-record',
      orderId: ORDER_ID,
      event: 'refund-requested',
      at: '2026-11-10T09:00:00.000Z',
    }),
  ).toMatchObject({ ok: true });
}

/** The buyer corrects when they asked for the refund. */
async function refundRequestedInstead(background: TestBackground, at: string): Promise<void> {
  const [event] = await background.db.events
    .where('orderId')
    .equals(ORDER_ID)
    .filter((e) => e.type === 'refund-requested')
    .toArray();
  await background.send({ type: 'event-correct', eventId: event?.id ?? '', at });
}

const ESCALATION_KEY = `${ORDER_ID}|seller-response-due|opens|2026-11-15T09:00:00.000Z`;
/** The order's workspace, and the same naming the escalation reminder after its `#`. */
const WORKSPACE = `${fakeBrowser.runtime.getURL('/case.html')}?order=dhgate%3A1043587216`;
const REMINDER_WORKSPACE = `${WORKSPACE}#reminder=dhgate%3A1043587216%7Cseller-response-due%7Copens%7C2026-11-15T09%3A00%3A00.000Z`;

beforeEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
});

describe('reminders', () => {
  it('set the one alarm they keep for the moment escalation opens', async () => {
    const background = await new TestBackground('2026-11-10T09:05:00.000Z').start();
    await refundRequested(background);
    expect(await background.alarms()).toEqual([
      { name: NEXT_ALARM, at: '2026-11-15T09:00:00.000Z' },
    ]);
    expect(await background.notifications()).toEqual([]);
    expect(background.badge).toBe('');
  });

  it.each([
    [
      'chrome',
      {
        buttons: [{ title: 'Open the order page' }, { title: 'Remind me tomorrow' }],
        requireInteraction: true,
      },
    ],
    // Firefox refuses both: a click on the notification opens the case instead.
    ['firefox', {}],
  ] as const)(
    'notify in %s when the alarm rings, in a form it takes, and count the action on the badge',
    async (browser, extras) => {
      const background = await new TestBackground(
        '2026-11-10T09:05:00.000Z',
        undefined,
        browser,
      ).start();
      await refundRequested(background);
      await background.advanceTo('2026-11-15T09:00:01.000Z');
      expect(await background.notifications()).toEqual([
        {
          id: ESCALATION_KEY,
          type: 'basic',
          iconUrl: fakeBrowser.runtime.getURL('/icon/128.png'),
          title: 'DHgate order 1043587216',
          message: "The seller's time to answer is over: you can escalate now.",
          ...extras,
        },
      ]);
      expect(background.refusedNotifications).toEqual([]);
      expect(background.badge).toBe('1');
      expect(await background.alarms()).toEqual([]);
      expect(await background.send({ type: 'background-status' })).toEqual({ ok: true });
    },
  );

  it('show the others when the browser refuses one, and that one on the next run', async () => {
    const background = await new TestBackground('2026-11-10T09:05:00.000Z').start();
    await refundRequested(background);
    const other = 'dhgate:1043587299';
    await background.send({
      type: 'order-add',
      marketplace: 'dhgate',
      orderNumber: '1043587299',
      edits: {},
    });
    await background.startCase('damaged', other);
    await background.send({
      type: 'event-record',
      orderId: other,
      event: 'refund-requested',
      at: '2026-11-10T09:00:00.000Z',
    });
    const otherKey = `${other}|seller-response-due|opens|2026-11-15T09:00:00.000Z`;
    background.unavailableNotifications.set(ESCALATION_KEY, 'no notification now');

    await background.advanceTo('2026-11-15T09:00:01.000Z');
    expect((await background.notifications()).map((shown) => shown.id)).toEqual([otherKey]);
    expect(background.badge).toBe('2');
    expect(await background.send({ type: 'background-status' })).toEqual({
      ok: true,
      problem: {
        kind: 'reminders',
        detail: 'the browser would not show a reminder: no notification now',
      },
    });
    // Still owed, though no alarm rings for it again: the next start or write shows it.
    expect(await background.db.reminders.get(ESCALATION_KEY)).toBeUndefined();

    background.unavailableNotifications.clear();
    await background.advanceTo('2026-11-15T10:00:00.000Z');
    expect((await background.notifications()).map((shown) => shown.id).sort()).toEqual(
      [ESCALATION_KEY, otherKey].sort(),
    );
    expect(await background.send({ type: 'background-status' })).toEqual({ ok: true });
  });

  it('never notify the same deadline twice', async () => {
    const background = await new TestBackground('2026-11-10T09:05:00.000Z').start();
    await refundRequested(background);
    await background.advanceTo('2026-11-15T09:00:01.000Z');
    await fakeBrowser.notifications.clear(ESCALATION_KEY);
    await background.advanceTo('2026-11-16T09:00:00.000Z');
    await background.background.reconcile();
    await new TestBackground('2026-11-17T09:00:00.000Z', background.db).start();
    expect(await background.notifications()).toEqual([]);
    expect(await background.db.reminders.get(ESCALATION_KEY)).toEqual({
      id: ESCALATION_KEY,
      notifiedAt: '2026-11-15T09:00:01.000Z',
    });
  });

  it('notify once even when two wake-ups race for the same reminder', async () => {
    const first = await new TestBackground('2026-11-10T09:05:00.000Z').start();
    await refundRequested(first);
    const second = await new TestBackground('2026-11-10T09:06:00.000Z', first.db).start();
    const shown = vi.spyOn(fakeBrowser.notifications, 'create');
    first.now = second.now = new Date('2026-11-15T10:00:00.000Z');
    await Promise.all([first.background.reconcile(), second.background.reconcile()]);
    expect(shown).toHaveBeenCalledTimes(1);
  });

  it('show a reminder once when the worker stops after showing it, before the summaries are kept', async () => {
    const first = await new TestBackground('2026-11-10T09:05:00.000Z').start();
    await refundRequested(first);
    const shown = vi.spyOn(fakeBrowser.notifications, 'create');
    const keep = vi
      .spyOn(first.db.summaries, 'bulkPut')
      .mockRejectedValueOnce(new Error('the worker was stopped'));
    await first.advanceTo('2026-11-15T09:00:01.000Z');
    expect(keep).toHaveBeenCalled();
    expect(shown).toHaveBeenCalledTimes(1);
    keep.mockRestore();
    const next = await new TestBackground('2026-11-15T09:01:00.000Z', first.db).start();
    expect(shown).toHaveBeenCalledTimes(1);
    expect((await next.db.summaries.get(ORDER_ID))?.wakeAt).not.toBe('2026-11-15T09:00:00.000Z');
  });

  it('catch up, once each, on deadlines that passed while the browser was closed', async () => {
    const first = await new TestBackground('2026-11-10T09:05:00.000Z').start();
    await refundRequested(first);
    // The browser is closed from the 11th to the 20th: no alarm rings.
    const reopened = await new TestBackground('2026-11-20T08:00:00.000Z', first.db).start();
    expect((await reopened.notifications()).map((shown) => shown.id)).toEqual([ESCALATION_KEY]);
    const again = await new TestBackground('2026-11-20T08:01:00.000Z', first.db).start();
    expect(await again.notifications()).toHaveLength(1);
  });

  it('remind a day ahead of a window closing, or as long ahead as the buyer set', async () => {
    const background = await new TestBackground('2026-11-02T12:00:00.000Z').start();
    const withTracking = pageRead();
    Object.assign(withTracking.orders[0] ?? {}, {
      trackingNumber: 'LZ492186534CN',
      carrier: 'ePacket',
      shippedAt: '2026-11-02T10:00:00.000Z',
    });
    await background.send(withTracking, tab(ORDER_URL));
    // The dispute window opens 10 days after the tracking number, closes 90 days after it.
    expect(await background.alarms()).toEqual([
      { name: NEXT_ALARM, at: '2026-11-12T10:00:00.000Z' },
    ]);
    await background.advanceTo('2026-11-12T10:00:00.000Z');
    expect((await background.notifications()).map((shown) => shown.id)).toEqual([
      `${ORDER_ID}|dispute-window-opens|opens|2026-11-12T10:00:00.000Z`,
    ]);
    expect(await background.alarms()).toEqual([
      { name: NEXT_ALARM, at: '2027-01-30T10:00:00.000Z' },
    ]);
    await background.send({ type: 'settings-update', settings: { reminderLeadHours: 72 } });
    expect(await background.alarms()).toEqual([
      { name: NEXT_ALARM, at: '2027-01-28T10:00:00.000Z' },
    ]);
  });

  it('remove alarms nothing asks for any more', async () => {
    const background = await new TestBackground('2026-11-10T09:05:00.000Z').start();
    await refundRequested(background);
    await background.send({
      type: 'event-record',
      orderId: ORDER_ID,
      event: 'resolved',
      at: '2026-11-12T10:00:00.000Z',
      details: { outcome: 'full' },
    });
    expect(await background.alarms()).toEqual([]);
  });

  it('follow a corrected time', async () => {
    const background = await new TestBackground('2026-11-10T09:05:00.000Z').start();
    await refundRequested(background);
    await refundRequestedInstead(background, '2026-11-11T09:00:00.000Z');
    expect(await background.alarms()).toEqual([
      { name: NEXT_ALARM, at: '2026-11-16T09:00:00.000Z' },
    ]);
  });
});

describe('notification buttons', () => {
  async function notified(): Promise<TestBackground> {
    const background = await new TestBackground('2026-11-10T09:05:00.000Z').start();
    await refundRequested(background);
    await background.advanceTo('2026-11-15T09:00:01.000Z');
    return background;
  }

  it('open the order page', async () => {
    const background = await notified();
    await fakeBrowser.notifications.onButtonClicked.trigger(ESCALATION_KEY, 0);
    await expect.poll(() => background.opened).toContain(ORDER_URL);
  });

  it('never open another site, even one an older version stored as the order page', async () => {
    const background = await notified();
    await background.db.orders.update(ORDER_ID, {
      detailUrl: 'https://dhgate.example.net/order',
      seenOnUrl: 'https://dhgate.example.net/list',
    });
    await fakeBrowser.notifications.onButtonClicked.trigger(ESCALATION_KEY, 0);
    await expect.poll(() => background.opened).toEqual([WORKSPACE]);
  });

  it('open the case when the notification itself is clicked, naming the reminder', async () => {
    const background = await notified();
    await fakeBrowser.notifications.onClicked.trigger(ESCALATION_KEY);
    await expect.poll(() => background.opened).toEqual([REMINDER_WORKSPACE]);
  });

  it('bring back the order’s open workspace, now naming the reminder, rather than open another', async () => {
    const background = await notified();
    background.showTab(WORKSPACE);
    const { tabId } = background.showTab(ORDER_URL);
    await fakeBrowser.notifications.onClicked.trigger(ESCALATION_KEY);
    await expect
      .poll(() => background.tabs.filter((shown) => shown.active).map((shown) => shown.url))
      .toEqual([REMINDER_WORKSPACE]);
    expect(background.opened).toEqual([]);
    expect(background.tabs.find((shown) => shown.id === tabId)?.active).toBe(false);
    expect(background.focusedWindows).toEqual([1]);
  });

  it('snooze a day, then remind again once', async () => {
    const background = await notified();
    await fakeBrowser.notifications.onButtonClicked.trigger(ESCALATION_KEY, 1);
    await expect
      .poll(() => background.alarms())
      .toEqual([{ name: NEXT_ALARM, at: '2026-11-16T09:00:01.000Z' }]);
    expect(await background.notifications()).toEqual([]);
    await background.advanceTo('2026-11-16T09:00:02.000Z');
    expect(await background.notifications()).toHaveLength(1);
    await fakeBrowser.notifications.clear(ESCALATION_KEY);
    await background.advanceTo('2026-11-18T09:00:00.000Z');
    expect(await background.notifications()).toEqual([]);
  });
});

describe('"Remind me tomorrow" in the workspace a reminder opened', () => {
  const snooze = { type: 'reminder-snooze', orderId: ORDER_ID, key: ESCALATION_KEY };

  /** The escalation reminder shown at 09:00:01 on the 15th, the workspace used at 10:00. */
  async function shown(): Promise<TestBackground> {
    const background = await new TestBackground('2026-11-10T09:05:00.000Z').start();
    await refundRequested(background);
    await background.advanceTo('2026-11-15T09:00:01.000Z');
    await fakeBrowser.notifications.clear(ESCALATION_KEY);
    background.now = new Date('2026-11-15T10:00:00.000Z');
    return background;
  }

  it('puts the reminder off a day from now, as the button does, and it rings again once', async () => {
    const background = await shown();
    expect(await background.send(snooze)).toEqual({
      ok: true,
      snoozedUntil: '2026-11-16T10:00:00.000Z',
    });
    expect(await background.db.reminders.get(ESCALATION_KEY)).toEqual({
      id: ESCALATION_KEY,
      notifiedAt: '2026-11-15T09:00:01.000Z',
      snoozedUntil: '2026-11-16T10:00:00.000Z',
    });
    expect(await background.alarms()).toEqual([
      { name: NEXT_ALARM, at: '2026-11-16T10:00:00.000Z' },
    ]);
    await background.advanceTo('2026-11-16T09:59:59.000Z');
    expect(await background.notifications()).toEqual([]);
    await background.advanceTo('2026-11-16T10:00:00.000Z');
    expect((await background.notifications()).map((shown) => shown.id)).toEqual([ESCALATION_KEY]);
    await fakeBrowser.notifications.clear(ESCALATION_KEY);
    await background.advanceTo('2026-11-18T09:00:00.000Z');
    expect(await background.notifications()).toEqual([]);
  });

  it('is refused from a marketplace page: a page cannot put the buyer’s reminders off', async () => {
    const background = await shown();
    expect(await background.send(snooze, tab(ORDER_URL))).toEqual({
      ok: false,
      error: 'this message is accepted only from CaseClock itself',
    });
    expect(await background.db.reminders.get(ESCALATION_KEY)).toEqual({
      id: ESCALATION_KEY,
      notifiedAt: '2026-11-15T09:00:01.000Z',
    });
  });

  it.each([
    [
      'another order’s',
      { orderId: 'dhgate:1043587299' },
      'this reminder is not one of this order’s',
    ],
    [
      'a deadline the order does not have',
      { key: `${ORDER_ID}|seller-response-due|opens|2026-11-14T09:00:00.000Z` },
      'this reminder no longer exists',
    ],
    ['a made-up', { key: `${ORDER_ID}|anything` }, 'this reminder no longer exists'],
    [
      'an untracked order’s',
      {
        orderId: 'dhgate:1043587299',
        key: 'dhgate:1043587299|seller-response-due|opens|2026-11-15T09:00:00.000Z',
      },
      'this reminder no longer exists',
    ],
  ])('is refused for %s reminder, and nothing is stored', async (_what, change, error) => {
    const background = await shown();
    const reply = await background.send({ ...snooze, ...change });
    expect(reply).toMatchObject({ ok: false, error });
    expect(await background.db.reminders.toArray()).toEqual([
      { id: ESCALATION_KEY, notifiedAt: '2026-11-15T09:00:01.000Z' },
    ]);
  });

  it('is refused for a reminder not shown yet, or for an archived order', async () => {
    const background = await new TestBackground('2026-11-10T09:05:00.000Z').start();
    await refundRequested(background);
    expect(await background.send(snooze)).toMatchObject({
      ok: false,
      error: 'this reminder no longer exists',
      code: 'not-found',
    });
    await background.advanceTo('2026-11-15T09:00:01.000Z');
    await background.send({ type: 'order-archive', orderId: ORDER_ID, archived: true });
    expect(await background.send(snooze)).toMatchObject({ ok: false, code: 'not-found' });
    expect(await background.db.reminders.get(ESCALATION_KEY)).toEqual({
      id: ESCALATION_KEY,
      notifiedAt: '2026-11-15T09:00:01.000Z',
    });
  });

  it.each([
    ['without a key', { key: undefined }],
    ['with an empty key', { key: '' }],
    ['for something that is no order', { orderId: 'elsewhere:1' }],
  ])('is refused as invalid %s', async (_what, change) => {
    const background = await shown();
    const reply = await background.send({ ...snooze, ...change });
    expect(reply).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^invalid message/) as string,
    });
  });
});

describe('"Remind me tomorrow" on a notification whose reminder is gone', () => {
  it('says so in a notice rather than putting off nothing', async () => {
    const background = await new TestBackground('2026-11-10T09:05:00.000Z').start();
    await refundRequested(background);
    await background.advanceTo('2026-11-15T09:00:01.000Z');
    // The buyer corrects the refund request: escalation opens another day, the reminder is gone.
    await refundRequestedInstead(background, '2026-11-11T09:00:00.000Z');
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await fakeBrowser.notifications.onButtonClicked.trigger(ESCALATION_KEY, 1);
    await expect
      .poll(async () => (await background.notifications()).map((shown) => shown.title))
      .toEqual(['CaseClock could not put the reminder off']);
    expect((await background.db.reminders.get(ESCALATION_KEY))?.snoozedUntil).toBeUndefined();
  });
});

describe('the log of reminders shown', () => {
  const shownOn15th = {
    id: `${ESCALATION_KEY}|2026-11-15T09:00:01.000Z`,
    orderId: ORDER_ID,
    reminder: ESCALATION_KEY,
    kind: 'seller-response-due',
    edge: 'opens',
    dueAt: '2026-11-15T09:00:00.000Z',
    shownAt: '2026-11-15T09:00:01.000Z',
  };

  async function logged(background: TestBackground) {
    return background.db.reminderLog.where('orderId').equals(ORDER_ID).sortBy('shownAt');
  }

  it('holds one entry for a reminder shown, however often the background wakes up after', async () => {
    const background = await new TestBackground('2026-11-10T09:05:00.000Z').start();
    await refundRequested(background);
    expect(await logged(background)).toEqual([]);
    await background.advanceTo('2026-11-15T09:00:01.000Z');
    await background.advanceTo('2026-11-16T09:00:00.000Z');
    await background.background.reconcile();
    await new TestBackground('2026-11-17T09:00:00.000Z', background.db).start();
    expect(await logged(background)).toEqual([shownOn15th]);
  });

  it('holds one entry when two wake-ups race for the same reminder', async () => {
    const first = await new TestBackground('2026-11-10T09:05:00.000Z').start();
    await refundRequested(first);
    const second = await new TestBackground('2026-11-10T09:06:00.000Z', first.db).start();
    first.now = second.now = new Date('2026-11-15T10:00:00.000Z');
    await Promise.all([first.background.reconcile(), second.background.reconcile()]);
    expect(await logged(first)).toHaveLength(1);
  });

  it('keeps nothing of a reminder the browser refused, and logs it once shown', async () => {
    const background = await new TestBackground('2026-11-10T09:05:00.000Z').start();
    await refundRequested(background);
    background.unavailableNotifications.set(ESCALATION_KEY, 'no notification now');
    await background.advanceTo('2026-11-15T09:00:01.000Z');
    expect(await logged(background)).toEqual([]);
    background.unavailableNotifications.clear();
    await background.advanceTo('2026-11-15T10:00:00.000Z');
    expect(await logged(background)).toEqual([
      {
        ...shownOn15th,
        id: `${ESCALATION_KEY}|2026-11-15T10:00:00.000Z`,
        shownAt: '2026-11-15T10:00:00.000Z',
      },
    ]);
  });

  it('holds a second entry for a snoozed reminder shown again', async () => {
    const background = await new TestBackground('2026-11-10T09:05:00.000Z').start();
    await refundRequested(background);
    await background.advanceTo('2026-11-15T09:00:01.000Z');
    await fakeBrowser.notifications.onButtonClicked.trigger(ESCALATION_KEY, 1);
    await expect.poll(() => background.alarms()).toHaveLength(1);
    await background.advanceTo('2026-11-16T09:00:02.000Z');
    await background.advanceTo('2026-11-18T09:00:00.000Z');
    expect(await logged(background)).toEqual([
      shownOn15th,
      {
        ...shownOn15th,
        id: `${ESCALATION_KEY}|2026-11-16T09:00:02.000Z`,
        shownAt: '2026-11-16T09:00:02.000Z',
      },
    ]);
  });

  it('goes with its order when the order is deleted, and comes back with an undo', async () => {
    const background = await new TestBackground('2026-11-10T09:05:00.000Z').start();
    await refundRequested(background);
    await background.advanceTo('2026-11-15T09:00:01.000Z');
    const deleted = await background.send({ type: 'order-delete', orderId: ORDER_ID });
    if (!deleted.ok || !('undoId' in deleted)) throw new Error('the order was not deleted');
    expect(await background.db.reminderLog.count()).toBe(0);
    expect(await background.send({ type: 'deletion-undo', undoId: deleted.undoId })).toMatchObject({
      ok: true,
    });
    expect(await logged(background)).toEqual([shownOn15th]);
  });

  it('stays with the order when only its case is deleted', async () => {
    const background = await new TestBackground('2026-11-10T09:05:00.000Z').start();
    await refundRequested(background);
    await background.advanceTo('2026-11-15T09:00:01.000Z');
    const [found] = await background.db.cases.where('orderId').equals(ORDER_ID).toArray();
    expect(await background.send({ type: 'case-delete', caseId: found?.id ?? '' })).toMatchObject({
      ok: true,
    });
    expect(await logged(background)).toEqual([shownOn15th]);
  });
});

describe('the warehouse return window on Superbuy', () => {
  it('rings a day before it closes, naming the QC photos as the first evidence', async () => {
    const listUrl = 'https://www.superbuy.com/order?page=1';
    const background = await new TestBackground('2026-11-20T08:00:00.000Z').start();
    await background.send(
      {
        type: 'page-read',
        url: listUrl,
        marketplace: 'superbuy',
        pageKind: 'order-list',
        orders: [
          {
            orderNumber: 'DO26741200300',
            status: 'in-warehouse',
            statusText: 'Stored in warehouse',
            items: [{ title: 'Canvas tote bag', status: 'in-warehouse' }],
          },
        ],
      },
      tab(listUrl),
    );
    // Stocked in when first seen there: 5 days to ask for a return, until 25 November, 09:00.
    await background.advanceTo('2026-11-24T08:00:01.000Z');
    const [notification] = await background.notifications();
    expect(notification).toMatchObject({ title: 'Superbuy order DO26741200300' });
    expect(notification?.message).toMatch(
      /^Last moment for a warehouse return: .+\. Look at the items’ QC photos first: they are your first evidence\.$/,
    );
  });
});
