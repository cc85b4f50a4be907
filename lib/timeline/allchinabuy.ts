import { ALLCHINABUY_POLICY } from '../policies/allchinabuy';
import type { PlanContext } from './context';
import type { PlannerResult } from './dhgate';
import type { Deadline } from './types';

const instructions = ALLCHINABUY_POLICY.instructions;

/** The agent's warehouse windows, while the items wait there, and the refund window after. */
function windows(ctx: PlanContext): Deadline[] {
  const { facts } = ctx;
  const deadlines: Deadline[] = [];
  if (facts.stockedInAt && !facts.shippedAt && facts.status === 'in-warehouse') {
    deadlines.push(
      ctx.deadline(
        'warehouse-return-closes',
        'closes',
        facts.stockedInAt,
        ctx.rule('warehouseReturn'),
        'Last moment to ask the warehouse for a return or exchange, 120 hours after the items arrived',
      ),
      ctx.deadline(
        'free-storage-ends',
        'closes',
        facts.stockedInAt,
        ctx.rule('freeStorage'),
        'Free storage at the warehouse ends; ship the items before fees apply',
      ),
    );
  }
  if (facts.deliveredAt) {
    deadlines.push(
      ctx.deadline(
        'refund-window-closes',
        'closes',
        facts.deliveredAt,
        ctx.rule('refundWindow'),
        'Ask for a refund within 7 days of receiving the parcel (Allchinabuy allows 7 to 14)',
      ),
    );
  }
  return deadlines;
}

export function planAllchinabuy(ctx: PlanContext): PlannerResult {
  const { facts } = ctx;
  const deadlines = windows(ctx);
  const base = { deadlines, compensation: [] };
  if (facts.cancelled || facts.status === 'refunded') {
    return {
      ...base,
      deadlines: [],
      stage: 'closed',
      nextStep: ctx.step('none', 'This order is closed'),
    };
  }
  if (ctx.input.case) {
    if (facts.resolvedAt) {
      return { ...base, stage: 'resolved', nextStep: ctx.step('none', 'The dispute is resolved') };
    }
    if (facts.disputeOpenedAt) {
      const followUp = ctx.deadline(
        'follow-up-due',
        'opens',
        facts.disputeOpenedAt,
        ctx.rule('followUp'),
        'No decision after a few days: follow up with customer service',
      );
      deadlines.push(followUp);
      return {
        ...base,
        stage: 'escalated',
        nextStep: followUp.passed
          ? ctx.step('follow-up', 'Follow up with Allchinabuy customer service', {
              dueAt: followUp.dueAt,
              instructions: instructions.followUp ?? [],
            })
          : ctx.step('wait', 'Customer service is mediating; wait for its decision', {
              dueAt: followUp.dueAt,
            }),
      };
    }
    if (facts.contactedSellerAt) {
      return {
        ...base,
        stage: facts.sellerRepliedAt ? 'negotiating' : 'awaiting-seller',
        nextStep: ctx.step('open-dispute', 'If the seller does not help, open a dispute', {
          instructions: instructions.openDispute ?? [],
        }),
      };
    }
    return {
      ...base,
      stage: 'case-opened',
      nextStep: ctx.step('contact-seller', 'Contact the seller first, with photos or videos', {
        instructions: instructions.contactSeller ?? [],
      }),
    };
  }
  if (facts.deliveredAt) {
    return {
      ...base,
      stage: facts.confirmedAt ? 'receipt-confirmed' : 'delivered',
      nextStep: facts.inspectedAt
        ? ctx.step('none', 'Everything in order')
        : ctx.step('inspect-items', 'Inspect the items while a refund can still be asked'),
    };
  }
  const status = facts.status;
  if (status === 'in-warehouse') {
    return {
      ...base,
      stage: 'in-warehouse',
      nextStep: ctx.step(
        'inspect-items',
        "Check the warehouse's QC photos while a return is possible",
      ),
    };
  }
  if (status === 'shipped' || facts.shippedAt) {
    return { ...base, stage: 'in-transit', nextStep: ctx.step('wait', 'Wait for the parcel') };
  }
  return {
    ...base,
    stage: status === 'awaiting-payment' ? 'awaiting-payment' : 'awaiting-shipment',
    nextStep: ctx.step('wait', 'Wait for the items to reach the warehouse'),
  };
}
