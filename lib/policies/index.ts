import type { MarketplaceId } from '../marketplaces/types';
import { ALIEXPRESS_POLICY } from './aliexpress';
import { ALLCHINABUY_POLICY } from './allchinabuy';
import { DHGATE_POLICY } from './dhgate';
import { SUPERBUY_POLICY, WEGOBUY_POLICY } from './superbuy-platform';
import type { MarketplacePolicy, Rule } from './types';

export type * from './types';
export { PAYPAL_POLICY } from './paypal';

export const POLICIES: Readonly<Record<MarketplaceId, MarketplacePolicy>> = {
  dhgate: DHGATE_POLICY,
  allchinabuy: ALLCHINABUY_POLICY,
  superbuy: SUPERBUY_POLICY,
  wegobuy: WEGOBUY_POLICY,
  aliexpress: ALIEXPRESS_POLICY,
};

/** A rule as it applies to this buyer: the tier's value, or the buyer's own override. */
export interface AppliedRule extends Rule {
  /** The value from the policy, when the buyer's override replaced it. */
  overriddenFrom?: number;
}

export function applyRule(
  rule: Rule,
  tier: string | undefined,
  override: number | undefined,
): AppliedRule {
  const policyValue = (tier !== undefined ? rule.byTier?.[tier] : undefined) ?? rule.value;
  if (override === undefined || override === policyValue) return { ...rule, value: policyValue };
  return { ...rule, value: override, overriddenFrom: policyValue };
}
