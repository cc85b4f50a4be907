import type { MarketplaceId } from '../marketplaces/types';
import type { DeadlineKind } from '../timeline/types';

/** Why to hold; 'unchecked': no answer about the order came in time, so the buyer decides. */
export type GuardReason = 'case-open' | 'evidence-incomplete' | 'not-inspected' | 'unchecked';

export interface GuardDecision {
  /** Hold the click and explain first. */
  guard: boolean;
  reasons: GuardReason[];
  /** Confirming ends every dispute on this marketplace. */
  endsAllDisputes: boolean;
  /** The windows still open that confirming would end. */
  losses: { kind: DeadlineKind; dueAt: string }[];
}

/** Confirming receipt ends every dispute on DHgate (French consumer guide). */
export function confirmingEndsAllDisputes(marketplace: MarketplaceId): boolean {
  return marketplace === 'dhgate';
}

/** What the buyer is told about an order CaseClock could not check in time: they decide. */
export function uncheckedDecision(marketplace: MarketplaceId): GuardDecision {
  return {
    guard: true,
    reasons: ['unchecked'],
    endsAllDisputes: confirmingEndsAllDisputes(marketplace),
    losses: [],
  };
}
