import type { EvidenceRecord, StoredCase, StoredEvent, StoredOrder } from '../db/schema';
import { translator, type Language, type MessageKey, type Translate } from '../i18n';
import { dateFormat } from '../i18n/format';
import { compensationText, formatPeriod, localeFor, marketplaceName } from '../i18n/phrases';
import { formatMoney } from '../money';
import { usableCase, usableEvents, usableOrder } from '../timeline/usable';
import type { CasePlan, Compensation, Deadline, DeadlineKind, EventType } from '../timeline/types';
import { isEvidenceSubject } from './checklist';

export interface DraftInput {
  /** The effective order: the buyer's edits already applied. */
  order: StoredOrder;
  openCase: StoredCase;
  plan: CasePlan;
  /** The order's timeline events, in any order. */
  events: readonly StoredEvent[];
  evidence: readonly EvidenceRecord[];
  language: Language;
  /** The IANA zone dates are written in. */
  timeZone: string;
}

export interface Draft {
  subject: string;
  body: string;
}

/** "10 November 2026" / "10 novembre 2026", as the day falls in `timeZone`. */
export function formatDay(instant: string, language: Language, timeZone: string): string {
  return dateFormat(localeFor(language), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone,
  }).format(new Date(instant));
}

/**
 * The order, the case and the steps as the plan rests on them: what cannot be planned on (a
 * date that is no date, a step of an unknown kind…) is left out of the message and the pack too.
 * The steps come oldest first.
 */
export function usableMaterial<T extends Pick<DraftInput, 'order' | 'openCase' | 'events'>>(
  input: T,
): T {
  const order = usableOrder(input.order);
  return {
    ...input,
    order,
    openCase: usableCase(input.openCase),
    events: usableEvents(input.events, order.id),
  };
}

/**
 * Evidence in the order it was captured (ties by id, so the order never depends on storage).
 * The sort is stable: records that tie on both keep the order they were given in.
 */
export function inCaptureOrder<T extends { capturedAt: string; id: string }>(
  records: readonly T[],
): T[] {
  return records
    .map((record) => ({ record, time: new Date(record.capturedAt).getTime() }))
    .sort((a, b) => a.time - b.time || compareIds(a.record.id, b.record.id))
    .map(({ record }) => record);
}

/** Two ids in code-unit order. */
function compareIds(a: string, b: string): number {
  if (a < b) return -1;
  // Firefox's sort may ask whether an earlier record goes after a later one, so 1 is needed;
  // the tests' engine (V8) only asks the other way, where 1 and 0 act alike.
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equal under V8, see above
  return a > b ? 1 : 0;
}

/** What a piece of evidence shows, in words; its kind when it names no known subject. */
export function showsLabel(record: EvidenceRecord, t: Translate): string {
  const subjects = record.shows.filter(isEvidenceSubject);
  if (subjects.length === 0) return t(`evidence.kind.${record.kind}` as const);
  return subjects.map((subject) => t(`subject.${subject}` as const)).join(', ');
}

/** One event in words, in the buyer's voice ("I asked the seller for a refund"). */
export function describeEvent(event: StoredEvent, t: Translate, marketplace: string): string {
  const details = event.details ?? {};
  const sentence = eventSentence(event.type, details, t, marketplace);
  const note = details.note?.trim();
  return note ? t('draft.text.event.withNote', { event: sentence, note }) : sentence;
}

const PLAIN_EVENTS = {
  received: 'draft.text.event.received',
  'items-inspected': 'draft.text.event.items-inspected',
  'receipt-confirmed': 'draft.text.event.receipt-confirmed',
  'contacted-seller': 'draft.text.event.contacted-seller',
  'refund-requested': 'draft.text.event.refund-requested',
  'dispute-opened': 'draft.text.event.dispute-opened',
  'seller-replied': 'draft.text.event.seller-replied',
  escalated: 'draft.text.event.escalated',
  'platform-contacted': 'draft.text.event.platform-contacted',
  'evidence-requested': 'draft.text.event.evidence-requested',
  'paypal-dispute-opened': 'draft.text.event.paypal-dispute-opened',
  'case-reopened': 'draft.text.event.case-reopened',
  delivered: 'draft.text.event.delivered',
} as const satisfies Partial<Record<EventType, MessageKey>>;

