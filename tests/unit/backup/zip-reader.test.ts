import { Zip, ZipDeflate, ZipPassThrough, strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  crc32,
  readZipDirectory,
  ZipReadError,
  type ZipEntry,
  type ZipReadErrorCode,
} from '@/lib/backup/zip-reader';

/*
 * Offsets of the ZIP format (PKWARE APPNOTE 4.3) that the tests patch. All little-endian.
 *
 * End of central directory record (22 bytes, at the very end when there is no comment):
 *   +0 signature 0x06054b50, +4 this disk, +6 disk of the directory, +8 entries on this disk (u16),
 *   +10 entries in all (u16), +12 directory size (u32), +16 directory offset (u32),
 *   +20 comment length (u16).
 * Central directory record (46 bytes + name + extra + comment):
 *   +0 signature 0x02014b50, +8 flags (u16: bit 0 encrypted, bit 11 UTF-8), +10 method (u16),
 *   +16 CRC-32, +20 compressed size, +24 uncompressed size, +28 name length (u16),
 *   +42 local header offset (u32), +46 name.
 * Local file header (30 bytes + name + extra, then the data):
 *   +0 signature 0x04034b50, +26 name length (u16), +28 extra length (u16).
 * zipSync writes no extra fields and no comments, so the first entry's data starts at 30 + name.
 */
const END_SIZE = 22;
const END_ENTRIES_ON_DISK = 8;
const END_ENTRIES = 10;
const END_DIRECTORY_OFFSET = 16;
const END_COMMENT_LENGTH = 20;
const CENTRAL_SIZE = 46;
const CENTRAL_FLAGS = 8;
const CENTRAL_METHOD = 10;
const CENTRAL_COMPRESSED = 20;
const CENTRAL_NAME = 46;
const LOCAL_SIZE = 30;

/** Bytes that do not compress, the same on every run (a linear congruential generator). */
function noise(length: number, seed = 1): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

/** Text that deflates well, as the backup's JSON documents will. */
function jsonText(length: number): Uint8Array {
  let text = '';
  for (let i = 0; text.length < length; i++) text += `{"order":"${1000 + i}","state":"open"},`;
  return strToU8(text.slice(0, length));
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const whole = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    whole.set(part, at);
    at += part.length;
  }
  return whole;
}

interface ZipInput {
  name: string;
  data: Uint8Array;
  deflate: boolean;
  /** Deflate's level; 0 writes stored blocks inside the deflate stream. */
  level?: 0 | 6;
}

/** A ZIP written as the backup writer will: fflate's streaming Zip, data pushed in pieces. */
function streamZip(inputs: readonly ZipInput[]): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const parts: Uint8Array[] = [];
    const zip = new Zip((error, chunk, final) => {
      if (error) {
        reject(error);
        return;
      }
      parts.push(chunk);
      if (final) resolve(concat(parts));
    });
    for (const { name, data, deflate, level = 6 } of inputs) {
      const file = deflate ? new ZipDeflate(name, { level }) : new ZipPassThrough(name);
      zip.add(file);
      const piece = 256 * 1024;
      let at = 0;
      for (; at + piece < data.length; at += piece) file.push(data.subarray(at, at + piece));
      file.push(data.subarray(at), true);
    }
    zip.end();
  });
}

function u32(bytes: Uint8Array, at: number): number {
  return new DataView(bytes.buffer, bytes.byteOffset).getUint32(at, true);
}

/** A copy of `bytes` with little-endian values written at the given offsets. */
function patched(
  bytes: Uint8Array,
  patches: readonly { at: number; value: number; size: 1 | 2 | 4 }[],
): Uint8Array {
  const copy = bytes.slice();
  const view = new DataView(copy.buffer);
  for (const { at, value, size } of patches) {
    if (size === 1) view.setUint8(at, value);
    else if (size === 2) view.setUint16(at, value, true);
    else view.setUint32(at, value, true);
  }
  return copy;
}

/** Where the (comment-less) archive's central directory starts, as its end record says. */
function directoryOffset(bytes: Uint8Array): number {
  return u32(bytes, bytes.length - END_SIZE + END_DIRECTORY_OFFSET);
}

function blob(bytes: Uint8Array): Blob {
  return new Blob([bytes as Uint8Array<ArrayBuffer>]);
}

async function onlyEntry(bytes: Uint8Array): Promise<ZipEntry> {
  const entries = await readZipDirectory(blob(bytes));
  expect(entries).toHaveLength(1);
  return entries[0] as ZipEntry;
}

async function codeOf(promise: Promise<unknown>): Promise<ZipReadErrorCode> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ZipReadError);
  return (error as ZipReadError).code;
}

