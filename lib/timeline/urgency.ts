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

const TIME_DIGITS = 15;

/** Milliseconds as fixed-width digits: their text order is their time order. */
export function timeDigits(milliseconds: number): string {
  return String(Math.max(0, Math.floor(milliseconds))).padStart(TIME_DIGITS, '0');
}

/** Later than any time: after every deadline. */
export const NEVER = '9'.repeat(TIME_DIGITS);

function time(deadline: Deadline | undefined): string {
  return deadline ? timeDigits(Date.parse(deadline.dueAt)) : NEVER;
}

/** Keys beginning so are orders whose buyer can act now. */
export const ACTION_NOW_KEY = '0';

function group(urgency: Urgency): string {
  if (urgency.actionNow) return ACTION_NOW_KEY;
  // Settled before anything else: a resolved case may still have a window ahead it no longer needs.
  if (urgency.settled) return '3';
  return urgency.nextDeadline ? '1' : '2';
}

/**
 * A key whose text order is urgency order, most urgent first: actions the buyer can take now
 * (the one whose window closes soonest first), then orders by their next deadline, then orders
 * with nothing ahead; settled last. The popup's lists are indexed by it.
 */
export function urgencyKey(urgency: Urgency): string {
  const deadline = urgency.actionNow ? urgency.nextClosing : urgency.nextDeadline;
  return `${group(urgency)}${time(deadline)}`;
}
