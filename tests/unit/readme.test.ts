import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PAYPAL_POLICY, POLICIES } from '@/lib/policies';

const README = readFileSync(
  resolve(dirname(fileURLToPath(import.meta.url)), '../../README.md'),
  'utf8',
);

describe('the README', () => {
  it.each(
    [...Object.values(POLICIES), PAYPAL_POLICY].flatMap((policy) =>
      Object.values(policy.rules).map((rule) => [policy.name, rule.id, rule.label.en]),
    ),
  )('explains the %s rule %s, in its own words', (_policy, _id, label) => {
    expect(README).toContain(label);
  });
});
