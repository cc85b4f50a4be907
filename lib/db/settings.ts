import { DEFAULT_SETTINGS, type Settings } from '../timeline/types';
import type { CaseClockDatabase } from './database';

export async function readSettings(db: CaseClockDatabase): Promise<Settings> {
  const stored = await db.settings.get('settings');
  return { ...DEFAULT_SETTINGS, ...(stored?.key === 'settings' ? stored.value : {}) };
}

export async function updateSettings(
  db: CaseClockDatabase,
  change: Partial<Settings>,
): Promise<Settings> {
  return db.transaction('rw', db.settings, async () => {
    const value = { ...(await readSettings(db)), ...change };
    await db.settings.put({ key: 'settings', value });
    return value;
  });
}

/** When the buyer last made a backup, if ever. */
export async function lastBackupAt(db: CaseClockDatabase): Promise<string | undefined> {
  const stored = await db.settings.get('last-backup');
  return stored?.key === 'last-backup' ? stored.value.madeAt : undefined;
}

export async function recordBackup(db: CaseClockDatabase, madeAt: string): Promise<void> {
  await db.settings.put({ key: 'last-backup', value: { madeAt } });
}
