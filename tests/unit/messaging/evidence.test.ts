// @vitest-environment node
// Node's own Blob survives fake-indexeddb's structured clone; happy-dom's does not.
import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { EVIDENCE_SIZE_LIMIT, UPLOAD_CHUNK_SIZE } from '@/lib/db/evidence';
import { base64FromBytes } from '@/lib/messaging/base64';
import type { Message, Reply } from '@/lib/messaging/protocol';
import { uploadEvidenceFile, type PickedFile } from '@/lib/messaging/upload';
import {
  DHGATE_ORDER_ID,
  DHGATE_ORDER_URL,
  TINY_PNG,
  TestBackground,
  dhgatePageRead,
  tab,
} from '../background/harness';

let background: TestBackground;

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function startCase(): Promise<string> {
  await background.send(dhgatePageRead(), tab(DHGATE_ORDER_URL));
  return background.startCase();
}

async function storedBytes(evidenceId: string): Promise<Uint8Array> {
  const stored = await background.db.evidenceBlobs.get(evidenceId);
  if (!stored) throw new Error('no blob');
  return new Uint8Array(await stored.blob.arrayBuffer());
}

/** Sends a file the way the case workspace does: announced, then in chunks, then finished. */
async function upload(caseId: string, bytes: Uint8Array, overrides: Record<string, unknown> = {}) {
  const started = await background.send({
    type: 'evidence-upload-start',
    caseId,
    kind: 'photo',
    shows: ['item-photos'],
    name: 'parcel.jpg',
    mimeType: 'image/jpeg',
    size: bytes.byteLength,
    sha256: sha256(bytes),
    ...overrides,
  });
  if (!started.ok || !('uploadId' in started)) return started;
  for (let index = 0; index * UPLOAD_CHUNK_SIZE < bytes.byteLength; index += 1) {
    const chunk = bytes.subarray(index * UPLOAD_CHUNK_SIZE, (index + 1) * UPLOAD_CHUNK_SIZE);
    const sent = await background.send({
      type: 'evidence-upload-chunk',
      uploadId: started.uploadId,
      index,
      data: base64FromBytes(chunk),
    });
    if (!sent.ok) return sent;
  }
  return background.send({ type: 'evidence-upload-finish', uploadId: started.uploadId });
}

function randomBytes(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  for (let start = 0; start < size; start += 65_536) {
    crypto.getRandomValues(bytes.subarray(start, start + 65_536));
  }
  return bytes;
}

beforeEach(async () => {
  fakeBrowser.reset();
  background = await new TestBackground('2026-11-10T09:00:00.000Z').start();
});

