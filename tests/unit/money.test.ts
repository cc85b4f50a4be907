import { describe, expect, it } from 'vitest';
import { formatMoney, parseMoney } from '@/lib/money';

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

  it('never reads a negative zero', () => {
    expect(Object.is(parseMoney('-US $ 0.00')?.minor, 0)).toBe(true);
  });
});

describe('formatMoney', () => {
  it('formats for the locale with the currency minor digits', () => {
    expect(formatMoney({ minor: 120400, currency: 'USD' }, 'en-US')).toBe('$1,204.00');
    expect(formatMoney({ minor: 4530, currency: 'USD' }, 'fr-FR')).toBe('45,30\u00a0$US');
    expect(formatMoney({ minor: 1280, currency: 'JPY' }, 'en-US')).toBe('¥1,280');
  });
});
