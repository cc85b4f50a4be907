/**
 * Checks a tracking number offline. A failing check digit is strong evidence that the number is
 * invalid (the DHgate US$30 rule); a format CaseClock does not know proves nothing.
 */

export type TrackingFormat = 'upu-s10' | 'ups' | 'cainiao' | 'yunexpress' | 'jt' | 'fedex' | 'usps';

export type TrackingCheck =
  | { verdict: 'valid'; format: TrackingFormat }
  | {
      verdict: 'invalid';
      format?: TrackingFormat;
      reason: 'check-digit' | 'malformed' | 'placeholder';
    }
  | { verdict: 'unknown' };

const S10 = /^([A-Z]{2})(\d{8})(\d)([A-Z]{2})$/;
const UPS = /^1Z([0-9A-Z]{15})(\d)$/;

/** Formats without a check digit CaseClock can verify, recognised by shape only. */
const SHAPES: readonly (readonly [RegExp, TrackingFormat])[] = [
  [/^LP\d{14}$/, 'cainiao'],
  [/^YT\d{16}$/, 'yunexpress'],
  [/^JT\d{13}$/, 'jt'],
  [/^\d{12}$|^\d{15}$/, 'fedex'],
  [/^9[2-5]\d{18,20}$/, 'usps'],
];

/** UPU S10: weights 8 6 4 2 3 5 9 7, check = 11 − (sum mod 11), with 10 → 0 and 11 → 5. */
export function s10CheckDigit(serial: string): number {
  const weights = [8, 6, 4, 2, 3, 5, 9, 7];
  const sum = weights.reduce((total, weight, i) => total + weight * Number(serial.charAt(i)), 0);
  const check = 11 - (sum % 11);
  return check === 10 ? 0 : check === 11 ? 5 : check;
}

/** UPS 1Z: letters count as (position in the alphabet + 2) mod 10, even places double. */
function upsCheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const char = body.charAt(i);
    const value = /\d/.test(char) ? Number(char) : (char.charCodeAt(0) - 63) % 10;
    sum += i % 2 === 1 ? value * 2 : value;
  }
  return (10 - (sum % 10)) % 10;
}

export function checkTrackingNumber(raw: string): TrackingCheck {
  const number = raw.replace(/[\s-]/g, '').toUpperCase();
  if (!/^[A-Z0-9]{8,30}$/.test(number)) return { verdict: 'invalid', reason: 'malformed' };
  // One digit repeated between the letters: the letters are cut off, so what repeats is a digit.
  if (/^(.)\1+$/.test(number.replace(/^[A-Z]+|[A-Z]+$/g, ''))) {
    return { verdict: 'invalid', reason: 'placeholder' };
  }
  const s10 = S10.exec(number);
  if (s10) {
    // Stryker disable next-line StringLiteral: a group of a pattern that matched is never missing
    return Number(s10[3]) === s10CheckDigit(s10[2] ?? '')
      ? { verdict: 'valid', format: 'upu-s10' }
      : { verdict: 'invalid', format: 'upu-s10', reason: 'check-digit' };
  }
  const ups = UPS.exec(number);
  if (ups) {
    // Stryker disable next-line StringLiteral: a group of a pattern that matched is never missing
    return Number(ups[2]) === upsCheckDigit(ups[1] ?? '')
      ? { verdict: 'valid', format: 'ups' }
      : { verdict: 'invalid', format: 'ups', reason: 'check-digit' };
  }
  const shape = SHAPES.find(([pattern]) => pattern.test(number));
  return shape ? { verdict: 'valid', format: shape[1] } : { verdict: 'unknown' };
}
