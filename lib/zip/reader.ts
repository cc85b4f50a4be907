import { Inflate } from 'fflate';

/**
 * Reads a backup ZIP from a file the buyer picked, possibly 2 GB, without ever holding it whole:
 * the central directory is read from the end of the file, then each entry by slices. Sizes and
 * CRC-32 come from the central directory only, since fflate's streaming writer leaves them out of
 * the local headers (data-descriptor flag). No Zip64, as fflate writes none.
 */

/** Why a file could not be read: the UI turns each code into words. */
export type ZipReadErrorCode =
  /** No ZIP here: no end record, or a record with the wrong signature. */
  | 'not-zip'
  /** The file ends before what it announces: cut short while downloading or copying. */
  | 'truncated'
  /** A ZIP with what a CaseClock backup never uses: Zip64, encryption, split, other methods. */
  | 'unsupported'
  /** More data than declared, or than the caller allows. */
  | 'too-large'
  /** The data does not match its checksum or size, or the directory contradicts itself. */
  | 'corrupt'
  /** The caller's signal stopped the read. */
  | 'aborted';

export class ZipReadError extends Error {
  constructor(
    message: string,
    readonly code: ZipReadErrorCode,
  ) {
    super(message);
    this.name = 'ZipReadError';
  }
}

/** What is needed of the file: a `Blob` fits. */
export interface ZipSource {
  readonly size: number;
  slice(start: number, end: number): { arrayBuffer(): Promise<ArrayBuffer> };
}

/** One file in the archive, as its central directory record declares it. */
export interface ZipEntry {
  readonly name: string;
  /** 0: stored as is; 8: deflated. */
  readonly method: 0 | 8;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly crc32: number;
  readonly localHeaderOffset: number;
}

const END_SIGNATURE = 0x06054b50;
const END_SIZE = 22;
const MAX_COMMENT = 0xffff;
const CENTRAL_SIGNATURE = 0x02014b50;
const CENTRAL_SIZE = 46;
const LOCAL_SIGNATURE = 0x04034b50;
const LOCAL_SIZE = 30;
const FLAG_ENCRYPTED = 0x0001;
const FLAG_STRONG_ENCRYPTION = 0x0040;
const FLAG_UTF8 = 0x0800;
/** The values that send a reader to a Zip64 record instead. */
const ZIP64_U16 = 0xffff;
const ZIP64_U32 = 0xffffffff;
const MiB = 1024 * 1024;
/**
 * Deflate expands at most about 1032 times, so 16 KiB of input makes at most ~16 MiB of output
 * at once: a bomb is caught before it can fill memory, whatever slice size is read.
 */
const INFLATE_INPUT_STEP = 16 * 1024;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

/** The CRC-32 (ZIP's) of some bytes, continuing from `previous` (fflate does not export its own). */
export function crc32(bytes: Uint8Array, previous = 0): number {
  let crc = ~previous;
  for (let i = 0; i < bytes.length; i++) {
    crc = (CRC_TABLE[(crc ^ (bytes[i] ?? 0)) & 0xff] ?? 0) ^ (crc >>> 8);
  }
  return ~crc >>> 0;
}

function fail(code: ZipReadErrorCode, message: string): never {
  throw new ZipReadError(message, code);
}

/** Bytes [start, end) of the file; a file shorter than that is a truncated one. */
async function readBytes(file: ZipSource, start: number, end: number): Promise<Uint8Array> {
  if (end > file.size) fail('truncated', `the file ends at ${file.size}, before ${end}`);
  const bytes = new Uint8Array(await file.slice(start, end).arrayBuffer());
  if (bytes.length !== end - start) fail('truncated', `read ${bytes.length} of ${end - start}`);
  return bytes;
}

function littleEndian(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return {
    u16: (at: number) => view.getUint16(at, true),
    u32: (at: number) => view.getUint32(at, true),
  };
}

