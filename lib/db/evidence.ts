import { sha256Hex } from '../evidence/hash';
import type { CaseClockDatabase } from './database';
import { isQuotaError, mustExist, RecordError } from './errors';
import { evidenceBytes, type EvidenceRecord, type StoredCase, type UploadRecord } from './schema';

/** The largest file kept as evidence: a long phone video fits, a whole film does not. */
export const EVIDENCE_SIZE_LIMIT = 100 * 1024 * 1024;

/** Files travel to the background in pieces of this size (messages have a size limit). */
export const UPLOAD_CHUNK_SIZE = 1024 * 1024;

export type NewEvidence = Omit<EvidenceRecord, 'id' | 'orderId' | 'size' | 'sha256'>;

export interface EvidenceFile {
  blob: Blob;
  sha256: string;
}

type NewId = () => string;
const randomId: NewId = () => crypto.randomUUID();

async function caseOf(db: CaseClockDatabase, caseId: string): Promise<StoredCase> {
  return mustExist(await db.cases.get(caseId), `case ${caseId}`);
}

function checkSize(name: string, size: number): void {
  if (size > EVIDENCE_SIZE_LIMIT) {
    throw new RecordError(
      `${name} is larger than the ${EVIDENCE_SIZE_LIMIT} byte limit`,
      'too-large',
    );
  }
}

/** Runs a write; a browser out of storage space becomes a clear "quota" refusal. */
async function writing<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isQuotaError(error)) {
      throw new RecordError('there is not enough storage space left', 'quota');
    }
    throw error;
  }
}

/** Keeps a piece of evidence and its file together: both are stored, or neither. */
export async function addEvidence(
  db: CaseClockDatabase,
  piece: NewEvidence,
  file?: EvidenceFile,
  newId: NewId = randomId,
): Promise<EvidenceRecord> {
  if (file) checkSize(piece.name, file.blob.size);
  return writing(() =>
    db.transaction('rw', [db.cases, db.evidence, db.evidenceBlobs], async () => {
      const owner = await caseOf(db, piece.caseId);
      const record: EvidenceRecord = {
        ...piece,
        id: newId(),
        orderId: owner.orderId,
        ...(file ? { size: file.blob.size, sha256: file.sha256 } : {}),
      };
      await db.evidence.add(record);
      if (file) await db.evidenceBlobs.add({ id: record.id, blob: file.blob });
      return record;
    }),
  );
}

/** Opens the way for a file sent in chunks; it becomes evidence only once whole and verified. */
export async function startUpload(
  db: CaseClockDatabase,
  upload: Omit<UploadRecord, 'id'>,
  newId: NewId = randomId,
): Promise<UploadRecord> {
  checkSize(upload.name, upload.size);
  if (upload.size === 0) throw new RecordError(`${upload.name} is empty`);
  await caseOf(db, upload.caseId);
  const started = { ...upload, id: newId() };
  await writing(() => db.uploads.add(started));
  return started;
}

async function uploadOf(db: CaseClockDatabase, uploadId: string): Promise<UploadRecord> {
  return mustExist(await db.uploads.get(uploadId), `upload ${uploadId}`);
}

async function receivedBytes(db: CaseClockDatabase, uploadId: string): Promise<number> {
  const chunks = await db.uploadChunks.where('uploadId').equals(uploadId).toArray();
  return chunks.reduce((total, chunk) => total + chunk.bytes.size, 0);
}

/** Runs a step of an upload; if it fails, the whole upload goes, so nothing half-saved stays. */
async function orDiscard<T>(db: CaseClockDatabase, uploadId: string, step: () => Promise<T>) {
  try {
    return await step();
  } catch (error) {
    await discardUpload(db, uploadId);
    throw error;
  }
}

