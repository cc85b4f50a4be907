import type { MarketplaceId } from '../marketplaces/types';

export type RuleUnit = 'calendar-days' | 'business-days' | 'hours' | 'usd';

/** "seed": the buyer's own source documents; the others rate public material. */
export type Confidence = 'seed' | 'high' | 'medium' | 'low';

export interface RuleSource {
  /** Where the rule is written down, as a buyer would look for it. */
  title: string;
  url?: string;
  /** The words the rule rests on. */
  quote?: string;
}

export interface Rule {
  id: string;
  /** What the rule says, in a sentence. */
  label: string;
  value: number;
  unit: RuleUnit;
  /** A value per membership tier, when the rule depends on it (DHgate's Resolution Center). */
  byTier?: Readonly<Record<string, number>>;
  source: RuleSource;
  confidence: Confidence;
}

export interface Tier {
  id: string;
  label: string;
}

/** Where on the marketplace each step is done, in the site's own words. */
export interface Instructions {
  requestRefund?: readonly string[];
  escalate?: readonly string[];
  contactSeller?: readonly string[];
  openDispute?: readonly string[];
  followUp?: readonly string[];
}

export interface MarketplacePolicy {
  marketplace: MarketplaceId | 'paypal';
  name: string;
  tiers: readonly Tier[];
  defaultTier?: string;
  rules: Readonly<Record<string, Rule>>;
  instructions: Instructions;
}
