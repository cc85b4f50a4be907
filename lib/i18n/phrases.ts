import { adapterById } from '../marketplaces/registry';
import type { MarketplaceId, ReadingProblem } from '../marketplaces/types';
import type { PageReport } from '../db/schema';
import type { Money } from '../money';
import type { Confidence, RuleUnit, SourceDocument } from '../policies/types';
import type { Compensation, Deadline, DeadlineKind, NextStep } from '../timeline/types';
import { dateFormat } from './format';
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
  return t(`draft.text.period.${unit}.${plural(value, language)}` as const, { count: value });
}

/** Which of a message's two forms a number takes: French says "1 jour" and "0 jour" too. */
function plural(count: number, language: Language): 'one' | 'other' {
  return new Intl.PluralRules(localeFor(language)).select(count) === 'one' ? 'one' : 'other';
}

/** Things CaseClock counts for the buyer, each with its singular and plural message. */
export type Countable =
  | 'case'
  | 'step'
  | 'entry'
  | 'evidence'
  | `kind.${'screenshot' | 'photo' | 'video' | 'text' | 'note' | 'file'}`;

/** "1 case", "3 photos", "2 preuves". */
export function countText(
  t: Translate,
  language: Language,
  thing: Countable,
  count: number,
): string {
  return t(`count.${thing}.${plural(count, language)}`, { count });
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

/** A source as a buyer can look it up: "Buyer's guide “How to file a dispute on DHgate”". */
export function sourceName(t: Translate, source: SourceDocument, language: Language): string {
  const genre = source.genre[language];
  return source.title === undefined ? genre : t('source.titled', { genre, title: source.title });
}

/**
 * How far to trust a source: who wrote it, the day CaseClock last checked its rules against it
 * and, for a rule, how sure that rule is: "third party, not the site’s own terms · last checked
 * 30 November 2026 · confidence: stated in the guide".
 */
export function sourceStanding(
  t: Translate,
  source: SourceDocument & { confidence?: Confidence },
  locale: string,
): string {
  // A calendar day, the same wherever the buyer is.
  const day = dateFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  return [
    t(`source.kind.${source.kind}`),
    t('source.checked', { date: day.format(new Date(source.checkedOn)) }),
    ...(source.confidence
      ? [t('source.confidence', { level: t(`confidence.${source.confidence}`) })]
      : []),
  ].join(' · ');
}

/** "Source: " a source's name and standing, on one line, as the workspace and settings show it. */
export function sourceLine(
  t: Translate,
  source: SourceDocument & { confidence?: Confidence },
  language: Language,
  locale: string,
): string {
  const named = `${sourceName(t, source, language)} · ${sourceStanding(t, source, locale)}`;
  return t('source.line', { source: named });
}

/** One thing CaseClock could not read on a page, in the buyer's words. */
export function problemText(
  t: Translate,
  problem: ReadingProblem,
  marketplace: MarketplaceId,
): string {
  const name = marketplaceName(marketplace);
  switch (problem.kind) {
    case 'order-without-number':
    case 'no-order':
      return t(`problem.${problem.kind}`);
    case 'order-number-refused':
      return t('problem.order-number-refused', { shown: problem.shown, marketplace: name });
    case 'page-failed':
      return t('problem.page-failed', { detail: problem.detail });
    case 'field-missing':
    case 'field-clipped':
      return t(`problem.${problem.kind}`, {
        order: problem.order,
        field: t(`field.${problem.field}`),
      });
    case 'field-unreadable':
    case 'link-refused':
      return t(`problem.${problem.kind}`, {
        order: problem.order,
        field: t(`field.${problem.field}`),
        shown: problem.shown,
        marketplace: name,
      });
  }
}

/** Everything a page's report says, in the buyer's words: what was not read, then not kept. */
export function pageReportLines(t: Translate, report: PageReport): string[] {
  const marketplace = marketplaceName(report.marketplace);
  return [
    ...report.problems.map((problem) => problemText(t, problem, report.marketplace)),
    ...report.refused.map(({ order, reason, detail }) =>
      t(`problem.refused.${reason}`, { order, marketplace, detail: detail ?? '' }),
    ),
  ];
}
