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
  /** The first instant after now at which a comparison this plan made with now turns. */
  private turnsAt = Number.POSITIVE_INFINITY;

  constructor(
    readonly input: PlanInput,
    readonly facts: Facts,
    /** What the buyer should know about this plan, each said once. */
    readonly notes: Set<NoteMessage>,
  ) {}

  get now(): string {
    return this.input.now;
  }

  /**
   * Until when the plan holds: every comparison with now goes through `reached` or `over`,
   * which note when its answer turns, so the background knows when to plan the order again.
   */
  get changesAt(): string | undefined {
    return Number.isFinite(this.turnsAt) ? new Date(this.turnsAt).toISOString() : undefined;
  }

  private turnAt(time: number): void {
    if (time > new Date(this.now).getTime() && time < this.turnsAt) this.turnsAt = time;
  }

  /** `instant` has come: now is at or after it. */
  reached(instant: string): boolean {
    this.turnAt(new Date(instant).getTime());
    return !isAfter(instant, this.now);
  }

  /** `instant` is over: now is after it. */
  over(instant: string): boolean {
    this.turnAt(new Date(instant).getTime() + 1);
    return isAfter(this.now, instant);
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
      passed: this.reached(dueAt),
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
    return { kind, dueAt, edge, source, passed: this.reached(dueAt) };
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
      (options.dueAt === undefined || this.reached(options.dueAt));
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
