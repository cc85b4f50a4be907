// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney, minorDigits, parseMoney } from '@/lib/money';
import { assertProperty, PROPERTY_TIMEOUT } from '../property';

describe('parseMoney', () => {
  it.each([
    ['US $ 1,204.00', 120400, 'USD'],
    ['45,30 US $', 4530, 'USD'],
    ['€21,33', 2133, 'EUR'],
    ['€ 21 ,33', 2133, 'EUR'], // split over spans that leave spaces
    ['R$61.25', 6125, 'BRL'],
    ['R$ 1.234,56', 123456, 'BRL'],
    ['Total:R$31,93', 3193, 'BRL'],
    ['¥ 128', 12800, 'CNY'],
    ['CN ￥ 45.50', 4550, 'CNY'],
    ['JP¥1,280', 1280, 'JPY'],
    ['1 234,56 €', 123456, 'EUR'],
    ['1\u202f234,56\u00a0€', 123456, 'EUR'],
    ['-US $ 1.00', -100, 'USD'],
    ['US $ -2.00', -200, 'USD'],
    ['DHcoupon ：-US $ 3.00', -300, 'USD'],
    ['US $14.71/Piece ×1', 1471, 'USD'],
    ['Total : US $ 14.71', 1471, 'USD'],
    ['USD 12', 1200, 'USD'],
    ['EU € 4.36', 436, 'EUR'],
    ['£7.99', 799, 'GBP'],
    // Every marker of a currency of its own.
    ['C$ 12.50', 1250, 'CAD'],
    ['CA$12.50', 1250, 'CAD'],
    ['A$12.50', 1250, 'AUD'],
    ['AU $12.50', 1250, 'AUD'],
    ['NZ$12.50', 1250, 'NZD'],
    ['MX$ 250.00', 25000, 'MXN'],
    ['HK$ 98.00', 9800, 'HKD'],
    ['S$ 16.90', 1690, 'SGD'],
    ['1 250 ₽', 125000, 'RUB'],
    ['1 250 руб.', 125000, 'RUB'],
    ['49,99 zł', 4999, 'PLN'],
    ['₺349,90', 34990, 'TRY'],
    ['₹1,299.00', 129900, 'INR'],
    // Numbers before their marker: a quantity before the price, separators, a minus apart.
    ['Qty 3 12.50 €', 1250, 'EUR'],
    ["1'234.50 CHF", 123450, 'CHF'],
    ['- 12,50 €', -1250, 'EUR'],
    ['- US $1.00', -100, 'USD'],
    // The number right after the marker, not the first in the text.
    ['2 × US $5.00', 500, 'USD'],
    // Spaces: a run of them is one, and a price split over spans may leave one after a comma.
    ['1 \u00a0234,56 €', 123456, 'EUR'],
    ['12,50\u00a0€', 1250, 'EUR'],
    ['€ 12, 50', 1250, 'EUR'],
    // Both separators: the last is the decimal one, whatever follows it.
    ['KWD 1,234.567', 1234567, 'KWD'],
    ['US $1,234.500', 123450, 'USD'],
    // One separator written twice groups thousands, whatever follows its last one.
    ['1.234.5 €', 1234500, 'EUR'],
    ['US $1,204,50', 12045000, 'USD'],
  ])('reads %j', (text, minor, currency) => {
    expect(parseMoney(text)).toEqual({ minor, currency });
  });

  it('uses the default currency for a bare "$" or a bare number', () => {
    expect(parseMoney('$3.50')).toBeUndefined();
    expect(parseMoney('$3.50', 'USD')).toEqual({ minor: 350, currency: 'USD' });
    expect(parseMoney('12.5', 'USD')).toEqual({ minor: 1250, currency: 'USD' });
  });

  it.each(['', 'Free shipping', 'abc', 'US $', 'XYZ 12', 'US $ 1.234567'])(
    'finds no amount in %j',
    (text) => {
      expect(parseMoney(text)).toBeUndefined();
    },
  );

  it('reads a bare "¥" as the yuan, unless the page is priced in yen', () => {
    expect(parseMoney('¥1,280')).toEqual({ minor: 128000, currency: 'CNY' });
    expect(parseMoney('¥1,280', 'USD')).toEqual({ minor: 128000, currency: 'CNY' });
    expect(parseMoney('￥1,280', 'JPY')).toEqual({ minor: 1280, currency: 'JPY' });
    expect(parseMoney('CN¥12.80', 'JPY')).toEqual({ minor: 1280, currency: 'CNY' });
  });

  it('reads a minus before a bare dollar sign', () => {
    expect(parseMoney('-$5.00', 'USD')).toEqual({ minor: -500, currency: 'USD' });
  });

  it('reads the amount after a bare "¥" on a page priced in yen, not a number before it', () => {
    expect(parseMoney('2 × ¥1,280', 'JPY')).toEqual({ minor: 1280, currency: 'JPY' });
  });

  it('finds no amount beyond what a number can hold exactly', () => {
    expect(parseMoney(`US $${'9'.repeat(20)}`)).toBeUndefined();
  });

  it('reads no part of a number longer than any amount, after a marker or bare', () => {
    // 60 characters of thousands groups: no prefix of it is the amount.
    const long = `1${',000'.repeat(15)}`;
    expect(parseMoney(`US $ ${long}.00`)).toBeUndefined();
    expect(parseMoney(`${long}.00`, 'USD')).toBeUndefined();
    // Cut after its first 40 characters, this one would read as 1.00.
    const cents = `1.${'0'.repeat(50)}5`;
    expect(parseMoney(`US $ ${cents}`)).toBeUndefined();
    expect(parseMoney(cents, 'USD')).toBeUndefined();
    // The longest that fits a safe amount still reads: 9,007,199,254,740.99 (15 digits).
    expect(parseMoney('US $ 9,007,199,254,740.99')).toEqual({
      minor: 900719925474099,
      currency: 'USD',
    });
  });

  it('never reads a negative zero', () => {
    expect(Object.is(parseMoney('-US $ 0.00')?.minor, 0)).toBe(true);
  });
});

