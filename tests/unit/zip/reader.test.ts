import { Zip, ZipDeflate, ZipPassThrough, strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  crc32,
  readZipDirectory,
  readZipEntry,
  ZipReadError,
  type ZipEntry,
  type ZipEntryReadOptions,
  type ZipReadErrorCode,
  type ZipSource,
} from '@/lib/zip/reader';

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
const CENTRAL_UNCOMPRESSED = 24;
const CENTRAL_NAME = 46;
const LOCAL_SIZE = 30;

const MiB = 1024 * 1024;

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

/** Byte-exact equality; vitest's deep equality takes seconds over megabytes. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.length).equals(
    Buffer.from(b.buffer, b.byteOffset, b.length),
  );
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

/** A source that counts the bytes read and logs each read, for the tests of how it reads. */
function countingSource(bytes: Uint8Array, log: string[] = []) {
  const source = {
    size: bytes.length,
    bytesRead: 0,
    slice(start: number, end: number) {
      log.push('read');
      source.bytesRead += Math.min(end, bytes.length) - start;
      return { arrayBuffer: () => Promise.resolve(bytes.slice(start, end).buffer) };
    },
  };
  return source;
}

async function readAll(
  file: ZipSource,
  entry: ZipEntry,
  options?: ZipEntryReadOptions,
): Promise<Uint8Array[]> {
  const chunks: Uint8Array[] = [];
  await readZipEntry(file, entry, (bytes) => void chunks.push(bytes.slice()), options);
  return chunks;
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

describe('readZipEntry', () => {
  it('reads stored and deflated multi-MiB entries back byte-exact, slice by slice', async () => {
    const evidence = noise(3.5 * MiB, 7);
    const archive = noise(2.5 * MiB, 9);
    const orders = jsonText(3 * MiB);
    const bytes = await streamZip([
      { name: 'evidence/video.mp4', data: evidence, deflate: false },
      { name: 'evidence/archive.bin', data: archive, deflate: true },
      { name: 'orders.json', data: orders, deflate: true },
    ]);
    const file = blob(bytes);
    const [video, bin, json] = (await readZipDirectory(file)) as [ZipEntry, ZipEntry, ZipEntry];

    const videoChunks = await readAll(file, video);
    // Stored: one chunk per 1 MiB slice.
    expect(videoChunks).toHaveLength(4);
    expect(sameBytes(concat(videoChunks), evidence)).toBe(true);

    // Noise does not deflate: its compressed data spans three slices or more.
    expect(bin.compressedSize).toBeGreaterThan(2 * MiB);
    const binChunks = await readAll(file, bin);
    expect(binChunks.length).toBeGreaterThan(2);
    expect(sameBytes(concat(binChunks), archive)).toBe(true);

    expect(sameBytes(concat(await readAll(file, json)), orders)).toBe(true);
  });

  it('reads a 0-byte entry, stored or deflated, as nothing', async () => {
    const bytes = await streamZip([
      { name: 'stored', data: new Uint8Array(0), deflate: false },
      { name: 'deflated', data: new Uint8Array(0), deflate: true },
    ]);
    const file = blob(bytes);
    for (const entry of await readZipDirectory(file)) {
      expect(concat(await readAll(file, entry))).toEqual(new Uint8Array(0));
    }
  });

  it('waits for each chunk to be taken before reading the next slice', async () => {
    const data = noise(3 * 1024);
    const bytes = zipSync({ 'a.bin': [data, { level: 0 }] });
    const log: string[] = [];
    const file = countingSource(bytes, log);
    const entry = (await readZipDirectory(file))[0] as ZipEntry;
    log.length = 0;
    await readZipEntry(
      file,
      entry,
      async () => {
        log.push('chunk');
        await new Promise((resolve) => setTimeout(resolve, 1));
        log.push('taken');
      },
      { sliceSize: 1024 },
    );
    // The local header, then three slices of 1 KiB.
    expect(log).toEqual([
      'read',
      'read',
      'chunk',
      'taken',
      'read',
      'chunk',
      'taken',
      'read',
      'chunk',
      'taken',
    ]);
  });

  it('stops a bomb at its declared size, without reading it all', async () => {
    // 16 MiB of zeros deflate to about 16 KiB; the directory is patched to declare 4 MiB.
    const declared = 4 * MiB;
    const bytes = zipSync({ 'bomb.json': new Uint8Array(16 * MiB) });
    const central = directoryOffset(bytes);
    const bomb = patched(bytes, [{ at: central + CENTRAL_UNCOMPRESSED, value: declared, size: 4 }]);
    const file = countingSource(bomb);
    const entry = (await readZipDirectory(file))[0] as ZipEntry;
    const readBefore = file.bytesRead;
    let emitted = 0;
    const code = await codeOf(
      readZipEntry(file, entry, (chunk) => void (emitted += chunk.length), { sliceSize: 1024 }),
    );
    expect(code).toBe('too-large');
    expect(emitted).toBeGreaterThan(0);
    expect(emitted).toBeLessThanOrEqual(declared);
    expect(file.bytesRead - readBefore).toBeLessThan(entry.compressedSize / 2);
  });

  it('refuses an entry declaring more than the caller allows, before reading it', async () => {
    const bytes = zipSync({ 'a.bin': [noise(2000), { level: 0 }] });
    const entry = await onlyEntry(bytes);
    let emitted = 0;
    const reading = readZipEntry(
      blob(bytes),
      entry,
      () => {
        emitted++;
      },
      { maxEntrySize: 1999 },
    );
    expect(await codeOf(reading)).toBe('too-large');
    expect(emitted).toBe(0);
  });

  it('calls an entry whose data reaches beyond the end of the file truncated', async () => {
    const bytes = zipSync({ 'a.bin': [noise(2000), { level: 0 }] });
    const central = directoryOffset(bytes);
    const beyond = patched(bytes, [
      { at: central + CENTRAL_COMPRESSED, value: 10 * MiB, size: 4 },
      { at: central + CENTRAL_UNCOMPRESSED, value: 10 * MiB, size: 4 },
    ]);
    const entry = await onlyEntry(beyond);
    expect(await codeOf(readAll(blob(beyond), entry))).toBe('truncated');
  });

  it('refuses a flipped byte in stored data as corrupt (CRC-32)', async () => {
    const bytes = zipSync({ 'a.bin': [noise(5000), { level: 0 }] });
    const dataStart = LOCAL_SIZE + 'a.bin'.length;
    const flipped = patched(bytes, [
      { at: dataStart + 1234, value: (bytes[dataStart + 1234] ?? 0) ^ 0xff, size: 1 },
    ]);
    const entry = await onlyEntry(flipped);
    expect(await codeOf(readAll(blob(flipped), entry))).toBe('corrupt');
  });

  it('refuses flipped bytes in deflated data', async () => {
    const text = jsonText(100_000);
    const dataStart = LOCAL_SIZE + 'a.json'.length;

    // Deflate level 0 writes stored blocks (a 5-byte header, then the bytes as they are):
    // a flipped byte inflates to the same length with other content, so the CRC-32 catches it.
    const level0 = await streamZip([{ name: 'a.json', data: text, deflate: true, level: 0 }]);
    const level0Entry = await onlyEntry(level0);
    expect(level0Entry.method).toBe(8);
    const level0Flipped = patched(level0, [
      { at: dataStart + 5 + 500, value: (level0[dataStart + 5 + 500] ?? 0) ^ 0x01, size: 1 },
    ]);
    expect(await codeOf(readAll(blob(level0Flipped), level0Entry))).toBe('corrupt');

    // The block type is bits 1-2 of the first byte; 3 is reserved, so inflating fails.
    const deflated = zipSync({ 'a.json': text });
    const entry = await onlyEntry(deflated);
    const badBlock = patched(deflated, [
      { at: dataStart, value: (deflated[dataStart] ?? 0) | 0b110, size: 1 },
    ]);
    expect(await codeOf(readAll(blob(badBlock), entry))).toBe('corrupt');

    // A flip inside the Huffman codes decodes to something else: maybe an error, maybe shorter
    // or longer output. Whichever it is, nothing beyond the declared size comes out.
    const middle = dataStart + Math.floor(entry.compressedSize / 2);
    const midFlip = patched(deflated, [
      { at: middle, value: (deflated[middle] ?? 0) ^ 0xff, size: 1 },
    ]);
    let emitted = 0;
    const code = await codeOf(
      readZipEntry(blob(midFlip), entry, (chunk) => void (emitted += chunk.length)),
    );
    expect(['corrupt', 'too-large']).toContain(code);
    expect(emitted).toBeLessThanOrEqual(text.length);
  });

  it('refuses deflated data cut short (by its compressed size) as corrupt', async () => {
    const bytes = zipSync({ 'a.json': jsonText(100_000) });
    const central = directoryOffset(bytes);
    const entry = await onlyEntry(bytes);
    const half = patched(bytes, [
      { at: central + CENTRAL_COMPRESSED, value: Math.floor(entry.compressedSize / 2), size: 4 },
    ]);
    expect(await codeOf(readAll(blob(half), await onlyEntry(half)))).toBe('corrupt');
  });

  it('refuses an entry whose offset does not point at a local header', async () => {
    const bytes = zipSync({ 'a.json': strToU8('{}') });
    const entry = { ...(await onlyEntry(bytes)), localHeaderOffset: 1 };
    expect(await codeOf(readAll(blob(bytes), entry))).toBe('not-zip');
  });

  it('stops between slices when the signal is aborted', async () => {
    const bytes = zipSync({ 'a.bin': [noise(4096), { level: 0 }] });
    const entry = await onlyEntry(bytes);
    const signal = { aborted: false };
    let chunks = 0;
    const reading = readZipEntry(
      blob(bytes),
      entry,
      () => {
        chunks++;
        signal.aborted = true;
      },
      { sliceSize: 1024, signal },
    );
    expect(await codeOf(reading)).toBe('aborted');
    expect(chunks).toBe(1);
  });
});
