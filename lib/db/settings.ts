import { DEFAULT_SETTINGS, type Settings } from '../timeline/types';
import type { CaseClockDatabase } from './database';

export async function readSettings(db: CaseClockDatabase): Promise<Settings> {
  const stored = await db.settings.get('settings');
  return { ...DEFAULT_SETTINGS, ...stored?.value };
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
