import { useId, useRef, useState } from 'react';
import { planRestore, type RestoreSummary } from '@/lib/backup/merge';
import { BackupRefused, openBackup, type OpenedBackup } from '@/lib/backup/read';
import type { BackupProblem } from '@/lib/backup/records';
import type { CaseClockDatabase } from '@/lib/db/database';
import { profileRecords } from '@/lib/db/restore';
import { restoreFromBackup, type RestoreProgress } from '@/lib/messaging/restore';
import { JobCancelled } from '@/lib/worker-jobs';
import { useActions } from './Actions';
import { useI18n } from './I18n';
import { refusalText } from './refusal';
import { WorkProgress } from './WorkProgress';

type RestoreState =
  | { kind: 'idle' }
  | { kind: 'reading' }
  | {
      kind: 'preview';
      file: File;
      opened: OpenedBackup;
      files: Record<string, string>;
      summary: RestoreSummary;
    }
  | { kind: 'restoring'; progress: RestoreProgress }
  | { kind: 'restored'; summary: RestoreSummary }
  | { kind: 'cancelled' }
  | { kind: 'refused'; problem: BackupProblem['kind'] }
  | { kind: 'failed'; error: string };

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** What the backup holds and what restoring it changes here, before anything is. */
function RestorePreview({
  name,
  opened,
  summary,
}: {
  /** The file's name, as the buyer picked it (the file picker forgets it, to allow picking again). */
  name: string;
  opened: OpenedBackup;
  summary: RestoreSummary;
}) {
  const { t, dateTime, size } = useI18n();
  const { orders, cases, events, evidence, files } = summary;
  const changes =
    orders.added + orders.updated + cases.added + events.added + evidence.added > 0 ||
    summary.settings === 'restored';
  return (
    <div className="restore-preview">
      <p>{t('restore.preview', { name, date: dateTime(opened.manifest.createdAt) })}</p>
      <ul>
        <li>
          {t('restore.preview.orders', {
            count: orders.inBackup,
            added: orders.added,
            updated: orders.updated,
          })}
        </li>
        <li>{t('restore.preview.cases', { count: cases.inBackup, added: cases.added })}</li>
        <li>{t('restore.preview.events', { count: events.inBackup, added: events.added })}</li>
        <li>
          {t('restore.preview.evidence', {
            count: evidence.inBackup,
            added: evidence.added,
            files: files.count,
            size: size(files.bytes),
          })}
        </li>
        {summary.settings !== 'none' && (
          <li>{t(`restore.preview.settings.${summary.settings}`)}</li>
        )}
      </ul>
      {!changes && <p className="notice">{t('restore.preview.nothing')}</p>}
    </div>
  );
}

/**
 * "Restore from a backup": the buyer picks a backup, sees what it holds and what will change,
 * and only then restores. A bad file is refused in words and changes nothing.
 */
export function RestoreCard({ db }: { db: CaseClockDatabase }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { send, ownFiles } = useActions();
  const inputId = useId();
  const [state, setState] = useState<RestoreState>({ kind: 'idle' });
  const running = useRef<AbortController | undefined>(undefined);

  const read = async (file: File) => {
    setState({ kind: 'reading' });
    try {
      const opened = await openBackup(file);
      const profile = await profileRecords(db, opened.data);
      const { files, summary } = planRestore(
        opened.data,
        opened.manifest.evidenceFiles,
        opened.manifest.files,
        profile,
      );
      setState({ kind: 'preview', file, opened, files, summary });
    } catch (error) {
      setState(
        error instanceof BackupRefused
          ? { kind: 'refused', problem: error.problem.kind }
          : { kind: 'failed', error: errorText(error) },
      );
    }
  };

  const restore = async (preview: Extract<RestoreState, { kind: 'preview' }>) => {
    const controller = new AbortController();
    running.current = controller;
    setState({ kind: 'restoring', progress: { done: 0, total: 0 } });
    try {
      const result = await restoreFromBackup(preview.file, {
        send,
        ownFiles,
        onProgress: (progress) => {
          setState({ kind: 'restoring', progress });
        },
        signal: controller.signal,
      });
      if (result.ok) setState({ kind: 'restored', summary: result.summary });
      else if ('problem' in result) setState({ kind: 'refused', problem: result.problem });
      else if (result.backupProblem) setState({ kind: 'refused', problem: result.backupProblem });
      else setState({ kind: 'failed', error: refusalText(i18n, result) });
    } catch (error) {
      setState(
        error instanceof JobCancelled
          ? { kind: 'cancelled' }
          : { kind: 'failed', error: errorText(error) },
      );
    } finally {
      running.current = undefined;
    }
  };

  const busy = state.kind === 'reading' || state.kind === 'restoring';
  return (
    <section className="card restore" aria-labelledby="restore-heading">
      <h2 id="restore-heading">{t('restore.title')}</h2>
      <p className="quiet">{t('restore.explain')}</p>
      <div className="field">
        <label htmlFor={inputId}>{t('restore.choose')}</label>
        <input
          id={inputId}
          type="file"
          accept=".zip,application/zip"
          disabled={busy}
          onChange={(event) => {
            const file = event.target.files?.[0];
            // The same file may be picked again, say after a refusal.
            event.target.value = '';
            if (file) void read(file);
          }}
        />
      </div>
      {state.kind === 'reading' && <p role="status">{t('restore.reading')}</p>}
      {state.kind === 'preview' && (
        <>
          <RestorePreview name={state.file.name} opened={state.opened} summary={state.summary} />
          <div className="button-row">
            <button type="button" className="primary" onClick={() => void restore(state)}>
              {t('restore.confirm')}
            </button>
            <button
              type="button"
              onClick={() => {
                setState({ kind: 'idle' });
              }}
            >
              {t('restore.cancel')}
            </button>
          </div>
        </>
      )}
      {state.kind === 'restoring' &&
        (state.progress.total > 0 && state.progress.done === state.progress.total ? (
          // Copied: the background checks and writes it all at once, which cannot be stopped.
          <WorkProgress
            progress={{ done: 0, total: 0 }}
            label={t('restore.progress')}
            status={() => t('restore.saving')}
          />
        ) : (
          <WorkProgress
            progress={state.progress}
            label={t('restore.progress')}
            status={(sizes) => t('restore.restoring', sizes)}
            cancel={{
              label: t('restore.cancel'),
              onCancel: () => {
                running.current?.abort();
              },
            }}
          />
        ))}
      {state.kind === 'restored' && (
        <p className="notice ok" role="status">
          {t('restore.done', {
            added: state.summary.orders.added,
            updated: state.summary.orders.updated,
            cases: state.summary.cases.added,
            evidence: state.summary.evidence.added,
          })}
        </p>
      )}
      {state.kind === 'cancelled' && (
        <p className="notice" role="status">
          {t('restore.cancelled')}
        </p>
      )}
      {state.kind === 'refused' && (
        <p className="notice error" role="alert">
          {t(`restore.problem.${state.problem}`)} {t('restore.unchanged')}
        </p>
      )}
      {state.kind === 'failed' && (
        <p className="notice error" role="alert">
          {t('restore.failed', { error: state.error })} {t('restore.unchanged')}
        </p>
      )}
    </section>
  );
}