describe('Capture this tab', () => {
  it('keeps a screenshot of the visible tab with its address, title, time and SHA-256', async () => {
    const caseId = await startCase();
    const shown = background.showTab(DHGATE_ORDER_URL, 'Order Details - DHgate');
    const reply = await background.send({ type: 'evidence-capture', caseId, ...shown });
    expect(reply).toMatchObject({ ok: true });
    const [record] = await background.db.evidence.toArray();
    const png = Buffer.from(TINY_PNG, 'base64');
    expect(record).toMatchObject({
      caseId,
      orderId: DHGATE_ORDER_ID,
      kind: 'screenshot',
      shows: ['order-details'],
      name: 'm.dhgate.com 2026-11-10 10.00.png', // 10:00 in Paris
      mimeType: 'image/png',
      size: png.byteLength,
      sha256: sha256(png),
      capturedAt: '2026-11-10T09:00:00.000Z',
      url: DHGATE_ORDER_URL,
      title: 'Order Details - DHgate',
    });
    expect(background.captures).toEqual([shown.windowId]);
    expect(sha256(await storedBytes(record?.id ?? ''))).toBe(record?.sha256);
  });

  it('tags a carrier’s page as the carrier page, for an invalid-tracking case', async () => {
    const caseId = await startCase();
    const shown = background.showTab('https://t.17track.net/en#nums=LZ492186534CN');
    await background.send({ type: 'evidence-capture', caseId, ...shown });
    expect((await background.db.evidence.toArray())[0]?.shows).toEqual(['carrier-page']);
  });

  it('tags one of the order’s QC photos as the QC photos, wherever the agent keeps them', async () => {
    const listUrl = 'https://www.superbuy.com/order?page=1';
    const photo = 'https://qc.example-photos.net/2026/11/DI26741200301_1.jpg';
    await background.send(
      {
        type: 'page-read',
        url: listUrl,
        marketplace: 'superbuy',
        pageKind: 'order-list',
        orders: [
          {
            orderNumber: 'DO26741200300',
            status: 'in-warehouse',
            items: [{ title: 'Canvas tote bag', status: 'in-warehouse', qcPhotos: [photo] }],
          },
        ],
      },
      tab(listUrl),
    );
    const caseId = await background.startCase('damaged', 'superbuy:DO26741200300');
    const shown = background.showTab(photo, 'DI26741200301_1.jpg');
    expect(await background.send({ type: 'evidence-capture', caseId, ...shown })).toMatchObject({
      ok: true,
    });
    expect((await background.db.evidence.toArray())[0]?.shows).toEqual(['qc-photos']);
  });

  it.each([
    'javascript:alert(document.cookie)',
    'file:///home/buyer/orders.html',
    'chrome-extension://abcdefghijklmnop/case.html?order=x',
    `https://www.dhgate.com/${'a'.repeat(2100)}`,
  ])('keeps the screenshot of %s, but no address a pack could link to', async (address) => {
    const caseId = await startCase();
    const shown = background.showTab(address, 'A page');
    expect(await background.send({ type: 'evidence-capture', caseId, ...shown })).toMatchObject({
      ok: true,
    });
    const [record] = await background.db.evidence.toArray();
    expect(record?.url).toBeUndefined();
    expect(record?.name).toBe('tab 2026-11-10 10.00.png');
  });

  it('refuses when the tab is no longer the one shown, or the case is unknown', async () => {
    const caseId = await startCase();
    const first = background.showTab(DHGATE_ORDER_URL);
    background.showTab('https://example.com/');
    expect(await background.send({ type: 'evidence-capture', caseId, ...first })).toMatchObject({
      ok: false,
    });
    const shown = background.showTab(DHGATE_ORDER_URL);
    expect(
      await background.send({ type: 'evidence-capture', caseId: 'no-such-case', ...shown }),
    ).toMatchObject({ ok: false, code: 'not-found' });
    expect(background.captures).toEqual([]);
    expect(await background.db.evidence.count()).toBe(0);
    expect(await background.db.evidenceBlobs.count()).toBe(0);
  });
});

describe('files sent in chunks', () => {
  it('stores a file of several chunks, byte for byte, once it is whole and verified', async () => {
    const caseId = await startCase();
    const bytes = randomBytes(UPLOAD_CHUNK_SIZE * 2 + 12_345);
    const reply = await upload(caseId, bytes);
    expect(reply).toMatchObject({ ok: true });
    const [record] = await background.db.evidence.toArray();
    expect(record).toMatchObject({
      kind: 'photo',
      shows: ['item-photos'],
      size: bytes.byteLength,
      sha256: sha256(bytes),
    });
    expect(sha256(await storedBytes(record?.id ?? ''))).toBe(sha256(bytes));
    expect(await background.db.uploads.count()).toBe(0);
    expect(await background.db.uploadChunks.count()).toBe(0);
  });

  it('survives the worker stopping between two chunks', async () => {
    const caseId = await startCase();
    const bytes = randomBytes(UPLOAD_CHUNK_SIZE + 10);
    const started = await background.send({
      type: 'evidence-upload-start',
      caseId,
      kind: 'video',
      shows: ['unboxing-video'],
      name: 'unboxing.mp4',
      mimeType: 'video/mp4',
      size: bytes.byteLength,
      sha256: sha256(bytes),
    });
    const uploadId = started.ok && 'uploadId' in started ? started.uploadId : '';
    await background.send({
      type: 'evidence-upload-chunk',
      uploadId,
      index: 0,
      data: base64FromBytes(bytes.subarray(0, UPLOAD_CHUNK_SIZE)),
    });
    background = await new TestBackground('2026-11-10T09:05:00.000Z', background.db).start();
    await background.send({
      type: 'evidence-upload-chunk',
      uploadId,
      index: 1,
      data: base64FromBytes(bytes.subarray(UPLOAD_CHUNK_SIZE)),
    });
    expect(await background.send({ type: 'evidence-upload-finish', uploadId })).toMatchObject({
      ok: true,
    });
    expect((await background.db.evidence.toArray())[0]?.sha256).toBe(sha256(bytes));
  });

  it('keeps nothing of a file that arrives changed, or longer than announced', async () => {
    const caseId = await startCase();
    const bytes = randomBytes(5000);
    expect(await upload(caseId, bytes, { sha256: sha256(randomBytes(10)) })).toMatchObject({
      ok: false,
      code: 'integrity',
    });
    expect(await upload(caseId, bytes, { size: 4000 })).toMatchObject({ ok: false });
    expect(await background.db.evidence.count()).toBe(0);
    expect(await background.db.evidenceBlobs.count()).toBe(0);
    // The refused chunk took its whole upload with it: nothing waits to go stale.
    expect(await background.db.uploads.count()).toBe(0);
    expect(await background.db.uploadChunks.count()).toBe(0);
  });

  it('refuses a file over the size limit before any byte is sent', async () => {
    const caseId = await startCase();
    const reply = await background.send({
      type: 'evidence-upload-start',
      caseId,
      kind: 'video',
      shows: [],
      name: 'film.mp4',
      mimeType: 'video/mp4',
      size: EVIDENCE_SIZE_LIMIT + 1,
      sha256: '0'.repeat(64),
    });
    expect(reply).toMatchObject({ ok: false, error: expect.stringContaining('size') as string });
    expect(await background.db.uploads.count()).toBe(0);
  });

  it('says so when storage is full, and leaves nothing half-saved', async () => {
    const caseId = await startCase();
    const bytes = randomBytes(2000);
    vi.spyOn(background.db.evidenceBlobs, 'add').mockRejectedValueOnce(
      new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
    );
    expect(await upload(caseId, bytes)).toMatchObject({ ok: false, code: 'quota' });
    expect(await background.db.evidence.count()).toBe(0);
    expect(await background.db.evidenceBlobs.count()).toBe(0);
  });
});

