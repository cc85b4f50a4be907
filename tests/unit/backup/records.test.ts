// @vitest-environment node
// Node's own Blob, which IndexedDB (fake-indexeddb, through structuredClone) keeps as a Blob.
import { createHash } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeAll, describe, expect, it } from 'vitest';
import { saveSelection } from '@/lib/background/evidence-menu';
import { DATA_PATHS, type BackupData, type BackupTable } from '@/lib/backup/format';
import { backupFromDatabase, readBackupData } from '@/lib/backup/job';
import { parseBackupData, parseBackupManifest, type BackupProblem } from '@/lib/backup/records';
import { addEvidence } from '@/lib/db/evidence';
import { READING_LIMITS } from '@/lib/marketplaces/types';
import { DEFAULT_SETTINGS } from '@/lib/timeline/types';
import {
  DHGATE_ORDER_ID,
  DHGATE_ORDER_URL,
  dhgatePageRead,
  EXTENSION_PAGE,
  tab,
  TestBackground,
} from '../background/harness';
import { PARIS } from '../zones';

/** 10 November 2026, 10:05 in Paris. */
const NOW = '2026-11-10T09:05:00.000Z';

const ALIEXPRESS_NUMBER = '8123456789012345';
const ALIEXPRESS_ORDER_ID = `aliexpress:${ALIEXPRESS_NUMBER}`;
const ALIEXPRESS_URL = `https://www.aliexpress.com/p/order/detail.html?orderId=${ALIEXPRESS_NUMBER}`;
const ALLCHINABUY_NUMBER = 'DO20261110001';
const ALLCHINABUY_ORDER_ID = `allchinabuy:${ALLCHINABUY_NUMBER}`;
const ALLCHINABUY_URL = `https://www.allchinabuy.com/en/page/account/order/detail?orderNo=${ALLCHINABUY_NUMBER}`;
const HAND_ORDER_ID = 'dhgate:1043599999';

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function sent(background: TestBackground, message: unknown, sender = EXTENSION_PAGE) {
  const reply = await background.send(message, sender);
  if (!reply.ok) throw new Error(`refused: ${JSON.stringify(reply)}`);
  return reply;
}

/**
 * A profile filled through the background as a buyer fills it: orders read on the three
 * marketplaces and one entered by hand, cases, steps with their details, a corrected time,
 * evidence of several kinds, a reminder shown and put off, and settings changed.
 */
