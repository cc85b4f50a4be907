import { Blob as StorableBlob } from 'node:buffer';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { CaseClockDatabase } from '@/lib/db/database';
import { undoDeletion } from '@/lib/db/deletion';
import { readSettings } from '@/lib/db/settings';
import { SCHEMA_VERSIONS } from '@/lib/db/versions';

/** A released schema version as it shipped, with rows it wrote: see `frozen/README.md`. */
interface FrozenVersion {
  version: number;
  stores: Record<string, string | null>;
  rows: Record<string, Record<string, unknown>[]>;
}

const FROZEN_DIR = join(dirname(fileURLToPath(import.meta.url)), 'frozen');

const FROZEN: FrozenVersion[] = readdirSync(FROZEN_DIR)
  .filter((file) => /^v\d+\.json$/.test(file))
  .map((file) => JSON.parse(readFileSync(join(FROZEN_DIR, file), 'utf8')) as FrozenVersion)
  .sort((a, b) => a.version - b.version);

/** A Blob as a frozen file writes it. */
interface WrittenBlob {
  $blob: string;
  type: string;
}

function isWrittenBlob(value: unknown): value is WrittenBlob {
  return typeof value === 'object' && value !== null && '$blob' in value;
}

/**
 * A frozen row as the version stored it: its written Blobs made Blobs again. Node's own Blob,
 * as fake-indexeddb clones with Node's `structuredClone`, which keeps only a happy-dom Blob's
 * type, not its bytes.
 */
function storable(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(row).map(([field, value]) => [
      field,
      isWrittenBlob(value) ? new StorableBlob([value.$blob], { type: value.type }) : value,
    ]),
  );
}

/** A row read back, its Blobs written as a frozen file writes them, to compare. */
async function comparable(row: Record<string, unknown>): Promise<Record<string, unknown>> {
  const fields = await Promise.all(
    Object.entries(row).map(async ([field, value]) => [
      field,
      value instanceof StorableBlob ? { $blob: await value.text(), type: value.type } : value,
    ]),
  );
  return Object.fromEntries(fields) as Record<string, unknown>;
}

/** The tables a version had: every table declared up to it and not dropped since. */
function tablesAt(version: number): string[] {
  const tables = new Set<string>();
  for (const frozen of FROZEN.filter((found) => found.version <= version)) {
    for (const [table, declaration] of Object.entries(frozen.stores)) {
      if (declaration === null) tables.delete(table);
      else tables.add(table);
    }
  }
  return [...tables].sort();
}

/**
 * What the upgrades since a version add to its rows, written from what each upgrade is for. From
 * version 1, version 2 logs the order's shown status and its tracking number as page events,
 * timed when CaseClock first saw the order (its shipping date, for the tracking number).
 */
const DERIVED: Record<number, Record<string, Record<string, unknown>[]>> = {
  1: {
    events: [
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
    ],
  },
};

const opened: Dexie[] = [];

afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

/** Writes a frozen version's rows into a database declared with the frozen stores up to it. */
async function writtenAt(frozen: FrozenVersion): Promise<string> {
  const name = `frozen-v${frozen.version}-${crypto.randomUUID()}`;
  const old = new Dexie(name);
  for (const earlier of FROZEN.filter((found) => found.version <= frozen.version)) {
    old.version(earlier.version).stores(earlier.stores);
  }
  for (const [table, rows] of Object.entries(frozen.rows)) {
    await old.table(table).bulkAdd(rows.map(storable));
  }
  old.close();
  return name;
}

describe('released schema versions', () => {
  it('declare every version in order, never skipping one', () => {
    expect(SCHEMA_VERSIONS.map((version) => version.version)).toEqual(
      SCHEMA_VERSIONS.map((_version, index) => index + 1),
    );
  });

  it('each have a frozen file, written when it was released', () => {
    expect(FROZEN.map((frozen) => frozen.version)).toEqual(
      SCHEMA_VERSIONS.map((version) => version.version),
    );
  });

  it.each(FROZEN.map((frozen) => [frozen.version, frozen] as const))(
    'version %i declares what it declared when released: a change is a new version',
    (version, frozen) => {
      expect(SCHEMA_VERSIONS.find((declared) => declared.version === version)?.stores).toEqual(
        frozen.stores,
      );
    },
  );

  it.each(FROZEN.map((frozen) => [frozen.version, frozen] as const))(
    'data written by version %i opens with today’s code, every row there',
    async (version, frozen) => {
      // The sample covers every table the version had.
      expect(Object.keys(frozen.rows).sort()).toEqual(tablesAt(version));
      const current = new CaseClockDatabase(await writtenAt(frozen));
      opened.push(current);

      for (const table of current.tables) {
        const expected = [
          ...(frozen.rows[table.name] ?? []),
          ...(DERIVED[version]?.[table.name] ?? []),
        ];
        const stored = await Promise.all(
          ((await table.toArray()) as Record<string, unknown>[]).map(comparable),
        );
        expect(stored, table.name).toHaveLength(expected.length);
        expect(stored, table.name).toEqual(expect.arrayContaining(expected));
      }
    },
  );

  it('reads settings saved before the in-page panel existed with the panel on', async () => {
    const [, version2] = FROZEN;
    if (!version2) throw new Error('no frozen version 2');
    const current = new CaseClockDatabase(await writtenAt(version2));
    opened.push(current);
    expect(await readSettings(current)).toMatchObject({
      membership: { dhgate: 'silver' },
      showPanel: true,
    });
  });

  it('undoes a deletion made before reminders were logged', async () => {
    const version4 = FROZEN.find((frozen) => frozen.version === 4);
    if (!version4) throw new Error('no frozen version 4');
    const current = new CaseClockDatabase(await writtenAt(version4));
    opened.push(current);
    // Its trash entry, deleted at 10:00:00, has no `reminderLog`.
    await undoDeletion(current, 'trash-1', '2026-11-13T10:00:05.000Z');
    expect(await current.orders.get('dhgate:1043587216')).toMatchObject({
      orderNumber: '1043587216',
    });
    expect(await current.reminderLog.count()).toBe(0);
  });
});
