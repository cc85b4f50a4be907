import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKUP_FORMAT_VERSION, DATA_PATHS, EVIDENCE_PATH } from '../../lib/backup/format';
import type { BackupProblem } from '../../lib/backup/records';
import { languageOf, translator } from '../../lib/i18n';
import { formatSize } from '../../lib/i18n/format';
import { RESTORE_FILE } from '../../lib/own-files';
import { manifestOf, rezipped, withUnderstatedSize } from '../backup-files';
import { loadFixtures, ordersOf, type Fixture } from '../fixtures/catalogue';
import { artifactsDir } from './artifacts';
import { launch, type ExtensionBrowser } from './harness/chromium';
import { checkedPack, sha256 } from './harness/evidence-pack';
import { ExtensionPage } from './harness/extension-page';
import { serveFixtures } from './harness/marketplace-routes';
import { PopupPage } from './harness/popup';
import { ownFileNamesInExtension, recordCountsInExtension } from './harness/stored';
import { ToolbarPopup } from './harness/toolbar';

const LOCALE = 'en-US';
const t = translator(languageOf(LOCALE));
const fixtures = loadFixtures();
const screenshots = artifactsDir('backup');

function fixtureNamed(marketplace: string, name: string): Fixture {
  const found = fixtures.find((page) => page.marketplace === marketplace && page.name === name);
  if (!found) throw new Error(`no fixture ${marketplace}/${name}`);
  return found;
}

/** The DHgate order page, where the case is opened, and an order list of each other site. */
const CASE_PAGE = fixtureNamed('dhgate', 'mobile-order-detail-shipped');
const LIST_PAGES = [
  fixtureNamed('allchinabuy', 'order-list'),
  fixtureNamed('aliexpress', 'order-list'),
];
/** Every order those pages show, by their expected readings. */
const ORDER_NUMBERS = [...ordersOf([CASE_PAGE, ...LIST_PAGES]).keys()];
const [CASE_ORDER_NUMBER = ''] = ordersOf([CASE_PAGE]).keys();
const CASE_ORDER_ID = `dhgate:${CASE_ORDER_NUMBER}`;

/** A photo of the parcel as the buyer's phone would give it: a real PNG. */
const PARCEL_PHOTO = readFileSync(join(import.meta.dirname, '../../public/icon/128.png'));

/** The stores a backup carries, and those of files on their way, which a restore leaves alone. */
const STORES = [
  'orders',
  'cases',
  'events',
  'evidence',
  'evidenceBlobs',
  'reminders',
  'reminderLog',
  'uploads',
  'uploadChunks',
] as const;
type RecordCounts = Record<(typeof STORES)[number], number>;

/** Every profile opened, to close at the end whatever happened. */
const profiles: ExtensionBrowser[] = [];

async function openProfile(): Promise<ExtensionBrowser> {
  const browser = await launch({ locale: LOCALE });
  profiles.push(browser);
  // Nothing reaches the network, in either profile.
  await serveFixtures(browser.context, fixtures);
  return browser;
}

/**
 * Runs `read` on a page of CaseClock's own, opened for it alone: an open popup.html would be
 * taken for the toolbar's popup.
 */
async function inExtensionPage<T>(
  profile: ExtensionBrowser,
  read: (extension: ExtensionPage) => Promise<T>,
): Promise<T> {
  const extension = await ExtensionPage.open(profile.context, profile.extensionId);
  try {
    return await read(extension);
  } finally {
    await extension.page.close();
  }
}

function recordCounts(profile: ExtensionBrowser): Promise<RecordCounts> {
  return inExtensionPage(profile, ({ page }) =>
    page.evaluate(recordCountsInExtension<(typeof STORES)[number]>, STORES),
  );
}

function alarms(profile: ExtensionBrowser) {
  return inExtensionPage(profile, (extension) => extension.alarms());
}

async function openSettings(profile: ExtensionBrowser): Promise<Page> {
  const page = await profile.context.newPage();
  await page.setViewportSize({ width: 900, height: 1000 });
  await page.goto(`chrome-extension://${profile.extensionId}/options.html`);
  await page.locator('section.restore').waitFor();
  return page;
}

/** Picks a backup in the restore card, as the buyer's file chooser would give it. */
async function chooseBackup(settings: Page, name: string, bytes: Uint8Array): Promise<void> {
  await settings.getByLabel(t('restore.choose')).setInputFiles({
    name,
    mimeType: 'application/zip',
    buffer: Buffer.from(bytes),
  });
}

