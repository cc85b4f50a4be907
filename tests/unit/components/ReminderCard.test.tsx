import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CaseWorkspace } from '@/components/CaseWorkspace';
import {
  DHGATE_ORDER_ID,
  DHGATE_ORDER_URL,
  dhgatePageRead,
  tab,
  type TestBackground,
} from '../background/harness';
import { renderPage } from './harness';

/** Half an hour after the reminder rang: 10:30 in Paris, where the buyer is. */
const NOW = '2026-11-15T09:30:00.000Z';
const KEY = `${DHGATE_ORDER_ID}|seller-response-due|opens|2026-11-15T09:00:00.000Z`;

beforeEach(() => {
  fakeBrowser.reset();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});

afterEach(() => {
  vi.useRealTimers();
});

/** A refund asked for on the 10th: the seller's five days run out on the 15th at 10:00. */
async function refundRequested(background: TestBackground): Promise<void> {
  background.now = new Date('2026-11-10T09:05:00.000Z');
  await background.send(dhgatePageRead(), tab(DHGATE_ORDER_URL));
  await background.startCase('damaged');
  await background.send({
    type: 'event-record',
    orderId: DHGATE_ORDER_ID,
    event: 'refund-requested',
    at: '2026-11-10T09:00:00.000Z',
  });
}

/** The workspace a click on the escalation reminder opens, once it was shown (or not yet). */
function openedByReminder({ locale = 'en-GB', rung = true, reminderKey = KEY } = {}) {
  return renderPage(
    (background) => (
      <CaseWorkspace db={background.db} orderId={DHGATE_ORDER_ID} reminderKey={reminderKey} />
    ),
    {
      locale,
      before: async (background) => {
        await refundRequested(background);
        if (rung) await background.advanceTo('2026-11-15T09:00:01.000Z');
        background.now = new Date(NOW);
      },
    },
  );
}

describe('the reminder that opened the workspace', () => {
  it('says what the reminder said, and brings it back tomorrow at this time', async () => {
    const user = userEvent.setup();
    const { background } = await openedByReminder();
    const card = await screen.findByRole('region', { name: 'Reminder' });
    expect(
      within(card).getByText("The seller's time to answer is over: you can escalate now."),
    ).toBeTruthy();
    await user.click(within(card).getByRole('button', { name: 'Remind me tomorrow' }));
    // A day after 10:30 on the 15th, in Paris.
    expect((await within(card).findByRole('status')).textContent).toBe(
      'I’ll remind you again tomorrow at 10:30.',
    );
    expect(within(card).queryByRole('button', { name: 'Remind me tomorrow' })).toBeNull();
    expect(await background.db.reminders.get(KEY)).toEqual({
      id: KEY,
      notifiedAt: '2026-11-15T09:00:01.000Z',
      snoozedUntil: '2026-11-16T09:30:00.000Z',
    });
  });

  it('speaks French to a French buyer', async () => {
    const user = userEvent.setup();
    await openedByReminder({ locale: 'fr-FR' });
    const card = await screen.findByRole('region', { name: 'Rappel' });
    expect(
      within(card).getByText(
        'Le délai de réponse du vendeur est écoulé : vous pouvez faire appel à la plateforme.',
      ),
    ).toBeTruthy();
    await user.click(within(card).getByRole('button', { name: 'Me le rappeler demain' }));
    expect((await within(card).findByRole('status')).textContent).toBe(
      'Je vous le rappellerai demain à 10:30.',
    );
  });

  it('closes on "Dismiss", and the reminder stays as it was', async () => {
    const user = userEvent.setup();
    const { background } = await openedByReminder();
    const card = await screen.findByRole('region', { name: 'Reminder' });
    await user.click(within(card).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('region', { name: 'Reminder' })).toBeNull();
    expect(screen.getByRole('heading', { level: 1, name: /1043587216/ })).toBeTruthy();
    expect(await background.db.reminders.get(KEY)).toEqual({
      id: KEY,
      notifiedAt: '2026-11-15T09:00:01.000Z',
    });
  });

  it('says why the background could not put it off, and keeps the button', async () => {
    const user = userEvent.setup();
    const { background } = await openedByReminder();
    const card = await screen.findByRole('region', { name: 'Reminder' });
    vi.spyOn(background.db.reminders, 'update').mockRejectedValueOnce(
      new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
    );
    await user.click(within(card).getByRole('button', { name: 'Remind me tomorrow' }));
    expect((await within(card).findByRole('alert')).textContent).toBe(
      'There is not enough storage space left: nothing was saved.',
    );
    expect(within(card).getByRole('button', { name: 'Remind me tomorrow' })).toBeTruthy();
    expect((await background.db.reminders.get(KEY))?.snoozedUntil).toBeUndefined();
  });

  it.each<[string, { rung?: boolean; reminderKey?: string }]>([
    ['a reminder not shown yet', { rung: false }],
    [
      'a deadline the order does not have',
      { reminderKey: `${DHGATE_ORDER_ID}|seller-response-due|opens|2026-11-14T09:00:00.000Z` },
    ],
    [
      'another order’s reminder',
      { reminderKey: 'dhgate:1043587299|seller-response-due|opens|2026-11-15T09:00:00.000Z' },
    ],
  ])('is not shown for %s, even one with a stored record', async (_what, options) => {
    const { db } = await openedByReminder(options);
    await screen.findByRole('heading', { level: 1, name: /1043587216/ });
    const reminderKey = options.reminderKey ?? KEY;
    // As if shown once: only the order's plan can tell the card it is not one of its reminders.
    if (options.reminderKey) await db.reminders.put({ id: reminderKey, notifiedAt: NOW });
    // The card's own lookup of the record answers within a few milliseconds.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await db.reminders.get(reminderKey)).toEqual(
      options.reminderKey ? { id: reminderKey, notifiedAt: NOW } : undefined,
    );
    expect(screen.queryByRole('region', { name: 'Reminder' })).toBeNull();
  });
});
