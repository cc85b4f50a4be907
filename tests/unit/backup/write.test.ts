// @vitest-environment node
// Node's own Blob, which IndexedDB (fake-indexeddb, through structuredClone) keeps as a Blob.
import { createHash } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { backupFromDatabase, readBackupData, type BackupRequest } from '@/lib/backup/job';
import type { BackupManifest } from '@/lib/backup/format';
import type { BackupProgress } from '@/lib/backup/write';
import { addEvidence } from '@/lib/db/evidence';
import { JobCancelled } from '@/lib/worker-jobs';
import {
  DHGATE_ORDER_ID,
  DHGATE_ORDER_URL,
  dhgatePageRead,
  tab,
  TestBackground,
} from '../background/harness';
import { PARIS } from '../zones';

/** 16 November 2026, 10:00 in Paris. */
const NOW = '2026-11-16T09:00:00.000Z';
const REQUEST: BackupRequest = { createdAt: NOW, timeZone: PARIS, appVersion: '0.1.0' };

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Bytes all different from their neighbours: a photo stands in by its length. */
function bytesOf(length: number, seed: number): Uint8Array {
  return Uint8Array.from({ length }, (_, index) => (index * 31 + seed) % 251);
}

let background: TestBackground | undefined;
afterEach(() => {
  background = undefined;
});

/** A profile with an order, its case, a step, a setting and three pieces of evidence. */
async function filledProfile() {
  background = await new TestBackground(NOW).start();
  await background.send(dhgatePageRead(), tab(DHGATE_ORDER_URL));
  const caseId = await background.startCase('not-received');
  await background.send({ type: 'settings-update', settings: { reminderLeadHours: 48 } });
  const photo = bytesOf(3 * 1024 * 1024 + 17, 1);
  const video = bytesOf(1024, 2);
  const file = (bytes: Uint8Array, type: string) => ({
    blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type }),
    sha256: sha256(bytes),
  });
  const piece = { caseId, shows: [], capturedAt: NOW };
  await addEvidence(
    background.db,
    { ...piece, kind: 'photo', name: 'parcel.jpg', mimeType: 'image/jpeg' },
    file(photo, 'image/jpeg'),
    () => 'photo-1',
  );
  // The same photo attached twice: the backup holds its bytes once.
  await addEvidence(
    background.db,
    { ...piece, kind: 'photo', name: 'parcel again.jpg', mimeType: 'image/jpeg' },
    file(photo, 'image/jpeg'),
    () => 'photo-2',
  );
  await addEvidence(
    background.db,
    { ...piece, kind: 'video', name: 'unboxing.mp4', mimeType: 'video/mp4' },
    file(video, 'video/mp4'),
    () => 'video-1',
  );
  await addEvidence(
    background.db,
    { ...piece, kind: 'note', name: 'Note', text: 'The box was open.' },
    undefined,
    () => 'note-1',
  );
  return { db: background.db, caseId, photo, video };
}

async function unzipped(blob: Blob) {
  return unzipSync(new Uint8Array(await blob.arrayBuffer()));
}

/** A JSON file of the backup, parsed: its shape is the test's to check. */
function json(files: Record<string, Uint8Array>, path: string): unknown {
  const bytes = files[path];
  if (!bytes) throw new Error(`${path} is not in the backup`);
  return JSON.parse(strFromU8(bytes));
}

