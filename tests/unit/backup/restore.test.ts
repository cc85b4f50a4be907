// @vitest-environment node
// Node's own Blob, which IndexedDB (fake-indexeddb, through structuredClone) keeps as a Blob.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { backupFromDatabase, readBackupData, type BackupRequest } from '@/lib/backup/job';
import type { CaseClockDatabase } from '@/lib/db/database';
import { addEvidence } from '@/lib/db/evidence';
import { readSettings } from '@/lib/db/settings';
import { restoreFromBackup, type RestoreResult } from '@/lib/messaging/restore';
import { RESTORE_FILE } from '@/lib/own-files';
import { JobCancelled } from '@/lib/worker-jobs';
import {
  DHGATE_ORDER_ID,
  DHGATE_ORDER_URL,
  dhgatePageRead,
  tab,
  TestBackground,
  TINY_PNG,
} from '../background/harness';
import { manifestOf, rezipped, withUnderstatedSize } from '../../backup-files';
import { PARIS } from '../zones';

const NOW = '2026-11-16T09:00:00.000Z';
const REQUEST: BackupRequest = { createdAt: NOW, timeZone: PARIS, appVersion: '0.1.0' };
const PHOTO = Uint8Array.from({ length: 1.5 * 1024 * 1024 }, (_, index) => (index * 7) % 253);

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A profile with an order, its case, a refund asked for, a photo, a note and a setting. */
async function filledProfile(): Promise<TestBackground> {
  const background = await new TestBackground(NOW).start();
  await background.send(dhgatePageRead(), tab(DHGATE_ORDER_URL));
  const caseId = await background.startCase('not-received');
  await background.send({
    type: 'event-record',
    orderId: DHGATE_ORDER_ID,
    event: 'refund-requested',
    at: '2026-11-14T10:00:00.000Z',
  });
  await background.send({ type: 'settings-update', settings: { reminderLeadHours: 48 } });
  await addEvidence(
    background.db,
    {
      caseId,
      kind: 'photo',
      shows: [],
      name: 'parcel.jpg',
      mimeType: 'image/jpeg',
      capturedAt: NOW,
    },
    { blob: new Blob([PHOTO]), sha256: sha256(PHOTO) },
  );
  await background.send({ type: 'evidence-note', caseId, text: 'The box was open.' });
  return background;
}

async function backupOf(background: TestBackground): Promise<Blob> {
  return (await backupFromDatabase(background.db, REQUEST, () => undefined)).backup;
}

/**
 * Restores `file` into `target` as the settings page does once the buyer said so: copied into
 * CaseClock's own files, then restored by the background. The page's preview is skipped, so
 * every check here is the background's own.
 */
async function restore(
  file: Blob,
  target: TestBackground,
  signal?: AbortSignal,
  onProgress?: (progress: { done: number; total: number }) => void,
): Promise<RestoreResult> {
  return restoreFromBackup(file, {
    send: (message) => target.send(message),
    ownFiles: () => Promise.resolve(target.files),
    ...(signal ? { signal } : {}),
    ...(onProgress ? { onProgress } : {}),
  });
}

/** Everything a profile holds that a backup keeps, and its evidence files' hashes. */
async function contents(db: CaseClockDatabase) {
  const data = await readBackupData(db);
  const blobs = await db.evidenceBlobs.toArray();
  const files = await Promise.all(
    blobs.map(async ({ id, blob }): Promise<[string, string]> => [
      id,
      sha256(new Uint8Array(await blob.arrayBuffer())),
    ]),
  );
  return { ...data, files: Object.fromEntries(files) };
}

/** The backup's files, changed by `change`, zipped again. */
async function rezippedBlob(
  file: Blob,
  change: (files: Record<string, Uint8Array>) => void,
): Promise<Blob> {
  return new Blob([rezipped(new Uint8Array(await file.arrayBuffer()), change)]);
}

async function problemOf(file: Blob, target: TestBackground) {
  const result = await restore(file, target);
  return result.ok ? 'restored' : 'problem' in result ? result.problem : result.backupProblem;
}

