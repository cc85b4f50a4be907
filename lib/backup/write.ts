import { strToU8 } from 'fflate';
import { evidenceBytes } from '../db/schema';
import { sha256Hex } from '../evidence/hash';
import { JobCancelled } from '../worker-jobs';
import { zipTime, ZipWriter, type ZipSink } from '../zip/writer';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BACKUP_MANIFEST_PATH,
  DATA_PATHS,
  evidencePath,
  type BackupData,
  type BackupFileEntry,
  type BackupManifest,
  type BackupTable,
} from './format';

export interface BackupInput {
  data: BackupData;
  schemaVersion: number;
  appVersion: string;
  /** When the backup is made, an ISO instant; the ZIP's entries carry it in `timeZone`. */
  createdAt: string;
  timeZone: string;
}

export interface BackupProgress {
  /** Bytes of evidence files in the backup so far, and all there are. */
  done: number;
  total: number;
}

export interface BackupSources {
  /**
   * The file of one piece of evidence, or undefined when it has none. The next is asked for
   * only once this one is written, so one file at a time is held.
   */
  readFile: (evidenceId: string) => Promise<Blob | undefined>;
  onProgress?: (progress: BackupProgress) => void;
  /** The buyer's "Cancel": the backup stops before its next file. */
  signal?: AbortSignal;
  /** Where the ZIP is written; a Blob in memory unless given. */
  sink?: ZipSink;
}

/** The records as JSON, one per line, so a backup read by eye or by `diff` stays readable. */
function jsonLines(value: unknown): Uint8Array {
  const text = Array.isArray(value)
    ? `[\n${value.map((item) => JSON.stringify(item)).join(',\n')}\n]\n`
    : `${JSON.stringify(value ?? null)}\n`;
  return strToU8(text);
}

/**
 * The backup of everything the profile keeps. Evidence files go first, read one at a time,
 * hashed and stored as they are (photos and videos are compressed already, and deflating a
 * gigabyte would take the buyer's minutes for little); then the records; `backup.json` last,
 * with the SHA-256 of every other file.
 */
export async function buildBackup(input: BackupInput, sources: BackupSources): Promise<Blob> {
  const { data } = input;
  const { readFile, onProgress, signal } = sources;
  const writer = new ZipWriter(zipTime(input.createdAt, input.timeZone), sources.sink);
  const files: BackupFileEntry[] = [];
  const written = new Set<string>();
  const evidenceFiles: Record<string, string> = {};
  const withFiles = data.evidence.filter((record) => record.size !== undefined);
  // What the records say the files take; a file found to differ only moves the bar less.
  const total = evidenceBytes(withFiles);
  let done = 0;
  onProgress?.({ done, total });

  for (const record of withFiles) {
    if (signal?.aborted) throw new JobCancelled();
    const blob = await readFile(record.id);
    if (blob) {
      const bytes = new Uint8Array(await blob.arrayBuffer());
      const sha256 = await sha256Hex(bytes);
      const path = evidencePath(sha256);
      evidenceFiles[record.id] = path;
      if (!written.has(path)) {
        written.add(path);
        files.push({ path, size: bytes.length, sha256 });
        const before = done;
        writer.add(path, bytes, true, (bytesIn) => {
          onProgress?.({ done: before + Math.min(bytesIn, record.size ?? 0), total });
        });
        await writer.flush();
      }
    }
    done += record.size ?? 0;
    onProgress?.({ done, total });
  }

  for (const table of Object.keys(DATA_PATHS) as BackupTable[]) {
    const bytes = jsonLines(data[table]);
    const path = DATA_PATHS[table];
    files.push({ path, size: bytes.length, sha256: await sha256Hex(bytes) });
    writer.add(path, bytes, false);
  }

  const evidenceEntries = files.filter((file) => file.path.startsWith('evidence/'));
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    schemaVersion: input.schemaVersion,
    createdAt: input.createdAt,
    appVersion: input.appVersion,
    counts: {
      orders: data.orders.length,
      cases: data.cases.length,
      events: data.events.length,
      evidence: data.evidence.length,
      reminders: data.reminders.length,
      reminderLog: data.reminderLog.length,
      files: evidenceEntries.length,
      fileBytes: evidenceEntries.reduce((sum, file) => sum + file.size, 0),
    },
    files,
    evidenceFiles,
  };
  writer.add(BACKUP_MANIFEST_PATH, strToU8(`${JSON.stringify(manifest, null, 2)}\n`), false);
  return writer.finish();
}
