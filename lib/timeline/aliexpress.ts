import { ALIEXPRESS_POLICY, ALIEXPRESS_PROTECTION_SOURCE } from '../policies/aliexpress';
import type { PlanContext } from './context';
import type { Deadline, PlannerResult } from './types';

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
      ),
      ctx.deadline(
        'dispute-window-closes',
        'closes',
        facts.confirmedAt,
        ctx.rule('disputeAfterConfirmation'),
      ),
    ];
  }
  if (input.order.protectionEndsAt) {
    return [
      ctx.statedDeadline(
        'dispute-window-closes',
        'closes',
        input.order.protectionEndsAt,
        ALIEXPRESS_PROTECTION_SOURCE,
      ),
    ];
  }
  ctx.notes.add('note.protection-unknown');
  return [];
}

export function planAliexpress(ctx: PlanContext): PlannerResult {
  const { facts } = ctx;
  if (facts.closed) return ctx.closed();
  const deadlines = protectionWindows(ctx);
  const base = { deadlines, compensation: [] };
  if (facts.resolvedAt) {
    return { ...base, stage: 'resolved', nextStep: ctx.step('none', 'next.resolved') };
  }
  const disputeStart = facts.disputeOpenedAt ?? facts.refundRequestedAt;
  if (ctx.input.case && facts.escalatedAt) {
    return {
      ...base,
      stage: 'escalated',
      nextStep: ctx.step('wait', 'next.platform-reviewing'),
    };
  }
  if (ctx.input.case && disputeStart) {
    const answer = ctx.deadline(
      'seller-response-due',
      'opens',
      disputeStart,
      ctx.rule('sellerResponse'),
    );
    const stepIn = ctx.deadline(
      'platform-contact-due',
      'opens',
      disputeStart,
      ctx.rule('negotiation'),
    );
    deadlines.push(answer, stepIn);
    if (stepIn.passed) {
      return {
        ...base,
        stage: 'escalation-available',
        nextStep: ctx.step('escalate', 'next.escalate', {
          dueAt: stepIn.dueAt,
          instructions: instructions.escalate,
        }),
      };
    }
    return {
      ...base,
      stage: facts.sellerRepliedAt ? 'negotiating' : 'awaiting-seller',
      nextStep: ctx.step('wait', 'next.await-seller-answer', {
        dueAt: answer.passed ? stepIn.dueAt : answer.dueAt,
      }),
    };
  }
  if (ctx.input.case) {
    return {
      ...base,
      stage: 'case-opened',
      nextStep: ctx.step('open-dispute', 'next.open-dispute', {
        instructions: instructions.openDispute,
      }),
    };
  }
  if (facts.confirmedAt) {
    return {
      ...base,
      stage: 'receipt-confirmed',
      nextStep: ctx.step('none', 'next.confirmed-dispute-possible'),
    };
  }
  if (facts.deliveredAt || facts.status === 'delivered') {
    return {
      ...base,
      stage: 'delivered',
      nextStep: facts.inspectedAt
        ? ctx.step('none', 'next.confirm-when-satisfied')
        : ctx.step('inspect-items', 'next.inspect-before-confirm'),
    };
  }
  const status = facts.status;
  if (status === 'awaiting-payment' || status === 'awaiting-shipment') {
    return { ...base, stage: status, nextStep: ctx.step('wait', 'next.await-shipment') };
  }
  // Stryker disable next-line ConditionalExpression: before confirmation it is the only window
  const protection = deadlines.find((deadline) => deadline.kind === 'dispute-window-closes');
  return {
    ...base,
    stage: 'in-transit',
    nextStep:
      protection?.passed === false
        ? ctx.step('wait', 'next.await-parcel-protected', {
            dueAt: protection.dueAt,
          })
        : ctx.step('wait', 'next.await-parcel'),
  };
}
