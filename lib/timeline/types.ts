import type { Localized, MessageKey } from '../i18n';
import type { MarketplaceId, OrderReading, OrderStatus } from '../marketplaces/types';
import type { Money } from '../money';
import type { MarketplacePolicy, RuleSource, RuleUnit } from '../policies/types';

/** Events read from the marketplace's pages. */
export const PAGE_EVENT_TYPES = [
  'status-changed',
  'tracking-uploaded',
  'delivered',
  'dispute-updated',
] as const;

/** Events the buyer records; each has a time the buyer can correct. */
export const BUYER_EVENT_TYPES = [
  'received',
  'items-inspected',
  'receipt-confirmed',
  'contacted-seller',
  'refund-requested',
  'dispute-opened',
  'seller-replied',
  'escalated',
  'platform-contacted',
  'evidence-requested',
  'resolved',
  'case-reopened',
  'order-cancelled',
  'paypal-dispute-opened',
] as const;

export type PageEventType = (typeof PAGE_EVENT_TYPES)[number];
export type BuyerEventType = (typeof BUYER_EVENT_TYPES)[number];
export type EventType = PageEventType | BuyerEventType;

export const OUTCOMES = ['full', 'partial', 'refused'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface EventDetails {
  from?: OrderStatus;
  to?: OrderStatus;
  statusText?: string;
  trackingNumber?: string;
  carrier?: string;
  disputeStatus?: string;
  caseNumber?: string;
  canEscalate?: boolean;
  outcome?: Outcome;
  /** Who cancelled an order: only a buyer's cancellation forfeits DHgate's compensations. */
  cancelledBy?: 'buyer' | 'seller' | 'platform';
  note?: string;
}

export interface TimelineEvent {
  id: string;
  orderId: string;
  caseId?: string;
  type: EventType;
  /** When it happened, as the buyer last corrected it. */
  at: string;
  /** When it happened before the buyer corrected it. */
  originalAt?: string;
  recordedAt: string;
  source: 'page' | 'buyer';
  details?: EventDetails;
}

export const CASE_REASONS = [
  'not-received',
  'not-as-described',
  'damaged',
  'wrong-item',
  'invalid-tracking',
  'late-shipment',
  'other',
] as const;
export type CaseReason = (typeof CASE_REASONS)[number];

export interface CaseRecord {
  id: string;
  orderId: string;
  reason: CaseReason;
  openedAt: string;
  closedAt?: string;
}

/** The order as the engine sees it: what pages showed, with what the buyer entered on top. */
export interface OrderFacts extends OrderReading {
  marketplace: MarketplaceId;
  /** Its id in the database, when it is stored: steps and a case of another order are left out. */
  id?: string;
}

export const DEADLINE_KINDS = [
  'seller-response-due',
  'platform-contact-due',
  'final-resolution-due',
  'dispute-window-opens',
  'dispute-window-closes',
  'refund-window-closes',
  'invalid-tracking-report-closes',
  'follow-up-due',
  'seller-refund-due',
  'warehouse-return-closes',
  'free-storage-ends',
  'paypal-dispute-closes',
  'paypal-escalation-closes',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export interface Deadline {
  kind: DeadlineKind;
  dueAt: string;
  /** Whether an action becomes possible at `dueAt`, or a window closes then. */
  edge: 'opens' | 'closes';
  /** How it was counted, when a rule set it rather than the marketplace's page. */
  after?: { value: number; unit: RuleUnit; from: string };
  source: RuleSource;
  ruleId?: string;
  /** The buyer's setting replaced the policy's value. */
  override?: { from: number; to: number; unit: RuleUnit };
  passed: boolean;
}

export const STAGES = [
  'awaiting-payment',
  'awaiting-shipment',
  'in-warehouse',
  'in-transit',
  'delivered',
  'receipt-confirmed',
  'case-opened',
  'awaiting-seller',
  'escalation-available',
  'negotiating',
  'escalated',
  'resolved',
  'closed',
] as const;
export type Stage = (typeof STAGES)[number];

export const STEP_ACTIONS = [
  'wait',
  'inspect-items',
  'contact-seller',
  'request-refund',
  'open-dispute',
  'escalate',
  'follow-up',
  'none',
] as const;
export type StepAction = (typeof STEP_ACTIONS)[number];

/** What the next step says, as a message of the UI's catalogue. */
export type StepMessage = Extract<MessageKey, `next.${string}`>;
export type NoteMessage = Extract<MessageKey, `note.${string}`>;

export interface NextStep {
  action: StepAction;
  message: StepMessage;
  values?: Readonly<Record<string, string>>;
  /** When the step becomes possible or must be done by. */
  dueAt?: string;
  /** The buyer can, and should, act now. */
  dueNow: boolean;
  /** Where on the marketplace to do it, in the site's own words. */
  instructions?: Localized<readonly string[]>;
}

export interface Compensation {
  kind: 'late-shipment' | 'invalid-tracking';
  amount: Money;
  source: RuleSource;
  ruleId: string;
}

/** What a marketplace's planner works out; planCase adds the rest. */
export type PlannerResult = Pick<CasePlan, 'stage' | 'deadlines' | 'nextStep' | 'compensation'>;

export interface CasePlan {
  stage: Stage;
  deadlines: Deadline[];
  nextStep: NextStep;
  compensation: Compensation[];
  /** Ids of the rules whose value the buyer overrode. */
  overrides: string[];
  /** Why some deadlines could not be worked out, and other things worth knowing. */
  notes: NoteMessage[];
  /**
   * The first moment after now at which this plan would read differently (a window opens or
   * closes, a step falls due); absent when time alone changes nothing.
   */
  changesAt?: string;
}

export interface Settings {
  /** The buyer's membership tier on each marketplace (DHgate: regular, bronze, silver, gold). */
  membership: Partial<Record<MarketplaceId, string>>;
  /** The buyer's own values for rules, by marketplace and rule id. */
  overrides: Partial<Record<MarketplaceId | 'paypal', Readonly<Record<string, number>>>>;
  /** Orders on these marketplaces are paid with PayPal, whose clock runs too. */
  paypal: Partial<Record<MarketplaceId, boolean>>;
  /** How long before a window closes to remind the buyer. */
  reminderLeadHours: number;
  /** Show CaseClock's small panel on the marketplace's order pages. */
  showPanel: boolean;
  /** Say on the settings and case pages when new evidence has gone long without a backup. */
  backupReminder: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  membership: {},
  overrides: {},
  paypal: {},
  reminderLeadHours: 24,
  showPanel: true,
  backupReminder: true,
};

export interface PlanInput {
  order: OrderFacts;
  case?: CaseRecord;
  events: readonly TimelineEvent[];
  policy: MarketplacePolicy;
  settings: Settings;
  now: string;
  timeZone: string;
}
