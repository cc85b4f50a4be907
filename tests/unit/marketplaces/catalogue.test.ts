import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADAPTERS, adapterForHost } from '@/lib/marketplaces';
import {
  FIXTURES_DIR,
  fixtureFiles,
  fixtureFolders,
  fixtureHtml,
  loadFixtures,
} from '../../fixtures/catalogue';

const fixtures = loadFixtures();

function language(html: string, url: string): 'fr' | 'en' {
  const declared = /<html[^>]*\blang="([a-z-]+)"/i.exec(html)?.[1];
  if (declared) return declared.startsWith('fr') ? 'fr' : 'en';
  return new URL(url).hostname.startsWith('fr.') ? 'fr' : 'en';
}

describe('the fixture catalogue', () => {
  it('has one folder per registered marketplace, and no other', () => {
    expect(fixtureFolders()).toEqual(ADAPTERS.map((adapter) => adapter.id).sort());
  });

  it.each(ADAPTERS.map((adapter) => adapter.id))(
    '%s has at least four pages, of several kinds, in English and French',
    (id) => {
      const pages = fixtures.filter((fixture) => fixture.marketplace === id);
      expect(pages.length).toBeGreaterThanOrEqual(4);
      const kinds = new Set(
        pages.map((page) => (page.expected.status === 'read' ? page.expected.pageKind : 'other')),
      );
      expect(kinds.size).toBeGreaterThanOrEqual(3);
      const languages = new Set(pages.map((page) => language(fixtureHtml(page), page.url)));
      expect([...languages].sort()).toEqual(['en', 'fr']);
    },
  );

  it('gives every page an expectation and every expectation a page', () => {
    for (const folder of fixtureFolders()) {
      const files = fixtureFiles(folder);
      const pages = files.filter((file) => file.endsWith('.html')).map((f) => f.slice(0, -5));
      const expectations = files
        .filter((file) => file.endsWith('.expected.json'))
        .map((file) => file.slice(0, -'.expected.json'.length));
      expect(expectations.sort()).toEqual(pages.sort());
    }
  });

  it('places every page at an address of its own marketplace', () => {
    for (const fixture of fixtures) {
      expect(adapterForHost(new URL(fixture.url).hostname)?.id, fixture.name).toBe(
        fixture.marketplace,
      );
    }
  });

  it('explains how to add a marketplace', () => {
    const guide = join(FIXTURES_DIR, 'README.md');
    expect(existsSync(guide)).toBe(true);
    expect(readFileSync(guide, 'utf8')).toMatch(/## Adding a marketplace/);
  });
});
