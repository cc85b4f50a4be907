/**
 * Backup and restore of a large profile, in Chromium with the built extension: 5,000 orders
 * and their cases, with 256 MB and then 1 GB of evidence (64 MB files of random bytes, which do
 * not compress). For each it prints the time to the finished backup download, to the restore's
 * preview and to "Restored" in a fresh profile, and the browser's peak memory (all its
 * processes' resident size) above what it held before. The goal is memory that stays flat as
 * the evidence grows. It passes or fails nothing.
 * Run after `npx wxt build`: `npx tsx tests/bench/backup.ts`.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { EvidenceRecord } from '../../lib/db/schema';
import { launch, type ExtensionBrowser } from '../e2e/harness/chromium';
import { browserProcessOf, sampleMemory, treeResidentBytes } from './process-memory';
import { seedDatabase } from './seed-database';
import { syntheticOrders } from './synthetic-orders';

const MB = 1024 * 1024;
const ORDERS = 5_000;
const FILE_SIZE = 64 * MB;
const RUNS = [4, 16].map((files) => ({ files, bytes: files * FILE_SIZE }));
const LONG = { timeout: 30 * 60_000 };

/** The orders, their cases, and `files` evidence files spread over the first cases. */
async function seed(browser: ExtensionBrowser, files: number): Promise<void> {
  const data = syntheticOrders(ORDERS, new Date());
  const evidence: EvidenceRecord[] = data.cases.slice(0, files).map((openCase, index) => ({
    id: `bench-${String(index)}`,
    caseId: openCase.id,
    orderId: openCase.orderId,
    kind: 'video',
    shows: [],
    name: `unboxing-${String(index)}.mp4`,
    mimeType: 'video/mp4',
    size: FILE_SIZE,
    capturedAt: new Date(Date.now() - index * 60_000).toISOString(),
  }));
  if (evidence.length < files) throw new Error('fewer cases than files');
  await seedDatabase(browser.serviceWorker, { ...data, evidence });
  // One file at a time: the service worker makes each from random bytes.
  for (const record of evidence) {
    await seedDatabase(browser.serviceWorker, {}, { ids: [record.id], size: FILE_SIZE });
  }
}

async function settingsPage(browser: ExtensionBrowser): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.getByRole('heading', { name: 'Back up everything' }).waitFor();
  return page;
}

/** Runs `work` while sampling the browser's memory; its time and peak above the start. */
async function measured(browser: ExtensionBrowser, work: () => Promise<void>) {
  const root = browserProcessOf(browser.userDataDir);
  const before = treeResidentBytes(root);
  const memory = sampleMemory(root);
  const start = performance.now();
  await work();
  const took = performance.now() - start;
  return { took, peakAbove: memory.stop() - before };
}

function line(label: string, value: string) {
  console.log(`${label.padEnd(40)}${value.padStart(10)}`);
}

const folder = mkdtempSync(join(tmpdir(), 'caseclock-backup-bench-'));
try {
  console.log(`Backup and restore of ${String(ORDERS)} orders in Chromium`);
  for (const run of RUNS) {
    const path = join(folder, `backup-${String(run.files)}.zip`);
    const source = await launch();
    try {
      await seed(source, run.files);
      const page = await settingsPage(source);
      const backup = await measured(source, async () => {
        const download = page.waitForEvent('download', LONG);
        await page.getByRole('button', { name: 'Back up (ZIP)' }).click();
        await (await download).saveAs(path);
      });
      console.log(`\nwith ${String(run.bytes / MB)} MB of evidence (${String(run.files)} files)`);
      line('backup file', `${(statSync(path).size / MB).toFixed(0)} MB`);
      line('backup: time to the saved file', `${(backup.took / 1000).toFixed(1)} s`);
      line('backup: browser memory peak above start', `${(backup.peakAbove / MB).toFixed(0)} MB`);
    } finally {
      await source.close();
    }

    const target = await launch();
    try {
      const page = await settingsPage(target);
      const preview = await measured(target, async () => {
        await page.getByLabel('Choose a backup file').setInputFiles(path);
        await page.getByRole('button', { name: 'Restore', exact: true }).waitFor(LONG);
      });
      const restore = await measured(target, async () => {
        await page.getByRole('button', { name: 'Restore', exact: true }).click();
        await page.getByText(/^Restored:/).waitFor(LONG);
      });
      line('restore: time to the preview', `${(preview.took / 1000).toFixed(1)} s`);
      line('restore: time to "Restored"', `${(restore.took / 1000).toFixed(1)} s`);
      line('restore: browser memory peak above start', `${(restore.peakAbove / MB).toFixed(0)} MB`);
    } finally {
      await target.close();
    }
    rmSync(path);
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}
