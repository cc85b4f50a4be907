// @vitest-environment node
/**
 * Adding a marketplace touches many places; this test names each one, so a marketplace that is
 * registered but lacks a part fails here, with the part's name, instead of in front of a buyer.
 * README.md ("Adding a marketplace") walks through the same list.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checklistFor } from '@/lib/evidence/checklist';
import { en } from '@/lib/i18n/en';
import { fr } from '@/lib/i18n/fr';
import { matchPatternsOf } from '@/lib/marketplaces/adapter';
import { ADAPTERS } from '@/lib/marketplaces/registry';
import { MARKETPLACE_IDS } from '@/lib/marketplaces/types';
import { POLICIES } from '@/lib/policies';
import { PLANNERS } from '@/lib/timeline';
import { CASE_REASONS } from '@/lib/timeline/types';
import config from '@/wxt.config';
import { loadFixtures } from '../fixtures/catalogue';

const ROOT = join(import.meta.dirname, '../..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const fixtures = loadFixtures();

/** The content scripts WXT builds, each as its entrypoint defines it. */
const CONTENT_SCRIPTS = Object.values(
  import.meta.glob<{ default: { matches: string[] } }>('/entrypoints/*.content/index.ts', {
    eager: true,
  }),
).map((module) => module.default);

async function hostPermissions(browser: 'chrome' | 'firefox'): Promise<string[]> {
  const { manifest } = config;
  if (typeof manifest !== 'function') throw new Error('wxt.config.ts gives no manifest function');
  const built = await manifest({
    browser,
    command: 'build',
    mode: 'production',
    manifestVersion: browser === 'chrome' ? 3 : 2,
  });
  return built.host_permissions ?? [];
}

describe.each(MARKETPLACE_IDS.map((id) => [id]))('the marketplace %s has', (id) => {
  const adapter = ADAPTERS.find((registered) => registered.id === id);

  it('an adapter file and one registry line', () => {
    expect(existsSync(join(ROOT, 'lib/marketplaces', `${id}.ts`))).toBe(true);
    expect(ADAPTERS.filter((registered) => registered.id === id)).toHaveLength(1);
  });

  it('a policy under its own name, each rule with a source', () => {
    const policy = POLICIES[id];
    expect(policy.marketplace).toBe(id);
    expect(policy.name).toBe(adapter?.name);
    expect(Object.keys(policy.rules).length).toBeGreaterThan(0);
    for (const rule of Object.values(policy.rules)) {
      expect(rule.source.genre.en.length, rule.id).toBeGreaterThan(0);
    }
    expect(policy.disputeSteps.length).toBeGreaterThan(0);
  });

  it('a planner', () => {
    expect(typeof PLANNERS[id]).toBe('function');
  });

  it('an evidence checklist for every reason of a case', () => {
    for (const reason of CASE_REASONS) expect(checklistFor(id, reason).length).toBeGreaterThan(0);
  });

  it('words of its own in English and French', () => {
    expect(en[`draft.where.${id}`]).toBeTruthy();
    expect(fr[`draft.where.${id}`]).toBeTruthy();
  });

  it('fixture pages of several kinds, each with its expectation, which the demo serves', () => {
    const own = fixtures.filter((fixture) => fixture.marketplace === id);
    expect(own.length).toBeGreaterThanOrEqual(4);
    const read = own.flatMap((fixture) =>
      fixture.expected.status === 'read' ? [fixture.expected.pageKind] : [],
    );
    expect(new Set(read).size).toBeGreaterThanOrEqual(2);
  });

  it('a row in the README’s table of what CaseClock reads, for each of its domains', () => {
    for (const domain of adapter?.domains ?? ['(no adapter)']) {
      expect(README).toMatch(
        new RegExp(`^\\| ${adapter?.name ?? ''} \\([^|]*\`\\*\\.${domain}\``, 'm'),
      );
    }
  });

  it.each(['chrome', 'firefox'] as const)(
    'its sites in the %s manifest’s host permissions, and a content script on them',
    async (browser) => {
      const patterns = adapter ? matchPatternsOf(adapter) : ['(no adapter)'];
      const permitted = await hostPermissions(browser);
      const scripted = CONTENT_SCRIPTS.flatMap((script) => script.matches);
      for (const pattern of patterns) {
        expect(permitted).toContain(pattern);
        expect(scripted).toContain(pattern);
      }
    },
  );
});

describe('the registry', () => {
  it('holds exactly the marketplaces CaseClock names', () => {
    expect(ADAPTERS.map((adapter) => adapter.id).sort()).toEqual([...MARKETPLACE_IDS].sort());
  });
});
