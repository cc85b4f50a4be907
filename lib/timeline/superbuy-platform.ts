/**
 * The Superbuy platform's clocks, the same for each of its brands (Superbuy, Wegobuy,
 * Allchinabuy): the warehouse's windows while items wait there, the seller's refund once asked
 * for, the refund window after the parcel arrives, and customer service's mediation.
 */
import { POLICIES } from '../policies';
import type { PlanContext } from './context';
import type { Deadline, PlannerResult } from './types';

/**
 * When the items waiting at the warehouse came in: each one's stock-in time as its row prints it,
 * else when CaseClock first saw the whole order there. None once the buyer's parcel has left.
 */
function stockIns(ctx: PlanContext): string[] {
  const { facts } = ctx;
  if (facts.shippedAt || facts.deliveredAt) return [];
  const printed = ctx.input.order.items.flatMap((item) =>
    item.status === 'in-warehouse' && item.stockedInAt ? [item.stockedInAt] : [],
  );
  if (printed.length > 0) return [...new Set(printed)].sort();
  return facts.stockedInAt && facts.status === 'in-warehouse' ? [facts.stockedInAt] : [];
}

/**
 * A window each item has from its own stock-in: the next one to close, so the buyer is reminded
 * of every item in turn; once all have closed, the last.
 */
function nextToClose(
  ctx: PlanContext,
  kind: 'warehouse-return-closes' | 'free-storage-ends',
  from: readonly string[],
): Deadline | undefined {
  if (from.length === 0) return undefined;
  const rule = ctx.rule(kind === 'warehouse-return-closes' ? 'warehouseReturn' : 'freeStorage');
  const each = from.map((at) => ctx.deadline(kind, 'closes', at, rule));
  return each.find((deadline) => !deadline.passed) ?? each.at(-1);
}

/** The agent's warehouse windows, while the items wait there, and the refund window after. */
function windows(ctx: PlanContext): Deadline[] {
  const { facts } = ctx;
  const from = stockIns(ctx);
  const deadlines = [
    nextToClose(ctx, 'warehouse-return-closes', from),
    nextToClose(ctx, 'free-storage-ends', from),
  ].flatMap((deadline) => deadline ?? []);
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
  const checkQcPhotos = ctx.step('inspect-items', 'next.check-qc-photos');
  const returnWindow = deadlines.find((deadline) => deadline.kind === 'warehouse-return-closes');
  const returnOpen = returnWindow !== undefined && !returnWindow.passed;
  if (status === 'in-warehouse') {
    // Once no return is possible, what is left is sending the parcel before storage costs.
    const nextStep =
      returnWindow && !returnOpen ? ctx.step('wait', 'next.send-parcel') : checkQcPhotos;
    return { ...base, stage: 'in-warehouse', nextStep };
  }
  if (status === 'shipped' || facts.shippedAt) {
    return { ...base, stage: 'in-transit', nextStep: ctx.step('wait', 'next.await-parcel') };
  }
  // Items already at the warehouse are checked while a return is possible, even as others come.
  return {
    ...base,
    stage: status === 'awaiting-payment' ? 'awaiting-payment' : 'awaiting-shipment',
    nextStep: returnOpen ? checkQcPhotos : ctx.step('wait', 'next.await-warehouse'),
  };
}
