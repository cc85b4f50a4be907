import { createHash } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { PARIS } from '../zones';
import type { EvidenceRecord, StoredCase, StoredEvent, StoredOrder } from '@/lib/db/schema';
import type { DraftInput } from '@/lib/evidence/draft';
import {
  buildEvidencePack,
  type PackInput,
  type PackManifest,
  type PackSources,
} from '@/lib/evidence/pack';
import type { Language } from '@/lib/i18n';
import { POLICIES } from '@/lib/policies';
import {
  DEFAULT_SETTINGS,
  planCase,
  type CaseReason,
  type EventDetails,
  type EventType,
  type Settings,
} from '@/lib/timeline';

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Bytes that look like the start of a PNG, different for each seed. */
export function pngBytes(seed: number): Uint8Array {
  const bytes = new Uint8Array(64);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  for (let index = 8; index < bytes.length; index += 1) bytes[index] = (seed * 31 + index) % 256;
  return bytes;
}

export interface Scenario {
  order: StoredOrder;
  openCase: StoredCase;
  events: StoredEvent[];
  evidence: EvidenceRecord[];
  files: Map<string, Uint8Array>;
  now: string;
  settings?: Partial<Settings>;
}

let nextEvent = 0;

export function event(
  order: StoredOrder,
  type: EventType,
  at: string,
  details?: EventDetails,
): StoredEvent {
  nextEvent += 1;
  return {
    id: `event-${nextEvent}`,
    orderId: order.id,
    type,
    at,
    recordedAt: at,
    source: type === 'status-changed' || type === 'tracking-uploaded' ? 'page' : 'buyer',
    ...(details ? { details } : {}),
  };
}

function storedCase(order: StoredOrder, reason: CaseReason, openedAt: string): StoredCase {
  return { id: `case-${order.id}`, orderId: order.id, reason, openedAt, status: 'open' };
}

/** A file-backed piece of evidence whose recorded SHA-256 is that of `bytes`. */
export function fileEvidence(
  scenario: Pick<Scenario, 'order' | 'openCase' | 'files'>,
  record: Omit<EvidenceRecord, 'caseId' | 'orderId' | 'size' | 'sha256'>,
  bytes: Uint8Array,
): EvidenceRecord {
  scenario.files.set(record.id, bytes);
  return {
    ...record,
    caseId: scenario.openCase.id,
    orderId: scenario.order.id,
    size: bytes.length,
    sha256: sha256(bytes),
  };
}

/**
 * DHgate, parcel never came: the buyer asked for a refund just after midnight in Paris on
 * 10 November (still 9 November in New York); the seller's 5 days ran out on the 15th.
 */
export function dhgateNotReceived(): Scenario {
  const order: StoredOrder = {
    id: 'dhgate:1043587216',
    marketplace: 'dhgate',
    orderNumber: '1043587216',
    status: 'shipped',
    seller: { name: 'Shenzhen Gadget Store' },
    items: [{ title: 'Wireless earbuds', quantity: 2 }],
    total: { minor: 3499, currency: 'USD' },
    placedAt: '2026-10-28T06:05:00.000Z',
    shippedAt: '2026-10-30T03:00:00.000Z',
    trackingNumber: 'RI002972278CN',
    carrier: 'China Post Registered Air Mail',
    detailUrl: 'https://m.dhgate.com/mydhgate/order/orderdetail.html?rfid=1043587216',
    firstSeenAt: '2026-10-28T06:10:00.000Z',
    lastSeenAt: '2026-11-20T10:00:00.000Z',
  };
  const openCase = storedCase(order, 'not-received', '2026-11-09T23:30:00.000Z');
  const files = new Map<string, Uint8Array>();
  const scenario: Scenario = {
    order,
    openCase,
    files,
    now: '2026-11-22T12:00:00.000Z',
    events: [
      event(order, 'refund-requested', '2026-11-09T23:30:00.000Z', {
        note: 'Asked where the parcel is',
      }),
      event(order, 'tracking-uploaded', '2026-10-30T03:00:00.000Z', {
        trackingNumber: 'RI002972278CN',
        carrier: 'China Post Registered Air Mail',
      }),
    ],
    evidence: [],
  };
  scenario.evidence = [
    fileEvidence(
      scenario,
      {
        id: 'ev-tracking',
        kind: 'screenshot',
        shows: ['tracking-page'],
        name: 'tracking-page.png',
        mimeType: 'image/png',
        capturedAt: '2026-11-12T08:15:00.000Z',
        url: 'https://track.example.com/?n=RI002972278CN',
        title: 'Tracking RI002972278CN',
      },
      pngBytes(1),
    ),
    fileEvidence(
      scenario,
      {
        id: 'ev-order',
        kind: 'screenshot',
        shows: ['order-details'],
        name: 'order-1043587216.png',
        mimeType: 'image/png',
        capturedAt: '2026-11-10T07:00:00.000Z',
        url: order.detailUrl ?? '',
      },
      pngBytes(2),
    ),
    {
      id: 'ev-chat',
      caseId: openCase.id,
      orderId: order.id,
      kind: 'text',
      shows: ['seller-chat'],
      name: 'Messages 14-11',
      capturedAt: '2026-11-14T16:00:00.000Z',
      url: 'https://dg.dhgate.com/messages/1043587216',
      text: 'Me: Where is my parcel?\nSeller: Please wait.',
    },
  ];
  return scenario;
}

