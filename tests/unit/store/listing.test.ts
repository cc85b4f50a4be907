import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import config from '@/wxt.config';
import { ADAPTERS } from '@/lib/marketplaces/registry';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const LOCALES_DIR = join(ROOT, 'public/_locales');
/** The Chrome Web Store refuses a manifest description longer than this. */
const CHROME_DESCRIPTION_LIMIT = 132;
/** AMO refuses a longer summary. */
const AMO_SUMMARY_LIMIT = 250;

function read(file: string): string {
  return readFileSync(join(ROOT, file), 'utf8');
}

type Messages = Record<string, { message: string; description: string }>;

function messagesOf(locale: string): Messages {
  return JSON.parse(readFileSync(join(LOCALES_DIR, locale, 'messages.json'), 'utf8')) as Messages;
}

async function manifestFor(browser: 'chrome' | 'firefox'): Promise<{
  permissions?: string[];
  host_permissions?: string[];
}> {
  const { manifest } = config;
  if (typeof manifest !== 'function') throw new Error('wxt.config.ts gives no manifest function');
  return manifest({
    browser,
    command: 'build',
    mode: 'production',
    manifestVersion: browser === 'chrome' ? 3 : 2,
  });
}

describe('the localized manifest', () => {
  const locales = readdirSync(LOCALES_DIR);

  it('is in English, the default, and in French', () => {
    expect(locales.sort()).toEqual(['en', 'fr']);
  });

  it.each(['chrome', 'firefox'] as const)(
    'names in %s only messages every language gives',
    async (browser) => {
      const manifest = await manifestFor(browser);
      expect(manifest).toHaveProperty('default_locale', 'en');
      const used = [...JSON.stringify(manifest).matchAll(/__MSG_(\w+)__/g)].map(
        (match) => match[1],
      );
      expect(used.sort()).toEqual(['extDescription', 'extName']);
      for (const locale of locales) {
        expect(Object.keys(messagesOf(locale)).sort(), locale).toEqual(used);
      }
    },
  );

  it.each(['en', 'fr'])('gives a %s description the Chrome Web Store takes', (locale) => {
    const { extDescription } = messagesOf(locale);
    expect(extDescription?.message.length).toBeLessThanOrEqual(CHROME_DESCRIPTION_LIMIT);
    expect(extDescription?.message).toMatch(/DHgate, Allchinabuy (and|et) AliExpress/);
  });
});

describe('the store listing', () => {
  it.each(['en', 'fr'])('gives a %s summary AMO takes and a description', (language) => {
    expect(read(`store/${language}/summary.txt`).trim().length).toBeLessThanOrEqual(
      AMO_SUMMARY_LIMIT,
    );
    // Every site CaseClock reads, by the name buyers know it by.
    const description = read(`store/${language}/description.txt`);
    for (const adapter of ADAPTERS) expect(description).toContain(adapter.name);
  });

  it.each(['chrome', 'firefox'] as const)(
    'justifies every permission the %s manifest asks for, and no other',
    async (browser) => {
      const manifest = await manifestFor(browser);
      const asked = [...(manifest.permissions ?? []), ...(manifest.host_permissions ?? [])];
      const justified = [...read('store/permissions.md').matchAll(/^### `(.+)`$/gm)].map(
        (match) => match[1],
      );
      expect(justified.sort()).toEqual(asked.sort());
    },
  );
});
