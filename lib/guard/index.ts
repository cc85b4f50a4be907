import { checklistFor, checklistProgress } from '../evidence/checklist';
import type { MarketplaceId } from '../marketplaces/types';
import type { CasePlan, CaseReason, TimelineEvent } from '../timeline/types';
import { confirmingEndsAllDisputes, type GuardDecision, type GuardReason } from './decision';

export { uncheckedDecision, type GuardDecision, type GuardReason } from './decision';

export interface GuardInput {
  marketplace: MarketplaceId;
  plan: CasePlan;
  openCase?: { reason: CaseReason };
  events: readonly TimelineEvent[];
  evidence: readonly { shows: readonly string[] }[];
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
