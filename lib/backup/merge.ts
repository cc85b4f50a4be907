/**
 * What restoring a backup changes in a profile that may already hold data: every record is
 * merged by its identity, so nothing is ever doubled and nothing the profile holds is lost.
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
import type { BackupData, BackupFileEntry } from './format';

/** What the profile already holds of the records a backup names. */
export interface ProfileRecords {
  orders: ReadonlyMap<string, StoredOrder>;
  caseIds: ReadonlySet<string>;
  eventIds: ReadonlySet<string>;
  evidenceIds: ReadonlySet<string>;
  /** `${caseId} ${sha256}` of each file the profile's evidence has. */
  evidenceFiles: ReadonlySet<string>;
  reminderIds: ReadonlySet<string>;
  reminderLogIds: ReadonlySet<string>;
  /** Whether the buyer ever set a setting here. */
  hasSettings: boolean;
}

/** What a restore will do, in numbers the buyer reads before saying yes. */
export interface RestoreSummary {
  orders: { inBackup: number; added: number; updated: number };
  cases: { inBackup: number; added: number };
  events: { inBackup: number; added: number };
  evidence: { inBackup: number; added: number };
  /** Evidence files to copy in, each once, and their bytes. */
  files: { count: number; bytes: number };
  /** The backup's settings replace none the buyer set here. */
  settings: 'restored' | 'kept' | 'none';
}

export interface RestorePlan {
  orders: StoredOrder[];
  cases: StoredCase[];
  events: StoredEvent[];
  evidence: EvidenceRecord[];
  reminders: ReminderRecord[];
  reminderLog: ReminderLogEntry[];
  settings?: Settings;
  /** The backup's file of each piece of evidence added that has one, by the evidence's id. */
  files: Record<string, string>;
  summary: RestoreSummary;
}

/** How `ProfileRecords.evidenceFiles` names a file of a case. */
export function evidenceFileKey(caseId: string, sha256: string): string {
  return `${caseId} ${sha256}`;
}

/**
 * The records to write: those the profile lacks, and an order the backup saw more recently on
 * its marketplace (the newer record wins). Anything else the profile has stays as it is: a case,
 * a step, a reminder already here is the same record, or the buyer's later word on it. A piece
 * of evidence whose file this case already holds (the same SHA-256) is not added twice.
 */
export function planRestore(
  backup: BackupData,
  evidenceFiles: Readonly<Record<string, string>>,
  fileEntries: readonly BackupFileEntry[],
  profile: ProfileRecords,
): RestorePlan {
  const newOrders = backup.orders.filter((order) => !profile.orders.has(order.id));
  const newerOrders = backup.orders.filter((order) => {
    const here = profile.orders.get(order.id);
    return here !== undefined && order.lastSeenAt > here.lastSeenAt;
  });
  const held = new Set(profile.evidenceFiles);
  const evidence = backup.evidence.filter((record) => {
    if (profile.evidenceIds.has(record.id)) return false;
    if (record.sha256 === undefined) return true;
    const key = evidenceFileKey(record.caseId, record.sha256);
    if (held.has(key)) return false;
    held.add(key);
    return true;
  });
  const files = Object.fromEntries(
    evidence.flatMap((record) => {
      const path = evidenceFiles[record.id];
      return path === undefined ? [] : [[record.id, path] as const];
    }),
  );
  const paths = new Set(Object.values(files));
  const cases = backup.cases.filter((found) => !profile.caseIds.has(found.id));
  const events = backup.events.filter((event) => !profile.eventIds.has(event.id));
  const settings = backup.settings && !profile.hasSettings ? backup.settings : undefined;
  return {
    orders: [...newOrders, ...newerOrders],
    cases,
    events,
    evidence,
    reminders: backup.reminders.filter((record) => !profile.reminderIds.has(record.id)),
    reminderLog: backup.reminderLog.filter((entry) => !profile.reminderLogIds.has(entry.id)),
    ...(settings ? { settings } : {}),
    files,
    summary: {
      orders: {
        inBackup: backup.orders.length,
        added: newOrders.length,
        updated: newerOrders.length,
      },
      cases: { inBackup: backup.cases.length, added: cases.length },
      events: { inBackup: backup.events.length, added: events.length },
      evidence: { inBackup: backup.evidence.length, added: evidence.length },
      files: {
        count: paths.size,
        bytes: fileEntries
          .filter((entry) => paths.has(entry.path))
          .reduce((sum, entry) => sum + entry.size, 0),
      },
      settings: settings ? 'restored' : backup.settings ? 'kept' : 'none',
    },
  };
}
