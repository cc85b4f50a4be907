import { PAYPAL_POLICY } from '../policies/paypal';
import type { PlanContext } from './context';
import type { Deadline } from './types';

/** PayPal's clock, for orders paid with PayPal: it runs beside the marketplace's. */
export function paypalWindows(ctx: PlanContext): Deadline[] {
  const { facts } = ctx;
  if (facts.closed || (facts.confirmedAt !== undefined && !ctx.input.case)) return [];
  const deadlines: Deadline[] = [];
  if (facts.paypalDisputeOpenedAt) {
    deadlines.push(
      ctx.deadline(
        'paypal-escalation-closes',
        'closes',
        facts.paypalDisputeOpenedAt,
        ctx.rule('escalateClaim', PAYPAL_POLICY),
      ),
    );
  } else if (facts.paidAt) {
    deadlines.push(
      ctx.deadline(
        'paypal-dispute-closes',
        'closes',
        facts.paidAt,
        ctx.rule('openDispute', PAYPAL_POLICY),
      ),
    );
  }
  return deadlines;
}
