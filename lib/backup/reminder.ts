import { differenceInMilliseconds } from 'date-fns';

/** How long new evidence may go without a backup before CaseClock says so. */
export const BACKUP_REMINDER_DAYS = 14;
const REMINDER_MS = BACKUP_REMINDER_DAYS * 24 * 60 * 60_000;

/**
 * Since when the evidence of open cases has gone without a backup, when that is long enough to
 * say so: some of it was added after the last backup, and the last backup (or, never having
 * made one, the oldest such evidence) is at least 14 days old. Undefined when all is well.
 */
export function backupOverdueSince({
  lastBackupAt,
  openCaseEvidenceAt,
  now,
}: {
  lastBackupAt: string | undefined;
  /** When each piece of evidence of an open case was added. */
  openCaseEvidenceAt: readonly string[];
  now: string;
}): string | undefined {
  const unsaved = openCaseEvidenceAt
    .filter((at) => lastBackupAt === undefined || at > lastBackupAt)
    .sort();
  const since = lastBackupAt ?? unsaved[0];
  if (unsaved.length === 0 || since === undefined) return undefined;
  return differenceInMilliseconds(new Date(now), new Date(since)) >= REMINDER_MS
    ? since
    : undefined;
}
