/**
 * A CaseClock backup: one ZIP holding every record the buyer's profile keeps and every evidence
 * file, with `backup.json` saying what is inside. Restore reads it back, in this browser or
 * another; a later CaseClock must read every format version this one wrote.
 */
import type {
  EvidenceRecord,
  ReminderLogEntry,
  ReminderRecord,
  StoredCase,
  StoredEvent,
  StoredOrder,
} from '../db/schema';
import type { Settings } from '../timeline/types';

export const BACKUP_FORMAT = 'caseclock-backup';
/** Raised whenever what a backup holds changes shape; restore reads every version up to it. */
export const BACKUP_FORMAT_VERSION = 1;
export const BACKUP_MANIFEST_PATH = 'backup.json';
/** The largest file of a backup read: far beyond what 5,000 orders' records take. */
export const BACKUP_DOCUMENT_LIMIT = 256 * 1024 * 1024;

/**
 * What a backup keeps, by the table it comes from. Left out: each order's summary (worked out
 * again from the orders), the trash (a deletion's few seconds to undo), files still on their way
 * in, and the notes on pages CaseClock could not read.
 */
export interface BackupData {
  orders: StoredOrder[];
  cases: StoredCase[];
  events: StoredEvent[];
  evidence: EvidenceRecord[];
  reminders: ReminderRecord[];
  reminderLog: ReminderLogEntry[];
  /** The buyer's settings; none when they never changed one. */
  settings?: Settings;
}

export type BackupTable = keyof BackupData;

/** Where each part of the data is in the ZIP. */
export const DATA_PATHS: Readonly<Record<BackupTable, string>> = {
  orders: 'data/orders.json',
  cases: 'data/cases.json',
  events: 'data/events.json',
  evidence: 'data/evidence.json',
  reminders: 'data/reminders.json',
  reminderLog: 'data/reminder-log.json',
  settings: 'data/settings.json',
};

/** An evidence file is named by its SHA-256: the same file is in a backup once. */
export function evidencePath(sha256: string): string {
  return `evidence/${sha256}`;
}

export const EVIDENCE_PATH = /^evidence\/([0-9a-f]{64})$/;

/** One file of the ZIP besides `backup.json`, as `backup.json` lists it. */
export interface BackupFileEntry {
  path: string;
  size: number;
  sha256: string;
}

export interface BackupCounts {
  orders: number;
  cases: number;
  events: number;
  evidence: number;
  reminders: number;
  reminderLog: number;
  /** Evidence files, each counted once, and the bytes they take. */
  files: number;
  fileBytes: number;
}

/** `backup.json`. */
export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  /** The database's schema version the records were read under. */
  schemaVersion: number;
  createdAt: string;
  /** The CaseClock version that made it. */
  appVersion: string;
  counts: BackupCounts;
  /** Every other file of the ZIP, with its size and SHA-256. */
  files: BackupFileEntry[];
  /** Which file holds each piece of evidence's bytes, by the evidence's id. */
  evidenceFiles: Record<string, string>;
}

/** "caseclock-backup-2026-11-30.zip", dated on the buyer's calendar. */
export function backupFileName(day: string): string {
  return `caseclock-backup-${day}.zip`;
}
