/**
 * Restoring a backup, on the background's side: the page sends the backup's files (its documents
 * and the evidence files the profile lacks) as uploads; the background checks them all again, as
 * untrusted input, and writes everything in one transaction, or nothing.
 */
import { evidencePath, type BackupData } from '../backup/format';
import {
  evidenceFileKey,
  planRestore,
  type ProfileRecords,
  type RestoreSummary,
} from '../backup/merge';
import { BackupRefused, readBackupDocuments, refuse } from '../backup/read';
import { sha256Hex } from '../evidence/hash';
import type { CaseClockDatabase } from './database';
import { discardUpload } from './evidence';
import { RecordError } from './errors';
import { recordsWith } from './read-many';
import type { UploadRecord } from './schema';

type NewId = () => string;
const randomId: NewId = () => crypto.randomUUID();

/** Opens the way for one file of a backup; it waits apart until the restore takes it in. */
export async function startRestoreUpload(
  db: CaseClockDatabase,
  file: { path: string; size: number; sha256: string },
  startedAt: string,
  newId: NewId = randomId,
): Promise<UploadRecord> {
  const upload: UploadRecord = {
    id: newId(),
    caseId: '',
    kind: 'file',
    shows: [],
    name: file.path,
    mimeType: 'application/octet-stream',
    size: file.size,
    sha256: file.sha256,
    startedAt,
    restorePath: file.path,
  };
  await db.uploads.add(upload);
  return upload;
}

/** The bytes of a restore's upload, once whole and as announced. */
async function uploadedBytes(db: CaseClockDatabase, uploadId: string, path: string) {
  const upload = await db.uploads.get(uploadId);
  if (upload?.restorePath !== path) refuse('truncated', `${path} did not arrive`);
  const chunks = await db.uploadChunks.where('uploadId').equals(uploadId).sortBy('index');
  const blob = new Blob(chunks.map((chunk) => chunk.bytes));
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const whole = chunks.every((chunk, position) => chunk.index === position);
  if (!whole || bytes.length !== upload.size || (await sha256Hex(bytes)) !== upload.sha256) {
    refuse('truncated', `${path} arrived incomplete or changed`);
  }
  return { blob, bytes };
}

/** What the profile holds of the records a backup names. */
export async function profileRecords(
  db: CaseClockDatabase,
  backup: BackupData,
): Promise<ProfileRecords> {
  const ids = (records: readonly { id: string }[]) => records.map((one) => one.id);
  const idsHeld = async <T extends { id: string }>(
    table: Parameters<typeof recordsWith<T>>[0],
    records: readonly T[],
  ) => new Set(ids(await recordsWith(table, 'id', ids(records))));
  const caseIds = ids(backup.cases);
  const [orders, cases, events, evidence, reminders, reminderLog, settings] = await Promise.all([
    recordsWith(db.orders, 'id', ids(backup.orders)),
    idsHeld(db.cases, backup.cases),
    idsHeld(db.events, backup.events),
    recordsWith(db.evidence, 'caseId', caseIds),
    idsHeld(db.reminders, backup.reminders),
    idsHeld(db.reminderLog, backup.reminderLog),
    db.settings.get('settings'),
  ]);
  return {
    orders: new Map(orders.map((order) => [order.id, order])),
    caseIds: cases,
    eventIds: events,
    evidenceIds: new Set(ids(evidence)),
    evidenceFiles: new Set(
      evidence.flatMap((record) =>
        record.sha256 === undefined ? [] : [evidenceFileKey(record.caseId, record.sha256)],
      ),
    ),
    reminderIds: reminders,
    reminderLogIds: reminderLog,
    hasSettings: settings !== undefined,
  };
}

/**
 * Restores a backup from its uploaded files (`uploads`: each file's upload, by its name in the
 * backup). Every document and evidence file is checked against `backup.json` and every record
 * against its schema, then all is merged in one transaction. The uploads go either way; a bad
 * backup is refused with its problem and nothing else changes.
 */
export async function restoreBackup(
  db: CaseClockDatabase,
  uploads: Readonly<Record<string, string>>,
): Promise<{ summary: RestoreSummary; orderIds: string[] }> {
  try {
    const { manifest, data } = await readBackupDocuments(async (path) => {
      const uploadId = uploads[path];
      return uploadId === undefined ? undefined : (await uploadedBytes(db, uploadId, path)).bytes;
    });
    const profile = await profileRecords(db, data);
    const plan = planRestore(data, manifest.evidenceFiles, manifest.files, profile);
    // One file at a time, checked, then held as a Blob: the browser keeps its bytes, not us.
    const files = new Map<string, Blob>();
    for (const path of new Set(Object.values(plan.files))) {
      const uploadId = uploads[path];
      if (uploadId === undefined) refuse('truncated', `${path} did not arrive`);
      const { blob, bytes } = await uploadedBytes(db, uploadId, path);
      if (evidencePath(await sha256Hex(bytes)) !== path) refuse('hash-mismatch', path);
      files.set(path, blob);
    }
    const tables = [
      db.orders,
      db.cases,
      db.events,
      db.evidence,
      db.evidenceBlobs,
      db.reminders,
      db.reminderLog,
      db.settings,
    ];
    await db.transaction('rw', tables, async () => {
      await db.orders.bulkPut(plan.orders);
      await db.cases.bulkPut(plan.cases);
      await db.events.bulkPut(plan.events);
      await db.evidence.bulkPut(plan.evidence);
      await db.evidenceBlobs.bulkPut(
        Object.entries(plan.files).flatMap(([id, path]) => {
          const blob = files.get(path);
          return blob ? [{ id, blob }] : [];
        }),
      );
      await db.reminders.bulkPut(plan.reminders);
      await db.reminderLog.bulkPut(plan.reminderLog);
      if (plan.settings) await db.settings.put({ key: 'settings', value: plan.settings });
    });
    return { summary: plan.summary, orderIds: data.orders.map((order) => order.id) };
  } catch (error) {
    if (error instanceof BackupRefused) {
      throw new RecordError(error.message, 'backup', error.problem.kind);
    }
    throw error;
  } finally {
    // Only a restore's own uploads: the ids come from a page.
    for (const uploadId of Object.values(uploads)) {
      if ((await db.uploads.get(uploadId))?.restorePath !== undefined) {
        await discardUpload(db, uploadId);
      }
    }
  }
}