async function filledProfile(): Promise<TestBackground> {
  const background = await new TestBackground(NOW).start();
  await sent(background, dhgatePageRead(), tab(DHGATE_ORDER_URL));
  // In dispute on its page: the background opens its case.
  await sent(
    background,
    {
      type: 'page-read',
      url: ALIEXPRESS_URL,
      marketplace: 'aliexpress',
      pageKind: 'order-detail',
      orders: [
        {
          orderNumber: ALIEXPRESS_NUMBER,
          status: 'in-dispute',
          statusText: 'Dispute in progress',
          seller: { name: 'Sunny Store', url: 'https://www.aliexpress.com/store/1102345' },
          items: [
            {
              title: 'USB-C cable, 2 m',
              quantity: 2,
              unitPrice: { minor: 349, currency: 'EUR' },
              url: 'https://www.aliexpress.com/item/1005001234567890.html',
              imageUrl: 'https://ae01.alicdn.com/kf/cable.jpg',
            },
          ],
          total: { minor: 698, currency: 'EUR' },
          placedAt: '2026-10-20T08:00:00.000Z',
          shippedAt: '2026-10-22T08:00:00.000Z',
          trackingNumber: 'LZ492186534CN',
          carrier: 'Cainiao',
          dispute: { status: 'Awaiting seller', caseNumber: '5012345', canEscalate: false },
          detailUrl: ALIEXPRESS_URL,
        },
      ],
    },
    tab(ALIEXPRESS_URL),
  );
  await sent(
    background,
    {
      type: 'page-read',
      url: ALLCHINABUY_URL,
      marketplace: 'allchinabuy',
      pageKind: 'order-detail',
      orders: [
        {
          orderNumber: ALLCHINABUY_NUMBER,
          status: 'in-warehouse',
          items: [{ title: 'Jacket', quantity: 1 }],
          total: { minor: 12_000, currency: 'CNY' },
          paidAt: '2026-11-01T10:00:00.000Z',
        },
      ],
    },
    tab(ALLCHINABUY_URL),
  );
  await sent(background, {
    type: 'order-add',
    marketplace: 'dhgate',
    orderNumber: '1043599999',
    edits: {
      status: 'shipped',
      total: { minor: 2500, currency: 'USD' },
      placedAt: '2026-10-30T12:00:00.000Z',
      trackingNumber: 'UB123456789CN',
      items: [{ title: 'Phone case', quantity: 1 }],
    },
  });
  await sent(background, { type: 'order-archive', orderId: HAND_ORDER_ID, archived: true });

  const caseId = await background.startCase('not-received');
  const refund = await sent(background, {
    type: 'event-record',
    orderId: DHGATE_ORDER_ID,
    event: 'refund-requested',
    at: '2026-11-10T08:00:00.000Z',
    details: { note: 'Asked for the whole amount back.' },
  });
  if (!('eventId' in refund)) throw new Error('no event');
  await sent(background, {
    type: 'event-correct',
    eventId: refund.eventId,
    at: '2026-11-10T09:00:00.000Z',
  });
  await sent(background, {
    type: 'event-record',
    orderId: ALLCHINABUY_ORDER_ID,
    event: 'order-cancelled',
    at: '2026-11-10T09:01:00.000Z',
    details: { cancelledBy: 'seller' },
  });
  await sent(background, { type: 'settings-update', settings: { paypal: { dhgate: true } } });
  await sent(background, {
    type: 'settings-update',
    settings: { membership: { dhgate: 'gold' }, reminderLeadHours: 48 },
  });

  await sent(background, { type: 'evidence-note', caseId, text: 'Seller silent since 5 Nov.' });
  const shown = background.showTab(DHGATE_ORDER_URL, 'Order Details - DHgate');
  const capture = await sent(background, { type: 'evidence-capture', caseId, ...shown });
  if (!('evidenceId' in capture)) throw new Error('no screenshot');
  await sent(background, {
    type: 'evidence-tag',
    evidenceId: capture.evidenceId,
    shows: ['order-details', 'tracking-page'],
  });
  await saveSelection(
    background.db,
    caseId,
    { text: 'Seller: we shipped it.', url: DHGATE_ORDER_URL, title: 'Messages' },
    NOW,
  );
  const photo = Uint8Array.from({ length: 2048 }, (_, index) => index % 251);
  await addEvidence(
    background.db,
    { caseId, kind: 'photo', shows: ['package-photos'], name: 'box.jpg', capturedAt: NOW },
    { blob: new Blob([photo], { type: 'image/jpeg' }), sha256: sha256(photo) },
  );

  // Escalation opens 5 days after the refund request: its reminder is shown, then put off.
  await background.advanceTo('2026-11-15T09:00:01.000Z');
  const [reminder] = await background.db.reminders.toArray();
  if (!reminder) throw new Error('no reminder shown');
  await sent(background, {
    type: 'reminder-snooze',
    orderId: DHGATE_ORDER_ID,
    key: reminder.id,
  });
  return background;
}

/** A backup as restore reads it: `backup.json` and the data files, parsed from JSON. */
interface ReadBackup {
  manifest: unknown;
  tables: Record<BackupTable, unknown>;
}

let stored: BackupData;
let backup: ReadBackup;

beforeAll(async () => {
  fakeBrowser.reset();
  const background = await filledProfile();
  stored = await readBackupData(background.db);
  const { backup: zip } = await backupFromDatabase(
    background.db,
    { createdAt: background.now.toISOString(), timeZone: PARIS, appVersion: '0.1.0' },
    () => undefined,
  );
  const files = unzipSync(new Uint8Array(await zip.arrayBuffer()));
  const manifestBytes = files['backup.json'];
  if (!manifestBytes) throw new Error('no backup.json');
  backup = {
    manifest: JSON.parse(strFromU8(manifestBytes)),
    // What the database holds, through JSON as a backup carries it.
    tables: JSON.parse(JSON.stringify({ ...stored, settings: stored.settings ?? null })) as Record<
      BackupTable,
      unknown
    >,
  };
});

/** A copy of the backup to spoil, for one test. */
interface Spoilable {
  manifest: {
    format: string;
    formatVersion: number;
    schemaVersion: number;
    counts: Record<string, number>;
    files: { path: string; size: number; sha256: string }[];
    evidenceFiles: Record<string, string>;
  };
  tables: {
    orders: { id: string; statusText?: string; edits?: { detailUrl?: string } }[];
    cases: { id: string; orderId: string }[];
    events: { at: string }[];
    evidence: { id: string; caseId: string; orderId: string }[];
  } & Record<BackupTable, unknown>;
}