describe('minorDigits', () => {
  // ISO 4217's minor units; Intl shows HUF, IDR and COP without decimals, but they have two.
  it.each([
    ['USD', 2],
    ['EUR', 2],
    ['HUF', 2],
    ['IDR', 2],
    ['COP', 2],
    ['JPY', 0],
    ['KRW', 0],
    ['ISK', 0],
    ['XOF', 0],
    ['KWD', 3],
    ['IQD', 3],
    ['TND', 3],
  ])('of %s is %d', (currency, digits) => {
    expect(minorDigits(currency)).toBe(digits);
  });

  it('is unknown for three letters that are no currency, or a unit with no minor unit', () => {
    expect(minorDigits('XYZ')).toBeUndefined();
    // Special drawing rights: ISO 4217 gives them no minor unit.
    expect(minorDigits('XDR')).toBeUndefined();
  });
});

describe('formatMoney', () => {
  it('formats for the locale with the currency minor digits', () => {
    expect(formatMoney({ minor: 120400, currency: 'USD' }, 'en-US')).toBe('$1,204.00');
    expect(formatMoney({ minor: 4530, currency: 'USD' }, 'fr-FR')).toBe('45,30\u00a0$US');
    expect(formatMoney({ minor: 1280, currency: 'JPY' }, 'en-US')).toBe('¥1,280');
  });

  it('shows the cents of a currency Intl would round to whole units', () => {
    expect(parseMoney('HUF 1 234,50')).toEqual({ minor: 123450, currency: 'HUF' });
    expect(formatMoney({ minor: 123450, currency: 'HUF' }, 'en-US')).toBe('HUF\u00a01,234.50');
    expect(formatMoney({ minor: 1234567, currency: 'KWD' }, 'en-US')).toBe('KWD\u00a01,234.567');
  });
});

const LOCALES = ['en-US', 'fr-FR', 'de-DE', 'pt-BR', 'ja-JP'] as const;
const CURRENCIES = ['USD', 'EUR', 'BRL', 'CNY', 'JPY', 'KRW'] as const;
type Currency = (typeof CURRENCIES)[number];

/** Markers as the marketplaces print them beside a number (DHgate, AliExpress, Allchinabuy). */
const MARKETPLACE_MARKERS: Record<Currency, readonly string[]> = {
  USD: ['US $', 'US$'],
  EUR: ['€'],
  BRL: ['R$'],
  CNY: ['CN¥', 'CN ￥', '¥', 'RMB'],
  JPY: ['JP¥', 'JP ￥'],
  KRW: ['₩'],
};

/** Minor digits as Intl states them for the currency, not as lib/money.ts works them out. */
function intlMinorDigits(currency: Currency): number {
  return (
    new Intl.NumberFormat('en-US', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits ?? 2
  );
}

const SEED = 20_261_131;
/** An amount in minor units, from nothing to a billion, in a currency, written in a locale. */
const amount = fc.record({
  locale: fc.constantFrom(...LOCALES),
  currency: fc.constantFrom(...CURRENCIES),
  minor: fc.oneof(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 1_000_000_000 })),
});

const formats = new Map<string, Intl.NumberFormat>();

function written(locale: string, currency: Currency, minor: number, style: 'currency' | 'decimal') {
  const key = `${locale} ${currency} ${style}`;
  const digits = intlMinorDigits(currency);
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style,
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formats.set(key, format);
  }
  return format.format(minor / 10 ** digits);
}

describe('parseMoney reads back every amount Intl.NumberFormat writes', () => {
  it(
    'in each locale and currency, with the page’s currency for a bare "$" or "¥"',
    () => {
      assertProperty(
        fc.property(amount, ({ locale, currency, minor }) => {
          const text = written(locale, currency, minor, 'currency');
          expect(parseMoney(text, currency), text).toEqual({ minor, currency });
        }),
        { name: 'parseMoney of Intl currency amounts', seed: SEED },
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    'with the marker a marketplace prints before or after the number',
    () => {
      assertProperty(
        fc.property(
          amount,
          fc.nat(),
          fc.constantFrom('before', 'before, spaced', 'after'),
          ({ locale, currency, minor }, which, place) => {
            const markers = MARKETPLACE_MARKERS[currency];
            const marker = markers[which % markers.length] ?? currency;
            const number = written(locale, currency, minor, 'decimal');
            const text =
              place === 'before'
                ? `${marker}${number}`
                : place === 'after'
                  ? `${number}\u00a0${marker}`
                  : `${marker} ${number}`;
            expect(parseMoney(text), text).toEqual({ minor, currency });
          },
        ),
        { name: 'parseMoney of marketplace amounts', seed: SEED },
      );
    },
    PROPERTY_TIMEOUT,
  );
});
