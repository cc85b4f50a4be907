/**
 * Reading the dates marketplaces print. A date without a zone is the buyer's local time, which
 * is the zone the browser runs in; the result is an ISO 8601 instant in UTC.
 */

export interface DateReadingOptions {
  /** Numeric dates put the day first ("07/11/2026" is 7 November), as in French. */
  dayFirst?: boolean;
  /** The year to assume for dates printed without one ("Jul. 28"), e.g. from another date. */
  yearHint?: number;
}

/** Month names and abbreviations, accents removed, in English, French and Portuguese. */
const MONTHS: Record<string, number> = {
  jan: 1, january: 1, janv: 1, janvier: 1, janeiro: 1,
  feb: 2, february: 2, fev: 2, fevr: 2, fevrier: 2, fevereiro: 2,
  mar: 3, march: 3, mars: 3, marco: 3,
  apr: 4, april: 4, avr: 4, avril: 4, abr: 4, abril: 4,
  may: 5, mai: 5, maio: 5,
  jun: 6, june: 6, juin: 6, junho: 6,
  jul: 7, july: 7, juil: 7, juillet: 7, julho: 7,
  aug: 8, august: 8, aout: 8, ago: 8, agosto: 8,
  sep: 9, sept: 9, september: 9, septembre: 9, set: 9, setembro: 9,
  oct: 10, october: 10, octobre: 10, out: 10, outubro: 10,
  nov: 11, november: 11, novembre: 11, novembro: 11,
  dec: 12, december: 12, decembre: 12, dez: 12, dezembro: 12,
}; // prettier-ignore

const WEEKDAYS: Record<string, number> = {
  sun: 0, sunday: 0, dim: 0, dimanche: 0,
  mon: 1, monday: 1, lun: 1, lundi: 1,
  tue: 2, tues: 2, tuesday: 2, mardi: 2,
  wed: 3, wednesday: 3, mer: 3, mercredi: 3,
  thu: 4, thur: 4, thurs: 4, thursday: 4, jeu: 4, jeudi: 4,
  fri: 5, friday: 5, ven: 5, vendredi: 5,
  sat: 6, saturday: 6, sam: 6, samedi: 6,
}; // prettier-ignore

const byLength = (words: Record<string, number>) =>
  Object.keys(words)
    .sort((a, b) => b.length - a.length)
    .join('|');
// The patterns run on text whose spaces `plain` has collapsed: one optional space is all they
// need, and never two optional runs side by side, which would take quadratic time on long text.
const MONTH = `(${byLength(MONTHS)})\\.?`;
const WEEKDAY = `(?:(${byLength(WEEKDAYS)})\\.? ?[|,]? ?)?`;
const TIME = `(?:,? ?(?:(?:a|à|at|as|às) )?(\\d{1,2}) ?[:h] ?(\\d{2})(?::(\\d{2}))? ?(am|pm)?)?`;

const ISO_LIKE = new RegExp(
  `(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?:[ T](\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?`,
);
const NUMERIC = new RegExp(`(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})${TIME}`);
const MONTH_FIRST = new RegExp(
  `${WEEKDAY}\\b${MONTH} ?(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,? ?(\\d{4}))?${TIME}`,
);
const DAY_FIRST = new RegExp(
  `${WEEKDAY}\\b(\\d{1,2})(?:er|st|nd|rd|th)?\\.? (?:de )?${MONTH}(?:,? (?:de )?(\\d{4}))?${TIME}`,
);
/**
 * A clock printed just before a date ("08:41 Oct. 19 2026"), looked for in a short window. A date
 * starts at a word boundary, so a space always parts it from a clock that ends in a digit or "pm".
 */
const CLOCK_BEFORE = /(\d{1,2}):(\d{2})(?::(\d{2}))? ?(am|pm)? $/;
const CLOCK_WINDOW = 16;

function plain(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .replace(/：/g, ':')
    .replace(/ ?: ?/g, ':')
    .toLowerCase();
}

interface Parts {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
  second?: number;
}

function toInstant({ year, month, day, hour = 0, minute = 0, second = 0 }: Parts) {
  // 10:75 would pass for 11:15 on the same day.
  if (minute > 59 || second > 59) return undefined;
  const local = new Date(year, month - 1, day, hour, minute, second);
  // Date carries what overflows: an hour past 23 or a day past the month's end changes the day's
  // number, a month past 12 the year. It also reads the years 0 to 99 as 1900 to 1999.
  const exists = local.getFullYear() === year && local.getDate() === day;
  return exists ? local.toISOString() : undefined;
}

