import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Checklist } from '@/components/Checklist';
import { I18nProvider } from '@/components/I18n';
import { checklistFor, checklistProgress } from '@/lib/evidence/checklist';
import { PARIS } from '../zones';

function renderChecklist(shown: string[][], locale = 'en-GB') {
  const progress = checklistProgress(
    checklistFor('dhgate', 'not-received'),
    shown.map((shows) => ({ shows })),
  );
  render(
    <I18nProvider locale={locale} timeZone={PARIS}>
      <Checklist progress={progress} />
    </I18nProvider>,
  );
}

describe('the evidence checklist', () => {
  it('lists what a "not received" case needs, with why, and ticks what evidence shows', () => {
    renderChecklist([['order-details'], ['carrier-page']]);
    const items = screen.getAllByRole('listitem');
    expect(items.map((item) => item.dataset.subject)).toEqual([
      'order-details',
      'tracking-page',
      'seller-chat',
    ]);
    expect(items.map((item) => item.className)).toEqual(['done', '', '']);
    expect(items[0]?.textContent).toContain('Order details (collected)');
    expect(items[1]?.textContent).toContain('Tracking page showing no information (missing)');
    expect(items[1]?.textContent).toContain(
      'Source: Buyer’s guide “How to file a dispute on DHgate” · third party, not the site’s own terms · last checked 30 November 2026',
    );
    expect(items[2]?.textContent).toContain(
      "Source: Article “Analysis of DHgate's Customer Service Dispute System”",
    );
    expect(items[2]?.textContent).toContain(
      'Source: Buyer’s guide “How to request a refund on Allchinabuy”',
    );
    expect(screen.getByRole('heading', { name: 'Checklist 1 of 3 collected' })).toBeTruthy();
  });

  it('is complete once every item is shown, in French too', () => {
    renderChecklist([['order-details', 'tracking-page'], ['seller-chat']], 'fr-FR');
    expect(screen.getAllByRole('listitem').every((item) => item.className === 'done')).toBe(true);
    expect(screen.getByRole('heading', { name: 'Liste de preuves 3 sur 3 réunies' })).toBeTruthy();
    expect(screen.getAllByRole('listitem')[0]?.textContent).toContain(
      "Source : Article « Analysis of DHgate's Customer Service Dispute System » · source tierce, pas les conditions du site · dernière vérification le 30 novembre 2026",
    );
  });
});
