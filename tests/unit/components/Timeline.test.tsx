import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '@/components/I18n';
import { Timeline } from '@/components/Timeline';
import type { ReminderLogEntry, StoredCase, StoredEvent, StoredOrder } from '@/lib/db/schema';
import { event, plan } from '../timeline/helpers';
import { PARIS } from '../zones';

const NOW = new Date('2026-11-12T09:00:00.000Z');

const ORDER: StoredOrder = {
  id: 'dhgate:1043587216',
  marketplace: 'dhgate',
  orderNumber: '1043587216',
  items: [],
  firstSeenAt: '2026-10-28T06:10:00.000Z',
  lastSeenAt: '2026-11-12T08:00:00.000Z',
};

function renderTimeline(
  events: StoredEvent[],
  locale = 'en-GB',
  {
    order = ORDER,
    openCase,
    reminders = [],
  }: { order?: StoredOrder; openCase?: StoredCase; reminders?: ReminderLogEntry[] } = {},
) {
  const planned = plan({
    reason: 'not-received',
    events,
    now: NOW.toISOString(),
    settings: { overrides: { dhgate: { sellerResponse: 3 } } },
  });
  const onCorrect = vi.fn<(eventId: string, at: string) => void>();
  const onRemove = vi.fn<(eventId: string) => void>();
  render(
    <I18nProvider locale={locale} timeZone={PARIS}>
      <Timeline
        order={order}
        openCase={openCase}
        events={events}
        reminders={reminders}
        deadlines={planned.deadlines}
        now={NOW}
        onCorrect={onCorrect}
        onRemove={onRemove}
      />
    </I18nProvider>,
  );
  return { onCorrect, onRemove };
}

const EVENTS = [
  event('tracking-uploaded', '2026-10-30T09:00:00.000Z', { trackingNumber: 'LZ492186534CN' }),
  event('refund-requested', '2026-11-10T09:00:00.000Z'),
];

function entries(name = 'Timeline') {
  return within(screen.getByRole('list', { name })).getAllByRole('listitem');
}

