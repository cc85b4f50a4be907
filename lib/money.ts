/** An amount in integer minor units (cents) of an ISO 4217 currency. */
export interface Money {
  minor: number;
  currency: string;
}

/** Currency markers as marketplaces print them, most specific first. */
const CURRENCY_MARKERS: readonly { pattern: string; currency: string }[] = [
  { pattern: 'US\\s*\\$', currency: 'USD' },
  { pattern: 'R\\$', currency: 'BRL' },
  { pattern: '(?:CA|C)\\s*\\$', currency: 'CAD' },
  { pattern: '(?:AU|A)\\s*\\$', currency: 'AUD' },
  { pattern: 'NZ\\s*\\$', currency: 'NZD' },
  { pattern: 'MX\\s*\\$', currency: 'MXN' },
  { pattern: 'HK\\s*\\$', currency: 'HKD' },
  { pattern: 'S\\s*\\$', currency: 'SGD' },
  { pattern: 'JP\\s*[¥￥]', currency: 'JPY' },
  { pattern: 'CN\\s*[¥￥]|RMB|元', currency: 'CNY' },
  { pattern: '€', currency: 'EUR' },
  { pattern: '£', currency: 'GBP' },
  { pattern: '[¥￥]', currency: 'CNY' },
  { pattern: '₩', currency: 'KRW' },
  { pattern: '₽|руб\\.?', currency: 'RUB' },
  { pattern: 'zł', currency: 'PLN' },
  { pattern: '₺', currency: 'TRY' },
  { pattern: '₹', currency: 'INR' },
  { pattern: '(?<![A-Za-z])[A-Z]{3}(?![A-Za-z])', currency: 'code' }, // an ISO code as written
  { pattern: '\\$', currency: 'default' }, // a bare dollar sign: the caller's default
];

const CURRENCY_RE = new RegExp(CURRENCY_MARKERS.map((m) => `(${m.pattern})`).join('|'), 'g');
/** Digits with optional thousands groups and an optional decimal part. */
const NUMBER = "\\d+(?:[ ',.]\\d{3})*(?:[.,]\\d+)?(?!\\d)";
const NUMBER_AT_START = new RegExp(`^\\s*([-−–]?)\\s*(${NUMBER})`);
const NUMBER_AT_END = new RegExp(`(${NUMBER})\\s*$`);
const NUMBER_ANYWHERE = new RegExp(NUMBER);
const MINUS_JUST_BEFORE = /[-−–]\s*$/;

let isoCodes: ReadonlySet<string> | undefined;
function isIsoCurrency(code: string): boolean {
  isoCodes ??= new Set(Intl.supportedValuesOf('currency'));
  return isoCodes.has(code);
}

const digitsByCurrency = new Map<string, number>();

/** How many minor digits a currency has (2 for USD, 0 for JPY), or undefined if unknown. */
export function minorDigits(currency: string): number | undefined {
  const known = digitsByCurrency.get(currency);
  if (known !== undefined || !isIsoCurrency(currency)) return known;
  const digits =
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits ?? 2;
  digitsByCurrency.set(currency, digits);
  return digits;
}

function currencyOf(match: RegExpExecArray, defaultCurrency: string | undefined) {
  // Each marker is one capture group; the one that took part in the match says which it was.
  const marker = CURRENCY_MARKERS.find((_marker, index) => match[index + 1] !== undefined);
  if (marker?.currency === 'default') return defaultCurrency;
  if (marker?.currency === 'code') return isIsoCurrency(match[0]) ? match[0] : undefined;
  return marker?.currency;
}

/**
 * Splits a written number into integer and fraction digits. The decimal separator is the last
 * '.' or ',' when both occur; a lone separator is decimal unless exactly three digits follow it
 * ("1,204" is a thousand, "45,30" is forty-five).
 */
function splitNumber(written: string): { integer: string; fraction: string } {
  const compact = written.replace(/[ ']/g, '');
  const lastDot = compact.lastIndexOf('.');
  const lastComma = compact.lastIndexOf(',');
  let decimalAt = Math.max(lastDot, lastComma);
  if (decimalAt >= 0 && (lastDot < 0 || lastComma < 0)) {
    const separator = compact.charAt(decimalAt);
    const isLone = compact.indexOf(separator) === decimalAt;
    if (!isLone || compact.length - decimalAt - 1 === 3) decimalAt = -1;
  }
  const integer = (decimalAt >= 0 ? compact.slice(0, decimalAt) : compact).replace(/[.,]/g, '');
  return { integer, fraction: decimalAt >= 0 ? compact.slice(decimalAt + 1) : '' };
}

function toMoney(written: string, negative: boolean, currency: string): Money | undefined {
  const digits = minorDigits(currency);
  if (digits === undefined) return undefined;
  const { integer, fraction } = splitNumber(written);
  if (/[1-9]/.test(fraction.slice(digits))) return undefined;
  const minor = Number(integer + fraction.padEnd(digits, '0').slice(0, digits));
  if (!Number.isSafeInteger(minor)) return undefined;
  return { minor: negative && minor !== 0 ? -minor : minor, currency };
}

/**
 * Reads an amount as marketplaces print it: "US $ 1,204.00", "45,30 US $", "€21,33",
 * "R$61.25", "¥ 128", "-US $ 1.00", "US $14.71/Piece". The number right after the currency
 * marker, else right before it, is taken; a bare "$" or a number without any marker uses
 * `defaultCurrency`. Returns undefined when the text holds no readable amount.
 */
export function parseMoney(text: string, defaultCurrency?: string): Money | undefined {
  const normalised = text
    .replace(/[\s\u00a0\u202f\u2009]+/g, ' ')
    .replace(/(\d) ?([.,]) ?(\d)/g, '$1$2$3')
    .trim();
  for (const marker of normalised.matchAll(CURRENCY_RE)) {
    const currency = currencyOf(marker, defaultCurrency);
    if (!currency) continue;
    const head = normalised.slice(0, marker.index);
    const after = NUMBER_AT_START.exec(normalised.slice(marker.index + marker[0].length));
    if (after?.[2]) {
      return toMoney(after[2], Boolean(after[1]) || MINUS_JUST_BEFORE.test(head), currency);
    }
    const before = NUMBER_AT_END.exec(head);
    if (before?.[1]) {
      return toMoney(before[1], MINUS_JUST_BEFORE.test(head.slice(0, before.index)), currency);
    }
  }
  if (!defaultCurrency) return undefined;
  const bare = NUMBER_ANYWHERE.exec(normalised);
  if (!bare) return undefined;
  return toMoney(bare[0], MINUS_JUST_BEFORE.test(normalised.slice(0, bare.index)), defaultCurrency);
}

/** Formats an amount for display in the buyer's locale. */
export function formatMoney(money: Money, locale: string): string {
  const digits = minorDigits(money.currency) ?? 2;
  return new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency }).format(
    money.minor / 10 ** digits,
  );
}
