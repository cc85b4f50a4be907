import type { PageTranslate } from './page';

/**
 * Intl formatters, built once per locale and options: building one costs far more than using
 * it, and the order list words dozens of countdowns each minute.
 */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

export function dateFormat(
  locale: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    dateFormats.set(key, format);
  }
  return format;
}

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format;
}

/** A moment as the buyer reads it: "Tue, Nov 24, 10:00 AM" in their locale and time zone. */
function formatDateTime(instant: string, locale: string, timeZone?: string): string {
  return dateFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: 'numeric',
    minute: '2-digit',
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(instant));
}

const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** How far a moment is from now: "in 2 days", "3 hours ago", "tomorrow". */
function formatRelative(instant: string, now: string, locale: string): string {
  const difference = new Date(instant).getTime() - new Date(now).getTime();
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(difference) >= size || unit === 'minute') {
      return format.format(Math.round(difference / size), unit);
    }
  }
  return format.format(0, 'minute');
}

/** "Tue, Nov 24, 10:00 AM (in 2 days)". */
export function formatWhen(
  instant: string,
  now: string,
  locale: string,
  timeZone?: string,
): string {
  return `${formatDateTime(instant, locale, timeZone)} (${formatRelative(instant, now, locale)})`;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function calendarDay(instant: number, timeZone: string | undefined): string {
  return dateFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    ...(timeZone ? { timeZone } : {}),
  }).format(instant);
}

/**
 * How long until a moment, as a live countdown reads: "in 45 min", "in 5 h 20 min",
 * "tomorrow at 10:00", "in 2 days 4 h", "in 45 days". Precise when it is close, calm when far.
 */
export function formatCountdown(
  instant: string,
  now: string,
  locale: string,
  t: PageTranslate,
  timeZone?: string,
): string {
  const due = new Date(instant).getTime();
  const from = new Date(now).getTime();
  const left = due - from;
  if (left <= 0) return t('countdown.passed');
  if (left < HOUR)
    return t('countdown.minutes', { minutes: Math.max(1, Math.ceil(left / MINUTE)) });
  const hours = Math.floor((left % DAY) / HOUR);
  if (left < 12 * HOUR) {
    return t('countdown.hours', { hours, minutes: Math.floor((left % HOUR) / MINUTE) });
  }
  if (calendarDay(due, timeZone) === calendarDay(from + DAY, timeZone)) {
    const time = dateFormat(locale, {
      hour: 'numeric',
      minute: '2-digit',
      ...(timeZone ? { timeZone } : {}),
    }).format(due);
    return t('countdown.tomorrow', { time });
  }
  const wholeDays = Math.floor(left / DAY);
  const days = numberFormat(locale, {
    style: 'unit',
    unit: 'day',
    unitDisplay: 'long',
  }).format(wholeDays);
  if (wholeDays >= 7) return t('countdown.longDays', { days });
  if (left < DAY)
    return t('countdown.hours', { hours, minutes: Math.floor((left % HOUR) / MINUTE) });
  return t('countdown.days', { days, hours });
}

/** A file's size in the buyer's units: "9 kB", "61,2 ko". */
export function formatSize(bytes: number, locale: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return numberFormat(locale, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

/**
 * A moment as "2026-11-22 10:15" in the buyer's time zone: what spreadsheets read as a date and
 * time in any language, and what sorts as written.
 */
export function localDateTime(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(instant));
}
