/**
 * Restoring a backup from CaseClock's settings page: the page copies the buyer's ZIP into
 * CaseClock's own files, slice by slice, and asks the background to restore from there; the
 * background checks it all again and writes everything at once, or nothing.
 */
import type { RestoreSummary } from '../backup/merge';
import type { BackupProblem } from '../backup/records';
import { RESTORE_FILE, type OwnFiles } from '../own-files';
import { JobCancelled } from '../worker-jobs';
import type { Refusal } from './protocol';
import type { UploadDeps } from './upload';

export interface RestoreProgress {
  /** Bytes of the backup copied so far, and all there are. */
  done: number;
  total: number;
}

export type RestoreResult =
  { ok: true; summary: RestoreSummary } | { ok: false; problem: BackupProblem['kind'] } | Refusal;

/** Bytes copied at once: the browser reads and writes them without our holding them. */
const COPY_SLICE = 8 * 1024 * 1024;

/**
 * Copies `backup` into CaseClock's own files, then asks the background to restore from the
 * copy. Until the background is asked, `signal` aborting stops the copy and removes it.
 */
export async function restoreFromBackup(
  backup: Blob,
  deps: Pick<UploadDeps, 'send'> & {
    ownFiles: () => Promise<OwnFiles>;
    onProgress?: (progress: RestoreProgress) => void;
    signal?: AbortSignal;
  },
): Promise<RestoreResult> {
  const { send, onProgress, signal } = deps;
  const files = await deps.ownFiles();
  const copy = await (await files.getFileHandle(RESTORE_FILE, { create: true })).createWritable();
  try {
    onProgress?.({ done: 0, total: backup.size });
    for (let at = 0; at < backup.size; at += COPY_SLICE) {
      if (signal?.aborted) throw new JobCancelled();
      const end = Math.min(at + COPY_SLICE, backup.size);
      await copy.write(backup.slice(at, end));
      onProgress?.({ done: end, total: backup.size });
    }
    if (signal?.aborted) throw new JobCancelled();
    await copy.close();
  } catch (error) {
    await copy.abort().catch(() => undefined);
    await files.removeEntry(RESTORE_FILE).catch(() => undefined);
    throw error;
  }
  // From here the background has the copy; it removes it itself, restored or not.
  const restored = await send({ type: 'restore-apply' });
  return restored.ok ? { ok: true, summary: restored.summary } : restored;
}
