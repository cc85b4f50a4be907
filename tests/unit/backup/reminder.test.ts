import { describe, expect, it } from 'vitest';
import { backupOverdueSince } from '@/lib/backup/reminder';

const NOW = '2026-11-30T12:00:00.000Z';
/** 14 days before NOW, to the millisecond, and a moment after. */
const FOURTEEN_DAYS_AGO = '2026-11-16T12:00:00.000Z';
const THIRTEEN_DAYS_AGO = '2026-11-17T12:00:00.000Z';

describe('the reminder to back up', () => {
  it('says nothing without evidence of an open case', () => {
    expect(
      backupOverdueSince({ lastBackupAt: undefined, openCaseEvidenceAt: [], now: NOW }),
    ).toBeUndefined();
  });

  it('says nothing when all the evidence is in the last backup, however old', () => {
    expect(
      backupOverdueSince({
        lastBackupAt: '2026-09-01T00:00:00.000Z',
        openCaseEvidenceAt: ['2026-08-20T00:00:00.000Z'],
        now: NOW,
      }),
    ).toBeUndefined();
  });

  it('speaks once the last backup is 14 days old and evidence came after it', () => {
    const evidenceAt = ['2026-11-29T00:00:00.000Z'];
    expect(
      backupOverdueSince({
        lastBackupAt: FOURTEEN_DAYS_AGO,
        openCaseEvidenceAt: evidenceAt,
        now: NOW,
      }),
    ).toBe(FOURTEEN_DAYS_AGO);
    expect(
      backupOverdueSince({
        lastBackupAt: THIRTEEN_DAYS_AGO,
        openCaseEvidenceAt: evidenceAt,
        now: NOW,
      }),
    ).toBeUndefined();
  });

  it('without any backup, counts from the oldest evidence', () => {
    expect(
      backupOverdueSince({
        lastBackupAt: undefined,
        openCaseEvidenceAt: ['2026-11-20T00:00:00.000Z', FOURTEEN_DAYS_AGO],
        now: NOW,
      }),
    ).toBe(FOURTEEN_DAYS_AGO);
    expect(
      backupOverdueSince({
        lastBackupAt: undefined,
        openCaseEvidenceAt: [THIRTEEN_DAYS_AGO, '2026-11-25T00:00:00.000Z'],
        now: NOW,
      }),
    ).toBeUndefined();
  });
});
