/**
 * Making a backup from the database, as the settings page's button asks for it, in a worker of
 * its own (see worker-jobs.ts): the records are read together, the evidence files one by one.
 */
import * as v from 'valibot';
import type { CaseClockDatabase } from '../db/database';
import { localDateTime } from '../i18n/format';
import { Instant, TimeZoneName } from '../messaging/protocol';
import type { JobRunner } from '../worker-jobs';
import type { ZipSink } from '../zip/writer';
import { CURRENT_SCHEMA_VERSION } from '../db/versions';
import { backupFileName, type BackupData } from './format';
import { AppVersion } from './records';
import { buildBackup, type BackupProgress } from './write';

export const BackupRequestSchema = v.object({
  /** When the backup is made: it dates the file and its entries. */
  createdAt: Instant,
  timeZone: TimeZoneName,
  appVersion: AppVersion,
});
export type BackupRequest = v.InferOutput<typeof BackupRequestSchema>;

export interface MadeBackup {
  backup: Blob;
  /** The name to save it under. */
  name: string;
}

export type BackupMaker = JobRunner<BackupRequest, BackupProgress, MadeBackup>;

/** Every record a backup keeps, read in one transaction so they agree with each other. */
export async function readBackupData(db: CaseClockDatabase): Promise<BackupData> {
  const tables = [
    db.orders,
    db.cases,
    db.events,
    db.evidence,
    db.reminders,
    db.reminderLog,
    db.settings,
  ];
  return db.transaction('r', tables, async () => {
    const [orders, cases, events, evidence, reminders, reminderLog, settings] = await Promise.all([
      db.orders.toArray(),
      db.cases.toArray(),
      db.events.toArray(),
      db.evidence.toArray(),
      db.reminders.toArray(),
      db.reminderLog.toArray(),
      db.settings.get('settings'),
    ]);
    return {
      orders,
      cases,
      events,
      evidence,
      reminders,
      reminderLog,
      ...(settings?.key === 'settings' ? { settings: settings.value } : {}),
    };
  });
}

export async function backupFromDatabase(
  db: CaseClockDatabase,
  request: BackupRequest,
  onProgress: (progress: BackupProgress) => void,
  signal?: AbortSignal,
  sink?: ZipSink,
): Promise<MadeBackup> {
  const { createdAt, timeZone, appVersion } = request;
  const backup = await buildBackup(
    {
      data: await readBackupData(db),
      schemaVersion: CURRENT_SCHEMA_VERSION,
      appVersion,
      createdAt,
      timeZone,
    },
    {
      readFile: async (evidenceId) => (await db.evidenceBlobs.get(evidenceId))?.blob,
      onProgress,
      ...(signal ? { signal } : {}),
      ...(sink ? { sink } : {}),
    },
  );
  return { backup, name: backupFileName(localDateTime(createdAt, timeZone).slice(0, 10)) };
}
