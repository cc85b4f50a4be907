import { describe, expect, it } from 'vitest';
import { checkTrackingNumber, s10CheckDigit } from '@/lib/tracking-numbers';

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
    ['00297227', 8],
    ['49218653', 4],
    ['72819304', 4],
    ['00300000', 0],
    ['00100001', 5],
  ])('computes the S10 check digit of %s as %i', (serial, digit) => {
    expect(s10CheckDigit(serial)).toBe(digit);
  });
});
