// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePageDate, type DateReadingOptions } from '@/lib/dates';
import { assertProperty, PROPERTY_TIMEOUT } from '../property';
import { PARIS } from './zones';

// The unit tests run in Europe/Paris (see vitest.config.ts): CET is UTC+1, CEST UTC+2.
describe('parsePageDate', () => {
  it.each([
    ['Oct 28, 2026 14:05', {}, '2026-10-28T13:05:00.000Z'],
    ['Jan  5, 2016 10:06', {}, '2016-01-05T09:06:00.000Z'],
    ['Jun 15, 2015 9:41', {}, '2015-06-15T07:41:00.000Z'],
    ['Mar 12,2014 1:57:15 PM', {}, '2014-03-12T12:57:15.000Z'],
    ['2026-10-30 21:48:02', {}, '2026-10-30T20:48:02.000Z'],
    ['2024-01-01', {}, '2023-12-31T23:00:00.000Z'],
    ['07/11/2026', { dayFirst: true }, '2026-11-06T23:00:00.000Z'],
    ['07/11/2026', {}, '2026-07-10T22:00:00.000Z'],
    ['25/11/2026 08:15', {}, '2026-11-25T07:15:00.000Z'], // only a day can be 25
    ['Sep 3, 2026', {}, '2026-09-02T22:00:00.000Z'],
    ['3 nov. 2026', {}, '2026-11-02T23:00:00.000Z'],
    ['2 sept. 2026', {}, '2026-09-01T22:00:00.000Z'],
    ['7 novembre 2026 à 14h05', {}, '2026-11-07T13:05:00.000Z'],
    ['mardi 3 novembre 2026', {}, '2026-11-02T23:00:00.000Z'],
    ['1 de set. de 2026', {}, '2026-08-31T22:00:00.000Z'],
    ['08:41 Oct. 19 2026', {}, '2026-10-19T06:41:00.000Z'],
    ['Order placed on: Jul 15, 2026', {}, '2026-07-14T22:00:00.000Z'],
    ['Refund if no delivery before Sep 4, 2026', {}, '2026-09-03T22:00:00.000Z'],
    ['Tue | Jul. 28 18:39', { yearHint: 2026 }, '2026-07-28T16:39:00.000Z'],
    ['Tue | Dec. 29 09:00', { yearHint: 2016 }, '2015-12-29T08:00:00.000Z'], // weekday says 2015
    ['Delivered：Jul. 28', { yearHint: 2026 }, '2026-07-27T22:00:00.000Z'],
    // Daylight saving ends on 25 October 2026 in Paris: the offset changes across that night.
    ['Oct 24, 2026 12:00', {}, '2026-10-24T10:00:00.000Z'],
    ['Oct 26, 2026 12:00', {}, '2026-10-26T11:00:00.000Z'],
    // A clock before the date: with seconds, with "pm" stuck to it, and one too far from it.
    ['08:41:30 Oct. 19 2026', {}, '2026-10-19T06:41:30.000Z'],
    ['8:41pm Oct. 19 2026', {}, '2026-10-19T18:41:00.000Z'],
    ['10:15 to pay Oct. 19 2026', {}, '2026-10-18T22:00:00.000Z'],
    // Spaces around a colon, on one side or the other.
    ['2026-10-30 21 :48: 02', {}, '2026-10-30T20:48:02.000Z'],
    // Neither number is above 12: the page's order decides, month first unless told otherwise.
    ['12/05/2026', {}, '2026-12-04T23:00:00.000Z'],
    ['05/12/2026', { dayFirst: true }, '2026-12-04T23:00:00.000Z'],
    // Only a day can be 13, whatever the page's order.
    ['05/13/2026', { dayFirst: true }, '2026-05-12T22:00:00.000Z'],
    // Two dates in two shapes: the first one written is the one read.
    ['Placed 3 Nov 2026, paid Dec 5, 2026', {}, '2026-11-02T23:00:00.000Z'],
    ['Placed Dec 5, 2026, paid 3 Nov 2026', {}, '2026-12-04T23:00:00.000Z'],
  ])('reads %j', (text, options, instant) => {
    expect(parsePageDate(text, options)).toBe(instant);
  });

  it.each([
    '',
    'soon',
    'Feb 30, 2026',
    '31/02/2026',
    '2026-13-01',
    'Jul. 28',
    'Oct 28, 2026 25:61',
    '2026-10-19 24:00',
    '2026-10-19 10:75',
    '2026-10-19 10:15:75',
    '2026-00-10',
    '2026-10-00',
    '0099-10-19',
  ])('finds no date in %j', (text) => {
    expect(parsePageDate(text)).toBeUndefined();
  });
});

/** The zone the unit tests run in: a date printed without a zone is in it. */
const ZONE = PARIS;

const formats = new Map<string, Intl.DateTimeFormat>();
function format(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let known = formats.get(key);
  if (!known) {
    known = new Intl.DateTimeFormat(locale, { ...options, timeZone: ZONE });
    formats.set(key, known);
  }
  return known;
}

