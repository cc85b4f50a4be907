/**
 * Bad backups made from a good one, for the unit tests and the end-to-end tests alike: a backup
 * changed file by file, and one whose ZIP lies about a file's size.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { BackupManifest } from '../lib/backup/format';

/** The ZIP's files, changed by `change`, zipped again. */
export function rezipped(
  zip: Uint8Array,
  change: (files: Record<string, Uint8Array>) => void,
): Uint8Array<ArrayBuffer> {
  const files = unzipSync(zip);
  change(files);
  return zipSync(files);
}

/** The backup.json among a backup's unzipped files. */
export function manifestOf(files: Record<string, Uint8Array>): BackupManifest {
  return JSON.parse(strFromU8(files['backup.json'] ?? new Uint8Array())) as BackupManifest;
}

/** A central directory record's signature, and where its fields are (PKWARE APPNOTE 4.3.12). */
const CENTRAL_SIGNATURE = 0x02014b50;
const CENTRAL_UNCOMPRESSED = 24;
const CENTRAL_NAME_LENGTH = 28;
const CENTRAL_NAME = 46;

/**
 * A copy of `zip` whose central directory says `entryName` is one byte smaller than the bytes
 * that come out of it: a ZIP that expands beyond the sizes it declares.
 */
export function withUnderstatedSize(zip: Uint8Array, entryName: string): Uint8Array<ArrayBuffer> {
  const patched = zip.slice();
  const name = strToU8(entryName);
  const view = new DataView(patched.buffer);
  let found = false;
  for (let at = 0; at + CENTRAL_NAME < patched.length; at += 1) {
    if (view.getUint32(at, true) !== CENTRAL_SIGNATURE) continue;
    const length = view.getUint16(at + CENTRAL_NAME_LENGTH, true);
    const named = patched.subarray(at + CENTRAL_NAME, at + CENTRAL_NAME + length);
    if (length === name.length && named.every((byte, index) => byte === name[index])) {
      view.setUint32(
        at + CENTRAL_UNCOMPRESSED,
        view.getUint32(at + CENTRAL_UNCOMPRESSED, true) - 1,
        true,
      );
      found = true;
    }
  }
  if (!found) throw new Error(`no ${entryName} in the ZIP's central directory`);
  return patched;
}
