import { ALLCHINABUY_POLICY } from '../policies/allchinabuy';
import type { PlanContext } from './context';
import type { Deadline, PlannerResult } from './types';

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
      ),
      ctx.deadline('free-storage-ends', 'closes', facts.stockedInAt, ctx.rule('freeStorage')),
    );
  }
  if (facts.deliveredAt) {
    deadlines.push(
      ctx.deadline('refund-window-closes', 'closes', facts.deliveredAt, ctx.rule('refundWindow')),
    );
  }
  return deadlines;
}

export function planAllchinabuy(ctx: PlanContext): PlannerResult {
  const { facts } = ctx;
  if (facts.closed) return ctx.closed();
  const deadlines = windows(ctx);
  const base = { deadlines, compensation: [] };
  if (ctx.input.case) {
    if (facts.resolvedAt) {
      return { ...base, stage: 'resolved', nextStep: ctx.step('none', 'next.resolved') };
    }
    if (facts.disputeOpenedAt) {
      const followUp = ctx.deadline(
        'follow-up-due',
        'opens',
        facts.disputeOpenedAt,
        ctx.rule('followUp'),
      );
      deadlines.push(followUp);
      return {
        ...base,
        stage: 'escalated',
        nextStep: followUp.passed
          ? ctx.step('follow-up', 'next.follow-up', {
              dueAt: followUp.dueAt,
              instructions: instructions.followUp,
            })
          : ctx.step('wait', 'next.mediating', {
              dueAt: followUp.dueAt,
            }),
      };
    }
    if (facts.contactedSellerAt) {
      return {
        ...base,
        stage: facts.sellerRepliedAt ? 'negotiating' : 'awaiting-seller',
        nextStep: ctx.step('open-dispute', 'next.open-dispute-if-seller-fails', {
          instructions: instructions.openDispute,
        }),
      };
    }
    return {
      ...base,
      stage: 'case-opened',
      nextStep: ctx.step('contact-seller', 'next.contact-seller', {
        instructions: instructions.contactSeller,
      }),
    };
  }
  if (facts.deliveredAt) {
    return {
      ...base,
      stage: facts.confirmedAt ? 'receipt-confirmed' : 'delivered',
      nextStep: facts.inspectedAt
        ? ctx.step('none', 'next.all-good')
        : ctx.step('inspect-items', 'next.inspect-while-refundable'),
    };
  }
  const status = facts.status;
  if (status === 'in-warehouse') {
    return {
      ...base,
      stage: 'in-warehouse',
      nextStep: ctx.step('inspect-items', 'next.check-qc-photos'),
    };
  }
  if (status === 'shipped' || facts.shippedAt) {
    return { ...base, stage: 'in-transit', nextStep: ctx.step('wait', 'next.await-parcel') };
  }
  return {
    ...base,
    stage: status === 'awaiting-payment' ? 'awaiting-payment' : 'awaiting-shipment',
    nextStep: ctx.step('wait', 'next.await-warehouse'),
  };
}