/** The instant's wall clock in the zone, each part as Intl writes it. */
function wallClock(instant: Date) {
  const parts = format('en-US', {
    weekday: 'short',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((found) => found.type === type)?.value ?? '';
  return {
    weekday: part('weekday'),
    year: part('year'),
    month: part('month'),
    day: part('day'),
    hour: part('hour'),
    minute: part('minute'),
    second: part('second'),
    monthName: format('en-US', { month: 'short' }).format(instant),
  };
}

type Precision = 'day' | 'minute' | 'second';

/** Each way a marketplace prints a date, with what it keeps of the instant. */
const PRINTED: readonly {
  where: string;
  precision: Precision;
  print: (instant: Date) => string;
  options?: DateReadingOptions;
}[] = [
  {
    where: 'DHgate in English ("Oct 28, 2026 14:05", "Oct 9, 2026 8:47")',
    precision: 'minute',
    print: (instant) => {
      const clock = wallClock(instant);
      const day = format('en-US', { month: 'short', day: 'numeric', year: 'numeric' });
      return `${day.format(instant)} ${String(Number(clock.hour))}:${clock.minute}`;
    },
  },
  {
    where: 'DHgate with a 12-hour clock ("Mar 12,2014 1:57:15 PM")',
    precision: 'second',
    print: (instant) => {
      const clock = wallClock(instant);
      const time = format('en-US', {
        hour: 'numeric',
        minute: '2-digit',
        second: '2-digit',
        hour12: true,
      });
      return `${clock.monthName} ${String(Number(clock.day))},${clock.year} ${time.format(instant)}`;
    },
  },
  {
    where: 'DHgate and Allchinabuy in French ("07/11/2026 09:12")',
    precision: 'minute',
    print: (instant) => format('fr-FR', { dateStyle: 'short', timeStyle: 'short' }).format(instant),
    options: { dayFirst: true },
  },
  {
    where: 'AliExpress in English ("Sep 1, 2026")',
    precision: 'day',
    print: (instant) =>
      format('en-US', { month: 'short', day: 'numeric', year: 'numeric' }).format(instant),
  },
  {
    where: 'AliExpress and DHgate in French ("3 nov. 2026", "2 sept. 2026")',
    precision: 'day',
    print: (instant) =>
      format('fr-FR', { day: 'numeric', month: 'short', year: 'numeric' }).format(instant),
    options: { dayFirst: true },
  },
  {
    where: 'AliExpress in Portuguese ("1 de set. de 2026")',
    precision: 'day',
    print: (instant) =>
      format('pt-BR', { day: 'numeric', month: 'short', year: 'numeric' }).format(instant),
    options: { dayFirst: true },
  },
  {
    where: 'Allchinabuy and AliExpress’s older pages ("2026-10-30 21:48:02")',
    precision: 'second',
    print: (instant) => {
      const { year, month, day, hour, minute, second } = wallClock(instant);
      return `${year}-${month}-${day} ${hour}:${minute}:${second}`;
    },
  },
  {
    where: 'AliExpress’s older order list ("08:41 Oct. 19 2026")',
    precision: 'minute',
    print: (instant) => {
      const { year, monthName, day, hour, minute } = wallClock(instant);
      return `${hour}:${minute} ${monthName}. ${day} ${year}`;
    },
  },
];

/** The wall clock a printed date stands for: the instant's, cut to what was printed. */
function shownClock(instant: Date, precision: Precision): string {
  const { year, month, day, hour, minute, second } = wallClock(instant);
  if (precision === 'day') return `${year}-${month}-${day} 00:00:00`;
  return `${year}-${month}-${day} ${hour}:${minute}:${precision === 'second' ? second : '00'}`;
}

function readClock(instant: string | undefined): string {
  return instant === undefined ? 'nothing' : shownClock(new Date(instant), 'second');
}

const SEED = 20_261_132;
const instant = fc.date({
  min: new Date('2000-01-01T00:00:00.000Z'),
  max: new Date('2099-12-31T23:59:59.999Z'),
  noInvalidDate: true,
});

describe('parsePageDate reads back every date the marketplaces print', () => {
  it(
    'at the wall-clock time printed, in the zone the buyer is in',
    () => {
      assertProperty(
        fc.property(instant, fc.nat(), (drawn, which) => {
          const printed = PRINTED[which % PRINTED.length];
          if (!printed) throw new Error('no format');
          const text = printed.print(drawn);
          expect(readClock(parsePageDate(text, printed.options)), `${printed.where}: ${text}`).toBe(
            shownClock(drawn, printed.precision),
          );
        }),
        { name: 'parsePageDate of printed dates', seed: SEED },
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    'of AliExpress tracking, with no year, from the weekday and a year beside it',
    () => {
      assertProperty(
        fc.property(instant, fc.constantFrom(-1, 0, 1), (drawn, yearsOff) => {
          // "Tue | Jul. 28 18:39": the year is the one near the hint that falls on that weekday.
          const { weekday, monthName, day, hour, minute, year } = wallClock(drawn);
          const text = `${weekday} | ${monthName}. ${day} ${hour}:${minute}`;
          const yearHint = Number(year) + yearsOff;
          expect(readClock(parsePageDate(text, { yearHint })), `${text} near ${yearHint}`).toBe(
            shownClock(drawn, 'minute'),
          );
        }),
        { name: 'parsePageDate of tracking dates', seed: SEED },
      );
    },
    PROPERTY_TIMEOUT,
  );
});
