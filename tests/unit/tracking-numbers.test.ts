// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkTrackingNumber, s10CheckDigit } from '@/lib/tracking-numbers';
import { assertProperty, PROPERTY_TIMEOUT } from '../property';

describe('checkTrackingNumber', () => {
  it.each([
    ['RI002972278CN', 'upu-s10'], // the example in the notes
    ['LZ492186534CN', 'upu-s10'],
    ['CJ140286057DE', 'upu-s10'],
    ['EE 728 193 044 CN', 'upu-s10'],
    ['RR003000000CN', 'upu-s10'], // weighted sum 12: 11 − 1 = 10, written 0
    ['RR001000015CN', 'upu-s10'], // weighted sum 11: 11 − 0 = 11, written 5
    ['1Z999AA10123456784', 'ups'], // UPS's published sample
    ['LP00587211349026', 'cainiao'],
    ['YT2312345678901234', 'yunexpress'],
  ])('accepts %s as %s', (number, format) => {
    expect(checkTrackingNumber(number)).toEqual({ verdict: 'valid', format });
  });

  it.each([
    ['LZ492186537CN', 'check-digit'],
    ['RI002972279CN', 'check-digit'],
    ['RR003000005CN', 'check-digit'], // the digit is 0 (11 − 12 mod 11 = 10 → 0), not 5
    ['RR001000010CN', 'check-digit'], // the digit is 5 (11 − 11 mod 11 = 11 → 5), not 0
    ['1Z999AA10123456785', 'check-digit'],
    ['AA000000000BR', 'placeholder'],
    ['1234', 'malformed'],
    ['LZ-49 2186?534', 'malformed'],
  ])('rejects %s (%s)', (number, reason) => {
    expect(checkTrackingNumber(number)).toMatchObject({ verdict: 'invalid', reason });
  });

  it('knows nothing of a format it has no rule for', () => {
    expect(checkTrackingNumber('SF1234567890123')).toEqual({ verdict: 'unknown' });
  });

  it.each([
    ['1Z12345E6605272234', 'ups'],
    ['1ZWX0692YP40636269', 'ups'], // letters in the even places as well as the odd
    ['JT0123456789012', 'jt'],
    ['123456789012', 'fedex'],
    ['123456789012345', 'fedex'],
    ['92001234567890123456', 'usps'], // the shortest USPS shape: 20 digits
    ['9400111899223197428490', 'usps'], // the longest: 22 digits
    ['rr 003-000-000 cn', 'upu-s10'], // as a buyer may paste it
  ])('accepts %s as %s', (number, format) => {
    expect(checkTrackingNumber(number)).toEqual({ verdict: 'valid', format });
  });

  it.each(['1Z12345E6605272235', '1ZWX0692YP40636260'])('rejects the UPS number %s', (number) => {
    expect(checkTrackingNumber(number)).toEqual({
      verdict: 'invalid',
      format: 'ups',
      reason: 'check-digit',
    });
  });

  it.each([
    ['a letter before an S10 number', 'XRI002972278CN'],
    ['a letter after an S10 number', 'RI002972278CNX'],
    ['a letter before a UPS number', 'X1Z999AA10123456784'],
    ['a digit after a UPS number', '1Z999AA101234567840'],
    ['a letter before a Cainiao number', 'XLP00587211349026'],
    ['a letter after a Cainiao number', 'LP00587211349026X'],
    ['a letter before a YunExpress number', 'XYT2312345678901234'],
    ['a letter after a YunExpress number', 'YT2312345678901234X'],
    ['a letter before a J&T number', 'XJT0123456789012'],
    ['a letter after a J&T number', 'JT0123456789012X'],
    ['a J&T number a digit short', 'JT012345678901'],
    ['13 digits, between the FedEx lengths', '1234567890123'],
    ['14 digits', '12345678901234'],
    ['a letter before 12 digits', 'X123456789012'],
    ['a letter after 15 digits', '123456789012345X'],
    ['a letter before 15 digits', 'X123456789012345'],
    ['a USPS shape starting 96', '9600111899223197428490'],
    ['a letter before a USPS number', 'X9400111899223197428490'],
    ['a letter after a USPS number', '9400111899223197428490X'],
    ['23 digits', '94001118992231974284901'],
    ['letters with one letter inside the digits', 'AA0000B0000000CN'],
    ['eight characters, the shortest number', 'SF123456'],
    ['thirty characters, the longest', 'SF1234567890123456789012345678'],
  ])('knows nothing of %s', (_case, number) => {
    expect(checkTrackingNumber(number)).toEqual({ verdict: 'unknown' });
  });

  it.each([
    ['seven characters', 'SF12345'],
    ['thirty-one characters', 'SF12345678901234567890123456789'],
    ['a sign before the number', '?LZ492186534CN'],
  ])('rejects %s as malformed', (_case, number) => {
    expect(checkTrackingNumber(number)).toEqual({ verdict: 'invalid', reason: 'malformed' });
  });

  it.each(['11111111', 'LP00000000000000', 'X1111111Y'])(
    'rejects %s, one digit repeated, as a placeholder',
    (number) => {
      expect(checkTrackingNumber(number)).toEqual({ verdict: 'invalid', reason: 'placeholder' });
    },
  );

  it.each([
    ['00297227', 8],
    ['49218653', 4],
    ['72819304', 4],
    ['00300000', 0],
    ['00100001', 5],
  ])('computes the S10 check digit of %s as %i', (serial, digit) => {
    expect(s10CheckDigit(serial)).toBe(digit);
  });
});

