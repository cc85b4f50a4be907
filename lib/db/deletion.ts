import type { CaseClockDatabase } from './database';
import { mustExist, RecordError } from './errors';
import { discardUpload } from './evidence';
import {
  evidenceBytes,
  type DeletionTarget,
  type EvidenceKind,
  type EvidenceRecord,
  type StoredCase,
  type StoredEvent,
  type TrashRecord,
} from './schema';

/** How long the buyer may undo a deletion. */
export const UNDO_WINDOW_MS = 10_000;
/** A late "Undo" still in flight when the window closes is honoured; the trash waits for it. */
const UNDO_GRACE_MS = 5_000;

/** What a deletion takes away, counted for the buyer to confirm. */
export interface DeletionSummary {
  cases: number;
  /** Steps the buyer recorded. */
  buyerSteps: number;
  /** What CaseClock read on the marketplace's pages. */
  pageEntries: number;
  evidence: number;
  evidenceByKind: Partial<Record<EvidenceKind, number>>;
  /** The evidence files' size, in bytes. */
  bytes: number;
}

/** What deleting `target` would take away, from the order's own records. */
export function deletionSummary(
  target: Pick<DeletionTarget, 'kind' | 'id'>,
  records: {
    cases: readonly StoredCase[];
    events: readonly StoredEvent[];
    evidence: readonly EvidenceRecord[];
  },
): DeletionSummary {
  const inTarget = (caseId: string | undefined) => target.kind === 'order' || caseId === target.id;
  const events = records.events.filter((event) => inTarget(event.caseId));
  const evidence = records.evidence.filter((record) => inTarget(record.caseId));
  const evidenceByKind: Partial<Record<EvidenceKind, number>> = {};
  for (const record of evidence) {
    evidenceByKind[record.kind] = (evidenceByKind[record.kind] ?? 0) + 1;
  }
  return {
    cases: target.kind === 'order' ? records.cases.length : 1,
    buyerSteps: events.filter((event) => event.source === 'buyer').length,
    pageEntries: events.filter((event) => event.source === 'page').length,
    evidence: evidence.length,
    evidenceByKind,
    bytes: evidenceBytes(evidence),
  };
}

const TABLES = (db: CaseClockDatabase) => [
  db.orders,
  db.cases,
  db.events,
  db.evidence,
  db.evidenceBlobs,
  db.reminders,
  db.reminderLog,
  db.trash,
  db.uploads,
  db.uploadChunks,
];

/** Everything that goes with an order, or with one of its cases. */
async function recordsOf(
  db: CaseClockDatabase,
  target: DeletionTarget,
): Promise<Omit<TrashRecord, 'id' | 'deletedAt' | 'target'>> {
  if (target.kind === 'case') {
    const [events, evidence] = await Promise.all([
      db.events.where('caseId').equals(target.id).toArray(),
      db.evidence.where('caseId').equals(target.id).toArray(),
    ]);
    const found = mustExist(await db.cases.get(target.id), `case ${target.id}`);
    return { orders: [], cases: [found], events, evidence, reminders: [], reminderLog: [] };
  }
  const [orders, cases, events, evidence, reminders, reminderLog] = await Promise.all([
    db.orders.bulkGet([target.orderId]),
    db.cases.where('orderId').equals(target.orderId).toArray(),
    db.events.where('orderId').equals(target.orderId).toArray(),
    db.evidence.where('orderId').equals(target.orderId).toArray(),
    // A reminder's key starts with its order's id.
    db.reminders.where('id').startsWith(`${target.orderId}|`).toArray(),
    db.reminderLog.where('orderId').equals(target.orderId).toArray(),
  ]);
  return {
    orders: orders.filter((order) => order !== undefined),
    cases,
    events,
    evidence,
    reminders,
    reminderLog,
  };
}

/**
 * Deletes an order with its cases, events, evidence, reminders and their log, or one case with
 * its events and evidence, in one transaction. It all waits in the trash for `UNDO_WINDOW_MS`; returns the
 * trash entry, whose id undoes the deletion.
 */
