import { PARIS } from '../zones';
import { describe, expect, it } from 'vitest';
import { translator } from '@/lib/i18n';
import { formatCountdown } from '@/lib/i18n/format';

const NOW = '2026-11-20T09:00:00.000Z'; // 10:00 in Paris

function countdown(dueAt: string, locale = 'en-GB', now = NOW): string {
  const t = translator(locale.startsWith('fr') ? 'fr' : 'en');
  // French puts non-breaking spaces between a number and its unit.
  return formatCountdown(dueAt, now, locale, t, PARIS).replace(/[\u00a0\u202f]/g, ' ');
}

describe('countdowns', () => {
  it.each([
    ['2026-11-20T09:00:30.000Z', 'in 1 min'],
    ['2026-11-20T09:45:00.000Z', 'in 45 min'],
    ['2026-11-20T14:20:00.000Z', 'in 5 h 20 min'],
    ['2026-11-21T08:00:00.000Z', 'tomorrow at 9:00'],
    ['2026-11-21T22:30:00.000Z', 'tomorrow at 23:30'],
    ['2026-11-22T13:00:00.000Z', 'in 2 days 4 h'],
    ['2026-11-23T09:00:00.000Z', 'in 3 days 0 h'],
    ['2026-11-27T09:00:00.000Z', 'in 7 days'],
    ['2027-02-18T09:00:00.000Z', 'in 90 days'],
    ['2026-11-20T08:59:00.000Z', 'passed'],
  ])('%s reads "%s"', (dueAt, expected) => {
    expect(countdown(dueAt)).toBe(expected);
  });

  it('says "tomorrow" by the calendar of the buyer’s zone, not 24 hours', () => {
    // 23:00 in Paris; 01:30 is the next day there, 2 h 30 min away.
    expect(countdown('2026-11-21T00:30:00.000Z', 'en-GB', '2026-11-20T22:00:00.000Z')).toBe(
      'in 2 h 30 min',
    );
    // 13 h away, still on the same calendar day: hours, not "tomorrow".
    expect(countdown('2026-11-20T22:00:00.000Z', 'en-GB', '2026-11-20T05:00:00.000Z')).toBe(
      'in 17 h 0 min',
    );
  });

  it('speaks French', () => {
    expect(countdown('2026-11-22T13:00:00.000Z', 'fr-FR')).toBe('dans 2 jours 4 h');
    expect(countdown('2026-11-21T08:00:00.000Z', 'fr-FR')).toBe('demain à 9:00');
    expect(countdown('2026-11-21T09:30:00.000Z', 'fr-FR', '2026-11-20T12:00:00.000Z')).toBe(
      'demain à 10:30',
    );
    expect(countdown('2027-02-18T09:00:00.000Z', 'fr-FR')).toBe('dans 90 jours');
  });

  it('writes one day in the singular', () => {
    // 23:00 in Paris on the 21st; 01:00 on the 23rd is the day after tomorrow, 26 hours away.
    expect(countdown('2026-11-23T00:00:00.000Z', 'en-GB', '2026-11-21T22:00:00.000Z')).toBe(
      'in 1 day 2 h',
    );
    expect(countdown('2026-11-23T00:00:00.000Z', 'fr-FR', '2026-11-21T22:00:00.000Z')).toBe(
      'dans 1 jour 2 h',
    );
  });
});