function withClock(hour?: string, minute?: string, second?: string, meridiem?: string) {
  // Every pattern captures the hour and the minute together.
  if (hour === undefined) return {};
  let h = Number(hour);
  if (meridiem === 'pm' && h < 12) h += 12;
  if (meridiem === 'am' && h === 12) h = 0;
  return { hour: h, minute: Number(minute), second: second === undefined ? 0 : Number(second) };
}

/** The year a yearless date falls in: the hint, or a year beside it that fits the weekday. */
function yearFor(
  written: string | undefined,
  month: number,
  day: number,
  weekday: string | undefined,
  hint: number | undefined,
): number | undefined {
  if (written) return Number(written);
  if (hint === undefined) return undefined;
  const expected = weekday === undefined ? undefined : WEEKDAYS[weekday];
  if (expected === undefined) return hint;
  return [hint, hint - 1, hint + 1].find(
    (year) => new Date(year, month - 1, day).getDay() === expected,
  );
}

/**
 * Reads the first date in `text`: "Oct 28, 2026 14:05", "2026-10-30 21:48:02", "07/11/2026",
 * "Sep 3, 2026", "3 nov. 2026", "Tue | Jul. 28 18:39" (with a year hint). Returns undefined
 * when the text holds no complete, existing date.
 */
export function parsePageDate(text: string, options: DateReadingOptions = {}): string | undefined {
  const source = plain(text);
  let match = ISO_LIKE.exec(source);
  if (match) {
    const [, y, mo, d, h, mi, s] = match;
    return toInstant({
      year: Number(y),
      month: Number(mo),
      day: Number(d),
      ...withClock(h, mi, s),
    });
  }
  match = NUMERIC.exec(source);
  if (match) {
    const [, first, second, y, h, mi, s, meridiem] = match;
    const a = Number(first);
    const b = Number(second);
    const dayFirst = a > 12 ? true : b > 12 ? false : (options.dayFirst ?? false);
    const [day, month] = dayFirst ? [a, b] : [b, a];
    return toInstant({ year: Number(y), month, day, ...withClock(h, mi, s, meridiem) });
  }
  // The legacy AliExpress list prints the time first: "08:41 Oct. 19 2026".
  const clockBefore = (index: number) =>
    CLOCK_BEFORE.exec(source.slice(Math.max(0, index - CLOCK_WINDOW), index))?.slice(1) ?? [];
  const named = (
    match: RegExpExecArray,
    groups: {
      weekday?: string;
      day?: string;
      month?: string;
      year?: string;
      clock: (string | undefined)[];
    },
  ) => {
    // Stryker disable next-line StringLiteral: every named pattern captures a month.
    const month = MONTHS[groups.month ?? ''] ?? 0;
    const day = Number(groups.day);
    const year = yearFor(groups.year, month, day, groups.weekday, options.yearHint);
    if (year === undefined) return undefined;
    const [h, mi, s, meridiem] =
      groups.clock[0] === undefined ? clockBefore(match.index) : groups.clock;
    return toInstant({ year, month, day, ...withClock(h, mi, s, meridiem) });
  };
  const candidates: { index: number; read: () => string | undefined }[] = [];
  const monthFirst = MONTH_FIRST.exec(source);
  if (monthFirst) {
    const [, weekday, month, day, year, ...clock] = monthFirst;
    candidates.push({
      index: monthFirst.index,
      read: () => named(monthFirst, { weekday, month, day, year, clock }),
    });
  }
  const dayFirst = DAY_FIRST.exec(source);
  if (dayFirst) {
    const [, weekday, day, month, year, ...clock] = dayFirst;
    candidates.push({
      index: dayFirst.index,
      read: () => named(dayFirst, { weekday, month, day, year, clock }),
    });
  }
  // When both shapes occur, the earlier one that is a real date is the one the text is about.
  for (const candidate of candidates.sort((a, b) => a.index - b.index)) {
    const instant = candidate.read();
    if (instant) return instant;
  }
  return undefined;
}

/** The year of the first dated text in a list, to read yearless dates beside it. */
export function yearOf(instant: string | undefined): number | undefined {
  return instant === undefined ? undefined : new Date(instant).getFullYear();
}
