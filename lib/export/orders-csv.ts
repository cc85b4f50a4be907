import type { Translate } from '../i18n';
import { localDateTime } from '../i18n/format';
import { marketplaceName } from '../i18n/phrases';
import { orderPageUrl, effectiveOrder } from '../db/schema';
import { minorDigits, type Money } from '../money';
import { urgencyOf } from '../timeline/urgency';
import type { TrackedOrder } from '../tracked-orders';

/**
 * Digits a spreadsheet would take for a number and spoil: past 11 digits it shows them in
 * scientific notation and past 15 it drops the rest (AliExpress order numbers have 16), and a
 * leading zero goes.
 */
const MANGLED_NUMBER = /^(?:\d{12,}|0\d+)$/;
/** A text a spreadsheet would run as a formula: page text (a seller's name) must never be one. */
const FORMULA = /^(?:[=+@\t\r]|-(?!\d))/;

/** One field, as RFC 4180 writes it, and as a spreadsheet will read it back. */
function field(value: string | undefined): string {
  let text = value ?? '';
  // A formula of one string keeps the digits as they are, in Excel and LibreOffice alike.
  if (MANGLED_NUMBER.test(text)) text = `="${text}"`;
  else if (FORMULA.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** An amount as a spreadsheet reads a number: "31.93", in the currency's own digits. */
function amount(money: Money | undefined): string | undefined {
  if (!money) return undefined;
  const digits = minorDigits(money.currency);
  if (digits === undefined) return undefined;
  return (money.minor / 10 ** digits).toFixed(digits);
}

const COLUMNS = [
  'csv.marketplace',
  'csv.order',
  'csv.placed',
  'csv.status',
  'csv.seller',
  'csv.total',
  'csv.currency',
  'csv.tracking',
  'csv.carrier',
  'csv.case',
  'csv.deadline',
  'csv.deadlineAt',
  'csv.page',
] as const;

/**
 * The buyer's orders as a spreadsheet: one row each, headed in their language, dates in their
 * time zone. UTF-8 with a byte-order mark, so spreadsheets read accents; lines end in CRLF.
 */
export function ordersCsv(
  orders: readonly TrackedOrder[],
  { t, timeZone }: { t: Translate; timeZone: string },
): string {
  const when = (instant: string | undefined) =>
    instant === undefined ? undefined : localDateTime(instant, timeZone);
  const rows = orders.map(({ order, openCase, plan }) => {
    const shown = effectiveOrder(order);
    const next = urgencyOf(plan).nextDeadline;
    return [
      marketplaceName(order.marketplace),
      order.orderNumber,
      when(shown.placedAt),
      shown.status === undefined ? shown.statusText : t(`status.${shown.status}`),
      shown.seller?.name,
      amount(shown.total),
      shown.total?.currency,
      shown.trackingNumber,
      shown.carrier,
      openCase ? t(`reason.${openCase.reason}`) : undefined,
      next ? t(`when.${next.kind}`) : undefined,
      when(next?.dueAt),
      orderPageUrl(order),
    ];
  });
  const lines = [COLUMNS.map((key) => t(key)), ...rows].map((row) => row.map(field).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
