import { strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { NEW_YORK, PARIS } from '../zones';
import type { EvidenceRecord, StoredOrder } from '@/lib/db/schema';
import { packFileName, type PackFileEntry } from '@/lib/evidence/pack';
import {
  dhgateNotReceived,
  fewFacts,
  openPack,
  packBytes,
  packInput,
  withEvidence,
} from './scenarios';

const TEXT = 'text/plain; charset=utf-8';

interface LocalHeader {
  method: number;
  dosTime: number;
  dosDate: number;
}

/**
 * The local file headers of a ZIP (APPNOTE 4.3.7), by name: each entry's method and time. They
 * are found through the central directory (4.3.12), which gives where each starts: an entry
 * written as a stream has its sizes after its data, not in its local header.
 */
function localHeaders(zip: Uint8Array): Record<string, LocalHeader> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  // The end of central directory record (4.3.16): 22 bytes, as the pack has no comment.
  const end = zip.length - 22;
  expect(view.getUint32(end, true)).toBe(0x06054b50);
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const headers: Record<string, LocalHeader> = {};
  for (let index = 0; index < count; index++) {
    expect(view.getUint32(at, true)).toBe(0x02014b50);
    const nameLength = view.getUint16(at + 28, true);
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    expect(view.getUint32(local, true)).toBe(0x04034b50);
    const name = strFromU8(zip.subarray(at + 46, at + 46 + nameLength));
    headers[name] = {
      method: view.getUint16(local + 8, true),
      dosTime: view.getUint16(local + 10, true),
      dosDate: view.getUint16(local + 12, true),
    };
    at += 46 + skip;
  }
  return headers;
}

/** MS-DOS date and time fields, as the ZIP format stores them (2-second resolution). */
function dos(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
) {
  return {
    dosDate: ((year - 1980) << 9) | (month << 5) | day,
    dosTime: (hour << 11) | (minute << 5) | (second >> 1),
  };
}

async function firstEntry(record: Partial<EvidenceRecord>, bytes?: Uint8Array) {
  const opened = await openPack(packInput(withEvidence([record], bytes)));
  const entry = opened.manifest.files[0] as PackFileEntry;
  return { ...opened, entry };
}

/** Every type the pack knows, the extension it is saved with, and the other ones it takes. */
const TYPES: [mimeType: string, extension: string, also: string[]][] = [
  ['image/png', 'png', []],
  ['image/jpeg', 'jpg', ['jpeg']],
  ['image/webp', 'webp', []],
  ['image/gif', 'gif', []],
  ['image/avif', 'avif', []],
  ['image/heic', 'heic', []],
  ['image/bmp', 'bmp', []],
  ['video/mp4', 'mp4', ['m4v']],
  ['video/webm', 'webm', []],
  ['video/quicktime', 'mov', []],
  ['audio/mpeg', 'mp3', []],
  ['audio/mp4', 'm4a', []],
  ['audio/aac', 'aac', []],
  ['audio/ogg', 'ogg', ['oga']],
  ['audio/opus', 'opus', []],
  ['audio/flac', 'flac', []],
  ['audio/wav', 'wav', []],
  ['application/pdf', 'pdf', []],
  ['application/zip', 'zip', []],
  ['application/x-7z-compressed', '7z', []],
  ['application/vnd.rar', 'rar', []],
  ['application/gzip', 'gz', []],
  ['text/plain', 'txt', []],
  ['text/html', 'html', ['htm']],
  ['application/json', 'json', []],
  ['message/rfc822', 'eml', []],
];
const EVERY_EXTENSION = TYPES.flatMap(([mimeType, extension, also]) =>
  [extension, ...also].map((each) => [each, mimeType] as const),
);

// Images, video, audio, PDF and archives are compressed already: deflating them again gains
// nothing. A BMP picture and a WAV sound are raw.
const ALREADY_COMPRESSED = new Set([
  ...['png', 'jpg', 'jpeg', 'webp', 'gif', 'avif', 'heic'],
  ...['mp4', 'm4v', 'webm', 'mov'],
  ...['mp3', 'm4a', 'aac', 'ogg', 'oga', 'opus', 'flac'],
  'pdf',
  ...['zip', '7z', 'rar', 'gz'],
]);
// What a browser shows in an <img>, so index.html can show it as a thumbnail.
const SHOWN_AS_PICTURE = new Set(['png', 'jpg', 'jpeg', 'webp', 'gif', 'avif', 'bmp']);

