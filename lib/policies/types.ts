import type { Localized } from '../i18n';
import type { MarketplaceId } from '../marketplaces/types';
import type { BuyerEventType } from '../timeline/types';

export type RuleUnit = 'calendar-days' | 'business-days' | 'hours' | 'usd';

/**
 * Who wrote a source: the site whose rule it is (the marketplace, or PayPal for its own clock),
 * or someone else, whose guide may be wrong or out of date.
 */
export type SourceKind = 'official' | 'third-party';

/** A document rules rest on, named so a buyer can find it and judge it. */
export interface SourceDocument {
  /** What it is, in the buyer's words: "Buyer's guide", "DHgate help pages (copies)". */
  genre: Localized<string>;
  /** Its own title, in its own language, as a buyer would search for it, when it has one. */
  title?: string;
  kind: SourceKind;
  /** The day CaseClock's rules were last checked against it: YYYY-MM-DD. */
  checkedOn: string;
  url?: string;
}

/**
 * How sure CaseClock is of a rule as its source gives it. "guide": one of the buyer's guides
 * listed as sources states it, in the words quoted; the others rate public material: "high" the
 * site's own page states it, "medium" copies of help pages or guides that agree, "low" one old
 * or uncertain page.
 */
export type Confidence = 'guide' | 'high' | 'medium' | 'low';

/** Where a rule is written down, in which words, and how far it can be trusted. */
export interface RuleSource extends SourceDocument {
  /** The words the rule rests on. */
  quote?: string;
  confidence: Confidence;
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