export async function deleteRecords(
  db: CaseClockDatabase,
  what: { kind: 'order' | 'case'; id: string },
  at: string,
  newId: () => string = () => crypto.randomUUID(),
): Promise<TrashRecord> {
  return db.transaction('rw', TABLES(db), async () => {
    const orderId =
      what.kind === 'order'
        ? mustExist(await db.orders.get(what.id), `order ${what.id}`).id
        : mustExist(await db.cases.get(what.id), `case ${what.id}`).orderId;
    const target: DeletionTarget = { ...what, orderId };
    const trash: TrashRecord = {
      id: newId(),
      deletedAt: at,
      target,
      ...(await recordsOf(db, target)),
    };
    const caseIds = trash.cases.map((found) => found.id);
    // Files still on their way to a deleted case are of no use to anyone.
    const uploads = await db.uploads
      .filter((upload) => caseIds.includes(upload.caseId))
      .primaryKeys();
    for (const uploadId of uploads) await discardUpload(db, uploadId);
    await db.trash.add(trash);
    await db.orders.bulkDelete(trash.orders.map((order) => order.id));
    await db.cases.bulkDelete(caseIds);
    await db.events.bulkDelete(trash.events.map((event) => event.id));
    await db.evidence.bulkDelete(trash.evidence.map((record) => record.id));
    await db.reminders.bulkDelete(trash.reminders.map((record) => record.id));
    await db.reminderLog.bulkDelete((trash.reminderLog ?? []).map((entry) => entry.id));
    return trash;
  });
}

function undoEndsAt(deletedAt: string): number {
  return new Date(deletedAt).getTime() + UNDO_WINDOW_MS + UNDO_GRACE_MS;
}

/** Puts back what a deletion took away, while its time to undo lasts. */
export async function undoDeletion(
  db: CaseClockDatabase,
  trashId: string,
  at: string,
): Promise<DeletionTarget> {
  return db.transaction('rw', TABLES(db), async () => {
    const trash = await db.trash.get(trashId);
    if (!trash || new Date(at).getTime() > undoEndsAt(trash.deletedAt)) {
      throw new RecordError('the time to undo this deletion has passed', 'not-found');
    }
    const { target } = trash;
    if (target.kind === 'case') {
      if (!(await db.orders.get(target.orderId))) {
        throw new RecordError('the order of this case was deleted since', 'not-found');
      }
      const restoresOpen = trash.cases.some((found) => found.status === 'open');
      const open = await db.cases.where('orderId').equals(target.orderId).toArray();
      if (restoresOpen && open.some((found) => found.status === 'open')) {
        throw new RecordError('another case was opened on this order since');
      }
    }
    await db.orders.bulkPut(trash.orders);
    await db.cases.bulkPut(trash.cases);
    await db.events.bulkPut(trash.events);
    await db.evidence.bulkPut(trash.evidence);
    await db.reminders.bulkPut(trash.reminders);
    await db.reminderLog.bulkPut(trash.reminderLog ?? []);
    await db.trash.delete(trashId);
    return target;
  });
}

/** Deletes for good what waited in the trash longer than an undo can come; returns how many. */
export async function emptyTrash(db: CaseClockDatabase, now: string): Promise<number> {
  const before = new Date(new Date(now).getTime() - UNDO_WINDOW_MS - UNDO_GRACE_MS).toISOString();
  return db.transaction('rw', [db.trash, db.evidenceBlobs], async () => {
    const expired = await db.trash.where('deletedAt').below(before).toArray();
    await db.evidenceBlobs.bulkDelete(
      expired.flatMap((trash) => trash.evidence.map((record) => record.id)),
    );
    await db.trash.bulkDelete(expired.map((trash) => trash.id));
    return expired.length;
  });
}

/** When the trash should next be emptied, if anything waits in it. */
export async function nextTrashEmptying(db: CaseClockDatabase): Promise<number | undefined> {
  const first = await db.trash.orderBy('deletedAt').first();
  return first ? undoEndsAt(first.deletedAt) + 1 : undefined;
}
