import { DHGATE_POLICY } from '../policies/dhgate';
import { checkTrackingNumber } from '../tracking-numbers';
import type { PlanContext } from './context';
import type { Compensation, Deadline, PlannerResult } from './types';

const instructions = DHGATE_POLICY.instructions;

/** How long after the tracking upload DHgate shows "Open Dispute": it depends on the carrier. */
function disputeOpeningRule(carrier: string | undefined): string {
  if (!carrier) return 'disputeOpensOther';
  if (/\bEMS\b/i.test(carrier)) return 'disputeOpensEms';
  if (/DHL|UPS|Fed ?Ex|TNT|Aramex|express/i.test(carrier)) return 'disputeOpensExpress';
  if (/post|packet|air ?mail|registered|courrier/i.test(carrier)) return 'disputeOpensPost';
  return 'disputeOpensOther';
}

function compensation(ctx: PlanContext, kind: Compensation['kind'], ruleId: string): Compensation {
  const rule = ctx.rule(ruleId);
  return {
    kind,
    amount: { minor: Math.round(rule.value * 100), currency: 'USD' },
    source: rule.source,
    ruleId: rule.id,
  };
}

function compensationFor(ctx: PlanContext): Compensation[] {
  const { facts } = ctx;
  // DHgate pays neither when the buyer cancelled the order (French consumer guide).
  if (facts.cancelledByBuyer) return [];
  const reason = ctx.input.case?.reason;
  const found: Compensation[] = [];
  if (reason === 'late-shipment') {
    found.push(compensation(ctx, 'late-shipment', 'lateShipmentCompensation'));
  }
  if (trackingLooksInvalid(ctx) || reason === 'invalid-tracking') {
    found.push(compensation(ctx, 'invalid-tracking', 'invalidTrackingCompensation'));
  }
  return found;
}

/** Whether the tracking number fails a check digit: strong, offline evidence it is invalid. */
function trackingLooksInvalid(ctx: PlanContext): boolean {
  const number = ctx.facts.trackingNumber;
  return number !== undefined && checkTrackingNumber(number).verdict === 'invalid';
}

/** The windows that exist whether or not a dispute has started: they follow the parcel. */
function shippingWindows(ctx: PlanContext): Deadline[] {
  const { facts } = ctx;
  const deadlines: Deadline[] = [];
  if (facts.trackingUploadedAt) {
    const opens = ctx.rule(disputeOpeningRule(facts.carrier));
    deadlines.push(
      ctx.deadline('dispute-window-opens', 'opens', facts.trackingUploadedAt, opens),
      ctx.deadline(
        'dispute-window-closes',
        'closes',
        facts.trackingUploadedAt,
        ctx.rule('disputeCloses'),
      ),
    );
  }
  const shippedAt = facts.shippedAt ?? facts.trackingUploadedAt;
  if (shippedAt && (trackingLooksInvalid(ctx) || ctx.input.case?.reason === 'invalid-tracking')) {
    deadlines.push(
      ctx.deadline(
        'invalid-tracking-report-closes',
        'closes',
        shippedAt,
        ctx.rule('invalidTrackingReport'),
      ),
    );
  }
  return deadlines;
}

function disputeFlow(ctx: PlanContext): Omit<PlannerResult, 'compensation'> {
  const { facts } = ctx;
  const deadlines = shippingWindows(ctx);
  if (facts.resolvedAt) {
    return {
      stage: 'resolved',
      deadlines,
      nextStep: ctx.step('none', 'next.resolved'),
    };
  }
  if (facts.escalatedAt) {
    const contact = ctx.rule('platformContact');
    const contactDue = ctx.deadline('platform-contact-due', 'closes', facts.escalatedAt, contact);
    const final = ctx.deadline(
      'final-resolution-due',
      'closes',
      facts.escalatedAt,
      ctx.rule('finalResolution'),
    );
    if (!facts.platformContactedAt) deadlines.push(contactDue);
    deadlines.push(final);
    const overdue = facts.platformContactedAt ? final : contactDue;
    return {
      stage: 'escalated',
      deadlines,
      nextStep: ctx.over(overdue.dueAt)
        ? ctx.step('follow-up', 'next.follow-up-dhgate', {
            dueAt: overdue.dueAt,
          })
        : ctx.step('wait', 'next.platform-reviewing', {
            dueAt: overdue.dueAt,
          }),
    };
  }
  if (facts.refundRequestedAt) {
    const answer = ctx.rule('sellerResponse');
    const due = ctx.deadline('seller-response-due', 'opens', facts.refundRequestedAt, answer);
    deadlines.push(due);
    const replied = facts.sellerRepliedAt !== undefined;
    return {
      stage: due.passed ? 'escalation-available' : replied ? 'negotiating' : 'awaiting-seller',
      deadlines,
      nextStep: due.passed
        ? ctx.step('escalate', 'next.escalate', {
            dueAt: due.dueAt,
            instructions: instructions.escalate,
          })
        : ctx.step('wait', 'next.await-seller-answer', {
            dueAt: due.dueAt,
          }),
    };
  }
  if (facts.disputeOnPage?.canEscalate) {
    return {
      stage: 'escalation-available',
      deadlines,
      nextStep: ctx.step('escalate', 'next.escalate-offered', {
        instructions: instructions.escalate,
      }),
    };
  }
  if (facts.disputeOnPage) {
    ctx.notes.add('note.record-refund-request');
    return {
      stage: 'awaiting-seller',
      deadlines,
      nextStep: ctx.step('wait', 'next.await-seller-status', {
        values: { status: facts.disputeOnPage.status },
      }),
    };
  }
  const opening = deadlines.find((deadline) => deadline.kind === 'dispute-window-opens');
  if (ctx.input.case?.reason === 'not-received' && opening && !opening.passed) {
    return {
      stage: 'case-opened',
      deadlines,
      nextStep: ctx.step('wait', 'next.await-dispute-opening', {
        dueAt: opening.dueAt,
      }),
    };
  }
  return {
    stage: 'case-opened',
    deadlines,
    nextStep: ctx.step('request-refund', 'next.request-refund', {
      instructions: instructions.requestRefund,
    }),
  };
}

function orderFlow(ctx: PlanContext): Omit<PlannerResult, 'compensation'> {
  const { facts } = ctx;
  const deadlines = shippingWindows(ctx);
  const status = facts.status;
  if (status === 'awaiting-payment' || status === 'awaiting-shipment') {
    return { stage: status, deadlines, nextStep: ctx.step('wait', 'next.await-shipment') };
  }
  if (facts.deliveredAt || status === 'delivered') {
    return {
      stage: 'delivered',
      deadlines,
      nextStep: facts.inspectedAt
        ? ctx.step('none', 'next.confirm-when-satisfied')
        : ctx.step('inspect-items', 'next.inspect-before-confirm'),
    };
  }
  return {
    stage: 'in-transit',
    deadlines,
    nextStep: ctx.step('wait', 'next.await-parcel'),
  };
}

export function planDhgate(ctx: PlanContext): PlannerResult {
  const { facts } = ctx;
  const compensation = compensationFor(ctx);
  if (facts.closed) return ctx.closed(compensation);
  // Confirming receipt ends every dispute on DHgate: only a case already open goes on.
  if (facts.confirmedAt && !ctx.input.case) {
    return {
      stage: 'receipt-confirmed',
      deadlines: [],
      nextStep: ctx.step('none', 'next.confirmed-no-dispute'),
      compensation,
    };
  }
  return { ...(ctx.input.case ? disputeFlow(ctx) : orderFlow(ctx)), compensation };
}
