import type { MarketplaceId } from '../marketplaces/types';
import { planAliexpress } from './aliexpress';
import { PlanContext } from './context';
import { planDhgate } from './dhgate';
import { planSuperbuyPlatform } from './superbuy-platform';
import { factsOf } from './facts';
import { paypalWindows } from './paypal';
import type { CasePlan, NoteMessage, PlanInput, PlannerResult } from './types';
import { isMarketplaceId, usableInput } from './usable';
import { planWithoutRules } from './without-rules';

export type * from './types';
export { DEFAULT_SETTINGS } from './types';
export { usableEvents } from './usable';

/** Each marketplace's planner: its clocks, stages and next steps. */
export const PLANNERS: Readonly<Record<MarketplaceId, (ctx: PlanContext) => PlannerResult>> = {
  dhgate: planDhgate,
  allchinabuy: planSuperbuyPlatform,
  superbuy: planSuperbuyPlatform,
  wegobuy: planSuperbuyPlatform,
  aliexpress: planAliexpress,
};

/**
 * Where an order's dispute stands, pure and deterministic: its stage, every deadline (in the
 * buyer's time zone), the next step and any compensation the buyer looks entitled to. Total:
 * whatever the database holds, what cannot be planned on is left out and named in `notes`.
 */
export function planCase(input: PlanInput): CasePlan {
  const notes = new Set<NoteMessage>();
  const usable = usableInput(input, notes);
  const ctx = new PlanContext(usable, factsOf(usable.order, usable.events), notes);
  const { marketplace } = usable.order;
  const known = isMarketplaceId(marketplace);
  const planned = known ? PLANNERS[marketplace](ctx) : planWithoutRules(ctx);
  const paypal = known && usable.settings.paypal[marketplace] ? paypalWindows(ctx) : [];
  const deadlines = [...planned.deadlines, ...paypal].sort(
    (a, b) => new Date(a.dueAt).getTime() - new Date(b.dueAt).getTime(),
  );
  return {
    ...planned,
    deadlines,
    overrides: [...ctx.overrides].sort(),
    notes: [...ctx.notes].sort(),
    ...(ctx.changesAt === undefined ? {} : { changesAt: ctx.changesAt }),
  };
}
