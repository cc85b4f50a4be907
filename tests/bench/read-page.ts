/**
 * `npm run bench`: how long readPage takes on each fixture page in Chromium, as the median of
 * many runs, and how that compares with one full traversal of the same document. It prints
 * numbers; it passes or fails nothing.
 */
import type { Timing } from '../browser/benchmark';
import { fixtureHtml, loadFixtures } from '../fixtures/catalogue';
import { BROWSER_GLOBAL, browserBundle } from '../e2e/harness/browser-bundle';
import { launchPlain } from '../e2e/harness/chromium';

const browser = await launchPlain();
try {
  const page = await browser.newPage();
  await page.setContent('<!doctype html><title>readPage benchmark</title>');
  await page.addScriptTag({ content: await browserBundle() });
  const version = browser.version();
  console.log(`readPage in Chromium ${version}, median of 31 batched samples per page\n`);
  console.log(
    `${'page'.padEnd(40)}${'nodes'.padStart(7)}${'readPage'.padStart(12)}${'traversal'.padStart(12)}${'ratio'.padStart(8)}`,
  );
  for (const fixture of loadFixtures()) {
    const timing = await page.evaluate(
      ({ html, url, name }) =>
        (window as unknown as Record<string, { timeReadPage: (h: string, u: string) => Timing }>)[
          name
        ]?.timeReadPage(html, url),
      { html: fixtureHtml(fixture), url: fixture.url, name: BROWSER_GLOBAL },
    );
    if (!timing) throw new Error('the benchmark did not load in the page');
    const label = `${fixture.marketplace}/${fixture.name}`;
    console.log(
      `${label.padEnd(40)}${String(timing.nodes).padStart(7)}${`${timing.readPage.toFixed(3)} ms`.padStart(12)}${`${timing.traversal.toFixed(3)} ms`.padStart(12)}${`${(timing.readPage / timing.traversal).toFixed(1)}×`.padStart(8)}`,
    );
  }
} finally {
  await browser.close();
}
