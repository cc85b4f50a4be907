import { checklistFor, checklistProgress } from '../evidence/checklist';
import type { MarketplaceId } from '../marketplaces/types';
import type { CasePlan, CaseReason, DeadlineKind, TimelineEvent } from '../timeline/types';

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

export interface GuardInput {
  marketplace: MarketplaceId;
  plan: CasePlan;
  openCase?: { reason: CaseReason };
  events: readonly TimelineEvent[];
  evidence: readonly { shows: readonly string[] }[];
}

/** Confirming receipt ends every dispute on DHgate (French consumer guide). */
function confirmingEndsAllDisputes(marketplace: MarketplaceId): boolean {
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

/** Whether clicking "confirm receipt" would forfeit something the buyer should know about. */
export function confirmReceiptGuard(input: GuardInput): GuardDecision {
  const reasons: GuardReason[] = [];
  if (input.openCase) {
    reasons.push('case-open');
    const progress = checklistProgress(
      checklistFor(input.marketplace, input.openCase.reason),
      input.evidence,
    );
    if (progress.some((entry) => !entry.done)) reasons.push('evidence-incomplete');
  }
  if (!input.events.some((event) => event.type === 'items-inspected'))
    reasons.push('not-inspected');
  return {
    guard: reasons.length > 0,
    reasons,
    endsAllDisputes: confirmingEndsAllDisputes(input.marketplace),
    losses: input.plan.deadlines
      .filter((deadline) => deadline.edge === 'closes' && !deadline.passed)
      .map(({ kind, dueAt }) => ({ kind, dueAt })),
  };
}
