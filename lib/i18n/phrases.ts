import { adapterById } from '../marketplaces/registry';
import type { MarketplaceId } from '../marketplaces/types';
import type { Money } from '../money';
import type { RuleUnit } from '../policies/types';
import type { Compensation, Deadline, DeadlineKind, NextStep } from '../timeline/types';
import type { Language, Translate } from '.';

const LOCALES: Readonly<Record<Language, string>> = { en: 'en-GB', fr: 'fr-FR' };

/** The locale amounts and dates are written in for a language, away from the buyer's browser. */
export function localeFor(language: Language): string {
  return LOCALES[language];
}

export function marketplaceName(id: MarketplaceId): string {
  return adapterById(id)?.name ?? id;
}

/** The next step in words: "Escalate the case to DHgate". */
export function stepText(
  t: Translate,
  step: Pick<NextStep, 'message' | 'values'>,
  marketplace: MarketplaceId,
): string {
  return t(step.message, { ...step.values, marketplace: marketplaceName(marketplace) });
}

/** A deadline with its countdown: "escalation opens in 2 days 4 h". */
export function deadlinePhrase(t: Translate, kind: DeadlineKind, countdown: string): string {
  return t('countdown.phrase', { what: t(`when.${kind}`), when: countdown });
}

/** "5 days", "7 business days", "120 hours"; undefined for a unit that is not a duration. */
export function formatPeriod(
  value: number,
  unit: RuleUnit,
  language: Language,
  t: Translate,
): string | undefined {
  if (unit === 'usd') return undefined;
  const plural =
    new Intl.PluralRules(localeFor(language)).select(value) === 'one' ? 'one' : 'other';
  return t(`draft.text.period.${unit}.${plural}` as const, { count: value });
}

/** How a deadline was counted: "5 days after 10 Nov 2026, 10:00"; undefined if not a duration. */
export function ruleTiming(
  t: Translate,
  after: NonNullable<Deadline['after']>,
  language: Language,
  dateTime: (instant: string) => string,
): string | undefined {
  const period = formatPeriod(after.value, after.unit, language, t);
  return period && t('timeline.after', { period, date: dateTime(after.from) });
}

/** What the buyer looks entitled to: "US$20 off for the late shipment". */
export function compensationText(
  t: Translate,
  item: Pick<Compensation, 'kind' | 'amount'>,
  money: (amount: Money) => string,
): string {
  return t(`compensation.${item.kind}`, { amount: money(item.amount) });
}
