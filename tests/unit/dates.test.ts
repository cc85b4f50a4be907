import { describe, expect, it } from 'vitest';
import { parsePageDate } from '@/lib/dates';

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
  ])('finds no date in %j', (text) => {
    expect(parsePageDate(text)).toBeUndefined();
  });
});