function spoilable(): Spoilable {
  return structuredClone(backup) as Spoilable;
}

function manifestProblem(json: unknown): BackupProblem | undefined {
  const result = parseBackupManifest(json);
  return result.ok ? undefined : result.problem;
}

function dataProblem(spoilt: Spoilable): BackupProblem | undefined {
  const manifest = parseBackupManifest(spoilt.manifest);
  if (!manifest.ok) throw new Error(`backup.json refused: ${manifest.problem.detail}`);
  const result = parseBackupData(spoilt.tables, manifest.manifest);
  return result.ok ? undefined : result.problem;
}

describe('a backup read back', () => {
  it('gives back every record as the database holds them', () => {
    // The profile has what the test means it to have.
    expect(stored.orders.map((order) => order.id).sort()).toEqual(
      [DHGATE_ORDER_ID, ALIEXPRESS_ORDER_ID, ALLCHINABUY_ORDER_ID, HAND_ORDER_ID].sort(),
    );
    expect(stored.cases).toHaveLength(2);
    expect(new Set(stored.evidence.map((piece) => piece.kind))).toEqual(
      new Set(['note', 'screenshot', 'text', 'photo']),
    );
    expect(stored.events.some((event) => event.originalAt !== undefined)).toBe(true);
    expect(stored.reminders[0]?.snoozedUntil).toBeDefined();
    expect(stored.reminderLog).toHaveLength(1);

    const manifest = parseBackupManifest(backup.manifest);
    if (!manifest.ok) throw new Error(manifest.problem.detail);
    expect(parseBackupData(backup.tables, manifest.manifest)).toEqual({ ok: true, data: stored });
  });

  it('has no settings when the buyer never changed one', () => {
    const spoilt = spoilable();
    spoilt.tables.settings = null;
    const manifest = parseBackupManifest(spoilt.manifest);
    if (!manifest.ok) throw new Error(manifest.problem.detail);
    const result = parseBackupData(spoilt.tables, manifest.manifest);
    expect(result.ok && 'settings' in result.data).toBe(false);
  });

  it('completes settings kept before a setting existed, as reading them does', () => {
    const spoilt = spoilable();
    const { backupReminder: _left, ...older } = stored.settings ?? DEFAULT_SETTINGS;
    spoilt.tables.settings = older;
    const manifest = parseBackupManifest(spoilt.manifest);
    if (!manifest.ok) throw new Error(manifest.problem.detail);
    const result = parseBackupData(spoilt.tables, manifest.manifest);
    expect(result.ok && result.data.settings).toEqual({
      ...older,
      backupReminder: DEFAULT_SETTINGS.backupReminder,
    });
  });

  it('leaves out a field it does not know, which a newer version may have added', () => {
    const spoilt = spoilable();
    spoilt.tables.orders = spoilt.tables.orders.map((order) => ({ ...order, pinned: true }));
    const manifest = parseBackupManifest(spoilt.manifest);
    if (!manifest.ok) throw new Error(manifest.problem.detail);
    const result = parseBackupData(spoilt.tables, manifest.manifest);
    expect(result.ok && result.data.orders).toEqual(stored.orders);
  });
});

describe('a backup.json refused', () => {
  it('names another format', () => {
    const spoilt = spoilable();
    spoilt.manifest.format = 'caseclock-export';
    const problem = manifestProblem(spoilt.manifest);
    expect(problem?.kind).toBe('not-a-backup');
    expect(problem?.detail).toMatch(/^format:/);
  });

  it('is of a newer format version', () => {
    const spoilt = spoilable();
    spoilt.manifest.formatVersion = 2;
    expect(manifestProblem(spoilt.manifest)).toEqual({
      kind: 'newer-format',
      detail: expect.stringContaining('formatVersion') as string,
    });
  });

  it('holds records of a newer schema version', () => {
    const spoilt = spoilable();
    spoilt.manifest.schemaVersion = 99;
    expect(manifestProblem(spoilt.manifest)).toEqual({
      kind: 'newer-format',
      detail: expect.stringContaining('schemaVersion') as string,
    });
  });

  it('leaves a data file out', () => {
    const spoilt = spoilable();
    spoilt.manifest.files = spoilt.manifest.files.filter((file) => file.path !== DATA_PATHS.events);
    const problem = manifestProblem(spoilt.manifest);
    expect(problem?.kind).toBe('not-a-backup');
    expect(problem?.detail).toContain('files');
    expect(problem?.detail).toContain(DATA_PATHS.events);
  });

  it('names an evidence file otherwise than by its SHA-256', () => {
    const spoilt = spoilable();
    const index = spoilt.manifest.files.findIndex((file) => file.path.startsWith('evidence/'));
    const file = spoilt.manifest.files[index];
    if (!file) throw new Error('no evidence file');
    file.sha256 = 'f'.repeat(64);
    const problem = manifestProblem(spoilt.manifest);
    expect(problem?.kind).toBe('not-a-backup');
    expect(problem?.detail).toContain(`files.${String(index)}.path`);
  });

  it('lists a file twice', () => {
    const spoilt = spoilable();
    const [first] = spoilt.manifest.files;
    if (!first) throw new Error('no file');
    spoilt.manifest.files.push({ ...first });
    const problem = manifestProblem(spoilt.manifest);
    expect(problem?.kind).toBe('not-a-backup');
    expect(problem?.detail).toContain(`files.${String(spoilt.manifest.files.length - 1)}.path`);
  });
});