export async function addUploadChunk(
  db: CaseClockDatabase,
  uploadId: string,
  index: number,
  bytes: Uint8Array,
  at: string,
): Promise<void> {
  const upload = await uploadOf(db, uploadId);
  await orDiscard(db, uploadId, () =>
    writing(() =>
      db.transaction('rw', [db.uploads, db.uploadChunks], async () => {
        if ((await receivedBytes(db, uploadId)) + bytes.byteLength > upload.size) {
          throw new RecordError(`${upload.name} is longer than announced`);
        }
        await db.uploadChunks.put({
          uploadId,
          index,
          bytes: new Blob([bytes as Uint8Array<ArrayBuffer>]),
        });
        await db.uploads.update(uploadId, { touchedAt: at });
      }),
    ),
  );
}

/** Drops an upload and its chunks, whatever state it is in. */
export async function discardUpload(db: CaseClockDatabase, uploadId: string): Promise<void> {
  await db.transaction('rw', [db.uploads, db.uploadChunks], async () => {
    await db.uploadChunks.where('uploadId').equals(uploadId).delete();
    await db.uploads.delete(uploadId);
  });
}

/** How long an upload may stay silent: chunks of 1 MB arrive within seconds of each other. */
export const UPLOAD_IDLE_LIMIT_MS = 10 * 60_000;

/** Uploads a closed page never finished: their chunks only take space. */
export async function discardAbandonedUploads(db: CaseClockDatabase, now: string): Promise<number> {
  const idleSince = new Date(new Date(now).getTime() - UPLOAD_IDLE_LIMIT_MS).toISOString();
  const stale = await db.uploads
    .filter((upload) => (upload.touchedAt ?? upload.startedAt) < idleSince)
    .primaryKeys();
  for (const id of stale) await discardUpload(db, id);
  return stale.length;
}

/**
 * Turns a whole upload into evidence, after checking it arrived complete and unchanged (its
 * SHA-256 is the one the page computed). A bad upload is dropped: nothing half-saved remains.
 */
export async function finishUpload(
  db: CaseClockDatabase,
  uploadId: string,
  capturedAt: string,
  newId: NewId = randomId,
): Promise<EvidenceRecord> {
  const upload = await uploadOf(db, uploadId);
  return orDiscard(db, uploadId, async () => {
    const chunks = await db.uploadChunks.where('uploadId').equals(uploadId).sortBy('index');
    const blob = new Blob(
      chunks.map((chunk) => chunk.bytes),
      { type: upload.mimeType },
    );
    const sha256 = await sha256Hex(new Uint8Array(await blob.arrayBuffer()));
    const complete = chunks.every((chunk, position) => chunk.index === position);
    if (!complete || blob.size !== upload.size || sha256 !== upload.sha256) {
      throw new RecordError(`${upload.name} arrived incomplete or changed`, 'integrity');
    }
    const { caseId, kind, shows, name, mimeType } = upload;
    return db.transaction(
      'rw',
      [db.cases, db.evidence, db.evidenceBlobs, db.uploads, db.uploadChunks],
      async () => {
        const record = await addEvidence(
          db,
          { caseId, kind, shows, name, mimeType, capturedAt },
          { blob, sha256 },
          newId,
        );
        await discardUpload(db, uploadId);
        return record;
      },
    );
  });
}

async function evidenceOf(db: CaseClockDatabase, evidenceId: string): Promise<EvidenceRecord> {
  return mustExist(await db.evidence.get(evidenceId), `evidence ${evidenceId}`);
}

/** Says what a piece of evidence shows, which ticks the checklist. */
export async function tagEvidence(
  db: CaseClockDatabase,
  evidenceId: string,
  shows: readonly string[],
): Promise<void> {
  await db.transaction('rw', db.evidence, async () => {
    await evidenceOf(db, evidenceId);
    await db.evidence.update(evidenceId, { shows: [...new Set(shows)] });
  });
}

export async function removeEvidence(db: CaseClockDatabase, evidenceId: string): Promise<void> {
  await db.transaction('rw', [db.evidence, db.evidenceBlobs], async () => {
    await evidenceOf(db, evidenceId);
    await db.evidence.delete(evidenceId);
    await db.evidenceBlobs.delete(evidenceId);
  });
}

/** The bytes the evidence files take: what the buyer attached and captured. */
export async function evidenceSpace(db: CaseClockDatabase): Promise<number> {
  return evidenceBytes(await db.evidence.toArray());
}
