/** An amount in integer minor units (cents) of an ISO 4217 currency. */
export interface Money {
  minor: number;
  currency: string;
}

/**
 * Currency markers as marketplaces print them, most specific first. They run on text whose
 * spaces are already collapsed, so a single optional space is all a marker needs.
 */
const CURRENCY_MARKERS: readonly { pattern: string; currency: string }[] = [
  { pattern: 'US ?\\$', currency: 'USD' },
  { pattern: 'R\\$', currency: 'BRL' },
  { pattern: '(?:CA|C) ?\\$', currency: 'CAD' },
  { pattern: '(?:AU|A) ?\\$', currency: 'AUD' },
  { pattern: 'NZ ?\\$', currency: 'NZD' },
  { pattern: 'MX ?\\$', currency: 'MXN' },
  { pattern: 'HK ?\\$', currency: 'HKD' },
  { pattern: 'S ?\\$', currency: 'SGD' },
  { pattern: 'JP ?[¥￥]', currency: 'JPY' },
  { pattern: 'CN ?[¥￥]|RMB|元', currency: 'CNY' },
  { pattern: '€', currency: 'EUR' },
  { pattern: '£', currency: 'GBP' },
  { pattern: '[¥￥]', currency: 'yen-or-yuan' }, // yuan, unless the page's currency is the yen
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
/** A number (and its sign) right where the text after a marker starts. */
const NUMBER_AFTER = new RegExp(` ?([-−–]?) ?(${NUMBER})`, 'y');
/** A number that is the whole of a short text but for one trailing space. */
const NUMBER_WHOLE = new RegExp(`^(${NUMBER}) ?$`);
/** A number where the text starts. */
const NUMBER_FIRST = new RegExp(`^${NUMBER}`);
/** The longest number worth reading: longer ones exceed any safe amount. */
const LONGEST_NUMBER = 40;
/** A number with its sign and the spaces around it. */
const SIGNED_NUMBER_WINDOW = LONGEST_NUMBER + 3;

/** A character a written number holds: a digit or a separator (space, apostrophe, comma, dot). */
const NUMBER_CHARACTER = /[\d ',.]/;

/** Where a digit starts a run of digits: where a written number may start. */
const DIGIT_RUN_START = /(?<!\d)\d/g;

/** Whether a minus sign stands just before `index`, perhaps with one space between. */
function minusBefore(text: string, index: number): boolean {
  const at = text.charAt(index - 1) === ' ' ? index - 2 : index - 1;
  return '-−–'.includes(text.charAt(at)) && at >= 0;
}

/**
 * The number that ends just before `index` (perhaps one space before), looking back at most
 * LONGEST_NUMBER characters: each marker costs a bounded look, whatever the text's length.
 */
function numberBefore(text: string, index: number): { written: string; at: number } | undefined {
  let start = index;
  // Before the text's start `charAt` is '', no number character: the loop stops there.
  // Stryker disable next-line ConditionalExpression,EqualityOperator,LogicalOperator: the bound limits cost, not what is read
  while (start > index - LONGEST_NUMBER && NUMBER_CHARACTER.test(text.charAt(start - 1))) {
    start--;
  }
  const run = text.slice(start, index);
  // The number is the longest tail of the run that reads as one ("3 12.50" ends in "12.50").
  for (const digit of run.matchAll(DIGIT_RUN_START)) {
    const written = NUMBER_WHOLE.exec(run.slice(digit.index))?.[1];
    if (written) return { written, at: start + digit.index };
  }
  return undefined;
}

let isoCodes: ReadonlySet<string> | undefined;
function isIsoCurrency(code: string): boolean {
  isoCodes ??= new Set(Intl.supportedValuesOf('currency'));
  return isoCodes.has(code);
}

/**
 * ISO 4217's minor units where they are not 2 (its current list of currency codes). Not Intl's:
 * its digits are CLDR's display digits (0 for HUF, IDR, COP…), and the first Intl.NumberFormat
 * costs a page about 20 ms.
 */
const MINOR_DIGITS_NOT_TWO: Readonly<Record<string, number>> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  CLF: 4,
  UYW: 4,
};
/** Codes ISO 4217 lists with no minor unit: precious metals, bond units, drawing rights, tests. */
const WITHOUT_MINOR_UNIT = new Set([
  'XAG',
  'XAU',
  'XBA',
  'XBB',
  'XBC',
  'XBD',
  'XDR',
  'XSU',
  'XTS',
  'XUA',
  'XXX',
]);

/** How many minor digits a currency has (2 for USD, 0 for JPY), or undefined if unknown. */
export function minorDigits(currency: string): number | undefined {
  // Intl accepts any three letters in a format ("XYZ" has 2 digits): only a real currency has digits.
  if (!isIsoCurrency(currency) || WITHOUT_MINOR_UNIT.has(currency)) return undefined;
  return MINOR_DIGITS_NOT_TWO[currency] ?? 2;
}

function currencyOf(match: RegExpExecArray, defaultCurrency: string | undefined) {
  // Each marker is one capture group; the one that took part in the match says which it was.
  const marker = CURRENCY_MARKERS.find((_marker, index) => match[index + 1] !== undefined);
  if (marker?.currency === 'default') return defaultCurrency;
  // A bare ¥ is the yuan on Chinese marketplaces, and the yen on a page priced in yen.
  if (marker?.currency === 'yen-or-yuan') return defaultCurrency === 'JPY' ? 'JPY' : 'CNY';
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
  // A written number starts with a digit: no separator is ever at 0, so `>= 0` and `> 0` agree.
  // Without any separator the test below leaves decimalAt at -1 all the same.
  // Stryker disable next-line EqualityOperator,ConditionalExpression
  if (decimalAt >= 0 && (lastDot < 0 || lastComma < 0)) {
    const separator = compact.charAt(decimalAt);
    const isLone = compact.indexOf(separator) === decimalAt;
    if (!isLone || compact.length - decimalAt - 1 === 3) decimalAt = -1;
  }
  // Stryker disable next-line EqualityOperator: as above, no separator is at 0
  const integer = (decimalAt >= 0 ? compact.slice(0, decimalAt) : compact).replace(/[.,]/g, '');
  // Stryker disable next-line EqualityOperator: as above
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
    .replace(/(\d) ?([.,]) ?(\d)/g, '$1$2$3');
  CURRENCY_RE.lastIndex = 0;
  for (let marker = CURRENCY_RE.exec(normalised); marker; marker = CURRENCY_RE.exec(normalised)) {
    const currency = currencyOf(marker, defaultCurrency);
    if (!currency) continue;
    // Only as much text as a number takes: the pattern's cost stays bounded on any page.
    const start = marker.index + marker[0].length;
    const window = normalised.slice(start, start + SIGNED_NUMBER_WINDOW + 1);
    NUMBER_AFTER.lastIndex = 0;
    const after = NUMBER_AFTER.exec(window);
    if (after?.[2]) {
      // A number that fills the window goes on past it: too long for any safe amount.
      if (after[0].length > SIGNED_NUMBER_WINDOW) return undefined;
      return toMoney(
        after[2],
        Boolean(after[1]) || minusBefore(normalised, marker.index),
        currency,
      );
    }
    const before = numberBefore(normalised, marker.index);
    if (before) return toMoney(before.written, minusBefore(normalised, before.at), currency);
  }
  if (!defaultCurrency) return undefined;
  // The first number starts at the first digit; it is read from a window, as above.
  const digit = /\d/.exec(normalised);
  if (!digit) return undefined;
  const bare = NUMBER_FIRST.exec(normalised.slice(digit.index, digit.index + LONGEST_NUMBER + 1));
  if (!bare || bare[0].length > LONGEST_NUMBER) return undefined;
  return toMoney(bare[0], minusBefore(normalised, digit.index), defaultCurrency);
}

/** Formats an amount for display in the buyer's locale. */
export function formatMoney(money: Money, locale: string): string {
  const digits = minorDigits(money.currency) ?? 2;
  // The currency's own digits, not Intl's display ones: 1 234,50 Ft stays 1 234,50 Ft.
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: money.currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(money.minor / 10 ** digits);
}
