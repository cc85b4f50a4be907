/**
 * Restoring a backup from CaseClock's settings page: the page reads the buyer's ZIP and sends
 * the background its documents and the evidence files the profile lacks, each checked on the
 * way; the background checks them all again and writes everything at once, or nothing.
 */
import {
  BACKUP_DOCUMENT_LIMIT,
  BACKUP_MANIFEST_PATH,
  DATA_PATHS,
  evidencePath,
} from '../backup/format';
import type { RestorePlan, RestoreSummary } from '../backup/merge';
import { BackupRefused, entryBytes, readingZip, refuse, type OpenedBackup } from '../backup/read';
import type { BackupProblem } from '../backup/records';
import { sha256Hex } from '../evidence/hash';
import type { ZipSource } from '../zip/reader';
import type { Refusal } from './protocol';
import { sendChunks, type UploadDeps } from './upload';
import { JobCancelled } from '../worker-jobs';

export interface RestoreProgress {
  /** Bytes of the backup sent to the background so far, and all that will be. */
  done: number;
  total: number;
}

export type RestoreResult =
  { ok: true; summary: RestoreSummary } | { ok: false; problem: BackupProblem['kind'] } | Refusal;

/**
 * Sends the backup's files the restore needs, then asks the background to restore from them.
 * An evidence file is read whole (100 MB at most), checked against its name, its SHA-256, and
 * sent before the next is read. On any problem, or `signal` aborting, what was sent is dropped.
 */
export async function restoreFromBackup(
  file: ZipSource,
  opened: OpenedBackup,
  plan: Pick<RestorePlan, 'files'>,
  deps: Pick<UploadDeps, 'send'> & {
    onProgress?: (progress: RestoreProgress) => void;
    signal?: AbortSignal;
  },
): Promise<RestoreResult> {
  const { send, onProgress, signal } = deps;
  const evidencePaths = new Set(Object.values(plan.files));
  const paths = [BACKUP_MANIFEST_PATH, ...Object.values(DATA_PATHS), ...evidencePaths];
  const entries = paths.flatMap((path) => {
    const entry = opened.entries.get(path);
    return entry ? [entry] : [];
  });
  const total = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  let done = 0;
  onProgress?.({ done, total });
  const uploads: Record<string, string> = {};
  const dropSent = () =>
    Promise.all(
      Object.values(uploads).map((uploadId) =>
        send({ type: 'evidence-upload-cancel', uploadId }).catch(() => undefined),
      ),
    );
  try {
    for (const entry of entries) {
      if (signal?.aborted) throw new JobCancelled();
      const bytes = await readingZip(() => entryBytes(file, entry, BACKUP_DOCUMENT_LIMIT));
      const sha256 = await sha256Hex(bytes);
      if (evidencePaths.has(entry.name) && entry.name !== evidencePath(sha256)) {
        refuse('hash-mismatch', entry.name);
      }
      const started = await send({
        type: 'restore-upload-start',
        path: entry.name,
        size: bytes.length,
        sha256,
      });
      if (!started.ok) {
        await dropSent();
        return started;
      }
      uploads[entry.name] = started.uploadId;
      const before = done;
      const sent = await sendChunks(send, started.uploadId, bytes, (bytesSent) => {
        onProgress?.({ done: before + bytesSent, total });
      });
      if (!sent.ok) {
        await dropSent();
        return sent;
      }
      done = before + bytes.length;
      onProgress?.({ done, total });
    }
    if (signal?.aborted) throw new JobCancelled();
  } catch (error) {
    await dropSent();
    if (error instanceof BackupRefused) return { ok: false, problem: error.problem.kind };
    throw error;
  }
  // From here the background has the files; it drops them itself, restored or not.
  const restored = await send({ type: 'restore-apply', uploads });
  return restored.ok ? { ok: true, summary: restored.summary } : restored;
}
