import { strFromU8, strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fileSink, ZipWriter, type WritableFile } from '@/lib/zip/writer';

/** A file of the origin-private file system as far as the sink uses one, kept in memory. */
function fakeFile() {
  const chunks: Uint8Array[] = [];
  const events: string[] = [];
  const file: WritableFile = {
    createWritable: () =>
      Promise.resolve({
        write: async (chunk: Uint8Array) => {
          // A disk answers later than asked.
          await new Promise((resolve) => setTimeout(resolve, 1));
          chunks.push(chunk.slice());
          events.push('write');
        },
        close: () => {
          events.push('close');
          return Promise.resolve();
        },
      }),
    getFile: () => {
      events.push('getFile');
      return Promise.resolve(new File(chunks as Uint8Array<ArrayBuffer>[], 'backup.zip'));
    },
  };
  return { file, chunks, events };
}

describe('a ZIP written to a file as it is made', () => {
  it('holds every file, each write done before the file is closed and read', async () => {
    const { file, chunks, events } = fakeFile();
    const writer = new ZipWriter(new Date(2026, 10, 30, 10, 0), await fileSink(file));
    writer.add('evidence/a', strToU8('first file'), true);
    await writer.flush();
    // Between files, what was added is on disk already.
    expect(chunks.length).toBeGreaterThan(0);
    writer.add('data/b.json', strToU8('{"b":2}'), false);
    const zip = await writer.finish();
    expect(events.slice(-2)).toEqual(['close', 'getFile']);
    expect(events.filter((event) => event === 'write').length).toBe(chunks.length);
    const files = unzipSync(new Uint8Array(await zip.arrayBuffer()));
    expect(
      Object.fromEntries(Object.entries(files).map(([path, bytes]) => [path, strFromU8(bytes)])),
    ).toEqual({
      'evidence/a': 'first file',
      'data/b.json': '{"b":2}',
    });
  });
});