describe('the timeline', () => {
  it('draws "Now" after a case opened since the page’s clock last ticked', () => {
    const openCase: StoredCase = {
      id: 'case-1',
      orderId: ORDER.id,
      reason: 'not-received',
      openedAt: '2026-11-12T09:00:20.000Z', // 20 s after the page's "now"
      status: 'open',
    };
    renderTimeline(EVENTS, 'en-GB', { openCase });
    const titles = entries().map((entry) => entry.querySelector('.entry-title')?.textContent);
    expect(titles.indexOf('Case opened: Not received')).toBe(titles.indexOf('Now') - 1);
  });

  it('puts past events and passed deadlines above "Now", and the deadlines ahead below', () => {
    renderTimeline(EVENTS);
    const titles = entries().map((entry) => entry.querySelector('.entry-title')?.textContent);
    expect(titles).toEqual([
      'Tracking number LZ492186534CN',
      'A dispute can be opened',
      'You asked for a refund',
      'Now',
      "Seller's time to answer ends · tomorrow at 10:00",
      'Last day to open a dispute · in 77 days',
    ]);
    const now = entries()[3];
    expect(now?.getAttribute('aria-current')).toBe('time');
  });

  it('places the order’s own dates and the opening of the case among the events', () => {
    renderTimeline(EVENTS, 'en-GB', {
      order: {
        ...ORDER,
        placedAt: '2026-10-28T06:05:00.000Z',
        paidAt: '2026-10-28T06:05:00.000Z',
        shippedAt: '2026-10-30T08:00:00.000Z',
        edits: { shippedAt: '2026-10-30T08:00:00.000Z' },
      },
      openCase: {
        id: 'case-1',
        orderId: ORDER.id,
        reason: 'not-received',
        openedAt: '2026-11-09T23:30:00.000Z',
        status: 'open',
      },
    });
    const past = entries().slice(0, 6);
    expect(past.map((entry) => entry.querySelector('.entry-title')?.textContent)).toEqual([
      'Order placed',
      'Shipped by the seller',
      'Tracking number LZ492186534CN',
      'A dispute can be opened',
      'Case opened: Not received',
      'You asked for a refund',
    ]);
    expect(past[0]?.textContent).toContain('read on the page');
    expect(past[1]?.textContent).toContain('entered by you');
    expect(past[4]?.textContent).toContain('recorded by you');
    expect(within(past[0] as HTMLElement).queryByRole('button')).toBeNull();
  });

  it('says when each item reached the agent’s warehouse, as its order page printed it', () => {
    renderTimeline([], 'fr-FR', {
      order: {
        ...ORDER,
        items: [
          { title: 'Lampe de bureau', stockedInAt: '2026-11-05T13:03:19.000Z' },
          { title: 'Ampoules LED' },
          { title: 'Abat-jour', stockedInAt: '2026-11-04T09:47:52.000Z' },
        ],
      },
    });
    const stockIns = entries('Chronologie').filter((entry) =>
      entry.querySelector('.entry-title')?.textContent.startsWith('Arrivé'),
    );
    expect(stockIns.map((entry) => entry.querySelector('.entry-title')?.textContent)).toEqual([
      'Arrivé à l’entrepôt de l’agent : Abat-jour',
      'Arrivé à l’entrepôt de l’agent : Lampe de bureau',
    ]);
    expect(stockIns[0]?.textContent).toContain('lu sur la page');
  });

  it('shows each reminder sent, a snoozed one shown again twice, in the buyer’s language', () => {
    const key = `${ORDER.id}|seller-response-due|opens|2026-11-13T09:00:00.000Z`;
    const sent = (shownAt: string): ReminderLogEntry => ({
      id: `${key}|${shownAt}`,
      orderId: ORDER.id,
      reminder: key,
      kind: 'seller-response-due',
      edge: 'opens',
      dueAt: '2026-11-13T09:00:00.000Z',
      shownAt,
    });
    const reminders = [sent('2026-11-11T09:00:00.000Z'), sent('2026-11-12T08:30:00.000Z')];
    renderTimeline(EVENTS, 'en-GB', { reminders });
    const sentEntries = entries().filter((entry) =>
      entry.textContent.startsWith('11 Nov 2026, 10:00Reminder sent'),
    );
    expect(sentEntries).toHaveLength(1);
    const titles = entries().map((entry) => entry.querySelector('.entry-title')?.textContent);
    expect(titles.slice(2, 6)).toEqual([
      'You asked for a refund',
      "Reminder sent: Seller's time to answer ends",
      "Reminder sent: Seller's time to answer ends",
      'Now',
    ]);
    expect(sentEntries[0]?.textContent).toContain('a notification from CaseClock');
    expect(entries()[4]?.querySelector('time')?.textContent).toBe('12 Nov 2026, 09:30');
    cleanup();

    renderTimeline(EVENTS, 'fr-FR', { reminders: reminders.slice(0, 1) });
    expect(
      entries('Chronologie').some(
        (entry) =>
          entry.querySelector('.entry-title')?.textContent ===
          'Rappel envoyé : Fin du délai de réponse du vendeur',
      ),
    ).toBe(true);
  });

  it('says where each deadline comes from, how it was counted, and when the buyer changed it', () => {
    renderTimeline(EVENTS);
    const answer = entries().find((entry) => entry.dataset.kind === 'seller-response-due');
    if (!answer) throw new Error('no seller deadline');
    expect(answer.textContent).toContain('3 days after 10 Nov 2026, 10:00');
    expect(answer.textContent).toContain('Your setting is in force: 3 instead of 5');
    expect(answer.textContent).toContain(
      'Source: Buyer’s guide “How to file a dispute on DHgate” · third party, not the site’s own terms · last checked 30 November 2026 · confidence: stated in the guide',
    );
    const source = within(answer)
      .getByText(/^Source:/)
      .closest('details');
    expect(source?.querySelector('blockquote')?.textContent).toBeTruthy();
  });

  it('tells events read on pages from the buyer’s, who can correct a time or remove their own', async () => {
    const user = userEvent.setup();
    const { onCorrect, onRemove } = renderTimeline(EVENTS);
    const [tracking] = entries();
    const refund = entries()[2];
    if (!tracking || !refund) throw new Error('missing entries');
    expect(tracking.textContent).toContain('read on the page');
    expect(within(tracking).queryByRole('button', { name: 'Remove' })).toBeNull();
    expect(refund.textContent).toContain('recorded by you');

    await user.click(within(refund).getByRole('button', { name: 'Change the time' }));
    const input = within(refund).getByLabelText('Change the time');
    await user.clear(input);
    await user.type(input, '2026-11-09T18:30');
    await user.click(within(refund).getByRole('button', { name: 'Save' }));
    expect(onCorrect).toHaveBeenCalledWith(EVENTS[1]?.id, '2026-11-09T17:30:00.000Z');

    await user.click(within(refund).getByRole('button', { name: 'Remove' }));
    expect(onRemove).not.toHaveBeenCalled();
    await user.click(within(refund).getByRole('button', { name: 'Remove for good' }));
    expect(onRemove).toHaveBeenCalledWith(EVENTS[1]?.id);
  });

  it('shows a corrected time beside the first one, in French for a French buyer', () => {
    renderTimeline(
      [
        {
          ...event('refund-requested', '2026-11-09T09:00:00.000Z'),
          originalAt: '2026-11-10T09:00:00.000Z',
        },
      ],
      'fr-FR',
    );
    const refund = entries('Chronologie').find((entry) =>
      entry.textContent.includes('remboursement'),
    );
    expect(refund?.textContent).toContain('Vous avez demandé un remboursement');
    expect(refund?.textContent).toContain('corrigé (noté d’abord le 10 nov. 2026, 10:00)');
  });
});