/** The lines of the preview, once the backup was read. */
async function previewLines(settings: Page): Promise<string[]> {
  await settings.locator('.restore-preview').waitFor();
  return settings.locator('.restore-preview li').allInnerTexts();
}

async function clickRestore(settings: Page): Promise<void> {
  await settings.getByRole('button', { name: t('restore.confirm'), exact: true }).click();
}

/** What the restore card says once it is done: its status or its alert; nothing meanwhile. */
async function restoreOutcome(settings: Page): Promise<string> {
  const outcome = settings.locator('section.restore').locator('[role=alert], .notice.ok');
  return (await outcome.count()) === 1 ? (await outcome.innerText()).trim() : '';
}

/** Waits until the restore card says `expected`, which a failure shows beside what it said. */
async function expectOutcome(settings: Page, expected: string): Promise<void> {
  await expect.poll(() => restoreOutcome(settings), { timeout: 30_000 }).toBe(expected);
}

function refusal(problem: BackupProblem['kind']): string {
  return `${t(`restore.problem.${problem}`)} ${t('restore.unchanged')}`;
}

/**
 * The popup's rows, once every order is listed, as the buyer reads them; a countdown's figures
 * are left out, since the two profiles are read a moment apart ("in 4 days 23 h" → "in … …").
 */
async function popupRows(profile: ExtensionBrowser): Promise<string[]> {
  const popup = await PopupPage.open(profile.context, profile.extensionId);
  await popup.waitForOrders(ORDER_NUMBERS);
  const rows = await popup.rowTexts();
  await popup.page.close();
  return rows.map((row) => row.replace(/\d+ ?(?:days?|h|min|s)\b/g, '…'));
}

/** The case's workspace, once `shown` is drawn. */
async function openWorkspace(profile: ExtensionBrowser, shown: string): Promise<Page> {
  const workspace = await profile.context.newPage();
  await workspace.goto(
    `chrome-extension://${profile.extensionId}/case.html?order=${encodeURIComponent(CASE_ORDER_ID)}`,
  );
  await workspace.locator(shown).waitFor();
  return workspace;
}

/** What the case's workspace shows, and the evidence files of the pack it gives. */
interface CaseView {
  evidence: string[];
  /** Each entry of the timeline but "now": its time and title, without the countdown. */
  timeline: string[];
  /** The pack's evidence files: the SHA-256 of each, by its path in the pack. */
  packEvidence: Record<string, string>;
}

async function caseView(profile: ExtensionBrowser): Promise<CaseView> {
  // The seller's time to answer the refund request, the last thing the source's case got.
  const workspace = await openWorkspace(profile, '.timeline [data-kind=seller-response-due]');
  const evidence = await workspace.locator('.evidence-name').allInnerTexts();
  const timeline = await workspace.locator('.timeline .entry:not(.now)').evaluateAll((entries) =>
    entries.map((entry) => {
      const title = entry.querySelector('.entry-title')?.cloneNode(true);
      if (title instanceof Element) title.querySelector('.countdown')?.remove();
      const at = entry.querySelector('time')?.getAttribute('datetime') ?? '';
      return `${at} ${title?.textContent ?? ''}`;
    }),
  );
  const download = workspace.waitForEvent('download');
  await workspace.getByRole('button', { name: t('pack.download') }).click();
  const { manifest } = checkedPack(readFileSync(await (await download).path()));
  const packEvidence = Object.fromEntries(
    manifest.files
      .filter((file) => file.path.startsWith('evidence/'))
      .map((file) => [file.path, file.sha256]),
  );
  await workspace.close();
  return { evidence, timeline, packEvidence };
}

/** A backup with its first evidence file changed by one byte: same name, same size. */
function withEvidenceChanged(backup: Uint8Array): Uint8Array {
  return rezipped(backup, (files) => {
    const path = Object.keys(files).find((name) => EVIDENCE_PATH.test(name));
    const bytes = path === undefined ? undefined : files[path];
    if (path === undefined || bytes === undefined) throw new Error('no evidence in the backup');
    const changed = bytes.slice();
    changed[10] = (changed[10] ?? 0) ^ 0xff;
    files[path] = changed;
  });
}

