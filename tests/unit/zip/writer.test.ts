import { strFromU8, strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fileSink, ZipWriter } from '@/lib/zip/writer';
import { MemoryFiles } from '../../own-files';

describe('a ZIP written to a file as it is made', () => {
  it('holds every file, each write done before the file is closed and read', async () => {
    const disk = new MemoryFiles();
    const file = await disk.getFileHandle('backup.zip', { create: true });
    const writer = new ZipWriter(new Date(2026, 10, 30, 10, 0), await fileSink(file));
    writer.add('evidence/a', strToU8('first file'), true);
    await writer.flush();
    // Between files, what was added is written already.
    expect(disk.events).toContain('write');
    writer.add('data/b.json', strToU8('{"b":2}'), false);
    const zip = await writer.finish();
    expect(disk.events.slice(-2)).toEqual(['close', 'getFile']);
    const files = unzipSync(new Uint8Array(await zip.arrayBuffer()));
    expect(
      Object.fromEntries(Object.entries(files).map(([path, bytes]) => [path, strFromU8(bytes)])),
    ).toEqual({
      'evidence/a': 'first file',
      'data/b.json': '{"b":2}',
    });
  });
});
