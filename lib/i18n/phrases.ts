import { adapterById } from '../marketplaces/registry';
import type { MarketplaceId } from '../marketplaces/types';
import type { DeadlineKind, NextStep } from '../timeline/types';
import type { Translate } from '.';

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
