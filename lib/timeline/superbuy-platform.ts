/**
 * The Superbuy platform's clocks, the same for each of its brands (Superbuy, Wegobuy,
 * Allchinabuy): the warehouse's windows while items wait there, the seller's refund once asked
 * for, the refund window after the parcel arrives, and customer service's mediation.
 */
import { POLICIES } from '../policies';
import type { PlanContext } from './context';
import type { Deadline, PlannerResult } from './types';

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

/**
 * The seller's refund the buyer asked for: about 3 days once the agent bought the item, about 7
 * when the seller shipped with a fake tracking number; past it, the buyer follows up.
 */
function sellerRefund(ctx: PlanContext): Deadline | undefined {
  const { facts } = ctx;
  if (!facts.refundRequestedAt || facts.disputeOpenedAt) return undefined;
  const fakeTracking = ctx.input.case?.reason === 'invalid-tracking';
  return ctx.deadline(
    'seller-refund-due',
    'opens',
    facts.refundRequestedAt,
    ctx.rule(fakeTracking ? 'fakeTrackingRefund' : 'sellerRefund'),
  );
}

export function planSuperbuyPlatform(ctx: PlanContext): PlannerResult {
  const { facts } = ctx;
  if (facts.closed) return ctx.closed();
  const { instructions } = POLICIES[ctx.input.order.marketplace];
  const deadlines = windows(ctx);
  const base = { deadlines, compensation: [] };
  if (ctx.input.case) {
    if (facts.resolvedAt) {
      return { ...base, stage: 'resolved', nextStep: ctx.step('none', 'next.resolved') };
    }
    const refund = sellerRefund(ctx);
    if (refund) {
      deadlines.push(refund);
      return {
        ...base,
        stage: 'awaiting-seller',
        nextStep: refund.passed
          ? ctx.step('follow-up', 'next.follow-up-refund', {
              dueAt: refund.dueAt,
              instructions: instructions.followUp,
            })
          : ctx.step('wait', 'next.await-refund', { dueAt: refund.dueAt }),
      };
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
