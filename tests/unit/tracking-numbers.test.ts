import { describe, expect, it } from 'vitest';
import { checkTrackingNumber, s10CheckDigit } from '@/lib/tracking-numbers';

describe('checkTrackingNumber', () => {
  it.each([
    ['RI002972278CN', 'upu-s10'], // the example in the notes
    ['LZ492186534CN', 'upu-s10'],
    ['CJ140286057DE', 'upu-s10'],
    ['EE 728 193 044 CN', 'upu-s10'],
    ['1Z999AA10123456784', 'ups'], // UPS's published sample
    ['LP00587211349026', 'cainiao'],
    ['YT2312345678901234', 'yunexpress'],
  ])('accepts %s as %s', (number, format) => {
    expect(checkTrackingNumber(number)).toEqual({ verdict: 'valid', format });
  });

  it.each([
    ['LZ492186537CN', 'check-digit'],
    ['RI002972279CN', 'check-digit'],
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
  ])('computes the S10 check digit of %s as %i', (serial, digit) => {
    expect(s10CheckDigit(serial)).toBe(digit);
  });
});
