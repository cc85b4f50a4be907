import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, describe, expect, it } from 'vitest';
import { translator } from '../../../lib/i18n';
import { RESTORE_FILE } from '../../../lib/own-files';
import {
  evidenceHashesInExtension,
  ownFileNamesInExtension,
  recordCountsInExtension,
} from '../harness/stored';
import { FirefoxExtension } from './firefox';
import { press } from './press';

const t = translator('en');
/** A backup an earlier CaseClock made: one DHgate order, its case, a photo and a note. */
const FROZEN_BACKUP = join(import.meta.dirname, '../../unit/backup/frozen/format-1.zip');
const STORES = ['orders', 'cases', 'events', 'evidence', 'evidenceBlobs', 'reminderLog'] as const;
const downloads = mkdtempSync(join(tmpdir(), 'caseclock-firefox-backup-'));

afterAll(() => {
  rmSync(downloads, { recursive: true, force: true });
});

/** Restores the backup at `path` from the settings page, as the buyer does, and waits for the outcome. */
async function restoreFrom(firefox: FirefoxExtension, path: string): Promise<Page> {
  const settings = await firefox.extensionPage('/options.html', 'section.restore input');
  const input = await settings.$('section.restore input[type=file]');
  await (input as ElementHandle<HTMLInputElement>).uploadFile(path);
  await settings.waitForSelector('.restore-preview', { timeout: 15_000 });
  await press(settings, t('restore.confirm'), 'section.restore');
  await settings.waitForSelector('section.restore .notice.ok, section.restore [role=alert]', {
    timeout: 30_000,
  });
  return settings;
}

function outcome(settings: Page): Promise<string | undefined> {
  return settings.$eval('section.restore [role=status], section.restore [role=alert]', (shown) =>
    shown.textContent.trim(),
  );
}

/** What the profile holds: its records' counts and its evidence files' SHA-256. */
async function contents(settings: Page) {
  return {
    counts: await settings.evaluate(recordCountsInExtension<(typeof STORES)[number]>, STORES),
    files: await settings.evaluate(evidenceHashesInExtension),
  };
}

describe('moving to another Firefox', () => {
  it('restores an earlier CaseClock’s backup, and its new backup restores whole in a fresh Firefox', async () => {
    const first = await FirefoxExtension.launch();
    const second = await FirefoxExtension.launch();
    try {
      const settings = await restoreFrom(first, FROZEN_BACKUP);
      expect(await outcome(settings)).toBe(
        t('restore.done', { added: 1, updated: 0, cases: 1, evidence: 2 }),
      );
      const restored = await contents(settings);
      expect(restored.counts).toMatchObject({ orders: 1, cases: 1, evidence: 2, evidenceBlobs: 1 });
      // The photo, byte for byte: its SHA-256 is its name in the frozen backup.
      expect(Object.values(restored.files)).toEqual([
        '6b7fa434f92a8b80aab02d9bf1a12e49ffcae424e4013a1c4f68b67e3d2bbcd0',
      ]);
      expect(await settings.evaluate(ownFileNamesInExtension)).not.toContain(RESTORE_FILE);

      const nextDownload = await first.downloadsTo(downloads);
      const saved = nextDownload();
      await press(settings, t('settings.backup.button'));
      const backup = await saved;

      const moved = await restoreFrom(second, backup);
      expect(await outcome(moved)).toBe(
        t('restore.done', { added: 1, updated: 0, cases: 1, evidence: 2 }),
      );
      expect(await contents(moved)).toEqual(restored);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  }, 120_000);
});
