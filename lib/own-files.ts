/**
 * CaseClock's own files on disk (the browser's origin-private file system, shared by its pages,
 * workers and background): a backup is written there as it is made, and a backup being restored
 * is copied there for the background to read, so neither is ever held whole in memory.
 */

/** The part of a file handle of that file system CaseClock uses. */
export interface WritableFile {
  createWritable(): Promise<{
    write(chunk: Uint8Array<ArrayBuffer> | Blob): Promise<void>;
    close(): Promise<void>;
    /** Drops what was written since `createWritable`, leaving the file as it was. */
    abort(): Promise<void>;
  }>;
  /** The file as it is on disk: read from there, not from memory. */
  getFile(): Promise<Blob>;
}

/** The part of the file system's root directory CaseClock uses. */
export interface OwnFiles {
  getFileHandle(name: string, options?: { create?: boolean }): Promise<WritableFile>;
  removeEntry(name: string): Promise<void>;
}

/** The last backup made, replaced by each backup. */
export const BACKUP_FILE = 'backup.zip';
/** A backup the buyer picked, copied for the background; removed once restored or refused. */
export const RESTORE_FILE = 'restore.zip';
