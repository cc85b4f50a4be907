import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CaseClockDatabase } from '@/lib/db/database';
import { UPLOAD_CHUNK_SIZE } from '@/lib/db/evidence';
import { sha256Hex } from '@/lib/evidence/hash';
import { base64FromBytes } from '@/lib/messaging/base64';
import type { Message, Reply } from '@/lib/messaging/protocol';
import { uploadEvidenceFile } from '@/lib/messaging/upload';
import { DHGATE_ORDER_ID, DHGATE_ORDER_URL, TestBackground, dhgatePageRead, tab } from './harness';

const QUOTA = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

/** An IndexedDB that refuses to open while `broken`, as a profile with a damaged database. */
function flakyIndexedDb() {
  const real = new IDBFactory();
  const state = { broken: true };
  const factory = new Proxy(real, {
    get(target, property) {
      if (property === 'open') {
        return (...args: Parameters<IDBFactory['open']>) => {
          if (state.broken)
            throw new DOMException('Internal error opening backing store', 'UnknownError');
          return target.open(...args);
        };
      }
      const value: unknown = Reflect.get(target, property);
      return typeof value === 'function'
        ? (value as (...a: unknown[]) => unknown).bind(target)
        : value;
    },
  });
  return { factory, state };
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('a database that cannot be opened', () => {
  it('is tried again on the next request, and said so meanwhile', async () => {
    const { factory, state } = flakyIndexedDb();
    const db = new CaseClockDatabase('flaky', { indexedDB: factory, IDBKeyRange });
    // Starting with a broken database throws nothing: the problem is kept for the popup.
    const background = await new TestBackground('2026-11-10T09:00:00.000Z', db).start();
    expect(background.background.status()).toEqual({
      kind: 'storage',
      detail: expect.stringContaining('backing store') as string,
    });
    expect(await background.send({ type: 'background-status' })).toMatchObject({
      ok: false,
      code: 'storage',
    });
    expect(await background.send(dhgatePageRead(), tab(DHGATE_ORDER_URL))).toMatchObject({
      ok: false,
      code: 'storage',
    });

    state.broken = false;
    expect(await background.send(dhgatePageRead(), tab(DHGATE_ORDER_URL))).toMatchObject({
      ok: true,
    });
    expect(await background.send({ type: 'background-status' })).toEqual({ ok: true });
    expect(await db.orders.get(DHGATE_ORDER_ID)).toBeDefined();
  });
});

describe('writes the buyer asked for outside CaseClock’s pages', () => {
  let background: TestBackground;

  beforeEach(async () => {
    background = await new TestBackground('2026-11-10T09:00:00.000Z').start();
    await background.send(dhgatePageRead(), tab(DHGATE_ORDER_URL));
  });

  it('say in a notification when "Save selection as evidence" could not save', async () => {
    const caseId = await background.startCase();
    vi.spyOn(background.db.evidence, 'add').mockRejectedValueOnce(QUOTA());
    background.menus.click(
      { menuItemId: `save-selection:${caseId}`, selectionText: 'Parcel left China on 30 Oct.' },
      { url: 'https://www.dhgate.com/message/detail.html?id=88', title: 'Messages - DHgate' },
    );
    await vi.waitFor(async () => {
      expect(await background.notifications()).toMatchObject([
        {
          title: 'CaseClock could not save the selected text',
          message: 'There is not enough storage space left: nothing was saved.',
        },
      ]);
    });
    expect(await background.db.evidence.count()).toBe(0);
  });

  it('say once in a while when a page’s orders cannot be stored for lack of space', async () => {
    vi.spyOn(background.db.orders, 'bulkPut').mockRejectedValue(QUOTA());
    const changed = dhgatePageRead({
      orders: [{ orderNumber: '1043587216', status: 'completed', items: [] }],
    });
    for (let read = 0; read < 3; read += 1) {
      expect(await background.send(changed, tab(DHGATE_ORDER_URL))).toMatchObject({
        ok: false,
        code: 'quota',
      });
    }
    expect(await background.notifications()).toMatchObject([
      { title: 'CaseClock could not store the orders on this page' },
    ]);
  });
});

describe('an upload that fails', () => {
  let background: TestBackground;
  let caseId: string;

  beforeEach(async () => {
    background = await new TestBackground('2026-11-10T09:00:00.000Z').start();
    await background.send(dhgatePageRead(), tab(DHGATE_ORDER_URL));
    caseId = await background.startCase('damaged');
  });

  async function startUpload(bytes: Uint8Array): Promise<string> {
    const started = await background.send({
      type: 'evidence-upload-start',
      caseId,
      kind: 'video',
      shows: [],
      name: 'unboxing.mp4',
      mimeType: 'video/mp4',
      size: bytes.byteLength,
      sha256: await sha256Hex(bytes),
    });
    return started.ok && 'uploadId' in started ? started.uploadId : '';
  }

  const chunk = (uploadId: string, bytes: Uint8Array, index: number) =>
    background.send({
      type: 'evidence-upload-chunk',
      uploadId,
      index,
      data: base64FromBytes(
        bytes.subarray(index * UPLOAD_CHUNK_SIZE, (index + 1) * UPLOAD_CHUNK_SIZE),
      ),
    });

  it('leaves nothing behind when a chunk finds the storage full', async () => {
    const bytes = new Uint8Array(UPLOAD_CHUNK_SIZE * 2).fill(7);
    const uploadId = await startUpload(bytes);
    expect(await chunk(uploadId, bytes, 0)).toMatchObject({ ok: true });
    vi.spyOn(background.db.uploadChunks, 'put').mockRejectedValueOnce(QUOTA());
    expect(await chunk(uploadId, bytes, 1)).toMatchObject({ ok: false, code: 'quota' });
    expect(await background.db.uploads.count()).toBe(0);
    expect(await background.db.uploadChunks.count()).toBe(0);
  });

  it('leaves nothing behind when the background goes away in the middle', async () => {
    const bytes = new Uint8Array(UPLOAD_CHUNK_SIZE * 3).fill(1);
    let chunks = 0;
    const send = async <M extends Message>(message: M): Promise<Reply<M>> => {
      if (message.type === 'evidence-upload-chunk' && ++chunks === 2) {
        throw new Error('Could not establish connection. Receiving end does not exist.');
      }
      return background.send(message);
    };
    const file = {
      name: 'unboxing.mp4',
      type: 'video/mp4',
      size: bytes.byteLength,
      arrayBuffer: () => Promise.resolve(bytes.buffer),
    };
    expect(await uploadEvidenceFile(file, { caseId, shows: [] }, { send })).toMatchObject({
      ok: false,
      error: expect.stringContaining('Receiving end') as string,
    });
    expect(await background.db.uploads.count()).toBe(0);
    expect(await background.db.uploadChunks.count()).toBe(0);
  });

  it('is dropped after ten silent minutes when its page was closed mid-way', async () => {
    const bytes = new Uint8Array(UPLOAD_CHUNK_SIZE * 2).fill(3);
    const abandoned = await startUpload(bytes);
    await chunk(abandoned, bytes, 0);
    background.now = new Date('2026-11-10T09:09:00.000Z');
    const recent = await startUpload(bytes);
    await chunk(recent, bytes, 0);
    // The worker wakes up 11 minutes after the first upload fell silent.
    await new TestBackground('2026-11-10T09:11:00.000Z', background.db).start();
    expect((await background.db.uploads.toArray()).map((upload) => upload.id)).toEqual([recent]);
    expect(await background.db.uploadChunks.where('uploadId').equals(abandoned).count()).toBe(0);
  });
});