/**
 * UPU S10, written here from the standard rather than from the code under test: weights
 * 8 6 4 2 3 5 9 7 over the eight serial digits, check = 11 − (sum mod 11), then 10 → 0, 11 → 5.
 */
function upuRemainder(serial: string): number {
  const weights = [8, 6, 4, 2, 3, 5, 9, 7];
  return weights.reduce((total, weight, i) => total + weight * Number(serial[i]), 0) % 11;
}

function upuCheckDigit(serial: string): number {
  const check = 11 - upuRemainder(serial);
  if (check === 10) return 0;
  if (check === 11) return 5;
  return check;
}

/** What checkTrackingNumber must say of a serial followed by a check digit. */
function expectedCheck(serial: string, digit: number) {
  // Nine identical digits are a placeholder whatever they sum to ("555555555").
  if (new Set(serial + String(digit)).size === 1) {
    return { verdict: 'invalid', reason: 'placeholder' };
  }
  return digit === upuCheckDigit(serial)
    ? { verdict: 'valid', format: 'upu-s10' }
    : { verdict: 'invalid', format: 'upu-s10', reason: 'check-digit' };
}

const SEED = 20_261_130;
const letters = fc.string({
  unit: fc.integer({ min: 65, max: 90 }).map((code) => String.fromCharCode(code)),
  minLength: 2,
  maxLength: 2,
});
const serial = fc.integer({ min: 0, max: 99_999_999 }).map((n) => String(n).padStart(8, '0'));

describe('checkTrackingNumber agrees with UPU S10 written from the standard', () => {
  // Every remainder of the weighted sum: check digits 1 to 9, and the two special cases,
  // remainder 1 (check 10, written 0) and remainder 0 (check 11, written 5).
  it.each([
    [0, 5],
    [1, 0],
    [2, 9],
    [3, 8],
    [4, 7],
    [5, 6],
    [6, 5],
    [7, 4],
    [8, 3],
    [9, 2],
    [10, 1],
  ])('a serial whose weighted sum leaves %i has check digit %i', (remainder, digit) => {
    // The first serial counting up from a fixed start with that remainder.
    let number = 49_218_653;
    while (upuRemainder(String(number)) !== remainder) number++;
    const found = String(number);
    expect(checkTrackingNumber(`RR${found}${String(digit)}CN`)).toEqual({
      verdict: 'valid',
      format: 'upu-s10',
    });
    expect(checkTrackingNumber(`RR${found}${String((digit + 1) % 10)}CN`)).toMatchObject({
      verdict: 'invalid',
      reason: 'check-digit',
    });
  });

  it(
    'for serials drawn uniformly, with every check digit, right or wrong',
    () => {
      const remainders = new Set<number>();
      assertProperty(
        fc.property(
          letters,
          serial,
          fc.nat({ max: 9 }),
          letters,
          (service, digits, digit, country) => {
            remainders.add(upuRemainder(digits));
            expect(checkTrackingNumber(`${service}${digits}${String(digit)}${country}`)).toEqual(
              expectedCheck(digits, digit),
            );
            expect(s10CheckDigit(digits)).toBe(upuCheckDigit(digits));
          },
        ),
        { name: 'S10 check digits', seed: SEED },
      );
      // The draw reached every remainder, so both special cases as well as the plain ones.
      expect(remainders.size).toBe(11);
    },
    PROPERTY_TIMEOUT,
  );
});
