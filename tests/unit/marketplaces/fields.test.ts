/** The small readers every adapter shares: each rule on the text a page would print. */
import { describe, expect, it } from 'vitest';
import {
  assignDefined,
  cutText,
  fieldReader,
  firstWord,
  orderNumberIn,
  pageLanguage,
  parseQuantity,
  readContext,
  trackingNumbersOf,
} from '@/lib/marketplaces/fields';
import { findLabels, PageIndex } from '@/lib/marketplaces/dom';
import type { ReadingProblem } from '@/lib/marketplaces';
import { documentOf } from './pages';

describe('cutText', () => {
  it('keeps a text that fits exactly, with no mark', () => {
    expect(cutText('abcdef', 6, '…')).toBe('abcdef');
  });

  it('cuts a longer text so that it and its mark fit', () => {
    expect(cutText('abcdefg', 6, '…')).toBe('abcde…');
  });
});

describe('firstWord', () => {
  it.each([
    ['DO26730512874 2026-10-30 21:48:02', 'DO26730512874'],
    ['  DO26730512874 2026-10-30', 'DO26730512874'],
    ['', ''],
    ['   ', ''],
  ])('of %j is %j', (text, word) => {
    expect(firstWord(text)).toBe(word);
  });
});

describe('orderNumberIn', () => {
  const DIGITS = /^\d{10}$/;

  it('takes a value that is a whole order number', () => {
    const problems: ReadingProblem[] = [];
    expect(orderNumberIn(' 1043587216 ', DIGITS, problems)).toBe('1043587216');
    expect(problems).toEqual([]);
  });

  it('names an empty value as an order without a number', () => {
    const problems: ReadingProblem[] = [];
    expect(orderNumberIn('  ', DIGITS, problems)).toBeUndefined();
    expect(problems).toEqual([{ kind: 'order-without-number' }]);
  });

  it('refuses a value that is not one, showing it', () => {
    const problems: ReadingProblem[] = [];
    expect(orderNumberIn('Order 1043587216', DIGITS, problems)).toBeUndefined();
    expect(problems).toEqual([{ kind: 'order-number-refused', shown: 'Order 1043587216' }]);
  });
});

describe('fieldReader', () => {
  it('names a required field no place showed as missing', () => {
    const problems: ReadingProblem[] = [];
    const reading = fieldReader(problems, '1043587216');
    expect(reading.money('total', [undefined, ''], { required: true })).toBeUndefined();
    expect(problems).toEqual([{ kind: 'field-missing', order: '1043587216', field: 'total' }]);
  });

  it('says nothing of an optional field no place showed', () => {
    const problems: ReadingProblem[] = [];
    expect(fieldReader(problems, '1043587216').date('paidAt', [undefined])).toBeUndefined();
    expect(problems).toEqual([]);
  });

  it('names the first text it could not read, when none could be', () => {
    const problems: ReadingProblem[] = [];
    const reading = fieldReader(problems, '1043587216').date('paidAt', ['soon', 'later']);
    expect(reading).toBeUndefined();
    expect(problems).toEqual([
      { kind: 'field-unreadable', order: '1043587216', field: 'paidAt', shown: 'soon' },
    ]);
  });
});

describe('pageLanguage', () => {
  it.each([
    ['<html lang="fr-CA">', 'https://www.dhgate.com/', 'fr'],
    ['<html lang="FR">', 'https://www.dhgate.com/', 'fr'],
    ['<html lang="en">', 'https://fr.dhgate.com/', 'en'],
    ['<html>', 'https://fr.dhgate.com/', 'fr'],
    ['<html>', 'https://m.fr.dhgate.com/', 'fr'],
    ['<html>', 'https://www.dhgate.com/', 'en'],
  ])('of %s at %s is %s', (html, url, language) => {
    expect(pageLanguage(documentOf(html), new URL(url))).toBe(language);
  });

  it('makes an English page read dates month first and a French one day first', () => {
    const url = new URL('https://www.dhgate.com/mydhgate/order/orderlist.html');
    expect(readContext(documentOf('<html lang="en">'), url, 'order-list').dayFirst).toBe(false);
    expect(readContext(documentOf('<html lang="fr">'), url, 'order-list').dayFirst).toBe(true);
  });
});

describe('assignDefined', () => {
  it('sets only the values that are defined, leaving no undefined key', () => {
    const target = assignDefined<{ a?: number; b?: number }>({}, { a: undefined, b: 2 });
    expect(Object.keys(target)).toEqual(['b']);
  });
});

describe('parseQuantity', () => {
  it.each([
    ['2', 2],
    ['x2', 2],
    ['× 3', 3],
    ['✕12', 12],
    ['999999', 999999],
  ])('reads %j as %d', (text, quantity) => {
    expect(parseQuantity(text)).toBe(quantity);
  });

  it.each(['1234567', '2 sets', 'pack of 3', ''])('finds no quantity in %j', (text) => {
    expect(parseQuantity(text)).toBeUndefined();
  });
});

describe('trackingNumbersOf', () => {
  it('keeps the values that look like tracking numbers, each once', () => {
    const doc = documentOf(`<p>Tracking number: RB123456785CN</p><p>Tracking number: Not yet</p>
      <p>Tracking number: RB123456785CN</p><p>Tracking number: RB 123456785CN</p>
      <p>Tracking number: RB123456785 CN</p>`);
    const index = new PageIndex(doc);
    const hits = findLabels(index, doc.body, { tracking: ['Tracking number'] }).get('tracking');
    expect(hits).toHaveLength(5);
    expect(trackingNumbersOf(hits)).toEqual(['RB123456785CN']);
  });
});
