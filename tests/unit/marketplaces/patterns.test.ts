/**
 * Every regular expression the readers run on page text is free of super-linear backtracking,
 * as the ReDoS checker `recheck` proves it (its pure JavaScript backend, no Java), or is only
 * ever handed a short window of text. A pattern added later that could freeze a tab fails here.
 * The patterns are collected by running the readers, so patterns built at run time (the label
 * matchers, the currency markers, the dates) are checked too.
 */
import { checkSync } from 'recheck';
import { describe, expect, it } from 'vitest';
import { readPage } from '@/lib/marketplaces';
import { factsOf, HUGE_TEXTS, withTextBesideLabels } from '../../fixtures/adversarial';
import { fixtureHtml, loadFixtures } from '../../fixtures/catalogue';
import { countWork, type Work } from './work';

/** The longest text a pattern that recheck does not call safe may be handed. */
const SHORT_WINDOW = 160;
const HUGE = 100_000;

const seen: Work['patterns'] = new Map();
for (const fixture of loadFixtures()) {
  const variants = [
    () => undefined,
    ...Object.values(HUGE_TEXTS).map((huge) => (doc: Document) => {
      withTextBesideLabels(doc, factsOf(fixture.expected), huge(HUGE));
    }),
  ];
  for (const change of variants) {
    const doc = new DOMParser().parseFromString(fixtureHtml(fixture), 'text/html');
    change(doc);
    for (const [key, use] of countWork(() => readPage(doc, fixture.url)).patterns) {
      // The DOM's own patterns (selector parsing) are happy-dom's, not the readers'.
      if (!/\/lib\//.test(use.caller) || use.caller.includes('node_modules')) continue;
      const longest = Math.max(use.longest, seen.get(key)?.longest ?? 0);
      seen.set(key, { ...use, longest });
    }
  }
}

// The pure JavaScript checker: no native binary, no Java.
process.env.RECHECK_SYNC_BACKEND = 'pure';

describe('the patterns run on page text', () => {
  it('were collected from every fixture page and its hostile versions', () => {
    expect(seen.size).toBeGreaterThan(20);
  });

  it.each([...seen.values()].map(({ pattern, longest }) => [String(pattern), pattern, longest]))(
    '%s runs in linear time, or only on a short window',
    (_name, pattern, longest) => {
      const diagnostics = checkSync(pattern.source, pattern.flags, { timeout: 20_000 });
      if (diagnostics.status === 'safe') return;
      expect(diagnostics.status, JSON.stringify(diagnostics)).toBe('vulnerable');
      expect(diagnostics.status === 'vulnerable' && diagnostics.complexity.type).toBe('polynomial');
      expect(longest, `handed ${longest} characters`).toBeLessThanOrEqual(SHORT_WINDOW);
    },
    // Proving a pattern with many alternatives (the label matchers) takes recheck a few seconds.
    30_000,
  );
});
