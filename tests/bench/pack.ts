/**
 * How the workspace copes with making a large evidence pack: in Chromium with the built
 * extension, a case with five files of 20 MB of mixed types, then one click on the download
 * button. It prints the time to the finished download, the workspace page's peak JS heap while
 * the pack is made, and the longest the page's thread was blocked. It passes or fails nothing.
 * Run after `npx wxt build`: `npx tsx tests/bench/pack.ts`.
 */
import type { Worker } from 'playwright-core';
import type { EvidenceRecord } from '../../lib/db/schema';
import { launch } from '../e2e/harness/chromium';
import { seedDatabase } from './seed-database';
import { syntheticOrders } from './synthetic-orders';

const MB = 1024 * 1024;
const FILE_SIZE = 20 * MB;
/** Mixed types: stored ones (video, picture, PDF) and none deflated, as buyers' evidence is. */
const FILES = [
  { name: 'unboxing.mp4', mimeType: 'video/mp4', kind: 'video' },
  { name: 'invoice.pdf', mimeType: 'application/pdf', kind: 'file' },
  { name: 'parcel.jpg', mimeType: 'image/jpeg', kind: 'photo' },
  { name: 'call.webm', mimeType: 'video/webm', kind: 'video' },
  { name: 'listing.png', mimeType: 'image/png', kind: 'screenshot' },
] as const;

/** One order with an open case and the five files, put straight into the extension's database. */
async function seed(worker: Worker): Promise<string> {
  const data = syntheticOrders(1, new Date());
  const [order] = data.orders;
  const [openCase] = data.cases;
  if (!order || !openCase) throw new Error('the synthetic order has no case');
  const evidence: EvidenceRecord[] = FILES.map((file, index) => ({
    id: `bench-${String(index)}`,
    caseId: openCase.id,
    orderId: order.id,
    kind: file.kind,
    shows: [],
    name: file.name,
    mimeType: file.mimeType,
    size: FILE_SIZE,
    capturedAt: new Date(Date.now() - (FILES.length - index) * 60_000).toISOString(),
  }));
  await seedDatabase(
    worker,
    { ...data, evidence },
    { ids: evidence.map((record) => record.id), size: FILE_SIZE },
  );
  return order.id;
}

const browser = await launch();
try {
  const orderId = await seed(browser.serviceWorker);
  const page = await browser.context.newPage();
  await page.goto(
    `chrome-extension://${browser.extensionId}/case.html?order=${encodeURIComponent(orderId)}`,
  );
  const button = page.getByRole('button', { name: 'Download the evidence pack (ZIP)' });
  await button.waitFor();

  // The page's longest task from the click on, as the browser reports them.
  await page.evaluate(() => {
    const page = window as unknown as { longestTask: number };
    page.longestTask = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        page.longestTask = Math.max(page.longestTask, entry.duration);
      }
    }).observe({ type: 'longtask' });
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const heapUsed = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
  };
  const heapBefore = await heapUsed();
  let heapPeak = heapBefore;
  const built = new AbortController();
  const polling = (async () => {
    while (!built.signal.aborted) {
      heapPeak = Math.max(heapPeak, await heapUsed());
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();

  const start = performance.now();
  const download = page.waitForEvent('download', { timeout: 300_000 });
  await button.click();
  const saved = await download;
  await saved.path();
  const took = performance.now() - start;
  built.abort();
  await polling;
  const longestTask = await page.evaluate(
    () => (window as unknown as { longestTask: number }).longestTask,
  );

  console.log(
    `Evidence pack of ${String(FILES.length)} x ${String(FILE_SIZE / MB)} MB in Chromium`,
  );
  console.log(`time to the finished download   ${took.toFixed(0).padStart(7)} ms`);
  console.log(`workspace JS heap before        ${(heapBefore / MB).toFixed(1).padStart(7)} MB`);
  console.log(`workspace JS heap peak          ${(heapPeak / MB).toFixed(1).padStart(7)} MB`);
  console.log(`longest block of the page       ${longestTask.toFixed(0).padStart(7)} ms`);
} finally {
  await browser.close();
}