/** Bytes that deflate well, so a deflated entry is told from a stored one. */
const REPETITIVE = new Uint8Array(256).fill(7);

describe('each type of file', () => {
  it.each(TYPES)(
    'a %s file with no extension in its name is saved as .%s',
    async (mimeType, ext) => {
      const { entry } = await firstEntry({ name: 'capture', mimeType }, REPETITIVE);
      expect(entry).toMatchObject({
        path: `evidence/01-capture.${ext}`,
        name: 'capture',
        mimeType,
      });
    },
  );

  it.each(EVERY_EXTENSION)(
    'a file named x.%s keeps its extension and is listed as %s when its type is not recorded',
    async (ext, mimeType) => {
      const { entry } = await firstEntry({ name: `x.${ext}` }, REPETITIVE);
      expect(entry).toMatchObject({ path: `evidence/01-x.${ext}`, mimeType });
    },
  );

  it.each(EVERY_EXTENSION)(
    'a .%s file (%s) is stored as it is when already compressed, deflated otherwise',
    async (ext, mimeType) => {
      const { zip, entry, files } = await firstEntry({ name: `x.${ext}`, mimeType }, REPETITIVE);
      expect(files[entry.path]).toEqual(REPETITIVE);
      // APPNOTE 4.4.5: method 0 is stored, 8 is deflated.
      expect(localHeaders(zip)[entry.path]?.method).toBe(ALREADY_COMPRESSED.has(ext) ? 0 : 8);
    },
  );

  it.each(EVERY_EXTENSION)(
    'a .%s file (%s) is shown as a picture in index.html only when a browser can show it',
    async (ext, mimeType) => {
      const { text, entry } = await firstEntry({ name: `x.${ext}`, mimeType }, REPETITIVE);
      const page = new DOMParser().parseFromString(text('index.html'), 'text/html');
      const sources = [...page.querySelectorAll('img')].map((img) => img.getAttribute('src'));
      expect(sources).toEqual(SHOWN_AS_PICTURE.has(ext) ? [entry.path] : []);
    },
  );

  it('keeps a file’s type when its name has an unknown extension', async () => {
    const { entry, zip } = await firstEntry(
      { name: 'scan.tiff', mimeType: 'image/tiff' },
      REPETITIVE,
    );
    expect(entry).toMatchObject({ path: 'evidence/01-scan.tiff', mimeType: 'image/tiff' });
    expect(localHeaders(zip)[entry.path]?.method).toBe(8);
  });

  it('lists a file of unknown type and extension as application/octet-stream', async () => {
    const { entry } = await firstEntry({ name: 'dump.xyz' }, REPETITIVE);
    expect(entry).toMatchObject({
      path: 'evidence/01-dump.xyz',
      mimeType: 'application/octet-stream',
    });
  });

  it('shows no thumbnail for a file whose type or extension is not a picture', async () => {
    // A .png that says it is not an image, and an image type browsers do not show.
    const scenario = withEvidence(
      [
        { name: 'odd.png', mimeType: 'application/octet-stream' },
        { name: 'scan.tiff', mimeType: 'image/tiff' },
      ],
      REPETITIVE,
    );
    const { text } = await openPack(packInput(scenario));
    expect(text('index.html')).not.toContain('<img');
  });

  it('lists notes and page text as UTF-8 plain text, deflated', async () => {
    const { entry, zip } = await firstEntry({
      name: 'My note',
      kind: 'note',
      text: 'é'.repeat(50),
    });
    expect(entry).toMatchObject({ path: 'evidence/01-My-note.txt', mimeType: TEXT });
    expect(localHeaders(zip)[entry.path]?.method).toBe(8);
  });
});