function eventSentence(
  type: EventType,
  details: NonNullable<StoredEvent['details']>,
  t: Translate,
  marketplace: string,
): string {
  switch (type) {
    case 'status-changed': {
      const status = details.to ? t(`status.${details.to}` as const) : details.statusText;
      return status
        ? t('draft.text.event.status-changed', { status })
        : t('draft.text.event.status-changed.unknown');
    }
    case 'tracking-uploaded': {
      const { trackingNumber: number, carrier } = details;
      if (!number) return t('draft.text.event.tracking-uploaded.unknown');
      return carrier
        ? t('draft.text.event.tracking-uploaded.carrier', { number, carrier })
        : t('draft.text.event.tracking-uploaded', { number });
    }
    case 'dispute-updated':
      return details.disputeStatus
        ? t('draft.text.event.dispute-updated', { marketplace, status: details.disputeStatus })
        : t('draft.text.event.dispute-updated.unknown', { marketplace });
    case 'resolved':
      return details.outcome
        ? t('draft.text.event.resolved.outcome', {
            outcome: t(`outcome.${details.outcome}` as const),
          })
        : t('draft.text.event.resolved');
    case 'order-cancelled':
      return details.cancelledBy
        ? t(`draft.text.event.order-cancelled.${details.cancelledBy}` as const, { marketplace })
        : t('draft.text.event.order-cancelled');
    default:
      return t(PLAIN_EVENTS[type], { marketplace });
  }
}

function factLines(order: StoredOrder, language: Language, timeZone: string, t: Translate) {
  const locale = localeFor(language);
  const lines = [t('draft.text.fact.orderNumber', { value: order.orderNumber })];
  if (order.dispute?.caseNumber) {
    lines.push(t('draft.text.fact.caseNumber', { value: order.dispute.caseNumber }));
  }
  if (order.placedAt) {
    lines.push(
      t('draft.text.fact.placedAt', { value: formatDay(order.placedAt, language, timeZone) }),
    );
  }
  if (order.total) {
    lines.push(t('draft.text.fact.total', { value: formatMoney(order.total, locale) }));
  }
  if (order.seller?.name) lines.push(t('draft.text.fact.seller', { value: order.seller.name }));
  const items = order.items.filter((item) => item.title.trim() !== '');
  if (items.length > 0) {
    lines.push(t('draft.text.fact.items'));
    for (const item of items) {
      const line =
        item.quantity === undefined
          ? item.title
          : t('draft.text.fact.item', { title: item.title, quantity: item.quantity });
      lines.push(`- ${line}`);
    }
  }
  const { trackingNumber: number, carrier } = order;
  if (number && carrier) lines.push(t('draft.text.fact.trackingCarrier', { number, carrier }));
  else if (number) lines.push(t('draft.text.fact.tracking', { number }));
  else if (carrier) lines.push(t('draft.text.fact.carrier', { carrier }));
  return lines;
}

function reasonSentence(input: DraftInput, t: Translate): string {
  const { order, language, timeZone } = input;
  const day = (instant: string) => formatDay(instant, language, timeZone);
  switch (input.openCase.reason) {
    case 'not-received':
      return order.shippedAt
        ? t('draft.text.reason.not-received.shipped', { date: day(order.shippedAt) })
        : t('draft.text.reason.not-received');
    case 'damaged':
      return order.receivedAt
        ? t('draft.text.reason.damaged.received', { date: day(order.receivedAt) })
        : t('draft.text.reason.damaged');
    case 'invalid-tracking':
      return order.trackingNumber
        ? t('draft.text.reason.invalid-tracking.number', { number: order.trackingNumber })
        : t('draft.text.reason.invalid-tracking');
    case 'late-shipment':
      return order.shippedAt
        ? t('draft.text.reason.late-shipment.shipped', { date: day(order.shippedAt) })
        : t('draft.text.reason.late-shipment');
    case 'not-as-described':
    case 'wrong-item':
    case 'other':
      return t(`draft.text.reason.${input.openCase.reason}` as const);
  }
}

/** Times the other side had and let pass, as the draft names them once they are over. */
const PASSED_RULES: Partial<Record<DeadlineKind, MessageKey>> = {
  'seller-response-due': 'draft.text.rule.seller-response-due',
  'platform-contact-due': 'draft.text.rule.platform-contact-due',
  'final-resolution-due': 'draft.text.rule.final-resolution-due',
  'follow-up-due': 'draft.text.rule.follow-up-due',
  'seller-refund-due': 'draft.text.rule.seller-refund-due',
};

/**
 * The marketplace rules the plan shows working for the buyer: a time the other side let pass,
 * or a window the request is made within. Only rules the marketplace sets are named: a value
 * the buyer overrode is theirs, not the marketplace's, and a date a page stated has no period.
 */
