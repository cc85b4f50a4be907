/**
 * Reading a backup the buyer picked: untrusted, perhaps damaged or not a backup at all. Every
 * check is made before anything is written, and a failed one becomes a problem to tell in words.
 */
import { strFromU8 } from 'fflate';
import { sha256Hex } from '../evidence/hash';
import {
  entryDataRange,
  readZipDirectory,
  readZipEntry,
  ZipReadError,
  type ZipEntry,
  type ZipSource,
} from '../zip/reader';
import {
  BACKUP_DOCUMENT_LIMIT,
  BACKUP_MANIFEST_PATH,
  DATA_PATHS,
  EVIDENCE_PATH,
  evidencePath,
  type BackupData,
  type BackupManifest,
  type BackupTable,
} from './format';
import { parseBackupData, parseBackupManifest, type BackupProblem } from './records';

export class BackupRefused extends Error {
  constructor(readonly problem: BackupProblem) {
    super(`${problem.kind}: ${problem.detail}`);
    this.name = 'BackupRefused';
  }
}

export function refuse(kind: BackupProblem['kind'], detail: string): never {
  throw new BackupRefused({ kind, detail });
}

/** What a backup holds once its documents were checked. */
export interface CheckedBackup {
  manifest: BackupManifest;
  data: BackupData;
}

/** Bytes of one file of the backup, or undefined when it has no such file. */
export type BackupFileReader = (path: string) => Promise<Uint8Array | undefined>;

function parsedJson(bytes: Uint8Array, path: string): unknown {
  try {
    return JSON.parse(strFromU8(bytes));
  } catch {
    return refuse('not-a-backup', `${path} is not JSON`);
  }
}

/**
 * `backup.json` and the records, each file checked against its SHA-256 in `backup.json`, then
 * every record against its schema. Evidence files are left to whoever copies them.
 */
export async function readBackupDocuments(read: BackupFileReader): Promise<CheckedBackup> {
  const manifestBytes = await read(BACKUP_MANIFEST_PATH);
  if (!manifestBytes) refuse('not-a-backup', `no ${BACKUP_MANIFEST_PATH}`);
  const parsedManifest = parseBackupManifest(parsedJson(manifestBytes, BACKUP_MANIFEST_PATH));
  if (!parsedManifest.ok) throw new BackupRefused(parsedManifest.problem);
  const { manifest } = parsedManifest;
  const tables: Partial<Record<BackupTable, unknown>> = {};
  for (const table of Object.keys(DATA_PATHS) as BackupTable[]) {
    const path = DATA_PATHS[table];
    const bytes = await read(path);
    if (!bytes) refuse('truncated', `${path} is missing`);
    const listed = manifest.files.find((file) => file.path === path);
    if (!listed || (await sha256Hex(bytes)) !== listed.sha256) {
      refuse('hash-mismatch', `${path} is not the file backup.json lists`);
    }
    tables[table] = parsedJson(bytes, path);
  }
  const parsedData = parseBackupData(tables as Record<BackupTable, unknown>, manifest);
  if (!parsedData.ok) throw new BackupRefused(parsedData.problem);
  return { manifest, data: parsedData.data };
}

/** A damaged ZIP in the words of a backup's problems. */
function zipProblem(error: ZipReadError): BackupProblem {
  switch (error.code) {
    case 'not-zip':
      return { kind: 'not-zip', detail: error.message };
    case 'truncated':
    case 'corrupt':
      return { kind: 'truncated', detail: error.message };
    case 'too-large':
      return { kind: 'too-large', detail: error.message };
    default:
      return { kind: 'not-a-backup', detail: error.message };
  }
}

/** Runs a read of the ZIP; a ZIP's own problem becomes the backup's. */
export async function readingZip<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof ZipReadError) throw new BackupRefused(zipProblem(error));
    throw error;
  }
}

/** The whole of one entry, at most `limit` bytes, checked against its size and CRC-32. */
export async function entryBytes(file: ZipSource, entry: ZipEntry, limit: number) {
  const bytes = new Uint8Array(entry.uncompressedSize);
  let at = 0;
  await readZipEntry(
    file,
    entry,
    (chunk) => {
      bytes.set(chunk, at);
      at += chunk.length;
    },
    { maxEntrySize: limit },
  );
  return bytes;
}

/**
 * One evidence file of the backup, checked against its size, CRC-32 and the SHA-256 its name
 * gives. A file stored as is (as CaseClock stores evidence) comes back as a slice of the backup,
 * which the browser reads from where the backup lies, not a copy held in memory.
 */
export async function checkedEvidenceFile(backup: Blob, entry: ZipEntry): Promise<Blob> {
  return readingZip(async () => {
    const bytes = await entryBytes(backup, entry, BACKUP_DOCUMENT_LIMIT);
    if (evidencePath(await sha256Hex(bytes)) !== entry.name) refuse('hash-mismatch', entry.name);
    if (entry.method !== 0) return new Blob([bytes]);
    const { start, end } = await entryDataRange(backup, entry);
    return backup.slice(start, end);
  });
}

export interface OpenedBackup extends CheckedBackup {
  /** The ZIP's entries by name, to read the evidence files from. */
  entries: ReadonlyMap<string, ZipEntry>;
}

/**
 * Opens a backup ZIP: only the names a backup has, each file of `backup.json` present with the
 * size it lists and no other, then the documents checked. Evidence files are not read yet.
 */
export async function openBackup(file: ZipSource): Promise<OpenedBackup> {
  return readingZip(async () => {
    const directory = await readZipDirectory(file);
    const entries = new Map(directory.map((entry) => [entry.name, entry]));
    const dataPaths = new Set(Object.values(DATA_PATHS));
    for (const name of entries.keys()) {
      if (name !== BACKUP_MANIFEST_PATH && !dataPaths.has(name) && !EVIDENCE_PATH.test(name)) {
        refuse('unexpected-entry', name);
      }
    }
    const checked = await readBackupDocuments(async (path) => {
      const entry = entries.get(path);
      return entry && entryBytes(file, entry, BACKUP_DOCUMENT_LIMIT);
    });
    const listed = new Set(checked.manifest.files.map((listedFile) => listedFile.path));
    for (const listedFile of checked.manifest.files) {
      const entry = entries.get(listedFile.path);
      if (!entry) refuse('truncated', `${listedFile.path} is missing`);
      if (entry.uncompressedSize !== listedFile.size) {
        refuse('too-large', `${listedFile.path} is not the size backup.json lists`);
      }
    }
    for (const name of entries.keys()) {
      if (name !== BACKUP_MANIFEST_PATH && !listed.has(name)) refuse('unexpected-entry', name);
    }
    return { ...checked, entries };
  });
}