describe('restoring a backup', () => {
  it('into a fresh profile gives back everything, evidence files byte for byte', async () => {
    const source = await filledProfile();
    const backup = await backupOf(source);
    const target = await new TestBackground(NOW).start();
    const result = await restore(backup, target);
    expect(result).toMatchObject({
      ok: true,
      summary: {
        orders: { inBackup: 1, added: 1, updated: 0 },
        cases: { inBackup: 1, added: 1 },
        evidence: { inBackup: 2, added: 2 },
        files: { count: 1, bytes: PHOTO.length },
        settings: 'restored',
      },
    });
    expect(await contents(target.db)).toEqual(await contents(source.db));
    expect(Object.values((await contents(target.db)).files)).toEqual([sha256(PHOTO)]);
    expect(target.files.files.has(RESTORE_FILE)).toBe(false);
  });

  it('twice doubles nothing', async () => {
    const backup = await backupOf(await filledProfile());
    const target = await new TestBackground(NOW).start();
    await restore(backup, target);
    const once = await contents(target.db);
    const again = await restore(backup, target);
    expect(again).toMatchObject({
      ok: true,
      summary: {
        orders: { added: 0, updated: 0 },
        cases: { added: 0 },
        events: { added: 0 },
        evidence: { added: 0 },
        files: { count: 0, bytes: 0 },
        settings: 'kept',
      },
    });
    expect(await contents(target.db)).toEqual(once);
  });

  it('into a profile with data keeps the newer order and adds what it lacks', async () => {
    const source = await filledProfile();
    const backup = await backupOf(source);
    const target = await new TestBackground('2026-11-20T09:00:00.000Z').start();
    // The same order, seen here later with another status; no case here.
    await target.send(
      dhgatePageRead({
        orders: [{ orderNumber: '1043587216', status: 'completed', items: [{ title: 'Earbuds' }] }],
      }),
      tab(DHGATE_ORDER_URL),
    );
    const before = await target.db.orders.get(DHGATE_ORDER_ID);
    const result = await restore(backup, target);
    expect(result).toMatchObject({
      ok: true,
      summary: { orders: { added: 0, updated: 0 }, cases: { added: 1 }, evidence: { added: 2 } },
    });
    expect(await target.db.orders.get(DHGATE_ORDER_ID)).toEqual(before);
    expect(await target.db.cases.count()).toBe(1);
  });

  it.each([
    [
      'not a ZIP',
      () => Promise.resolve(new Blob([strToU8('Just some text, not a backup.')])),
      'not-zip',
    ],
    [
      'cut short',
      (backup: Blob) => Promise.resolve(backup.slice(0, Math.floor(backup.size / 2))),
      'truncated',
    ],
    [
      'made by a newer CaseClock',
      (backup: Blob) =>
        rezippedBlob(backup, (files) => {
          files['backup.json'] = strToU8(
            JSON.stringify({ ...manifestOf(files), formatVersion: 2 }),
          );
        }),
      'newer-format',
    ],
    [
      'with a record file changed',
      (backup: Blob) =>
        rezippedBlob(backup, (files) => {
          files['data/orders.json'] = strToU8('[]\n');
        }),
      'hash-mismatch',
    ],
    [
      'with an evidence file changed',
      (backup: Blob) =>
        rezippedBlob(backup, (files) => {
          const path = `evidence/${sha256(PHOTO)}`;
          const changed = new Uint8Array(files[path] ?? []);
          changed[10] = (changed[10] ?? 0) ^ 0xff;
          files[path] = changed;
        }),
      'hash-mismatch',
    ],
    [
      'with a file a backup never has',
      (backup: Blob) =>
        rezippedBlob(backup, (files) => {
          files['../outside.txt'] = strToU8('hello');
        }),
      'unexpected-entry',
    ],
  ])('refuses a backup %s and changes nothing', async (_name, make, problem) => {
    const backup = await make(await backupOf(await filledProfile()));
    const target = await filledProfile();
    await target.send(
      dhgatePageRead({ orders: [{ orderNumber: '1043587299', items: [{ title: 'Case' }] }] }),
      tab(DHGATE_ORDER_URL),
    );
    const before = await contents(target.db);
    expect(await problemOf(backup, target)).toBe(problem);
    expect(await contents(target.db)).toEqual(before);
    // The copy the background read is gone, refused or not.
    expect(target.files.files.has(RESTORE_FILE)).toBe(false);
  });

  it('refuses a ZIP that expands beyond the sizes it declares', async () => {
    const backup = new Uint8Array(await (await backupOf(await filledProfile())).arrayBuffer());
    const target = await new TestBackground(NOW).start();
    const understated = withUnderstatedSize(backup, 'data/orders.json');
    expect(await problemOf(new Blob([understated]), target)).toBe('too-large');
    expect(await target.db.orders.count()).toBe(0);
  });

  it('restores a backup whose evidence files were deflated, as another ZIP tool may do', async () => {
    const source = await filledProfile();
    const deflated = await rezippedBlob(await backupOf(source), () => undefined);
    const target = await new TestBackground(NOW).start();
    expect(await restore(deflated, target)).toMatchObject({ ok: true });
    expect(await contents(target.db)).toEqual(await contents(source.db));
  });

  it('without a copy to restore from, is refused and changes nothing', async () => {
    const target = await new TestBackground(NOW).start();
    const reply = await target.send({ type: 'restore-apply' });
    expect(reply).toMatchObject({ ok: false, code: 'backup', backupProblem: 'truncated' });
    expect(await target.db.orders.count()).toBe(0);
  });

  it('cancelled while copying, leaves no copy and changes nothing', async () => {
    const backup = await backupOf(await filledProfile());
    const target = await new TestBackground(NOW).start();
    const controller = new AbortController();
    const copying = restore(backup, target, controller.signal, ({ done }) => {
      if (done > 0) controller.abort();
    });
    await expect(copying).rejects.toBeInstanceOf(JobCancelled);
    expect(target.files.events).toContain('abort');
    expect(target.files.files.has(RESTORE_FILE)).toBe(false);
    expect(await target.db.orders.count()).toBe(0);
  });
});

