import { ALIEXPRESS_POLICY, ALIEXPRESS_PROTECTION_SOURCE } from '../policies/aliexpress';
import type { PlanContext } from './context';
import type { PlannerResult } from './dhgate';
import type { Deadline } from './types';

const instructions = ALIEXPRESS_POLICY.instructions;

/** Buyer protection runs to the date the order page states, then on after confirmation. */
function protectionWindows(ctx: PlanContext): Deadline[] {
  const { facts, input } = ctx;
  if (facts.confirmedAt) {
    return [
      ctx.deadline(
        'refund-window-closes',
        'closes',
        facts.confirmedAt,
        ctx.rule('returnAfterConfirmation'),
        'Last day to ask for a return or refund, 7 days after confirming receipt',
      ),
      ctx.deadline(
        'dispute-window-closes',
        'closes',
        facts.confirmedAt,
        ctx.rule('disputeAfterConfirmation'),
        'Last day to open a dispute, 15 days after confirming receipt',
      ),
    ];
  }
  if (input.order.protectionEndsAt) {
    return [
      ctx.statedDeadline(
        'dispute-window-closes',
        'closes',
        input.order.protectionEndsAt,
        'Buyer protection ends: "Refund if no delivery before" this date',
        ALIEXPRESS_PROTECTION_SOURCE,
      ),
    ];
  }
  ctx.notes.push('Open the order page on AliExpress to learn when buyer protection ends');
  return [];
}

export function planAliexpress(ctx: PlanContext): PlannerResult {
  const { facts } = ctx;
  if (facts.cancelled || facts.status === 'refunded') {
    return {
      stage: 'closed',
      deadlines: [],
      nextStep: ctx.step('none', 'This order is closed'),
      compensation: [],
    };
  }
  const deadlines = protectionWindows(ctx);
  const base = { deadlines, compensation: [] };
  if (facts.resolvedAt) {
    return { ...base, stage: 'resolved', nextStep: ctx.step('none', 'The dispute is resolved') };
  }
  const disputeStart = facts.disputeOpenedAt ?? facts.refundRequestedAt;
  if (ctx.input.case && facts.escalatedAt) {
    return {
      ...base,
      stage: 'escalated',
      nextStep: ctx.step('wait', 'AliExpress is looking into the dispute: answer its requests'),
    };
  }
  if (ctx.input.case && disputeStart) {
    const answer = ctx.deadline(
      'seller-response-due',
      'opens',
      disputeStart,
      ctx.rule('sellerResponse'),
      "The seller's 5 days to answer end: without an answer your proposal is carried out",
    );
    const stepIn = ctx.deadline(
      'platform-contact-due',
      'opens',
      disputeStart,
      ctx.rule('negotiation'),
      'About 7 days of negotiation are over: ask AliExpress to step in',
    );
    deadlines.push(answer, stepIn);
    if (stepIn.passed) {
      return {
        ...base,
        stage: 'escalation-available',
        nextStep: ctx.step('escalate', 'Ask AliExpress to step in', {
          dueAt: stepIn.dueAt,
          instructions: instructions.escalate ?? [],
        }),
      };
    }
    return {
      ...base,
      stage: facts.sellerRepliedAt ? 'negotiating' : 'awaiting-seller',
      nextStep: ctx.step('wait', "Wait for the seller's answer to your dispute", {
        dueAt: answer.passed ? stepIn.dueAt : answer.dueAt,
      }),
    };
  }
  if (ctx.input.case) {
    return {
      ...base,
      stage: 'case-opened',
      nextStep: ctx.step('open-dispute', 'Open a dispute on AliExpress ("Returns/refunds")', {
        instructions: instructions.openDispute ?? [],
      }),
    };
  }
  if (facts.confirmedAt) {
    return {
      ...base,
      stage: 'receipt-confirmed',
      nextStep: ctx.step('none', 'Receipt confirmed: a dispute is still possible for a while'),
    };
  }
  if (facts.deliveredAt || facts.status === 'delivered') {
    return {
      ...base,
      stage: 'delivered',
      nextStep: facts.inspectedAt
        ? ctx.step('none', 'Confirm receipt on AliExpress once you are satisfied')
        : ctx.step('inspect-items', 'Inspect the items before you confirm receipt'),
    };
  }
  const status = facts.status;
  if (status === 'awaiting-payment' || status === 'awaiting-shipment') {
    return { ...base, stage: status, nextStep: ctx.step('wait', 'Wait for the seller to ship') };
  }
  const protection = deadlines.find((deadline) => deadline.kind === 'dispute-window-closes');
  return {
    ...base,
    stage: 'in-transit',
    nextStep:
      protection?.passed === false
        ? ctx.step(
            'wait',
            'Wait for the parcel; open a dispute before protection ends if it does not come',
            {
              dueAt: protection.dueAt,
            },
          )
        : ctx.step('wait', 'Wait for the parcel'),
  };
}
