import { Dexie, type EntityTable } from 'dexie';
import { SCHEMA_VERSIONS, type StoredOrder } from './schema';

export const DATABASE_NAME = 'caseclock';

export class CaseClockDatabase extends Dexie {
  orders!: EntityTable<StoredOrder, 'id'>;

  constructor(name: string = DATABASE_NAME) {
    super(name);
    for (const { version, stores } of SCHEMA_VERSIONS) this.version(version).stores(stores);
  }
}

let shared: CaseClockDatabase | undefined;

/** The database of this extension context, opened on first use. */
export function database(): CaseClockDatabase {
  shared ??= new CaseClockDatabase();
  return shared;
}