describe('notes, tags and removal', () => {
  it('keeps a note, retags evidence and removes it with its file', async () => {
    const caseId = await startCase();
    const noted = await background.send({
      type: 'evidence-note',
      caseId,
      text: 'Seller stopped answering on 12 Nov.\nAsked twice in chat.',
    });
    expect(noted).toMatchObject({ ok: true });
    expect((await background.db.evidence.toArray())[0]).toMatchObject({
      kind: 'note',
      name: 'Seller stopped answering on 12 Nov.',
      text: 'Seller stopped answering on 12 Nov.\nAsked twice in chat.',
    });
    await upload(caseId, randomBytes(100));
    const photo = (await background.db.evidence.toArray()).find((piece) => piece.kind === 'photo');
    const photoId = photo?.id ?? '';
    await background.send({
      type: 'evidence-tag',
      evidenceId: photoId,
      shows: ['package-photos', 'label-photo', 'label-photo'],
    });
    expect((await background.db.evidence.get(photoId))?.shows).toEqual([
      'package-photos',
      'label-photo',
    ]);
    expect(
      await background.send({ type: 'evidence-tag', evidenceId: photoId, shows: ['selfie'] }),
    ).toMatchObject({ ok: false });
    await background.send({ type: 'evidence-remove', evidenceId: photoId });
    expect(await background.db.evidence.get(photoId)).toBeUndefined();
    expect(await background.db.evidenceBlobs.get(photoId)).toBeUndefined();
  });
});

describe('Save selection as evidence', () => {
  it('builds the menu again only when the cases it names change', async () => {
    // Built when the worker started, with no case to name.
    expect(background.menus.items).toHaveLength(1);
    const rebuilt = vi.spyOn(background.menus, 'removeAll');
    await background.send(dhgatePageRead(), tab(DHGATE_ORDER_URL));
    await background.send(dhgatePageRead(), tab(DHGATE_ORDER_URL));
    expect(rebuilt).not.toHaveBeenCalled();
    await startCase();
    expect(rebuilt).toHaveBeenCalledTimes(1);
    expect(background.menus.items.map((item) => item.id)).toHaveLength(2);
  });

  it('offers one entry per open case and keeps the selected text with its page', async () => {
    await background.send(dhgatePageRead(), tab(DHGATE_ORDER_URL));
    expect(background.menus.items).toMatchObject([
      {
        id: 'save-selection',
        enabled: false,
        title: 'Save selection as evidence (start a case first)',
      },
    ]);
    const caseId = await startCase();
    expect(background.menus.items).toEqual([
      {
        id: 'save-selection',
        title: 'Save selection as evidence',
        contexts: ['selection'],
        enabled: true,
      },
      {
        id: `save-selection:${caseId}`,
        parentId: 'save-selection',
        title: 'DHgate 1043587216 · Not received',
        contexts: ['selection'],
      },
    ]);
    background.menus.click(
      {
        menuItemId: `save-selection:${caseId}`,
        selectionText: 'Seller: parcel left China on 30 Oct, please wait.',
      },
      {
        url: 'https://www.dhgate.com/message/detail.html?id=88',
        title: 'Messages - DHgate',
      },
    );
    await vi.waitFor(async () => {
      expect(await background.db.evidence.toArray()).toMatchObject([
        {
          caseId,
          kind: 'text',
          shows: ['seller-chat'],
          name: 'Messages - DHgate',
          text: 'Seller: parcel left China on 30 Oct, please wait.',
          url: 'https://www.dhgate.com/message/detail.html?id=88',
        },
      ]);
    });
  });
});