/** Backups a restore must refuse, each made from the good one, and the problem it names. */
const BAD_BACKUPS: [string, (backup: Uint8Array) => Uint8Array, BackupProblem['kind']][] = [
  ['a text file, not a ZIP', () => strToU8('Just some text, not a backup.'), 'not-zip'],
  [
    'cut short: the backup’s first half',
    (backup) => backup.slice(0, Math.floor(backup.length / 2)),
    'truncated',
  ],
  [
    'made by a newer CaseClock',
    (backup) =>
      rezipped(backup, (files) => {
        const manifest = { ...manifestOf(files), formatVersion: BACKUP_FORMAT_VERSION + 1 };
        files['backup.json'] = strToU8(JSON.stringify(manifest));
      }),
    'newer-format',
  ],
  [
    'with its orders changed',
    (backup) =>
      rezipped(backup, (files) => {
        files[DATA_PATHS.orders] = strToU8('[]\n');
      }),
    'hash-mismatch',
  ],
  [
    'holding a file a backup never has',
    (backup) =>
      rezipped(backup, (files) => {
        files['notes.txt'] = strToU8('My notes');
      }),
    'unexpected-entry',
  ],
  [
    'expanding beyond the size it declares',
    (backup) => withUnderstatedSize(backup, DATA_PATHS.orders),
    'too-large',
  ],
];