describe('names of evidence files', () => {
  it.each([
    ['  photo.png  ', 'image/png', 'evidence/01-photo.png'],
    ['photo.png copy', 'image/png', 'evidence/01-photo-png-copy.png'],
    ['archive.verylongext', undefined, 'evidence/01-archive-verylongext.bin'],
    ['a - b.png', 'image/png', 'evidence/01-a-b.png'],
    ['a--b.png', 'image/png', 'evidence/01-a-b.png'],
    ['__photo__.png', 'image/png', 'evidence/01-photo.png'],
    ['-_-photo-_-.png', 'image/png', 'evidence/01-photo.png'],
    ['(1) été_2026.png', 'image/png', 'evidence/01-(1)-été_2026.png'],
    // Cut at 60, the name would end in "-": the dash goes too.
    [`${'a'.repeat(59)} b.png`, 'image/png', `evidence/01-${'a'.repeat(59)}.png`],
    ['###.png', 'image/png', 'evidence/01-file.png'],
  ])('%j (%s) is saved as %s', async (name, mimeType, path) => {
    const { entry } = await firstEntry({ name, ...(mimeType ? { mimeType } : {}) }, REPETITIVE);
    expect(entry).toMatchObject({ path, name });
  });

  it.each([
    ['notes.txt', 'evidence/01-notes.txt'],
    ['chat.2026', 'evidence/01-chat-2026.txt'],
    ['Listing text', 'evidence/01-Listing-text.txt'],
    ['', 'evidence/01-note.txt'],
  ])('a note named %j is saved as %s', async (name, path) => {
    const { entry, text } = await firstEntry({ name, kind: 'note', text: 'hello' });
    expect(entry).toMatchObject({ path, mimeType: TEXT });
    expect(text(path)).toBe('hello');
  });

  it('lists a photo whose file is gone as missing, even if it carries text', async () => {
    const { manifest } = await openPack(
      packInput(withEvidence([{ name: 'gone.png', kind: 'photo', text: 'caption' }])),
    );
    expect(manifest.files.filter((file) => file.path.startsWith('evidence/'))).toEqual([]);
    expect(manifest.missing).toEqual([
      { name: 'gone.png', kind: 'photo', capturedAt: '2026-11-20T10:00:00.000Z' },
    ]);
  });
});