describe('Save selection as evidence, from a page that is not on the web', () => {
  it('keeps the text without the address', async () => {
    const caseId = await startCase();
    background.menus.click(
      { menuItemId: `save-selection:${caseId}`, selectionText: 'Tracking: no information.' },
      { url: 'data:text/html,<p>Tracking: no information.</p>', title: 't'.repeat(400) },
    );
    await vi.waitFor(async () => {
      const [record] = await background.db.evidence.toArray();
      expect(record).toMatchObject({ kind: 'text', text: 'Tracking: no information.' });
      expect(record?.url).toBeUndefined();
      expect(record?.title).toHaveLength(300);
    });
  });
});

describe('orders the buyer manages', () => {
  it('adds an order by hand, edits it, archives it and brings it back', async () => {
    const added = await background.send({
      type: 'order-add',
      marketplace: 'aliexpress',
      orderNumber: '8212313961591322',
      edits: {
        status: 'shipped',
        total: { minor: 3193, currency: 'BRL' },
        placedAt: '2026-10-01T12:00:00.000Z',
        protectionEndsAt: '2026-11-20T23:00:00.000Z',
        seller: { name: 'Shop1102847393 Store' },
      },
    });
    expect(added).toEqual({ ok: true, orderId: 'aliexpress:8212313961591322' });
    const stored = await background.db.orders.get('aliexpress:8212313961591322');
    expect(stored).toMatchObject({
      marketplace: 'aliexpress',
      orderNumber: '8212313961591322',
      items: [],
      edits: { status: 'shipped', seller: { name: 'Shop1102847393 Store' } },
    });
    expect(stored?.seenOnUrl).toBeUndefined();
    expect((await background.alarms()).length).toBeGreaterThan(0);

    await background.send({
      type: 'order-edit',
      orderId: 'aliexpress:8212313961591322',
      edits: { trackingNumber: 'LZ492186534CN' },
    });
    expect((await background.db.orders.get('aliexpress:8212313961591322'))?.edits).toMatchObject({
      status: 'shipped',
      trackingNumber: 'LZ492186534CN',
    });

    await background.send({
      type: 'order-archive',
      orderId: 'aliexpress:8212313961591322',
      archived: true,
    });
    expect(await background.alarms()).toEqual([]);
    await background.send({
      type: 'order-archive',
      orderId: 'aliexpress:8212313961591322',
      archived: false,
    });
    expect((await background.alarms()).length).toBeGreaterThan(0);
  });

  it('refuses an order number with spaces or an unknown order', async () => {
    expect(
      await background.send({
        type: 'order-add',
        marketplace: 'dhgate',
        orderNumber: '10435 87216',
        edits: {},
      }),
    ).toMatchObject({ ok: false });
    expect(
      await background.send({ type: 'order-archive', orderId: 'dhgate:404', archived: true }),
    ).toMatchObject({ ok: false, code: 'not-found' });
  });
});

