import type { OrderPlan } from '../db/plans';
import { effectiveOrder, orderPageUrl } from '../db/schema';
import type { Language, MessageKey, Translate } from '../i18n';
import { dateFormat } from '../i18n/format';
import { localeFor, marketplaceName, stepText } from '../i18n/phrases';
import type { Deadline } from '../timeline/types';

/** Where UIDs live: CaseClock's own name, so they never meet another calendar's. */
const UID_DOMAIN = 'caseclock.app';
/** How long a deadline's event lasts: it marks a moment, not a meeting. */
const EVENT_DURATION = 'PT15M';
/** SEQUENCE counts seconds from here (see `sequenceAt`). */
const SEQUENCE_EPOCH = Date.parse('2026-01-01T00:00:00Z');
/** RFC 5545 3.1: a content line is folded past 75 octets. */
const LINE_OCTETS = 75;

const utf8 = new TextEncoder();

/** A UTC DATE-TIME, as RFC 5545 writes it: "20261115T090000Z". */
function utcDateTime(instant: string): string {
  return new Date(instant).toISOString().replace(/\.\d+/, '').replace(/[-:]/g, '');
}

/**
 * A TEXT value (RFC 5545 3.3.11): backslashes, semicolons, commas and line breaks escaped; the
 * other control characters, which TEXT may not hold and a page's seller name might, made spaces.
 */
function text(value: string): string {
  return (
    value
      .replace(/[\\;,]/g, (character) => `\\${character}`)
      .replace(/\r\n|\r|\n/g, '\\n')
      // eslint-disable-next-line no-control-regex -- control characters are what it finds
      .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, ' ')
  );
}

/**
 * A content line folded at 75 octets of UTF-8, each continuation starting with a space;
 * a line is cut between characters, never inside one.
 */
function folded(line: string): string {
  const parts: string[] = [];
  let part = '';
  let octets = 0;
  for (const character of line) {
    const size = utf8.encode(character).length;
    // Continuations start with a space, which counts in their 75 octets.
    const room = parts.length === 0 ? LINE_OCTETS : LINE_OCTETS - 1;
    if (octets + size > room) {
      parts.push(part);
      part = '';
      octets = 0;
    }
    part += character;
    octets += size;
  }
  parts.push(part);
  return parts.join('\r\n ');
}

/**
 * The SEQUENCE of every event in a file made at `now`: seconds since 2026-01-01 UTC. A
 * calendar takes an event again only when its SEQUENCE is higher than the one it holds, and
 * CaseClock keeps no record of what it exported: counting the export's moment makes every later
 * file win over every earlier one, and never goes down.
 */
function sequenceAt(now: string): number {
  return Math.max(0, Math.floor((Date.parse(now) - SEQUENCE_EPOCH) / 1000));
}

/**
 * The same for every export of this order's deadline of this kind, whenever it falls: importing
 * again updates the event. The order's id holds a colon and whatever its number holds.
 */
function uid(orderId: string, deadline: Deadline): string {
  return `${deadline.kind}.${deadline.edge}.${encodeURIComponent(orderId)}@${UID_DOMAIN}`;
}

/**
 * When the calendar reminds: when CaseClock itself would (lib/background/reminders.ts), as a
 * window opens, and the buyer's lead time before one closes.
 */
function trigger(deadline: Deadline, leadHours: number): string {
  return deadline.edge === 'opens' || leadHours === 0 ? 'PT0S' : `-PT${leadHours}H`;
}

export interface CalendarOptions {
  t: Translate;
  language: Language;
  /** The buyer's: the times the descriptions give are theirs. */
  timeZone: string;
  now: string;
  /** How long before a window closes the buyer wants to be reminded. */
  leadHours: number;
}

/** One order's deadline ahead, as an event: its lines, unfolded. */
function eventLines(
  planned: OrderPlan,
  deadline: Deadline,
  { t, language, timeZone, now, leadHours }: CalendarOptions,
): string[] {
  const order = effectiveOrder(planned.order);
  const locale = localeFor(language);
  const when = dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
    new Date(deadline.dueAt),
  );
  const today = dateFormat(locale, { dateStyle: 'medium', timeZone }).format(new Date(now));
  const name = t(`deadline.${deadline.kind}`);
  const orderName = t('marketplace.order', {
    marketplace: marketplaceName(order.marketplace),
    number: order.orderNumber,
  });
  const page = orderPageUrl(planned.order);
  const due = t('reminder.closes', { deadline: name, when });
  const description = [
    due,
    t('calendar.step', {
      date: today,
      step: stepText(t, planned.plan.nextStep, order.marketplace),
    }),
    orderName,
    ...(order.seller ? [t('calendar.seller', { seller: order.seller.name })] : []),
    ...(planned.openCase
      ? [t('calendar.case', { reason: t(`reason.${planned.openCase.reason}`) })]
      : []),
    ...(page ? [t('calendar.page', { url: page })] : []),
  ].join('\n');
  // As a window opens, the reminder says what has become possible; before one closes, when.
  const alarm =
    deadline.edge === 'opens' ? t(`reminder.opens.${deadline.kind}` as MessageKey) : due;
  return [
    'BEGIN:VEVENT',
    `UID:${uid(order.id, deadline)}`,
    `DTSTAMP:${utcDateTime(now)}`,
    `SEQUENCE:${sequenceAt(now)}`,
    `DTSTART:${utcDateTime(deadline.dueAt)}`,
    `DURATION:${EVENT_DURATION}`,
    // A deadline takes none of the buyer's time: it must not show them as busy.
    'TRANSP:TRANSPARENT',
    `SUMMARY:${text(t('calendar.summary', { order: orderName, deadline: name }))}`,
    `DESCRIPTION:${text(description)}`,
    ...(page ? [`URL:${page}`] : []),
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    `DESCRIPTION:${text(alarm)}`,
    `TRIGGER:${trigger(deadline, leadHours)}`,
    'END:VALARM',
    'END:VEVENT',
  ];
}

/**
 * The deadlines ahead of these orders as a calendar file (RFC 5545): one event each, in the
 * buyer's language, with an alarm when CaseClock would remind. Archived orders are left out, as
 * they are of reminders. Undefined when there is no deadline ahead: a calendar must hold at least
 * one event.
 */
export function deadlinesCalendar(
  orders: readonly OrderPlan[],
  options: CalendarOptions,
): string | undefined {
  const ahead = orders
    .filter((planned) => planned.order.archived !== true)
    .flatMap((planned) =>
      planned.plan.deadlines
        .filter((deadline) => !deadline.passed)
        .map((deadline) => ({ planned, deadline })),
    )
    .sort((a, b) => Date.parse(a.deadline.dueAt) - Date.parse(b.deadline.dueAt));
  if (ahead.length === 0) return undefined;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//CaseClock//Dispute deadlines//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${text(options.t('calendar.name'))}`,
    ...ahead.flatMap(({ planned, deadline }) => eventLines(planned, deadline, options)),
    'END:VCALENDAR',
  ];
  return `${lines.map(folded).join('\r\n')}\r\n`;
}