/** Where the end record starts in `tail`: the last signature whose comment reaches the end exactly. */
function findEndRecord(tail: Uint8Array): number {
  const { u16, u32 } = littleEndian(tail);
  for (let at = tail.length - END_SIZE; at >= 0; at--) {
    if (u32(at) === END_SIGNATURE && at + END_SIZE + u16(at + 20) === tail.length) return at;
  }
  return -1;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function entryName(bytes: Uint8Array, flags: number): string {
  // Without the UTF-8 flag a name is in a legacy code page; fflate sets the flag for any non-ASCII.
  if (!(flags & FLAG_UTF8) && bytes.some((byte) => byte >= 0x80)) {
    fail('unsupported', 'a name in a legacy code page');
  }
  try {
    return utf8.decode(bytes);
  } catch {
    return fail('corrupt', 'a name that is not UTF-8');
  }
}

export interface ZipDirectoryOptions {
  /** Refuse a name longer than this, in bytes. */
  maxNameBytes?: number;
  /** Refuse a central directory larger than this: it is read into memory whole. */
  maxDirectorySize?: number;
}

/** The entries of the archive, in the order of its central directory. */
export async function readZipDirectory(
  file: ZipSource,
  { maxNameBytes = 1024, maxDirectorySize = 64 * MiB }: ZipDirectoryOptions = {},
): Promise<ZipEntry[]> {
  const tailStart = Math.max(0, file.size - END_SIZE - MAX_COMMENT);
  const tail = await readBytes(file, tailStart, file.size);
  const endInTail = findEndRecord(tail);
  if (endInTail < 0) {
    // A file that starts as a ZIP but has no end record was cut short, not picked by mistake.
    const head = tailStart === 0 ? tail : await readBytes(file, 0, 4);
    if (head.length >= 4 && littleEndian(head).u32(0) === LOCAL_SIGNATURE) {
      fail('truncated', 'the file ends before its directory');
    }
    fail('not-zip', 'no end of central directory record');
  }
  const { u16, u32 } = littleEndian(tail.subarray(endInTail));
  const [disk, directoryDisk, entriesOnDisk, entryCount] = [u16(4), u16(6), u16(8), u16(10)];
  const [directorySize, directoryOffset] = [u32(12), u32(16)];
  if (entryCount === ZIP64_U16 || directorySize === ZIP64_U32 || directoryOffset === ZIP64_U32) {
    fail('unsupported', 'Zip64');
  }
  if (disk !== 0 || directoryDisk !== 0 || entriesOnDisk !== entryCount) {
    fail('unsupported', 'an archive split over several disks');
  }
  if (directoryOffset + directorySize > tailStart + endInTail) {
    fail('truncated', 'the directory reaches beyond its end record');
  }
  if (directorySize > maxDirectorySize) fail('too-large', `a directory of ${directorySize} bytes`);
  // Checked before reading: a hostile count must not make us loop or allocate for nothing.
  if (entryCount * CENTRAL_SIZE > directorySize) {
    fail('truncated', `${entryCount} entries cannot fit in ${directorySize} bytes`);
  }

  const directory = await readBytes(file, directoryOffset, directoryOffset + directorySize);
  const record = littleEndian(directory);
  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let at = 0;
  for (let index = 0; index < entryCount; index++) {
    if (at + CENTRAL_SIZE > directory.length) fail('truncated', `entry ${index} is missing`);
    if (record.u32(at) !== CENTRAL_SIGNATURE) fail('not-zip', `entry ${index}: wrong signature`);
    const flags = record.u16(at + 8);
    const method = record.u16(at + 10);
    const crc = record.u32(at + 16);
    const compressedSize = record.u32(at + 20);
    const uncompressedSize = record.u32(at + 24);
    const nameLength = record.u16(at + 28);
    const startDisk = record.u16(at + 34);
    const localHeaderOffset = record.u32(at + 42);
    const nameStart = at + CENTRAL_SIZE;
    const next = nameStart + nameLength + record.u16(at + 30) + record.u16(at + 32);
    if (next > directory.length) fail('truncated', `entry ${index} ends beyond the directory`);
    if (flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION)) fail('unsupported', 'encryption');
    if (method !== 0 && method !== 8) fail('unsupported', `compression method ${method}`);
    if (
      compressedSize === ZIP64_U32 ||
      uncompressedSize === ZIP64_U32 ||
      localHeaderOffset === ZIP64_U32
    ) {
      fail('unsupported', 'Zip64');
    }
    if (startDisk !== 0) fail('unsupported', 'an archive split over several disks');
    if (method === 0 && compressedSize !== uncompressedSize) {
      fail('corrupt', `entry ${index}: stored, yet two sizes`);
    }
    if (nameLength > maxNameBytes) fail('unsupported', `a name of ${nameLength} bytes`);
    const name = entryName(directory.subarray(nameStart, nameStart + nameLength), flags);
    // Two entries of one name: which one a restore would take is not for us to guess.
    if (names.has(name)) fail('corrupt', `two entries named ${name}`);
    names.add(name);
    entries.push({ name, method, compressedSize, uncompressedSize, crc32: crc, localHeaderOffset });
    at = next;
  }
  if (at !== directory.length) fail('corrupt', 'the directory holds more than its entries');
  return entries;
}

