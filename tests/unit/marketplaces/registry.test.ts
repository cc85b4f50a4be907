/** Which sites are marketplaces, and which of their addresses CaseClock keeps. */
import { describe, expect, it } from 'vitest';
import {
  adapterForHost,
  isMarketplaceUrl,
  marketplaceMatchPatterns,
  READING_LIMITS,
} from '@/lib/marketplaces';

describe('adapterForHost', () => {
  it.each([
    ['www.dhgate.com', 'dhgate'],
    ['www.dhgate.com.', 'dhgate'], // the fully qualified form, with the root's dot
    ['WWW.ALIEXPRESS.US', 'aliexpress'],
    ['www.allchinabuy.com', 'allchinabuy'],
  ])('%s is %s', (host, id) => {
    expect(adapterForHost(host)?.id).toBe(id);
  });

  it.each(['dhgate.com.example.net', 'notdhgate.com', 'example.net'])('%s is none', (host) => {
    expect(adapterForHost(host)).toBeUndefined();
  });
});

describe('isMarketplaceUrl', () => {
  const longest = (length: number) => {
    const start = 'https://www.dhgate.com/?q=';
    return start + 'a'.repeat(length - start.length);
  };

  it('takes an address of the longest length a message carries, and not one more', () => {
    expect(isMarketplaceUrl('dhgate', longest(READING_LIMITS.url))).toBe(true);
    expect(isMarketplaceUrl('dhgate', longest(READING_LIMITS.url + 1))).toBe(false);
  });

  it.each([
    'not an address',
    'http://www.dhgate.com/',
    'https://buyer@www.dhgate.com/',
    'https://:secret@www.dhgate.com/',
    'https://www.aliexpress.com/',
  ])('refuses %j as a DHgate address', (url) => {
    expect(isMarketplaceUrl('dhgate', url)).toBe(false);
  });
});

describe('marketplaceMatchPatterns', () => {
  it('covers every subdomain of each marketplace domain over https, and nothing else', () => {
    expect(marketplaceMatchPatterns().sort()).toEqual([
      'https://*.aliexpress.com/*',
      'https://*.aliexpress.us/*',
      'https://*.allchinabuy.com/*',
      'https://*.dhgate.com/*',
      'https://*.superbuy.com/*',
      'https://*.wegobuy.com/*',
    ]);
  });
});
