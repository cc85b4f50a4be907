import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '@/components/I18n';
import { NextStepCard, type RecordChoice } from '@/components/NextStepCard';
import type { MarketplaceId } from '@/lib/marketplaces/types';
import type { CasePlan } from '@/lib/timeline';
import { event, plan } from '../timeline/helpers';
import { PARIS } from '../zones';

const NOW = new Date('2026-11-16T09:00:00.000Z');

function renderCard(
  planned: CasePlan,
  options: { marketplace?: MarketplaceId; locale?: string; hasCase?: boolean } = {},
) {
  const onRecord = vi.fn<(choice: RecordChoice, at: string) => void>();
  render(
    <I18nProvider locale={options.locale ?? 'en-GB'} timeZone={PARIS}>
      <NextStepCard
        marketplace={options.marketplace ?? 'dhgate'}
        plan={planned}
        hasCase={options.hasCase ?? true}
        paypal={false}
        now={NOW}
        onRecord={onRecord}
      />
    </I18nProvider>,
  );
  return { onRecord };
}

const escalation = () =>
  plan({
    reason: 'not-received',
    events: [event('refund-requested', '2026-11-10T09:00:00.000Z')],
    now: NOW.toISOString(),
  });

describe('the next step card', () => {
  it('says what to do now and where on DHgate, in the site’s own words', () => {
    renderCard(escalation());
    expect(screen.getByText('Escalate the case to DHgate')).toBeTruthy();
    expect(screen.getByText('You can do it now')).toBeTruthy();
    const where = screen.getByRole('heading', { name: 'Where on DHgate' }).parentElement;
    expect(
      within(where as HTMLElement)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'My DHgate › "Refund and dispute"',
      'Open the record of the order',
      'Action column › "Escalate Case to DHgate"',
    ]);
  });

  it('gives the same directions in French', () => {
    renderCard(escalation(), { locale: 'fr-FR' });
    expect(screen.getByText('Faites remonter le litige à DHgate')).toBeTruthy();
    expect(screen.getByText('Colonne Action › « Escalate Case to DHgate »')).toBeTruthy();
  });

  it('says until when to wait', () => {
    renderCard(
      plan({
        reason: 'not-received',
        events: [event('refund-requested', '2026-11-14T09:00:00.000Z')],
        now: NOW.toISOString(),
      }),
    );
    expect(screen.getByText("Wait for the seller's answer until you can escalate")).toBeTruthy();
    expect(screen.getByText('Wait until 19 Nov 2026, 10:00 (in 3 days 0 h)')).toBeTruthy();
  });

  it('highlights the record of the step, and records it at the time the buyer gives', async () => {
    const user = userEvent.setup();
    const { onRecord } = renderCard(escalation());
    const escalated = screen.getByRole('button', { name: 'I escalated' });
    expect(escalated.className).toBe('primary');
    expect(screen.getByRole('button', { name: 'I asked for a refund' }).className).toBe('');
    await user.click(escalated);
    const when = screen.getByLabelText('When: I escalated');
    expect((when as HTMLInputElement).value).toBe('2026-11-16T10:00');
    await user.clear(when);
    await user.type(when, '2026-11-16T08:15');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onRecord).toHaveBeenCalledWith(
      expect.objectContaining({ event: 'escalated' }),
      '2026-11-16T07:15:00.000Z',
    );
  });

  it('records how a case ended', async () => {
    const user = userEvent.setup();
    const { onRecord } = renderCard(escalation());
    await user.click(screen.getByRole('button', { name: 'Resolved: partial refund' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onRecord).toHaveBeenCalledWith(
      expect.objectContaining({ event: 'resolved', details: { outcome: 'partial' } }),
      '2026-11-16T09:00:00.000Z',
    );
  });

  it('offers each marketplace’s own steps: the seller first on Allchinabuy', () => {
    renderCard(
      plan({
        marketplace: 'allchinabuy',
        reason: 'damaged',
        order: { status: 'completed', receivedAt: '2026-11-14T09:00:00.000Z' },
        now: NOW.toISOString(),
      }),
      { marketplace: 'allchinabuy' },
    );
    expect(screen.getByText('Contact the seller first, with photos or videos')).toBeTruthy();
    const buttons = within(screen.getByText('Record what you did').parentElement as HTMLElement)
      .getAllByRole('button')
      .map((button) => button.textContent);
    expect(buttons.slice(0, 5)).toEqual([
      'I contacted the seller',
      'I asked for a refund',
      'The seller replied',
      'I opened a dispute',
      'The platform contacted me',
    ]);
    expect(screen.getByRole('button', { name: 'I contacted the seller' }).className).toBe(
      'primary',
    );
  });

  it('without a case, records what happened to the order and tells what to inspect', () => {
    renderCard(plan({ order: { status: 'delivered' }, now: NOW.toISOString() }), {
      hasCase: false,
    });
    expect(screen.getByText('Inspect the items before you confirm receipt')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'I inspected the items' }).className).toBe('primary');
    expect(screen.queryByRole('button', { name: 'I escalated' })).toBeNull();
  });
});
