import type { MarketplaceId } from '../marketplaces/types';
import { planAliexpress } from './aliexpress';
import { planAllchinabuy } from './allchinabuy';
import { PlanContext } from './context';
import { planDhgate } from './dhgate';
import { factsOf } from './facts';
import { paypalWindows } from './paypal';
import type { CasePlan, PlanInput, PlannerResult } from './types';

export type * from './types';
export { DEFAULT_SETTINGS } from './types';

const PLANNERS: Readonly<Record<MarketplaceId, (ctx: PlanContext) => PlannerResult>> = {
  dhgate: planDhgate,
  allchinabuy: planAllchinabuy,
  aliexpress: planAliexpress,
};

/**
 * Where an order's dispute stands, pure and deterministic: its stage, every deadline (in the
 * buyer's time zone), the next step and any compensation the buyer looks entitled to.
 */
export function planCase(input: PlanInput): CasePlan {
  const ctx = new PlanContext(input, factsOf(input.order, input.events));
  const planned = PLANNERS[input.order.marketplace](ctx);
  const paypal = input.settings.paypal[input.order.marketplace] ? paypalWindows(ctx) : [];
  const deadlines = [...planned.deadlines, ...paypal].sort(
    (a, b) => new Date(a.dueAt).getTime() - new Date(b.dueAt).getTime(),
  );
  return {
    ...planned,
    deadlines,
    overrides: [...ctx.overrides].sort(),
    notes: ctx.notes,
  };
}