/** Where an entry's bytes (compressed, for a deflated one) lie in the file: [start, end). */
export async function entryDataRange(
  file: ZipSource,
  entry: ZipEntry,
): Promise<{ start: number; end: number }> {
  const header = littleEndian(
    await readBytes(file, entry.localHeaderOffset, entry.localHeaderOffset + LOCAL_SIZE),
  );
  if (header.u32(0) !== LOCAL_SIGNATURE) fail('not-zip', `${entry.name}: wrong local signature`);
  // The local name and extra field may differ in length from the central directory's.
  const start = entry.localHeaderOffset + LOCAL_SIZE + header.u16(26) + header.u16(28);
  const end = start + entry.compressedSize;
  if (end > file.size) fail('truncated', `${entry.name} ends beyond the file`);
  return { start, end };
}

export interface ZipEntryReadOptions {
  /** Refuse an entry declaring more bytes than this (before reading any of it). */
  maxEntrySize?: number;
  /** Bytes of the file read at once: what the read holds in memory, besides `onChunk`'s work. */
  sliceSize?: number;
  /** Checked between slices. */
  signal?: { readonly aborted: boolean };
}

/**
 * Streams one entry's bytes to `onChunk`, in order, waiting for each before reading on. The
 * output never exceeds the declared size; its size and CRC-32 are checked at the end, so a
 * consumer must hold what it got as unconfirmed until this resolves.
 */
export async function readZipEntry(
  file: ZipSource,
  entry: ZipEntry,
  onChunk: (bytes: Uint8Array) => void | Promise<void>,
  { maxEntrySize = Infinity, sliceSize = MiB, signal }: ZipEntryReadOptions = {},
): Promise<void> {
  if (entry.uncompressedSize > maxEntrySize) {
    fail('too-large', `${entry.name} declares ${entry.uncompressedSize} bytes`);
  }
  const { start: dataStart, end: dataEnd } = await entryDataRange(file, entry);

  let written = 0;
  let crc = 0;
  const emit = async (bytes: Uint8Array) => {
    if (bytes.length === 0) return;
    // Before handing anything on: a bomb stops at its declared size.
    if (written + bytes.length > entry.uncompressedSize) {
      fail('too-large', `${entry.name} expands beyond its ${entry.uncompressedSize} bytes`);
    }
    written += bytes.length;
    crc = crc32(bytes, crc);
    await onChunk(bytes);
  };
  const inflated: Uint8Array[] = [];
  const inflater = entry.method === 8 ? new Inflate((bytes) => inflated.push(bytes)) : undefined;
  const inflate = async (bytes: Uint8Array, final: boolean) => {
    try {
      inflater?.push(bytes, final);
    } catch (error) {
      fail(
        'corrupt',
        `${entry.name}: ${error instanceof Error ? error.message : 'inflate failed'}`,
      );
    }
    for (const piece of inflated.splice(0)) await emit(piece);
  };

  const step = Math.max(1, Math.floor(sliceSize));
  for (let at = dataStart; at < dataEnd; at += step) {
    if (signal?.aborted) fail('aborted', `reading ${entry.name} was stopped`);
    const slice = await readBytes(file, at, Math.min(at + step, dataEnd));
    if (!inflater) await emit(slice);
    for (let i = 0; inflater && i < slice.length; i += INFLATE_INPUT_STEP) {
      await inflate(slice.subarray(i, i + INFLATE_INPUT_STEP), false);
    }
  }
  // The final push makes fflate refuse a deflate stream that stops mid-block.
  if (inflater) await inflate(new Uint8Array(0), true);
  if (written !== entry.uncompressedSize) {
    fail('corrupt', `${entry.name}: ${written} bytes of ${entry.uncompressedSize}`);
  }
  if (crc !== entry.crc32) fail('corrupt', `${entry.name}: CRC-32 mismatch`);
}