/** Allchinabuy, items arrived broken on 18 November: photos, a video, text and a note. */
export function allchinabuyDamaged(): Scenario {
  const order: StoredOrder = {
    id: 'allchinabuy:DO24110512345',
    marketplace: 'allchinabuy',
    orderNumber: 'DO24110512345',
    status: 'delivered',
    seller: { name: 'Taobao store 88' },
    items: [
      {
        title: 'Ceramic tea set',
        quantity: 1,
        status: 'completed',
        stockedInAt: '2026-10-28T09:30:00.000Z',
        qcPhotos: [
          'https://img.allchinabuy.com/qc/2026/10/DI24110512301_1.jpg',
          'https://img.allchinabuy.com/qc/2026/10/DI24110512301_2.jpg',
        ],
      },
      { title: 'Glass teapot', quantity: 2 },
    ],
    total: { minor: 4530, currency: 'USD' },
    placedAt: '2026-10-20T10:00:00.000Z',
    shippedAt: '2026-11-02T10:00:00.000Z',
    receivedAt: '2026-11-18T15:00:00.000Z',
    trackingNumber: 'CJ140286057DE',
    carrier: 'DHL',
    firstSeenAt: '2026-10-20T10:00:00.000Z',
    lastSeenAt: '2026-11-19T10:00:00.000Z',
  };
  const openCase = storedCase(order, 'damaged', '2026-11-18T16:00:00.000Z');
  const files = new Map<string, Uint8Array>();
  const scenario: Scenario = {
    order,
    openCase,
    files,
    now: '2026-11-22T12:00:00.000Z',
    events: [
      event(order, 'received', '2026-11-18T15:00:00.000Z'),
      event(order, 'contacted-seller', '2026-11-19T09:00:00.000Z'),
    ],
    evidence: [],
  };
  const base = { caseId: openCase.id, orderId: order.id };
  scenario.evidence = [
    fileEvidence(
      scenario,
      {
        id: 'ev-photo-1',
        kind: 'photo',
        shows: ['item-photos'],
        name: 'photo.jpg',
        mimeType: 'image/jpeg',
        capturedAt: '2026-11-18T15:10:00.000Z',
      },
      pngBytes(3),
    ),
    fileEvidence(
      scenario,
      {
        id: 'ev-photo-2',
        kind: 'photo',
        shows: ['package-photos', 'label-photo'],
        name: 'photo.jpg',
        mimeType: 'image/jpeg',
        capturedAt: '2026-11-18T15:11:00.000Z',
      },
      pngBytes(4),
    ),
    fileEvidence(
      scenario,
      {
        id: 'ev-evil',
        kind: 'screenshot',
        shows: ['listing-screenshot'],
        name: '../../evil<script>.png',
        mimeType: 'image/png',
        capturedAt: '2026-11-18T15:12:00.000Z',
        url: 'javascript:alert(1)',
        title: '<script>alert("title")</script>',
      },
      pngBytes(5),
    ),
    fileEvidence(
      scenario,
      {
        id: 'ev-video',
        kind: 'video',
        shows: ['unboxing-video'],
        name: 'unboxing',
        mimeType: 'video/mp4',
        capturedAt: '2026-11-18T15:05:00.000Z',
      },
      new Uint8Array([0, 0, 0, 24, 0x66, 0x74, 0x79, 0x70]),
    ),
    {
      ...base,
      id: 'ev-listing-text',
      kind: 'text',
      shows: ['listing-screenshot'],
      name: 'Listing text',
      capturedAt: '2026-11-18T15:20:00.000Z',
      url: 'https://item.taobao.com/item.htm?id=1',
      title: 'Ceramic tea set & teapot',
      text: 'Brand new, <script>alert("text")</script> well packed',
    },
    {
      ...base,
      id: 'ev-note',
      kind: 'note',
      shows: [],
      name: 'My note',
      capturedAt: '2026-11-18T15:30:00.000Z',
      text: 'Two cups broken; the box was crushed on one side.',
    },
  ];
  return scenario;
}

