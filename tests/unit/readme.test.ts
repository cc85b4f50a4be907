// @vitest-environment node
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { translator } from '@/lib/i18n';
import { sourceName } from '@/lib/i18n/phrases';
import { PAYPAL_POLICY, POLICIES } from '@/lib/policies';
import { ALIEXPRESS_PROTECTION_SOURCE } from '@/lib/policies/aliexpress';
import { SOURCES } from '@/lib/policies/sources';

const README = readFileSync(
  resolve(dirname(fileURLToPath(import.meta.url)), '../../README.md'),
  'utf8',
);
const TABLE_ROWS = README.split('\n').filter((line) => line.startsWith('|'));
const t = translator('en');

/** The README's table rows that say `words` and hold every one of `cells` as a whole cell. */
function rowsWith(words: string, ...cells: string[]): string[] {
  return TABLE_ROWS.filter((row) => {
    const inRow = row.split('|').map((cell) => cell.trim());
    return row.includes(words) && cells.every((cell) => inRow.includes(cell));
  });
}

describe('the README', () => {
  const rules = [...Object.values(POLICIES), PAYPAL_POLICY].flatMap((policy) =>
    Object.values(policy.rules).map((rule) => ({ policy: policy.name, rule })),
  );

  it.each(rules.map(({ policy, rule }) => [policy, rule.id, rule]))(
    'explains the %s rule %s in its own words, with its source and confidence',
    (_policy, _id, rule) => {
      const source = sourceName(t, rule.source, 'en');
      const confidence = t(`confidence.${rule.source.confidence}`);
      expect(rowsWith(rule.label.en, source, confidence)).toHaveLength(1);
    },
  );

  it('names the source of the end of AliExpress buyer protection', () => {
    const source = sourceName(t, ALIEXPRESS_PROTECTION_SOURCE, 'en');
    expect(rowsWith('buyer protection', source, 'high')).toHaveLength(1);
  });

  it.each(Object.entries(SOURCES))(
    'lists the source %s by its title, who wrote it and the day it was last checked',
    (_key, source) => {
      const lastChecked = new Intl.DateTimeFormat('en-GB', {
        dateStyle: 'long',
        timeZone: 'UTC',
      }).format(new Date(source.checkedOn));
      const author = t(`source.kind.${source.kind}`);
      expect(rowsWith(sourceName(t, source, 'en'), author, lastChecked)).toHaveLength(1);
    },
  );

  it('explains every confidence a rule can have', () => {
    for (const level of ['guide', 'high', 'medium', 'low'] as const) {
      expect(README).toContain(`- **${t(`confidence.${level}`)}**: `);
    }
  });
});