describe('the in-page panel', () => {
  it('gets each order’s stage and next step with the page reading, in the buyer’s words', async () => {
    const reply = await background.send(dhgatePageRead(), tab(DHGATE_ORDER_URL));
    expect(reply).toMatchObject({
      ok: true,
      panels: {
        '1043587216': {
          orderId: DHGATE_ORDER_ID,
          stage: 'On its way',
          step: 'Wait for the parcel',
          dueNow: false,
        },
      },
    });
  });

  it('words the panel in French for a French buyer, with the next deadline to count down to', async () => {
    const french = new TestBackground('2026-11-02T12:00:00.000Z');
    french.locale = 'fr-FR';
    await french.start();
    const read = dhgatePageRead();
    Object.assign(read.orders[0] ?? {}, {
      trackingNumber: 'LZ492186534CN',
      carrier: 'ePacket',
      shippedAt: '2026-11-02T10:00:00.000Z',
    });
    const reply = await french.send(read, tab(DHGATE_ORDER_URL));
    expect(reply).toMatchObject({
      ok: true,
      panels: {
        '1043587216': {
          stage: 'En route',
          step: 'Attendez le colis',
          dueNow: false,
          // "Open Dispute" appears 10 days after a postal tracking number is uploaded.
          nextDeadline: { what: 'litige possible', dueAt: '2026-11-12T10:00:00.000Z' },
        },
      },
    });
  });

  it('opens the case workspace from the panel', async () => {
    await background.send(dhgatePageRead(), tab(DHGATE_ORDER_URL));
    const reply = await background.send(
      { type: 'case-open', marketplace: 'dhgate', orderNumber: '1043587216' },
      tab(DHGATE_ORDER_URL),
    );
    expect(reply).toEqual({ ok: true, orderId: DHGATE_ORDER_ID });
    expect(background.opened).toEqual([
      `${fakeBrowser.runtime.getURL('/case.html')}?order=dhgate%3A1043587216`,
    ]);
  });

  it('shows nothing once the buyer turned the panel off', async () => {
    await background.send({ type: 'settings-update', settings: { showPanel: false } });
    const reply = await background.send(dhgatePageRead(), tab(DHGATE_ORDER_URL));
    expect(reply).toMatchObject({ ok: true, panels: {} });
  });
});

describe('uploadEvidenceFile, as the workspace sends a picked file', () => {
  const send = <M extends Message>(message: M) => background.send(message) as Promise<Reply<M>>;

  function picked(bytes: Uint8Array, name = 'unboxing.mp4', type = 'video/mp4'): PickedFile {
    return {
      name,
      type,
      size: bytes.byteLength,
      arrayBuffer: () => Promise.resolve(bytes.slice().buffer),
    };
  }

  it('hashes, chunks and stores the file, reporting progress', async () => {
    const caseId = await startCase();
    const bytes = randomBytes(UPLOAD_CHUNK_SIZE + 500);
    const progress: number[] = [];
    const result = await uploadEvidenceFile(
      picked(bytes),
      { caseId, shows: ['unboxing-video'] },
      { send, onProgress: (sent) => progress.push(sent) },
    );
    expect(result).toMatchObject({ ok: true });
    expect(progress).toEqual([UPLOAD_CHUNK_SIZE, bytes.byteLength]);
    expect((await background.db.evidence.toArray())[0]).toMatchObject({
      kind: 'video',
      mimeType: 'video/mp4',
      sha256: sha256(bytes),
    });
  });

  it('refuses a file over the limit or over the space left without sending it', async () => {
    const caseId = await startCase();
    const spy = vi.fn(send);
    const huge = { ...picked(new Uint8Array(1)), size: EVIDENCE_SIZE_LIMIT + 1 };
    expect(await uploadEvidenceFile(huge, { caseId, shows: [] }, { send: spy })).toMatchObject({
      ok: false,
      code: 'too-large',
    });
    const full = await uploadEvidenceFile(
      picked(randomBytes(5000)),
      { caseId, shows: [] },
      { send: spy, freeSpace: () => Promise.resolve(4000) },
    );
    expect(full).toMatchObject({ ok: false, code: 'quota' });
    expect(spy).not.toHaveBeenCalled();
  });

  it('cancels the upload when a chunk is refused, leaving nothing behind', async () => {
    const caseId = await startCase();
    let chunks = 0;
    const failing = async <M extends Message>(message: M): Promise<Reply<M>> => {
      if (message.type === 'evidence-upload-chunk' && ++chunks === 2) {
        return { ok: false, error: 'not enough storage space left', code: 'quota' };
      }
      return send(message);
    };
    const result = await uploadEvidenceFile(
      picked(randomBytes(UPLOAD_CHUNK_SIZE * 2)),
      { caseId, shows: [] },
      { send: failing },
    );
    expect(result).toMatchObject({ ok: false, code: 'quota' });
    expect(await background.db.uploads.count()).toBe(0);
    expect(await background.db.uploadChunks.count()).toBe(0);
    expect(await background.db.evidence.count()).toBe(0);
  });
});
