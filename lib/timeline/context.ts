import { applyRule, type AppliedRule } from '../policies';
import type { MarketplacePolicy, RuleSource } from '../policies/types';
import { addInZone, isAfter } from './days';
import type { Facts } from './facts';
import type { Localized } from '../i18n';
import type {
  Compensation,
  Deadline,
  DeadlineKind,
  NextStep,
  NoteMessage,
  PlanInput,
  PlannerResult,
  Settings,
  StepAction,
  StepMessage,
} from './types';

/** What a planner works with: the facts, and rules as they apply to this buyer. */
export class PlanContext {
  readonly overrides = new Set<string>();

  constructor(
    readonly input: PlanInput,
    readonly facts: Facts,
    /** What the buyer should know about this plan, each said once. */
    readonly notes: Set<NoteMessage>,
  ) {}

  get now(): string {
    return this.input.now;
  }

  /** A rule with the buyer's tier and override applied; remembered when overridden. */
  rule(id: string, policy: MarketplacePolicy = this.input.policy): AppliedRule {
    const rule = policy.rules[id];
    if (!rule) throw new Error(`${policy.name} has no rule ${id}`);
    const settings: Settings = this.input.settings;
    const marketplace = policy.marketplace;
    const tier =
      marketplace === 'paypal'
        ? undefined
        : (settings.membership[marketplace] ?? policy.defaultTier);
    const applied = applyRule(rule, tier, settings.overrides[marketplace]?.[id]);
    if (applied.overriddenFrom !== undefined) this.overrides.add(`${marketplace}.${id}`);
    return applied;
  }

  /** A deadline `rule` after `from`, counted in the buyer's time zone. */
  deadline(kind: DeadlineKind, edge: Deadline['edge'], from: string, rule: AppliedRule): Deadline {
    const dueAt = addInZone(from, rule.value, rule.unit, this.input.timeZone);
    return {
      kind,
      dueAt,
      edge,
      after: { value: rule.value, unit: rule.unit, from },
      source: rule.source,
      ruleId: rule.id,
      passed: !isAfter(dueAt, this.now),
      ...(rule.overriddenFrom !== undefined
        ? { override: { from: rule.overriddenFrom, to: rule.value, unit: rule.unit } }
        : {}),
    };
  }

  /** A deadline the marketplace's page states itself, such as the end of buyer protection. */
  statedDeadline(
    kind: DeadlineKind,
    edge: Deadline['edge'],
    dueAt: string,
    source: RuleSource,
  ): Deadline {
    return { kind, dueAt, edge, source, passed: !isAfter(dueAt, this.now) };
  }

  /** The plan of an order that is over: cancelled or refunded. */
  closed(compensation: Compensation[] = []): PlannerResult {
    return {
      stage: 'closed',
      deadlines: [],
      nextStep: this.step('none', 'next.closed'),
      compensation,
    };
  }

  step(
    action: StepAction,
    message: StepMessage,
    options: {
      dueAt?: string;
      instructions?: Localized<readonly string[]> | undefined;
      values?: Readonly<Record<string, string>>;
    } = {},
  ): NextStep {
    const dueNow =
      action !== 'wait' &&
      action !== 'none' &&
      (options.dueAt === undefined || !isAfter(options.dueAt, this.now));
    return {
      action,
      message,
      dueNow,
      ...(options.values ? { values: options.values } : {}),
      ...(options.dueAt ? { dueAt: options.dueAt } : {}),
      ...(options.instructions ? { instructions: options.instructions } : {}),
    };
  }
}
