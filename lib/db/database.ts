import { Dexie, type EntityTable, type Table } from 'dexie';
import type {
  EvidenceBlob,
  EvidenceRecord,
  ReminderRecord,
  SettingsRecord,
  StoredCase,
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
  settings!: EntityTable<SettingsRecord, 'key'>;
  reminders!: EntityTable<ReminderRecord, 'id'>;
  uploads!: EntityTable<UploadRecord, 'id'>;
  uploadChunks!: Table<UploadChunk, [string, number]>;

  constructor(name: string = DATABASE_NAME) {
    super(name);
    for (const { version, stores, upgrade } of SCHEMA_VERSIONS) {
      const declared = this.version(version).stores(stores);
      if (upgrade) declared.upgrade(upgrade);
    }
  }
}

let shared: CaseClockDatabase | undefined;

/** The database of this extension context, opened on first use. */
export function database(): CaseClockDatabase {
  shared ??= new CaseClockDatabase();
  return shared;
}
