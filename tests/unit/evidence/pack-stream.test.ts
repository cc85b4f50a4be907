import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildEvidencePack, type PackProgress } from '@/lib/evidence/pack';
import { allchinabuyDamaged, packBytes, packInput, sha256, withEvidence } from './scenarios';

/** Bytes that are all different from their neighbours, of any length. */
function bytesOf(length: number, seed: number): Uint8Array {
  return Uint8Array.from({ length }, (_, index) => (index * 31 + seed) % 251);
}

/** Larger than one slice of what the pack writes (1 MiB), so a file goes in in several. */
const LARGE = 2.5 * 1024 * 1024;

describe('the pack, written one file at a time', () => {
  it('reads each piece’s file once, in capture order, never two at once', async () => {
    const scenario = allchinabuyDamaged();
    const { evidenceFiles, ...input } = packInput(scenario);
    const read: string[] = [];
    let reading = 0;
    let mostAtOnce = 0;
    await buildEvidencePack(input, {
      readFile: async (evidenceId) => {
        read.push(evidenceId);
        reading += 1;
        mostAtOnce = Math.max(mostAtOnce, reading);
        // Let anything that would start another read meanwhile do so.
        await Promise.resolve();
        await Promise.resolve();
        reading -= 1;
        return evidenceFiles.get(evidenceId);
      },
    });
    expect(mostAtOnce).toBe(1);
    const inCaptureOrder = [...scenario.evidence]
      .sort((a, b) => a.capturedAt.localeCompare(b.capturedAt))
      .map((record) => record.id);
    expect(read).toEqual(inCaptureOrder);
  });

  it('puts the evidence first, then the documents, manifest.json last', async () => {
    const files = unzipSync(await packBytes(packInput(allchinabuyDamaged())));
    const paths = Object.keys(files);
    const firstDocument = paths.findIndex((path) => !path.startsWith('evidence/'));
    expect(paths.slice(firstDocument).every((path) => !path.startsWith('evidence/'))).toBe(true);
    expect(paths.at(-1)).toBe('manifest.json');
    expect(paths).toContain('index.html');
  });

  it('gives the same bytes whether the files come as Blobs or as bytes', async () => {
    const scenario = allchinabuyDamaged();
    const { evidenceFiles, ...input } = packInput(scenario);
    const fromBlobs = await buildEvidencePack(input, {
      readFile: (evidenceId) => {
        const bytes = evidenceFiles.get(evidenceId);
        return Promise.resolve(bytes && new Blob([bytes as Uint8Array<ArrayBuffer>]));
      },
    });
    expect(new Uint8Array(await fromBlobs.arrayBuffer())).toEqual(
      await packBytes(packInput(scenario)),
    );
  });

  it.each([
    ['stored', 'film.mp4', 'video/mp4'],
    ['deflated', 'sound.wav', 'audio/wav'],
  ])(
    'keeps the bytes of a large file %s, written in several slices',
    async (_how, name, mimeType) => {
      const bytes = bytesOf(LARGE, 3);
      const scenario = withEvidence([{ name, mimeType, size: LARGE }], bytes);
      const files = unzipSync(await packBytes(packInput(scenario)));
      // Compared by fingerprint: comparing megabytes element by element is slow.
      expect(sha256(files[`evidence/01-${name}`] ?? new Uint8Array())).toBe(sha256(bytes));
    },
  );

  it('fails when a file cannot be read, rather than leave it out', async () => {
    const { evidenceFiles: _files, ...input } = packInput(allchinabuyDamaged());
    await expect(
      buildEvidencePack(input, { readFile: () => Promise.reject(new Error('disk gone')) }),
    ).rejects.toThrow('disk gone');
  });
});

describe('the progress of a pack', () => {
  /** Two large files and a note, their sizes recorded as capture records them. */
  function threePieces() {
    const scenario = withEvidence([
      { name: 'film.mp4', mimeType: 'video/mp4', size: LARGE },
      { name: 'scan.bmp', mimeType: 'image/bmp', size: 1000 },
      { name: 'note', kind: 'note', text: 'a note' },
    ]);
    scenario.files.set('ev-0', bytesOf(LARGE, 1));
    scenario.files.set('ev-1', bytesOf(1000, 2));
    return scenario;
  }

  it('counts the bytes of evidence from none to all, never going back', async () => {
    const seen: PackProgress[] = [];
    await packBytes(packInput(threePieces()), (progress) => seen.push(progress));
    const total = LARGE + 1000;
    expect(seen[0]).toEqual({ done: 0, total });
    expect(seen.at(-1)).toEqual({ done: total, total });
    for (const [index, progress] of seen.entries()) {
      expect(progress.total).toBe(total);
      expect(progress.done).toBeGreaterThanOrEqual(seen[index - 1]?.done ?? 0);
    }
    // The large file moves the count on before it is all in.
    expect(seen.some(({ done }) => done > 0 && done < LARGE)).toBe(true);
  });

  it('reaches the total when a recorded file is missing', async () => {
    const scenario = threePieces();
    scenario.files.delete('ev-0');
    const seen: PackProgress[] = [];
    const files = unzipSync(
      await packBytes(packInput(scenario), (progress) => seen.push(progress)),
    );
    expect(seen.at(-1)).toEqual({ done: LARGE + 1000, total: LARGE + 1000 });
    expect(strFromU8(files['evidence/02-note.txt'] ?? new Uint8Array())).toBe('a note');
  });
});
