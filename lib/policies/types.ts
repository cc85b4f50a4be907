import type { Localized } from '../i18n';
import type { MarketplaceId } from '../marketplaces/types';
import type { BuyerEventType } from '../timeline/types';

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
  label: Localized<string>;
  value: number;
  unit: RuleUnit;
  /** A value per membership tier, when the rule depends on it (DHgate's Resolution Center). */
  byTier?: Readonly<Record<string, number>>;
  source: RuleSource;
  confidence: Confidence;
}

export interface Tier {
  id: string;
  label: Localized<string>;
}

export type InstructionStep =
  'requestRefund' | 'escalate' | 'contactSeller' | 'openDispute' | 'followUp';

/** Where on the marketplace each step is done, in the site's own words; buttons keep the site's names. */
export type Instructions = Partial<Record<InstructionStep, Localized<readonly string[]>>>;

export interface MarketplacePolicy {
  marketplace: MarketplaceId | 'paypal';
  name: string;
  tiers: readonly Tier[];
  defaultTier?: string;
  rules: Readonly<Record<string, Rule>>;
  instructions: Instructions;
  /** The steps of a dispute the buyer takes here, in order, as they record them. */
  disputeSteps: readonly BuyerEventType[];
}
