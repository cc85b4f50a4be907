import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import type { BackupProgress } from '@/lib/backup/write';
import { backupOverdueSince } from '@/lib/backup/reminder';
import type { CaseClockDatabase } from '@/lib/db/database';
import { lastBackupAt, readSettings } from '@/lib/db/settings';
import type { Settings } from '@/lib/timeline/types';
import { JobCancelled } from '@/lib/worker-jobs';
import { useActions } from './Actions';
import { download } from './download';
import { useI18n } from './I18n';
import { WorkProgress } from './WorkProgress';
import { useWrite, WriteProblem } from './Write';

type BackupState =
  | { kind: 'idle' }
  | { kind: 'making'; progress: BackupProgress }
  | { kind: 'saved'; name: string }
  | { kind: 'cancelled' }
  | { kind: 'failed'; error: string };

const MAKING: BackupState = { kind: 'making', progress: { done: 0, total: 0 } };

/** When the last backup was made; `at` is absent when none ever was. */
function useLastBackup(db: CaseClockDatabase) {
  return useLiveQuery(async () => ({ at: await lastBackupAt(db) }), [db]);
}

/**
 * "Back up everything": one ZIP of every record and evidence file, made in a worker with a
 * progress bar and a cancel button; once the file is handed to the browser's downloads, the
 * background notes when, for the reminder to back up.
 */
export function BackupCard({
  db,
  settings,
  onSettings,
  startNow = false,
}: {
  db: CaseClockDatabase;
  settings: Settings;
  onSettings: (change: Partial<Settings>) => void;
  /** Start at once: the buyer asked for a backup from the popup. */
  startNow?: boolean;
}) {
  const { t, dateTime, timeZone } = useI18n();
  const { makeBackup, appVersion } = useActions();
  const { problem, write } = useWrite();
  const last = useLastBackup(db);
  const [state, setState] = useState<BackupState>(startNow ? MAKING : { kind: 'idle' });
  const running = useRef<AbortController | undefined>(undefined);

  /** Makes the backup; the state says "making" already, and changes only as the work does. */
  const run = () => {
    const controller = new AbortController();
    running.current = controller;
    const made = makeBackup(
      { createdAt: new Date().toISOString(), timeZone, appVersion },
      (progress) => {
        setState({ kind: 'making', progress });
      },
      controller.signal,
    );
    return made
      .then(({ backup, name }) => {
        download(backup, name);
        setState({ kind: 'saved', name });
        return write({ type: 'backup-made' });
      })
      .catch((error: unknown) => {
        setState(
          error instanceof JobCancelled
            ? { kind: 'cancelled' }
            : { kind: 'failed', error: error instanceof Error ? error.message : String(error) },
        );
      })
      .finally(() => {
        running.current = undefined;
      });
  };

  const backUpOnOpening = useEffectEvent(() => {
    if (startNow) void run();
  });
  // Once, as the page opens.
  useEffect(() => {
    backUpOnOpening();
  }, []);
  // Leaving the page ends the work.
  useEffect(
    () => () => {
      running.current?.abort();
    },
    [],
  );

  return (
    <section className="card backup" id="backup" aria-labelledby="backup-heading">
      <h2 id="backup-heading">{t('settings.backup')}</h2>
      <p className="quiet">{t('settings.backup.explain')}</p>
      {last && (
        <p>
          {last.at
            ? t('settings.backup.last', { date: dateTime(last.at) })
            : t('settings.backup.never')}
        </p>
      )}
      <BackupReminder db={db} settings={settings} />
      {state.kind === 'making' ? (
        <WorkProgress
          progress={state.progress}
          label={t('settings.backup.progress')}
          status={(sizes) => t('settings.backup.making', sizes)}
          cancel={{
            label: t('settings.backup.cancel'),
            onCancel: () => {
              running.current?.abort();
            },
          }}
        />
      ) : (
        <button
          type="button"
          className="primary"
          onClick={() => {
            setState(MAKING);
            void run();
          }}
        >
          {t('settings.backup.button')}
        </button>
      )}
      {state.kind === 'saved' && (
        <p className="notice ok" role="status">
          {t('settings.backup.saved', { name: state.name })}
        </p>
      )}
      {state.kind === 'cancelled' && (
        <p className="notice" role="status">
          {t('settings.backup.cancelled')}
        </p>
      )}
      {state.kind === 'failed' && (
        <p className="notice error" role="alert">
          {t('settings.backup.failed', { error: state.error })}
        </p>
      )}
      <WriteProblem problem={problem} />
      <label className="check">
        <input
          type="checkbox"
          checked={settings.backupReminder}
          onChange={(event) => {
            onSettings({ backupReminder: event.target.checked });
          }}
        />{' '}
        {t('settings.backup.remind')}
      </label>
    </section>
  );
}

/**
 * A line, not a notification: evidence of open cases has gone 14 days without a backup. The
 * case page offers to back up at once; the settings page has the button beside it.
 */
export function BackupReminder({
  db,
  settings,
  onBackUp,
}: {
  db: CaseClockDatabase;
  /** The buyer's settings when the page has them already; read here otherwise. */
  settings?: Settings;
  onBackUp?: () => void;
}) {
  const { t, date } = useI18n();
  const since = useLiveQuery(async () => {
    const { backupReminder } = settings ?? (await readSettings(db));
    if (!backupReminder) return undefined;
    const openCases = await db.cases.where('status').equals('open').primaryKeys();
    const evidence = await db.evidence.where('caseId').anyOf(openCases).toArray();
    return backupOverdueSince({
      lastBackupAt: await lastBackupAt(db),
      openCaseEvidenceAt: evidence.map((record) => record.capturedAt),
      now: new Date().toISOString(),
    });
  }, [db, settings]);
  if (since === undefined) return null;
  return (
    <p className="notice backup-reminder" role="status">
      {t('backup.overdue', { date: date(since) })}{' '}
      {onBackUp && (
        <button type="button" className="link" onClick={onBackUp}>
          {t('backup.overdueAction')}
        </button>
      )}
    </p>
  );
}
