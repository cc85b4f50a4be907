import type { CasePlan, Deadline, Stage } from './types';

/** Stages where nothing more can happen: they sink to the bottom of the list. */
const SETTLED_STAGES: ReadonlySet<Stage> = new Set(['resolved', 'closed']);

export interface Urgency {
  /** The buyer can act now: escalate, ask for a refund, open a dispute, follow up. */
  actionNow: boolean;
  /** The first deadline still ahead, of either edge. */
  nextDeadline?: Deadline;
  /** The first window still open that will close. */
  nextClosing?: Deadline;
  settled: boolean;
}

export function urgencyOf(plan: CasePlan): Urgency {
  const ahead = plan.deadlines.filter((deadline) => !deadline.passed);
  const nextDeadline = ahead[0];
  const nextClosing = ahead.find((deadline) => deadline.edge === 'closes');
  const { dueNow, action } = plan.nextStep;
  const nothingLeft = ahead.length === 0 && action === 'none';
  return {
    actionNow: dueNow,
    settled: !dueNow && (SETTLED_STAGES.has(plan.stage) || nothingLeft),
    ...(nextDeadline ? { nextDeadline } : {}),
    ...(nextClosing ? { nextClosing } : {}),
  };
}

const LAST = Number.POSITIVE_INFINITY;

function time(deadline: Deadline | undefined): number {
  return deadline ? new Date(deadline.dueAt).getTime() : LAST;
}

function group(urgency: Urgency): number {
  if (urgency.actionNow) return 0;
  // Settled before anything else: a resolved case may still have a window ahead it no longer needs.
  if (urgency.settled) return 3;
  return urgency.nextDeadline ? 1 : 2;
}

/**
 * Most urgent first: actions the buyer can take now (the one whose window closes soonest
 * first), then orders by their next deadline, then orders with nothing ahead; settled last.
 * Ties are left to the caller's order (a stable sort keeps it).
 */
export function compareUrgency(a: Urgency, b: Urgency): number {
  const byGroup = group(a) - group(b);
  if (byGroup !== 0) return byGroup;
  const [left, right] = a.actionNow
    ? [time(a.nextClosing), time(b.nextClosing)]
    : [time(a.nextDeadline), time(b.nextDeadline)];
  return left < right ? -1 : left > right ? 1 : 0;
}
