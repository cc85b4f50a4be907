/** A moment as the buyer reads it: "Tue, Nov 24, 10:00 AM" in their locale and time zone. */
export function formatDateTime(instant: string, locale: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, {
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
export function formatRelative(instant: string, now: string, locale: string): string {
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
