/**
 * Reading a page costs work in proportion to its size, whatever the page does: proven by counting
 * the work (see work.ts) on hostile versions of the fixtures at growing sizes, never by timing.
 * The tests run in two files, one per group of marketplaces: happy-dom keeps the pages a worker
 * parses, and every page of every kind would pass a worker's memory in one file.
 */
import { describe, expect, it } from 'vitest';
import { readPage, type MarketplaceId } from '@/lib/marketplaces';
import {
  factsOf,
  HUGE_TEXTS,
  nodeCount,
  withDepth,
  withItems,
  withOrders,
  withTextBesideLabels,
  type FixtureFacts,
  type HugeText,
} from '../../fixtures/adversarial';
import { fixtureHtml, loadFixtures, type Fixture } from '../../fixtures/catalogue';
import { countWork } from './work';

// Work is counted, never timed; parsing 10k-node pages in happy-dom takes under half a second
// alone but can take many times that on a loaded machine, so the default 5 s would be a timer.
// (Given to each describe: vi.setConfig at the top of a file leaves tests at 5 s.)
const UNTIMED = { timeout: 120_000 };

/** One page of each kind of each of the given marketplaces. */
function pagesOf(marketplaces: (id: MarketplaceId) => boolean): Fixture[] {
  return [
    ...new Map(
      loadFixtures()
        .filter((fixture) => marketplaces(fixture.marketplace))
        .map((fixture) => [
          `${fixture.marketplace}/${fixture.expected.status === 'read' ? fixture.expected.pageKind : fixture.name}`,
          fixture,
        ]),
    ).values(),
  ];
}

/** The work of reading the fixture once `change` has made it hostile, and the page's size. */
function workOn(fixture: Fixture, change: (doc: Document, facts: FixtureFacts) => void) {
  const doc = new DOMParser().parseFromString(fixtureHtml(fixture), 'text/html');
  change(doc, factsOf(fixture.expected));
  const work = countWork(() => readPage(doc, fixture.url));
  return { total: work.dom + work.characters, nodes: nodeCount(doc) };
}

/** Work per node at each size, from the smallest page up; the ratio of the last to the first. */
function growth(sizes: readonly { total: number; nodes: number }[]): number {
  const perNode = sizes.map(({ total, nodes }) => total / nodes);
  return (perNode.at(-1) ?? 0) / (perNode[0] ?? 1);
}

/** How many copies of the fixture's first order (or item) make a page of about `nodes` nodes. */
function copiesFor(fixture: Fixture, nodes: number, build: typeof withOrders) {
  const one = workOn(fixture, (doc, facts) => {
    build(doc, facts, 1);
  }).nodes;
  const two = workOn(fixture, (doc, facts) => {
    build(doc, facts, 2);
  }).nodes;
  return Math.max(1, Math.round((nodes - one) / Math.max(1, two - one)));
}

/**
 * Pages of about 1k and 10k nodes: quadratic work shows ten times the work per node between
 * them. (happy-dom takes some 15 s and 0.8 GB for a 100k-node page; `npm run bench` reads those
 * in Chromium.)
 */
const NODES = [1_000, 10_000];
const TEXTS = [1_000, 100_000, 1_000_000];

/** The linearity tests on one page of each kind of each marketplace `marketplaces` accepts. */
export function describeLinearity(marketplaces: (id: MarketplaceId) => boolean): void {
  describe.each(
    pagesOf(marketplaces).map((fixture) => [`${fixture.marketplace}/${fixture.name}`, fixture]),
  )('reading %s', UNTIMED, (_name, fixture) => {
    it.each(Object.keys(HUGE_TEXTS) as HugeText[])(
      'looks at a bounded window of huge texts of %s beside every label and in every item box',
      (kind) => {
        const works = TEXTS.map(
          (length) =>
            workOn(fixture, (doc, facts) => {
              withTextBesideLabels(doc, facts, HUGE_TEXTS[kind](length));
            }).total,
        );
        // From 1 KB to 1 MB beside each label, the work may not grow by more than half.
        expect(works[2], `work at 1 KB, 100 KB, 1 MB: ${works.join(', ')}`).toBeLessThanOrEqual(
          1.5 * (works[0] ?? 0),
        );
      },
    );

    it.each([
      ['orders', withOrders],
      ['items', withItems],
    ] as const)(
      'does the same work per node for 1k to 10k nodes of repeated %s',
      (_kind, build) => {
        const sizes = NODES.map((nodes) => {
          const copies = copiesFor(fixture, nodes, build);
          return workOn(fixture, (doc, facts) => build(doc, facts, copies));
        });
        const summary = sizes.map(({ total, nodes }) => `${nodes} nodes: ${total}`).join(', ');
        expect(growth(sizes), summary).toBeLessThanOrEqual(1.5);
      },
    );

    it('does the same work per node for trees 1k and 10k deep', () => {
      const sizes = [1_000, 10_000].map((depth) =>
        workOn(fixture, (doc, facts) => {
          withDepth(doc, facts, depth);
        }),
      );
      const summary = sizes.map(({ total, nodes }) => `${nodes} nodes: ${total}`).join(', ');
      expect(growth(sizes), summary).toBeLessThanOrEqual(1.5);
    });
  });
}
