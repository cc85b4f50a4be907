import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { CaseClockDatabase } from '@/lib/db/database';
import { readSettings } from '@/lib/db/settings';
import { SCHEMA_VERSIONS } from '@/lib/db/versions';

/** Data as each earlier version wrote it, and what the next version must make of it. */
const SAMPLES: Record<
  number,
  { tables: Record<string, unknown[]>; check: (db: CaseClockDatabase) => Promise<void> }
> = {
  1: {
    tables: {
      orders: [
        {
          id: 'dhgate:1043587216',
          marketplace: 'dhgate',
          orderNumber: '1043587216',
          status: 'shipped',
          statusText: 'Shipped',
          items: [{ title: 'Wireless Earbuds', quantity: 2 }],
          total: { minor: 4155, currency: 'USD' },
          trackingNumber: 'LZ492186534CN',
          carrier: 'ePacket',
          shippedAt: '2026-10-30T09:12:00.000Z',
          firstSeenAt: '2026-11-02T09:30:00.000Z',
          lastSeenAt: '2026-11-03T09:30:00.000Z',
          seenOnUrl:
            'https://m.dhgate.com/mydhgate/order/orderdetail.html?rfid=ff80808193a1c4e50193b27c4f6d2a11',
        },
        {
          id: 'aliexpress:8212313961591322',
          marketplace: 'aliexpress',
          orderNumber: '8212313961591322',
          items: [],
          firstSeenAt: '2026-11-01T08:00:00.000Z',
          lastSeenAt: '2026-11-01T08:00:00.000Z',
          seenOnUrl: 'https://www.aliexpress.com/p/order/index.html',
        },
      ],
    },
    async check(db) {
      expect(await db.orders.count()).toBe(2);
      expect((await db.orders.get('dhgate:1043587216'))?.total).toEqual({
        minor: 4155,
        currency: 'USD',
      });
      expect(await db.events.orderBy('id').toArray()).toEqual([
        {
          id: 'v2:dhgate:1043587216:status',
          orderId: 'dhgate:1043587216',
          type: 'status-changed',
          at: '2026-11-02T09:30:00.000Z',
          recordedAt: '2026-11-02T09:30:00.000Z',
          source: 'page',
          details: { to: 'shipped', statusText: 'Shipped' },
        },
        {
          id: 'v2:dhgate:1043587216:tracking',
          orderId: 'dhgate:1043587216',
          type: 'tracking-uploaded',
          at: '2026-10-30T09:12:00.000Z',
          recordedAt: '2026-11-02T09:30:00.000Z',
          source: 'page',
          details: { trackingNumber: 'LZ492186534CN', carrier: 'ePacket' },
        },
      ]);
      expect(await db.cases.count()).toBe(0);
    },
  },
  2: {
    tables: {
      orders: [
        {
          id: 'dhgate:1043587216',
          marketplace: 'dhgate',
          orderNumber: '1043587216',
          items: [],
          firstSeenAt: '2026-11-02T09:30:00.000Z',
          lastSeenAt: '2026-11-03T09:30:00.000Z',
        },
      ],
      cases: [
        {
          id: 'case-1',
          orderId: 'dhgate:1043587216',
          reason: 'not-received',
          openedAt: '2026-11-04T10:00:00.000Z',
          status: 'open',
        },
      ],
      evidence: [
        {
          id: 'note-1',
          caseId: 'case-1',
          orderId: 'dhgate:1043587216',
          kind: 'note',
          shows: [],
          name: 'Seller silent',
          capturedAt: '2026-11-05T10:00:00.000Z',
          text: 'Seller silent since 5 Nov.',
        },
      ],
      settings: [{ key: 'settings', value: { membership: { dhgate: 'silver' } } }],
    },
    async check(db) {
      expect(await db.cases.get('case-1')).toMatchObject({ status: 'open' });
      expect(await db.evidence.get('note-1')).toMatchObject({ text: 'Seller silent since 5 Nov.' });
      expect(await db.uploads.count()).toBe(0);
      expect(await db.uploadChunks.count()).toBe(0);
      // Settings saved before the panel existed read with the panel on.
      expect(await readSettings(db)).toMatchObject({
        membership: { dhgate: 'silver' },
        showPanel: true,
      });
    },
  },
  3: {
    tables: {
      orders: [
        {
          id: 'aliexpress:8212313961591322',
          marketplace: 'aliexpress',
          orderNumber: '8212313961591322',
          items: [],
          firstSeenAt: '2026-11-01T08:00:00.000Z',
          lastSeenAt: '2026-11-01T08:00:00.000Z',
        },
      ],
      cases: [
        {
          id: 'case-2',
          orderId: 'aliexpress:8212313961591322',
          reason: 'damaged',
          openedAt: '2026-11-04T10:00:00.000Z',
          closedAt: '2026-11-09T10:00:00.000Z',
          status: 'closed',
        },
      ],
      uploads: [
        {
          id: 'upload-1',
          caseId: 'case-2',
          kind: 'photo',
          shows: [],
          name: 'box.jpg',
          mimeType: 'image/jpeg',
          size: 3,
          sha256: 'a'.repeat(64),
          startedAt: '2026-11-05T10:00:00.000Z',
        },
      ],
    },
    async check(db) {
      expect(await db.cases.get('case-2')).toMatchObject({
        status: 'closed',
        closedAt: '2026-11-09T10:00:00.000Z',
      });
      expect(await db.uploads.get('upload-1')).toMatchObject({ name: 'box.jpg' });
      // The trash and the page reports start empty.
      expect(await db.trash.count()).toBe(0);
      expect(await db.table('pageReports').count()).toBe(0);
    },
  },
};

const opened: Dexie[] = [];

afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

describe('schema upgrades', () => {
  it('declare every version in order, never skipping one', () => {
    expect(SCHEMA_VERSIONS.map((version) => version.version)).toEqual(
      SCHEMA_VERSIONS.map((_version, index) => index + 1),
    );
  });

  it.each(SCHEMA_VERSIONS.slice(1).map((version) => version.version))(
    'open data written by version %i − 1 with every version since',
    async (version) => {
      const sample = SAMPLES[version - 1];
      if (!sample) throw new Error(`no sample data for schema version ${version - 1}`);
      const name = `upgrade-${version}-${crypto.randomUUID()}`;
      const old = new Dexie(name);
      for (const declared of SCHEMA_VERSIONS.filter((v) => v.version < version)) {
        old.version(declared.version).stores(declared.stores);
      }
      for (const [table, rows] of Object.entries(sample.tables))
        await old.table(table).bulkAdd(rows);
      old.close();

      const current = new CaseClockDatabase(name);
      opened.push(current);
      await sample.check(current);
    },
  );
});
