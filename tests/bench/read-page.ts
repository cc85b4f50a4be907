/**
 * `npm run bench`: how long readPage takes in Chromium, first on every fixture page (the median
 * of many runs, compared with one full traversal of the same document), then on hostile versions
 * of one page of each kind of each marketplace: 1 MB of digits, spaces or currency markers beside
 * every label and in every item box, 1k to 100k nodes of repeated orders, 20,000 orders, 5,000
 * items, a 5,000-deep tree. It prints numbers (with readPage's time as a multiple of one bare
 * traversal of the same document, the floor for any reader) and whether the budget holds; it
 * fails nothing.
 */
import type { Page } from 'playwright-core';
import type { HostileCase, HostileTiming, Timing } from '../browser/benchmark';
import { factsOf } from '../fixtures/adversarial';
import { fixtureHtml, loadFixtures, type Fixture } from '../fixtures/catalogue';
import { BROWSER_GLOBAL, browserBundle } from '../e2e/harness/browser-bundle';
import { launchPlain } from '../e2e/harness/chromium';

/**
 * The budget: a 1 MB page reads within 50 ms; up to 100k nodes, time per 1,000 nodes stays
 * within twice that of the smallest page of the same shape. Larger pages are measured only.
 */
const BUDGET_MS = 50;
const FLAT_WITHIN = 2;
const FLAT_UP_TO_NODES = 110_000;

interface BenchApi {
  timeReadPage: (html: string, url: string) => Timing;
  timeHostilePage: (
    html: string,
    url: string,
    facts: ReturnType<typeof factsOf>,
    hostile: HostileCase,
    samples: number,
  ) => HostileTiming | undefined;
}

const HOSTILE: readonly { name: string; hostile: HostileCase; samples: number }[] = [
  ...(['digits', 'spaces', 'currency'] as const).map((text) => ({
    name: `1 MB of ${text}`,
    hostile: { kind: 'text', text, length: 1_000_000 } as const,
    samples: 5,
  })),
  // Small pages take many samples: their median is each shape's baseline.
  ...[1_000, 10_000, 100_000].map((nodes) => ({
    name: `orders, ~${nodes / 1000}k nodes`,
    hostile: { kind: 'orders', nodes } as const,
    samples: nodes < 100_000 ? 15 : 5,
  })),
  { name: '20,000 orders', hostile: { kind: 'orders', count: 20_000 }, samples: 1 },
  { name: 'one order, 50 items', hostile: { kind: 'items', count: 50 }, samples: 15 },
  { name: 'one order, 5,000 items', hostile: { kind: 'items', count: 5_000 }, samples: 1 },
  { name: '500 deep', hostile: { kind: 'deep', depth: 500 }, samples: 15 },
  { name: '5,000 deep', hostile: { kind: 'deep', depth: 5_000 }, samples: 9 },
];

function pad(text: string, width: number, left = false): string {
  return left ? text.padEnd(width) : text.padStart(width);
}

async function fixtureTable(page: Page, fixtures: readonly Fixture[]) {
  console.log(
    `${pad('page', 40, true)}${pad('nodes', 7)}${pad('readPage', 12)}${pad('traversal', 12)}${pad('ratio', 8)}`,
  );
  for (const fixture of fixtures) {
    const timing = await page.evaluate(
      ({ html, url, name }) =>
        (window as unknown as Record<string, BenchApi | undefined>)[name]?.timeReadPage(html, url),
      { html: fixtureHtml(fixture), url: fixture.url, name: BROWSER_GLOBAL },
    );
    if (!timing) throw new Error('the benchmark did not load in the page');
    const label = `${fixture.marketplace}/${fixture.name}`;
    console.log(
      `${pad(label, 40, true)}${pad(String(timing.nodes), 7)}${pad(`${timing.readPage.toFixed(3)} ms`, 12)}${pad(`${timing.traversal.toFixed(3)} ms`, 12)}${pad(`${(timing.readPage / timing.traversal).toFixed(1)}×`, 8)}`,
    );
  }
}

