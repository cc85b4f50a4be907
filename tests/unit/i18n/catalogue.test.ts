import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { en, type MessageKey } from '@/lib/i18n/en';
import { fr } from '@/lib/i18n/fr';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const KEYS = Object.keys(en) as MessageKey[];

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();
}

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter(
      (file) => /\.tsx?$/.test(file) && !file.startsWith('i18n/en') && !file.startsWith('i18n/fr'),
    )
    .map((file) => readFileSync(join(ROOT, dir, file), 'utf8'));
}

/** Keys the code names whole, and the prefixes of keys it builds (`stage.${stage}`). */
function usedKeys(): { whole: Set<string>; prefixes: string[] } {
  const code = ['lib', 'components', 'entrypoints'].flatMap(sources).join('\n');
  const whole = new Set([...code.matchAll(/['"`]([\w.-]+)['"`]/g)].map((match) => match[1] ?? ''));
  const prefixes = [...code.matchAll(/`([\w.-]+\.)\$\{/g)].map((match) => match[1] ?? '');
  return { whole, prefixes };
}

describe('the UI text catalogues', () => {
  it('give every English message in French, with the same placeholders', () => {
    expect(Object.keys(fr).sort()).toEqual([...KEYS].sort());
    for (const key of KEYS) {
      expect(fr[key].trim(), key).not.toBe('');
      expect(placeholders(fr[key]), key).toEqual(placeholders(en[key]));
      // French typography: the typographic apostrophe, never the typewriter one.
      expect(fr[key], key).not.toMatch(/'/);
    }
  });

  it('hold no message the code never shows', () => {
    const { whole, prefixes } = usedKeys();
    const unused = KEYS.filter(
      (key) => !whole.has(key) && !prefixes.some((prefix) => key.startsWith(prefix)),
    );
    expect(unused).toEqual([]);
  });
});