function ruleSentences(input: DraftInput, marketplace: string, t: Translate): string[] {
  const { plan, language, timeZone } = input;
  const day = (instant: string) => formatDay(instant, language, timeZone);
  const sentences: string[] = [];
  const ruled = (deadline: Deadline) => {
    if (deadline.override || !deadline.after) return undefined;
    const period = formatPeriod(deadline.after.value, deadline.after.unit, language, t);
    if (period === undefined) return undefined;
    return { period, from: day(deadline.after.from), date: day(deadline.dueAt), marketplace };
  };
  for (const deadline of plan.deadlines) {
    const values = ruled(deadline);
    if (!values) continue;
    const passedRule = PASSED_RULES[deadline.kind];
    if (deadline.passed && passedRule) {
      sentences.push(t(passedRule, values));
    } else if (
      !deadline.passed &&
      deadline.kind === 'invalid-tracking-report-closes' &&
      input.openCase.reason === 'invalid-tracking'
    ) {
      sentences.push(t('draft.text.rule.invalid-tracking-report-closes', values));
    }
  }
  // A date the page states is as good as a rule for saying the request is in time.
  const refundWindow = plan.deadlines.find(
    (deadline) => deadline.kind === 'refund-window-closes' && !deadline.passed,
  );
  if (refundWindow) {
    sentences.push(t('draft.text.rule.refund-window-closes', { date: day(refundWindow.dueAt) }));
  }
  if (plan.nextStep.action === 'escalate') {
    sentences.push(t('draft.text.escalate', { marketplace }));
  } else if (plan.nextStep.action === 'follow-up') {
    sentences.push(t('draft.text.followUp'));
  }
  return sentences;
}

function compensationLines(compensation: readonly Compensation[], locale: string, t: Translate) {
  return compensation.map(
    (item) => `- ${compensationText(t, item, (amount) => formatMoney(amount, locale))}`,
  );
}

/**
 * What the buyer asks for. A late shipment or an invalid tracking number has a set compensation
 * where the marketplace provides one; anything else asks for the money back, plus any
 * compensation that applies on top.
 */
function requestLines(input: DraftInput, marketplace: string, t: Translate): string[] {
  const locale = localeFor(input.language);
  const { compensation } = input.plan;
  const reason = input.openCase.reason;
  if ((reason === 'late-shipment' || reason === 'invalid-tracking') && compensation.length > 0) {
    return [
      t('draft.text.request.compensation', { marketplace }),
      ...compensationLines(compensation, locale, t),
    ];
  }
  const refund = input.order.total
    ? t('draft.text.request.refund', { total: formatMoney(input.order.total, locale) })
    : t('draft.text.request.refundNoTotal');
  if (compensation.length === 0) return [refund];
  return [
    refund,
    t('draft.text.request.alsoCompensation', { marketplace }),
    ...compensationLines(compensation, locale, t),
  ];
}

/**
 * A message to paste into the marketplace's dispute form or a support e-mail: the order's facts,
 * the problem, what happened when, the rules in the buyer's favour, the evidence attached and
 * what the buyer asks for. Plain text; a fact that is not known gets no line.
 */
export function draftMessage(given: DraftInput): Draft {
  const input = usableMaterial(given);
  const { order, language, timeZone } = input;
  const t = translator(language);
  const marketplace = marketplaceName(order.marketplace);
  const day = (instant: string) => formatDay(instant, language, timeZone);

  const subject = t('draft.text.subject', {
    number: order.orderNumber,
    marketplace,
    problem: t(`draft.text.problem.${input.openCase.reason}` as const),
  });

  const paragraphs: string[][] = [
    [t('draft.text.greeting')],
    [
      `${t('draft.text.intro', { number: order.orderNumber, marketplace })} ${reasonSentence(input, t)}`,
    ],
    [t('draft.text.heading.order'), ...factLines(order, language, timeZone, t)],
  ];

  if (input.events.length > 0) {
    paragraphs.push([
      t('draft.text.heading.timeline'),
      ...input.events.map(
        (event) =>
          `- ${t('draft.text.timeline.line', {
            date: day(event.at),
            event: describeEvent(event, t, marketplace),
          })}`,
      ),
    ]);
  }

  const rules = ruleSentences(input, marketplace, t);
  if (rules.length > 0) paragraphs.push([rules.join(' ')]);

  const evidence = inCaptureOrder(input.evidence);
  if (evidence.length > 0) {
    paragraphs.push([
      t('draft.text.heading.evidence'),
      ...evidence.map((record) => {
        const shows = showsLabel(record, t);
        const values = { name: record.name, shows, date: day(record.capturedAt) };
        // A name that already says what it shows needs no repeating.
        const sameWords = shows.toLocaleLowerCase() === record.name.trim().toLocaleLowerCase();
        return `- ${t(sameWords ? 'draft.text.evidence.plain' : 'draft.text.evidence', values)}`;
      }),
    ]);
  }

  paragraphs.push(requestLines(input, marketplace, t));
  paragraphs.push([t('draft.text.thanks')], [t('draft.text.signoff')]);

  return { subject, body: paragraphs.map((lines) => lines.join('\n')).join('\n\n') };
}