describe('a backup taken to a fresh browser profile', () => {
  const downloads = mkdtempSync(join(tmpdir(), 'caseclock-backup-'));
  let source: ExtensionBrowser;
  let target: ExtensionBrowser;
  let backup: Uint8Array;
  let backupName: string;
  let targetSettings: Page;
  /** The target's records once restored, which nothing after may change. */
  let restoredCounts: RecordCounts;

  beforeAll(async () => {
    source = await openProfile();
  });

  afterAll(async () => {
    for (const profile of profiles) await profile.close();
    rmSync(downloads, { recursive: true, force: true });
  });

  it('is made of orders read on each marketplace and a case with a photo and a capture', async () => {
    for (const page of LIST_PAGES) {
      const tab = await source.context.newPage();
      await tab.goto(page.url);
    }
    const orderPage = await source.context.newPage();
    await orderPage.goto(CASE_PAGE.url);
    // Each page is read once loaded and idle: its tab stays open until the popup lists them all.
    expect(await popupRows(source)).toHaveLength(ORDER_NUMBERS.length);

    const popup = await ToolbarPopup.open(source, orderPage);
    await popup.waitFor('.this-page', CASE_ORDER_NUMBER);
    await popup.select('.this-page select', 'not-received');
    await popup.click('.this-page button[type=submit]', t('case.startButton'));
    await popup.click('.this-page button', t('popup.capture'));
    await popup.waitFor('.this-page [role=status]', t('popup.captured'));
    await popup.close();

    const workspace = await openWorkspace(source, '.evidence-item');
    await workspace.locator('input[type=file]').setInputFiles({
      name: 'parcel.png',
      mimeType: 'image/png',
      buffer: PARCEL_PHOTO,
    });
    await workspace.locator('.evidence-item').nth(1).waitFor();
    await workspace.getByRole('button', { name: t('record.refund-requested') }).click();
    await workspace
      .locator('.time-form')
      .getByRole('button', { name: t('case.save') })
      .click();
    await workspace.locator('.timeline .entry.source-buyer').waitFor();
    await workspace.close();
  }, 120_000);

  it('is saved from the settings page, which then says when', async () => {
    const settings = await openSettings(source);
    // A setting of the buyer's own, for the backup to carry. The box shows the stored setting:
    // it changes once the background has written it.
    await settings.getByLabel(t('settings.panel')).click();
    await expect.poll(() => settings.getByLabel(t('settings.panel')).isChecked()).toBe(false);
    const download = settings.waitForEvent('download');
    await settings.getByRole('button', { name: t('settings.backup.button') }).click();
    const saved = await download;
    backupName = saved.suggestedFilename();
    expect(backupName).toMatch(/^caseclock-backup-\d{4}-\d{2}-\d{2}\.zip$/);
    const path = join(downloads, backupName);
    await saved.saveAs(path);
    backup = new Uint8Array(readFileSync(path));
    await settings
      .locator('section.backup p', { hasText: t('settings.backup.last', { date: '' }) })
      .waitFor();
    await expect(settings.locator('section.backup .notice.ok').innerText()).resolves.toBe(
      t('settings.backup.saved', { name: backupName }),
    );
    await settings.close();
  });

  it('changes nothing in the fresh profile when an evidence file was changed', async () => {
    target = await openProfile();
    targetSettings = await openSettings(target);
    const empty = await recordCounts(target);
    await chooseBackup(targetSettings, backupName, withEvidenceChanged(backup));
    // The preview reads only backup.json and the records: the file is as good as the original.
    await previewLines(targetSettings);
    // Found only while restoring, once the records were on their way.
    await clickRestore(targetSettings);
    await expectOutcome(targetSettings, refusal('hash-mismatch'));
    expect(await recordCounts(target)).toEqual(empty);
    expect(Object.values(empty).every((count) => count === 0)).toBe(true);
  }, 90_000);

  it('shows what it holds, then restores it all', async () => {
    const sourceCounts = await recordCounts(source);
    const evidenceFiles = manifestOf(unzipSync(backup)).files.filter((file) =>
      EVIDENCE_PATH.test(file.path),
    );
    await chooseBackup(targetSettings, backupName, backup);
    expect(await previewLines(targetSettings)).toEqual([
      t('restore.preview.orders', {
        count: ORDER_NUMBERS.length,
        added: ORDER_NUMBERS.length,
        updated: 0,
      }),
      t('restore.preview.cases', { count: 1, added: 1 }),
      t('restore.preview.events', { count: sourceCounts.events, added: sourceCounts.events }),
      // The capture and the photo, two files.
      t('restore.preview.evidence', {
        count: 2,
        added: 2,
        files: 2,
        size: formatSize(
          evidenceFiles.reduce((sum, file) => sum + file.size, 0),
          LOCALE,
        ),
      }),
      t('restore.preview.settings.restored'),
    ]);
    await targetSettings.locator('section.restore').screenshot({
      path: join(screenshots, 'restore-preview.png'),
    });
    await clickRestore(targetSettings);
    await expectOutcome(
      targetSettings,
      t('restore.done', { added: ORDER_NUMBERS.length, updated: 0, cases: 1, evidence: 2 }),
    );
    restoredCounts = await recordCounts(target);
    expect(restoredCounts).toEqual(sourceCounts);
    // The copy the background restored from is gone from CaseClock's own files.
    expect(await targetSettings.evaluate(ownFileNamesInExtension)).not.toContain(RESTORE_FILE);
    await targetSettings.reload();
    await expect(targetSettings.getByLabel(t('settings.panel')).isChecked()).resolves.toBe(false);
  }, 90_000);

  it('gives the same popup, workspace, reminders to come and evidence pack as the original', async () => {
    const sourceAlarms = await alarms(source);
    expect(sourceAlarms.map((alarm) => alarm.name)).toContain('reminder:next');
    await expect.poll(() => alarms(target), { timeout: 10_000 }).toEqual(sourceAlarms);
    const sourceRows = await popupRows(source);
    expect(await popupRows(target)).toEqual(sourceRows);
    const sourceCase = await caseView(source);
    expect(sourceCase.evidence).toHaveLength(2);
    expect(Object.values(sourceCase.packEvidence)).toHaveLength(2);
    expect(Object.values(sourceCase.packEvidence)).toContain(sha256(PARCEL_PHOTO));
    expect(await caseView(target)).toEqual(sourceCase);
  }, 90_000);

  it('doubles nothing when restored a second time', async () => {
    await chooseBackup(targetSettings, backupName, backup);
    const again = await previewLines(targetSettings);
    expect(again).toEqual([
      t('restore.preview.orders', { count: ORDER_NUMBERS.length, added: 0, updated: 0 }),
      t('restore.preview.cases', { count: 1, added: 0 }),
      t('restore.preview.events', { count: restoredCounts.events, added: 0 }),
      t('restore.preview.evidence', { count: 2, added: 0, files: 0, size: formatSize(0, LOCALE) }),
      t('restore.preview.settings.kept'),
    ]);
    await expect(targetSettings.locator('.restore-preview .notice').innerText()).resolves.toBe(
      t('restore.preview.nothing'),
    );
    await clickRestore(targetSettings);
    await expectOutcome(
      targetSettings,
      t('restore.done', { added: 0, updated: 0, cases: 0, evidence: 0 }),
    );
    expect(await recordCounts(target)).toEqual(restoredCounts);
    expect(await popupRows(target)).toEqual(await popupRows(source));
  }, 60_000);

  it.each(BAD_BACKUPS)('refuses a backup %s, and changes nothing', async (name, make, problem) => {
    await chooseBackup(targetSettings, backupName, make(backup));
    await expectOutcome(targetSettings, refusal(problem));
    if (problem === 'newer-format') {
      await targetSettings.locator('section.restore').screenshot({
        path: join(screenshots, 'restore-refused.png'),
      });
    }
    expect(await recordCounts(target), name).toEqual(restoredCounts);
  });
});
