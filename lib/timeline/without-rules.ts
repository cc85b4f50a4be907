import type { PlanContext } from './context';
import type { PlannerResult } from './types';

/**
 * An order of a marketplace CaseClock has no rules for (a damaged record, or one from a newer
 * version): where it stands by its own facts, with no deadline, since none can be counted.
 */
export function planWithoutRules(ctx: PlanContext): PlannerResult {
  const { facts } = ctx;
  if (facts.closed) return ctx.closed();
  const base = { deadlines: [], compensation: [] };
  if (facts.resolvedAt) {
    return { ...base, stage: 'resolved', nextStep: ctx.step('none', 'next.resolved') };
  }
  if (ctx.input.case) {
    return {
      ...base,
      stage: 'case-opened',
      nextStep: ctx.step('contact-seller', 'next.contact-seller'),
    };
  }
  if (facts.confirmedAt) {
    return { ...base, stage: 'receipt-confirmed', nextStep: ctx.step('none', 'next.all-good') };
  }
  if (facts.deliveredAt || facts.status === 'delivered') {
    return {
      ...base,
      stage: 'delivered',
      nextStep: ctx.step('inspect-items', 'next.inspect-before-confirm'),
    };
  }
  const status = facts.status;
  if (status === 'awaiting-payment' || status === 'awaiting-shipment') {
    return { ...base, stage: status, nextStep: ctx.step('wait', 'next.await-shipment') };
  }
  return { ...base, stage: 'in-transit', nextStep: ctx.step('wait', 'next.await-parcel') };
}