/** One page of each kind of each marketplace. */
function pageKinds(fixtures: readonly Fixture[]): Fixture[] {
  const byKind = new Map<string, Fixture>();
  for (const fixture of fixtures) {
    const kind = fixture.expected.status === 'read' ? fixture.expected.pageKind : fixture.name;
    const key = `${fixture.marketplace}/${kind}`;
    if (!byKind.has(key)) byKind.set(key, fixture);
  }
  return [...byKind.values()];
}

async function hostileTable(page: Page, fixtures: readonly Fixture[]) {
  console.log(
    `\nHostile pages: the first read of a freshly built document, then the median of a few.` +
      `\nBudget: ≤ ${BUDGET_MS} ms for 1 MB pages; elsewhere ms per 1,000 nodes within ${FLAT_WITHIN}× of the ~1k-node page.\n`,
  );
  console.log(
    `${pad('page', 34, true)}${pad('case', 24, true)}${pad('nodes', 9)}${pad('first', 11)}${pad('median', 11)}${pad('ms/1k nodes', 13)}${pad('ratio', 11)}  budget`,
  );
  let held = 0;
  let rows = 0;
  for (const fixture of pageKinds(fixtures)) {
    const html = fixtureHtml(fixture);
    // Each shape is judged against its own smallest page: time per 1,000 nodes must stay flat.
    const baselines = new Map<HostileCase['kind'], number>();
    for (const { name, hostile, samples } of HOSTILE) {
      const timing = await page.evaluate(
        (arg) =>
          (window as unknown as Record<string, BenchApi | undefined>)[arg.name]?.timeHostilePage(
            arg.html,
            arg.url,
            arg.facts,
            arg.hostile,
            arg.samples,
          ),
        {
          html,
          url: fixture.url,
          facts: factsOf(fixture.expected),
          hostile,
          samples,
          name: BROWSER_GLOBAL,
        },
      );
      const label = `${fixture.marketplace}/${fixture.name}`;
      if (!timing) {
        console.log(`${pad(label, 34, true)}${pad(name, 24, true)}  (no item to repeat)`);
        continue;
      }
      const perThousand = timing.median / (timing.nodes / 1000);
      if (!baselines.has(hostile.kind)) baselines.set(hostile.kind, perThousand);
      const baseline = baselines.get(hostile.kind) ?? perThousand;
      const drift = `${(perThousand / baseline).toFixed(2)}× of smallest`;
      let verdict = `—  (${drift})`;
      if (hostile.kind === 'text' || timing.nodes <= FLAT_UP_TO_NODES) {
        const holds =
          hostile.kind === 'text'
            ? timing.first <= BUDGET_MS && timing.median <= BUDGET_MS
            : perThousand <= FLAT_WITHIN * baseline;
        verdict = `${holds ? 'yes' : 'NO'} (${hostile.kind === 'text' ? `≤ ${BUDGET_MS} ms` : drift})`;
        rows++;
        if (holds) held++;
      }
      console.log(
        `${pad(label, 34, true)}${pad(name, 24, true)}${pad(String(timing.nodes), 9)}${pad(`${timing.first.toFixed(1)} ms`, 11)}${pad(`${timing.median.toFixed(1)} ms`, 11)}${pad(perThousand.toFixed(3), 13)}${pad(`${(timing.median / timing.traversal).toFixed(0)}×`, 11)}  ${verdict}`,
      );
    }
  }
  console.log(`\nThe budget holds for ${held} of the ${rows} hostile pages it applies to.`);
}

const browser = await launchPlain();
try {
  const page = await browser.newPage();
  await page.setContent('<!doctype html><title>readPage benchmark</title>');
  await page.addScriptTag({ content: await browserBundle() });
  console.log(`readPage in Chromium ${browser.version()}, median of 31 batched samples per page\n`);
  const fixtures = loadFixtures();
  await fixtureTable(page, fixtures);
  await hostileTable(page, fixtures);
} finally {
  await browser.close();
}