describe('the documents of the pack', () => {
  it('lists the timeline, both messages and index.html with their kinds and types', async () => {
    const { manifest, files } = await openPack(packInput(fewFacts()));
    const documents = manifest.files.map(({ path, name, kind, mimeType }) => ({
      path,
      name,
      kind,
      mimeType,
    }));
    expect(documents).toEqual([
      {
        path: 'timeline.json',
        name: 'timeline.json',
        kind: 'timeline',
        mimeType: 'application/json',
      },
      { path: 'message-en.txt', name: 'message-en.txt', kind: 'message', mimeType: TEXT },
      { path: 'message-fr.txt', name: 'message-fr.txt', kind: 'message', mimeType: TEXT },
      {
        path: 'index.html',
        name: 'index.html',
        kind: 'summary',
        mimeType: 'text/html; charset=utf-8',
      },
    ]);
    expect(Object.keys(files).sort()).toEqual([
      'index.html',
      'manifest.json',
      'message-en.txt',
      'message-fr.txt',
      'timeline.json',
    ]);
  });

  it('records in the timeline the next step’s values and date, overrides, compensation and step details', async () => {
    const scenario = dhgateNotReceived();
    // The buyer corrected when the refund was asked for.
    scenario.events = scenario.events.map((step) =>
      step.type === 'refund-requested' ? { ...step, originalAt: '2026-11-09T22:00:00.000Z' } : step,
    );
    const input = packInput(scenario);
    const [first, ...rest] = input.plan.deadlines;
    if (!first) throw new Error('the DHgate plan has deadlines');
    const override = { from: 5, to: 7, unit: 'calendar-days' as const };
    const compensation = {
      kind: 'late-shipment' as const,
      amount: { minor: 200, currency: 'USD' },
      source: first.source,
      ruleId: 'late-shipment',
    };
    const plan = {
      ...input.plan,
      nextStep: {
        ...input.plan.nextStep,
        values: { days: '5' },
        dueAt: '2026-11-25T10:00:00.000Z',
      },
      deadlines: [{ ...first, override }, ...rest],
      compensation: [compensation],
    };
    const timeline = JSON.parse((await openPack({ ...input, plan })).text('timeline.json')) as {
      nextStep: unknown;
      deadlines: unknown[];
      compensation: unknown[];
      events: unknown[];
    };
    expect(timeline.nextStep).toEqual({
      action: plan.nextStep.action,
      message: plan.nextStep.message,
      values: { days: '5' },
      dueAt: '2026-11-25T10:00:00.000Z',
    });
    expect(timeline.deadlines[0]).toMatchObject({ kind: first.kind, override });
    // The rule id is internal; the buyer gets what, how much and on whose word.
    expect(timeline.compensation).toEqual([
      { kind: 'late-shipment', amount: { minor: 200, currency: 'USD' }, source: first.source },
    ]);
    expect(timeline.events).toEqual([
      {
        type: 'tracking-uploaded',
        at: '2026-10-30T03:00:00.000Z',
        source: 'page',
        details: { trackingNumber: 'RI002972278CN', carrier: 'China Post Registered Air Mail' },
      },
      {
        type: 'refund-requested',
        at: '2026-11-09T23:30:00.000Z',
        originalAt: '2026-11-09T22:00:00.000Z',
        source: 'buyer',
        details: { note: 'Asked where the parcel is' },
      },
    ]);
  });

  it('gives every known fact of the order in the manifest, and the case’s closing date', async () => {
    const scenario = dhgateNotReceived();
    const order: StoredOrder = {
      ...scenario.order,
      statusText: 'Shipped, awaiting delivery',
      receivedAt: '2026-11-20T09:00:00.000Z',
      items: [{ title: 'Wireless earbuds', quantity: 2 }, { title: 'Spare tips' }],
      dispute: { status: 'open', caseNumber: 'D-778' },
    };
    const openCase = { ...scenario.openCase, closedAt: '2026-11-21T08:00:00.000Z' };
    const { manifest } = await openPack(packInput({ ...scenario, order, openCase }));
    expect(manifest.order).toEqual({
      marketplace: 'dhgate',
      marketplaceName: 'DHgate',
      orderNumber: '1043587216',
      status: 'shipped',
      statusText: 'Shipped, awaiting delivery',
      placedAt: '2026-10-28T06:05:00.000Z',
      shippedAt: '2026-10-30T03:00:00.000Z',
      receivedAt: '2026-11-20T09:00:00.000Z',
      total: { minor: 3499, currency: 'USD' },
      seller: 'Shenzhen Gadget Store',
      items: [{ title: 'Wireless earbuds', quantity: 2 }, { title: 'Spare tips' }],
      trackingNumber: 'RI002972278CN',
      carrier: 'China Post Registered Air Mail',
      disputeCaseNumber: 'D-778',
      detailUrl: 'https://m.dhgate.com/mydhgate/order/orderdetail.html?rfid=1043587216',
    });
    expect(manifest.case).toEqual({
      reason: 'not-received',
      openedAt: '2026-11-09T23:30:00.000Z',
      closedAt: '2026-11-21T08:00:00.000Z',
    });
  });
});

describe('the time of the files in the ZIP', () => {
  // ZIP keeps a wall-clock time with no zone: the buyer's own, whatever the machine's zone.
  it.each([
    [PARIS, dos(2026, 11, 23, 0, 30, 44)],
    [NEW_YORK, dos(2026, 11, 22, 18, 30, 44)],
  ])('is the moment the pack was made, on the clock of a buyer in %s', async (zone, expected) => {
    const input = { ...packInput(fewFacts(), 'en', zone), generatedAt: '2026-11-22T23:30:44.000Z' };
    const headers = localHeaders(await packBytes(input));
    expect(Object.keys(headers)).toContain('manifest.json');
    for (const header of Object.values(headers)) {
      expect({ dosDate: header.dosDate, dosTime: header.dosTime }).toEqual(expected);
    }
  });
});

describe('the name of the pack', () => {
  it('names the order "order" when nothing of its number is safe in a file name', () => {
    const order = { ...fewFacts().order, orderNumber: '###' };
    expect(packFileName(order, '2026-11-22T12:30:00.000Z')).toBe(
      'caseclock-aliexpress-order-2026-11-22.zip',
    );
  });
});