describe('records refused', () => {
  it('a case of no order of the backup', () => {
    const spoilt = spoilable();
    const [found] = spoilt.tables.cases;
    if (!found) throw new Error('no case');
    found.orderId = 'dhgate:1000000001';
    expect(dataProblem(spoilt)).toEqual({
      kind: 'bad-records',
      detail: expect.stringContaining('cases.0.orderId') as string,
    });
  });

  it('evidence of a case of another order', () => {
    const spoilt = spoilable();
    const other = spoilt.tables.cases.find((found) => found.orderId === ALIEXPRESS_ORDER_ID);
    const index = spoilt.tables.evidence.findIndex((piece) => piece.orderId === DHGATE_ORDER_ID);
    const piece = spoilt.tables.evidence[index];
    if (!other || !piece) throw new Error('no such records');
    piece.caseId = other.id;
    expect(dataProblem(spoilt)).toEqual({
      kind: 'bad-records',
      detail: expect.stringContaining(`evidence.${String(index)}.orderId`) as string,
    });
  });

  it('a file kept for evidence the backup does not hold', () => {
    const spoilt = spoilable();
    const [path] = Object.values(spoilt.manifest.evidenceFiles);
    if (!path) throw new Error('no evidence file');
    spoilt.manifest.evidenceFiles['not-an-evidence-id'] = path;
    expect(dataProblem(spoilt)).toEqual({
      kind: 'bad-records',
      detail: expect.stringContaining('evidenceFiles.not-an-evidence-id') as string,
    });
  });

  it('counted otherwise in backup.json', () => {
    const spoilt = spoilable();
    spoilt.manifest.counts.orders = spoilt.tables.orders.length + 1;
    expect(dataProblem(spoilt)).toEqual({
      kind: 'bad-records',
      detail: expect.stringContaining('counts.orders') as string,
    });
  });

  it('an order id twice', () => {
    const spoilt = spoilable();
    const [first] = spoilt.tables.orders;
    if (!first) throw new Error('no order');
    spoilt.tables.orders.push({ ...first });
    spoilt.manifest.counts.orders = spoilt.tables.orders.length;
    expect(dataProblem(spoilt)).toEqual({
      kind: 'bad-records',
      detail: expect.stringContaining(
        `orders.${String(spoilt.tables.orders.length - 1)}.id`,
      ) as string,
    });
  });

  it('a text longer than a page reading keeps', () => {
    const spoilt = spoilable();
    const [first] = spoilt.tables.orders;
    if (!first) throw new Error('no order');
    first.statusText = 'x'.repeat(READING_LIMITS.text + 1);
    expect(dataProblem(spoilt)).toEqual({
      kind: 'bad-records',
      detail: expect.stringContaining('orders.0.statusText') as string,
    });
  });

  it('a time that is no ISO instant', () => {
    const spoilt = spoilable();
    const [first] = spoilt.tables.events;
    if (!first) throw new Error('no event');
    first.at = '10/11/2026 10:00';
    expect(dataProblem(spoilt)).toEqual({
      kind: 'bad-records',
      detail: expect.stringContaining('events.0.at') as string,
    });
  });

  it('an order whose link leads off its marketplace', () => {
    const spoilt = spoilable();
    const [first] = spoilt.tables.orders;
    if (!first) throw new Error('no order');
    first.edits = { ...first.edits, detailUrl: 'https://example.com/phishing' };
    expect(dataProblem(spoilt)).toEqual({
      kind: 'bad-records',
      detail: expect.stringContaining('orders.0: a link leads off') as string,
    });
  });
});