describe('a backup', () => {
  it('holds every record, every evidence file once, and backup.json saying what is inside', async () => {
    const { db, photo, video } = await filledProfile();
    const { backup, name } = await backupFromDatabase(db, REQUEST, () => undefined);
    // Dated on the buyer's calendar.
    expect(name).toBe('caseclock-backup-2026-11-16.zip');
    const files = await unzipped(backup);
    expect(Object.keys(files).sort()).toEqual(
      [
        'backup.json',
        'data/cases.json',
        'data/events.json',
        'data/evidence.json',
        'data/orders.json',
        'data/reminder-log.json',
        'data/reminders.json',
        'data/settings.json',
        `evidence/${sha256(photo)}`,
        `evidence/${sha256(video)}`,
      ].sort(),
    );
    // The bytes themselves (compared whole: a deep comparison of 3 MB takes too long).
    expect(Buffer.from(files[`evidence/${sha256(photo)}`] ?? []).equals(photo)).toBe(true);
    expect(Buffer.from(files[`evidence/${sha256(video)}`] ?? []).equals(video)).toBe(true);

    const manifest = json(files, 'backup.json') as BackupManifest;
    expect(manifest).toMatchObject({
      format: 'caseclock-backup',
      formatVersion: 1,
      schemaVersion: 6,
      createdAt: NOW,
      appVersion: '0.1.0',
      counts: {
        orders: 1,
        cases: 1,
        evidence: 4,
        files: 2,
        fileBytes: photo.length + video.length,
      },
      evidenceFiles: {
        'photo-1': `evidence/${sha256(photo)}`,
        'photo-2': `evidence/${sha256(photo)}`,
        'video-1': `evidence/${sha256(video)}`,
      },
    });
    // Every other file is listed, with its true size and SHA-256.
    const listed = manifest.files.map((file) => file.path).sort();
    expect(listed).toEqual(
      Object.keys(files)
        .filter((path) => path !== 'backup.json')
        .sort(),
    );
    for (const entry of manifest.files) {
      const bytes = files[entry.path] ?? new Uint8Array();
      expect({ path: entry.path, size: entry.size, sha256: entry.sha256 }).toEqual({
        path: entry.path,
        size: bytes.length,
        sha256: sha256(bytes),
      });
    }
  });

  it('keeps the records as the database has them', async () => {
    const { db, caseId } = await filledProfile();
    const stored = await readBackupData(db);
    const files = await unzipped((await backupFromDatabase(db, REQUEST, () => undefined)).backup);
    expect(json(files, 'data/orders.json')).toEqual(stored.orders);
    expect((json(files, 'data/cases.json') as { id: string }[]).map((found) => found.id)).toEqual([
      caseId,
    ]);
    expect(json(files, 'data/events.json')).toEqual(stored.events);
    expect(
      (json(files, 'data/evidence.json') as { id: string; text?: string }[]).map(({ id, text }) => [
        id,
        text,
      ]),
    ).toEqual(
      expect.arrayContaining([
        ['photo-1', undefined],
        ['note-1', 'The box was open.'],
      ]),
    );
    expect(
      (json(files, 'data/settings.json') as { reminderLeadHours: number }).reminderLeadHours,
    ).toBe(48);
    expect(stored.orders.map((order) => order.id)).toEqual([DHGATE_ORDER_ID]);
  });

  it('leaves the settings out when the buyer never changed one', async () => {
    background = await new TestBackground(NOW).start();
    const files = await unzipped(
      (await backupFromDatabase(background.db, REQUEST, () => undefined)).backup,
    );
    expect(json(files, 'data/settings.json')).toBeNull();
    expect(json(files, 'data/orders.json')).toEqual([]);
    expect((json(files, 'backup.json') as BackupManifest).counts.files).toBe(0);
  });

  it('moves its progress forward to the evidence files’ whole size', async () => {
    const { db, photo, video } = await filledProfile();
    const seen: BackupProgress[] = [];
    await backupFromDatabase(db, REQUEST, (progress) => seen.push(progress));
    const total = 2 * photo.length + video.length;
    expect(seen.every((progress) => progress.total === total)).toBe(true);
    expect(seen.at(0)?.done).toBe(0);
    expect(seen.at(-1)?.done).toBe(total);
    // Within the 3 MB photo too, slice by slice.
    expect(seen.some((progress) => progress.done > 0 && progress.done < photo.length)).toBe(true);
    const dones = seen.map((progress) => progress.done);
    expect(dones).toEqual([...dones].sort((a, b) => a - b));
  });

  it('stops when the buyer cancels, before its next file', async () => {
    const { db } = await filledProfile();
    const controller = new AbortController();
    const made = backupFromDatabase(
      db,
      REQUEST,
      (progress) => {
        if (progress.done > 0) controller.abort();
      },
      controller.signal,
    );
    await expect(made).rejects.toBeInstanceOf(JobCancelled);
  });

  it('keeps a piece whose file is gone, without a file', async () => {
    const { db } = await filledProfile();
    await db.evidenceBlobs.delete('video-1');
    const files = await unzipped((await backupFromDatabase(db, REQUEST, () => undefined)).backup);
    const manifest = json(files, 'backup.json') as BackupManifest;
    expect(Object.keys(manifest.evidenceFiles).sort()).toEqual(['photo-1', 'photo-2']);
    expect(manifest.counts).toMatchObject({ evidence: 4, files: 1 });
  });
});