describe('crc32', () => {
  it('gives the CRC-32 check value of "123456789", in one piece or several', () => {
    expect(crc32(strToU8('123456789'))).toBe(0xcbf43926);
    expect(crc32(strToU8('6789'), crc32(strToU8('12345')))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });
});

describe('readZipDirectory', () => {
  it('lists what the streaming writer wrote, with the sizes it was given', async () => {
    const evidence = noise(5000);
    const orders = jsonText(20_000);
    const bytes = await streamZip([
      { name: 'evidence/photo.jpg', data: evidence, deflate: false },
      { name: 'orders.json', data: orders, deflate: true },
      { name: 'empty.json', data: new Uint8Array(0), deflate: true },
    ]);
    const entries = await readZipDirectory(blob(bytes));
    expect(
      entries.map(({ name, method, uncompressedSize }) => [name, method, uncompressedSize]),
    ).toEqual([
      ['evidence/photo.jpg', 0, 5000],
      ['orders.json', 8, 20_000],
      ['empty.json', 8, 0],
    ]);
    const [photo, json] = entries as [ZipEntry, ZipEntry, ZipEntry];
    expect(photo.compressedSize).toBe(5000);
    expect(photo.localHeaderOffset).toBe(0);
    expect(json.compressedSize).toBeLessThan(20_000);
  });

  it('lists an empty archive as no entries', async () => {
    expect(await readZipDirectory(blob(zipSync({})))).toEqual([]);
  });

  it('reads a UTF-8 name (fflate sets the UTF-8 flag for it)', async () => {
    const name = 'pièces/réclamation 订单.png';
    const bytes = zipSync({ [name]: [noise(10), { level: 0 }] });
    expect(u32(bytes, directoryOffset(bytes) + CENTRAL_FLAGS) & 0x800).toBe(0x800);
    expect((await onlyEntry(bytes)).name).toBe(name);
  });

  it('finds the end record behind an archive comment', async () => {
    const bytes = zipSync({ 'a.json': strToU8('{}') });
    const comment = strToU8('PK\x05\x06 a comment that looks like a signature');
    const withComment = patched(concat([bytes, comment]), [
      { at: bytes.length - END_SIZE + END_COMMENT_LENGTH, value: comment.length, size: 2 },
    ]);
    expect((await onlyEntry(withComment)).name).toBe('a.json');
  });

  it.each([
    ['random bytes', noise(100_000)],
    ['a few random bytes', noise(40)],
    ['a text file', strToU8('Order 1234, opened a dispute on 3 May.\n'.repeat(100))],
    ['an empty file', new Uint8Array(0)],
  ])('refuses %s as not a ZIP', async (_, bytes) => {
    expect(await codeOf(readZipDirectory(blob(bytes)))).toBe('not-zip');
  });

  it('calls a ZIP cut in the middle of an entry truncated', async () => {
    const bytes = zipSync({ 'photo.jpg': [noise(4000), { level: 0 }] });
    const cut = bytes.subarray(0, LOCAL_SIZE + 'photo.jpg'.length + 2000);
    expect(await codeOf(readZipDirectory(blob(cut)))).toBe('truncated');
  });

  it('calls a ZIP cut in its central directory truncated', async () => {
    const bytes = zipSync({ 'a.json': strToU8('{}'), 'b.json': strToU8('[]') });
    const cut = bytes.subarray(0, directoryOffset(bytes) + CENTRAL_SIZE + 3);
    expect(await codeOf(readZipDirectory(blob(cut)))).toBe('truncated');
  });

  it('calls an end record counting more entries than the directory holds truncated', async () => {
    // Short names: two records cannot fit in the directory's size at all.
    const one = zipSync({ 'a.json': strToU8('{}') });
    const end = one.length - END_SIZE;
    const moreThanOne = patched(one, [
      { at: end + END_ENTRIES_ON_DISK, value: 2, size: 2 },
      { at: end + END_ENTRIES, value: 2, size: 2 },
    ]);
    expect(await codeOf(readZipDirectory(blob(moreThanOne)))).toBe('truncated');

    // Long names: four records of 46 bytes fit in the size of three, but the fourth is not there.
    const name = (letter: string) => `${letter.repeat(40)}.json`;
    const empty = new Uint8Array(0);
    const three = zipSync({ [name('a')]: empty, [name('b')]: empty, [name('c')]: empty });
    const threeEnd = three.length - END_SIZE;
    const fourSaid = patched(three, [
      { at: threeEnd + END_ENTRIES_ON_DISK, value: 4, size: 2 },
      { at: threeEnd + END_ENTRIES, value: 4, size: 2 },
    ]);
    expect(await codeOf(readZipDirectory(blob(fourSaid)))).toBe('truncated');
  });

  it('refuses an encrypted entry, a method other than stored or deflate, and Zip64', async () => {
    const bytes = zipSync({ 'a.json': strToU8('{"a":1}') });
    const central = directoryOffset(bytes);
    const encrypted = patched(bytes, [{ at: central + CENTRAL_FLAGS, value: 0x0001, size: 2 }]);
    const lzma = patched(bytes, [{ at: central + CENTRAL_METHOD, value: 12, size: 2 }]);
    const zip64 = patched(bytes, [
      { at: central + CENTRAL_COMPRESSED, value: 0xffffffff, size: 4 },
    ]);
    for (const file of [encrypted, lzma, zip64]) {
      expect(await codeOf(readZipDirectory(blob(file)))).toBe('unsupported');
    }
  });

  it('refuses a non-ASCII name without the UTF-8 flag, and a name over the limit', async () => {
    const bytes = zipSync({ 'é.json': strToU8('{}') });
    const legacy = patched(bytes, [
      { at: directoryOffset(bytes) + CENTRAL_FLAGS, value: 0, size: 2 },
    ]);
    expect(await codeOf(readZipDirectory(blob(legacy)))).toBe('unsupported');
    const long = zipSync({ [`${'x'.repeat(300)}.json`]: strToU8('{}') });
    expect(await codeOf(readZipDirectory(blob(long), { maxNameBytes: 255 }))).toBe('unsupported');
  });

  it('refuses two entries of one name as corrupt', async () => {
    const bytes = zipSync({ 'a.json': strToU8('{}'), 'b.json': strToU8('[]') });
    // The second record follows the first, 46 + "a.json".length bytes on.
    const secondName = directoryOffset(bytes) + CENTRAL_SIZE + 'a.json'.length + CENTRAL_NAME;
    const twice = patched(bytes, [{ at: secondName, value: 'a'.charCodeAt(0), size: 1 }]);
    expect(await codeOf(readZipDirectory(blob(twice)))).toBe('corrupt');
  });
});