/** AliExpress, an order entered by hand with nothing known but its number. */
export function fewFacts(): Scenario {
  const order: StoredOrder = {
    id: 'aliexpress:8210505692320516',
    marketplace: 'aliexpress',
    orderNumber: '8210505692320516',
    items: [],
    firstSeenAt: '2026-11-20T10:00:00.000Z',
    lastSeenAt: '2026-11-20T10:00:00.000Z',
  };
  return {
    order,
    openCase: storedCase(order, 'other', '2026-11-20T10:00:00.000Z'),
    events: [],
    evidence: [],
    files: new Map(),
    now: '2026-11-22T12:00:00.000Z',
  };
}

export function draftInput(
  scenario: Scenario,
  language: Language,
  timeZone: string = PARIS,
): DraftInput {
  const plan = planCase({
    order: scenario.order,
    case: scenario.openCase,
    events: scenario.events,
    policy: POLICIES[scenario.order.marketplace],
    settings: { ...DEFAULT_SETTINGS, ...scenario.settings },
    now: scenario.now,
    timeZone,
  });
  return {
    order: scenario.order,
    openCase: scenario.openCase,
    plan,
    events: scenario.events,
    evidence: scenario.evidence,
    language,
    timeZone,
  };
}

/** A pack's input, with the evidence files it reads: evidence id → bytes. */
export interface PackInputWithFiles extends PackInput {
  evidenceFiles: ReadonlyMap<string, Uint8Array>;
}

export function packInput(
  scenario: Scenario,
  language: Language = 'en',
  timeZone: string = PARIS,
): PackInputWithFiles {
  return {
    ...draftInput(scenario, language, timeZone),
    evidenceFiles: scenario.files,
    generatedAt: '2026-11-22T12:30:00.000Z',
  };
}

export interface OpenedPack {
  zip: Uint8Array;
  files: Record<string, Uint8Array>;
  manifest: PackManifest;
  /** A file of the pack as text; a file not in the pack fails the test. */
  text: (path: string) => string;
}

/** The pack's bytes, each evidence file read from `evidenceFiles`. */
export async function packBytes(
  { evidenceFiles, ...input }: PackInputWithFiles,
  onProgress?: PackSources['onProgress'],
): Promise<Uint8Array> {
  const pack = await buildEvidencePack(input, {
    readFile: (evidenceId) => Promise.resolve(evidenceFiles.get(evidenceId)),
    ...(onProgress ? { onProgress } : {}),
  });
  return new Uint8Array(await pack.arrayBuffer());
}

export async function openPack(input: PackInputWithFiles): Promise<OpenedPack> {
  const zip = await packBytes(input);
  const files = unzipSync(zip);
  const text = (path: string) => {
    const bytes = files[path];
    if (!bytes) throw new Error(`${path} is not in the pack`);
    return strFromU8(bytes);
  };
  return { zip, files, manifest: JSON.parse(text('manifest.json')) as PackManifest, text };
}

/** The few-facts order with the given pieces of evidence, each given `bytes` as its file. */
export function withEvidence(records: Partial<EvidenceRecord>[], bytes?: Uint8Array): Scenario {
  const scenario = fewFacts();
  scenario.evidence = records.map((record, index) => {
    const id = `ev-${index}`;
    if (bytes) scenario.files.set(id, bytes);
    return {
      id,
      caseId: scenario.openCase.id,
      orderId: scenario.order.id,
      kind: 'file',
      shows: [],
      name: 'file',
      capturedAt: `2026-11-20T10:0${index}:00.000Z`,
      ...record,
    };
  });
  return scenario;
}
