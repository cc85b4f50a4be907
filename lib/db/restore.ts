/**
 * Restoring a backup, on the background's side: the page copied the buyer's backup into
 * CaseClock's own files; the background checks it all again, as untrusted input, and writes
 * everything in one transaction, or nothing.
 */
import type { BackupData } from '../backup/format';
import {
  evidenceFileKey,
  planRestore,
  type ProfileRecords,
  type RestoreSummary,
} from '../backup/merge';
import { BackupRefused, checkedEvidenceFile, openBackup, refuse } from '../backup/read';
import type { CaseClockDatabase } from './database';
import { RecordError } from './errors';
import { recordsWith } from './read-many';

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
 * Restores `backup`, a backup ZIP: its names, its documents against `backup.json`, its records
 * against their schemas and each evidence file it adds against its SHA-256 are checked, then
 * all is merged in one transaction. A bad backup is refused with its problem and nothing changes.
 */
export async function restoreBackup(
  db: CaseClockDatabase,
  backup: Blob,
): Promise<{ summary: RestoreSummary; orderIds: string[] }> {
  try {
    const { manifest, data, entries } = await openBackup(backup);
    const profile = await profileRecords(db, data);
    const plan = planRestore(data, manifest.evidenceFiles, manifest.files, profile);
    // One file at a time, checked, then kept as a part of the backup on disk, not in memory.
    const files = new Map<string, Blob>();
    for (const path of new Set(Object.values(plan.files))) {
      const entry = entries.get(path);
      if (entry === undefined) refuse('truncated', `${path} is missing`);
      files.set(path, await checkedEvidenceFile(backup, entry));
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
  }
}
