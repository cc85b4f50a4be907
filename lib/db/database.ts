import { Dexie, type DexieOptions, type EntityTable, type Table } from 'dexie';
import type {
  EvidenceBlob,
  EvidenceRecord,
  LastBackupRecord,
  OrderSummary,
  PageReport,
  ReminderLogEntry,
  ReminderRecord,
  SettingsRecord,
  StoredCase,
  TrashRecord,
  StoredEvent,
  StoredOrder,
  UploadChunk,
  UploadRecord,
} from './schema';
import { SCHEMA_VERSIONS } from './versions';

export const DATABASE_NAME = 'caseclock';

export class CaseClockDatabase extends Dexie {
  orders!: EntityTable<StoredOrder, 'id'>;
  cases!: EntityTable<StoredCase, 'id'>;
  events!: EntityTable<StoredEvent, 'id'>;
  evidence!: EntityTable<EvidenceRecord, 'id'>;
  evidenceBlobs!: EntityTable<EvidenceBlob, 'id'>;
  settings!: EntityTable<SettingsRecord | LastBackupRecord, 'key'>;
  reminders!: EntityTable<ReminderRecord, 'id'>;
  reminderLog!: EntityTable<ReminderLogEntry, 'id'>;
  uploads!: EntityTable<UploadRecord, 'id'>;
  uploadChunks!: Table<UploadChunk, [string, number]>;
  trash!: EntityTable<TrashRecord, 'id'>;
  pageReports!: EntityTable<PageReport, 'url'>;
  summaries!: EntityTable<OrderSummary, 'orderId'>;

  constructor(name: string = DATABASE_NAME, options?: DexieOptions) {
    super(name, options);
    for (const { version, stores, upgrade } of SCHEMA_VERSIONS) {
      const declared = this.version(version).stores(stores);
      if (upgrade) declared.upgrade(upgrade);
    }
  }
}

let shared: CaseClockDatabase | undefined;

/**
 * The database of this extension context, opened on first use. Dexie's default cache mode
 * stays: its `immutable` mode skips the deep copy of live-query results by sharing them, but
 * freezes only their top level, so a change deep inside one would corrupt every copy unseen;
 * and the popup's queries return a screenful, whose copy costs little.
 */
export function database(): CaseClockDatabase {
  shared ??= new CaseClockDatabase();
  return shared;
}

/**
 * Opens the database if it is not open, trying again after an earlier failure: Dexie keeps a
 * failed open's error and refuses every later request with it until asked to open again.
 */
export async function ensureOpen(db: CaseClockDatabase): Promise<void> {
  if (!db.isOpen()) await db.open();
}