describe('a backup made by an earlier CaseClock', () => {
  it('format 1 restores whole with today’s code', async () => {
    const frozen = readFileSync(new URL('./frozen/format-1.zip', import.meta.url));
    const target = await new TestBackground(NOW).start();
    const result = await restore(new Blob([frozen]), target);
    expect(result).toMatchObject({ ok: true });
    const { db } = target;
    expect(await db.orders.get(DHGATE_ORDER_ID)).toMatchObject({
      marketplace: 'dhgate',
      orderNumber: '1043587216',
      status: 'shipped',
      total: { minor: 4155, currency: 'USD' },
    });
    const [found] = await db.cases.toArray();
    expect(found).toMatchObject({
      orderId: DHGATE_ORDER_ID,
      reason: 'not-received',
      status: 'open',
    });
    const events = await db.events.where('orderId').equals(DHGATE_ORDER_ID).toArray();
    expect(events.filter((event) => event.type === 'refund-requested')).toMatchObject([
      { caseId: found?.id, at: '2026-11-14T10:00:00.000Z', source: 'buyer' },
    ]);
    const evidence = (await db.evidence.toArray()).sort((a, b) =>
      a.capturedAt.localeCompare(b.capturedAt),
    );
    expect(evidence.map(({ kind, name, shows }) => ({ kind, name, shows }))).toEqual([
      { kind: 'photo', name: 'parcel.png', shows: ['item-photo'] },
      {
        kind: 'note',
        name: 'The box was open, the earbuds missing.',
        shows: [],
      },
    ]);
    const photo = await db.evidenceBlobs.get(evidence[0]?.id ?? '');
    expect(
      Buffer.from(await (photo?.blob ?? new Blob()).arrayBuffer()).equals(
        Buffer.from(TINY_PNG, 'base64'),
      ),
    ).toBe(true);
    expect((await readSettings(db)).reminderLeadHours).toBe(48);
  });
});
