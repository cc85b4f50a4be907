import { EVIDENCE_SIZE_LIMIT, UPLOAD_CHUNK_SIZE } from '../db/evidence';
import type { EvidenceSubject } from '../evidence/checklist';
import { sha256Hex } from '../evidence/hash';
import { base64FromBytes } from './base64';
import type { Message, Refusal, Reply } from './protocol';

/** A file the buyer picked or dropped (a `File`). */
export interface PickedFile {
  name: string;
  type: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface UploadDeps {
  send: <M extends Message>(message: M) => Promise<Reply<M>>;
  /** Storage space left, when the browser says (navigator.storage.estimate). */
  freeSpace?: () => Promise<number | undefined>;
  onProgress?: (sent: number, total: number) => void;
}

export type UploadResult = { ok: true; evidenceId: string } | Refusal;

/** The evidence kind of a file, from its type. */
export function kindOfFile(mimeType: string): 'photo' | 'video' | 'file' {
  if (mimeType.startsWith('image/')) return 'photo';
  if (mimeType.startsWith('video/')) return 'video';
  return 'file';
}

/**
 * Sends an upload's bytes to the background in chunks, in order; `onSent` hears how many bytes
 * are through. Stops at the first refusal, which it returns.
 */
export async function sendChunks(
  send: UploadDeps['send'],
  uploadId: string,
  bytes: Uint8Array,
  onSent?: (done: number) => void,
): Promise<{ ok: true } | Refusal> {
  for (let index = 0; index * UPLOAD_CHUNK_SIZE < bytes.byteLength; index += 1) {
    const end = Math.min((index + 1) * UPLOAD_CHUNK_SIZE, bytes.byteLength);
    const sent = await send({
      type: 'evidence-upload-chunk',
      uploadId,
      index,
      data: base64FromBytes(bytes.subarray(index * UPLOAD_CHUNK_SIZE, end)),
    });
    if (!sent.ok) return sent;
    onSent?.(end);
  }
  return { ok: true };
}

/**
 * Sends a file to the background, which alone writes evidence: checked against the size limit
 * and the space left first, then hashed, sent in chunks and verified there. On any refusal or
 * failure the upload is cancelled, so nothing half-saved remains (and the background drops an
 * upload whose chunk or finish failed on its own side).
 */
export async function uploadEvidenceFile(
  file: PickedFile,
  target: { caseId: string; shows: readonly EvidenceSubject[] },
  deps: UploadDeps,
): Promise<UploadResult> {
  if (file.size > EVIDENCE_SIZE_LIMIT) {
    return { ok: false, code: 'too-large', error: `${file.name} is over the size limit` };
  }
  const free = await deps.freeSpace?.();
  if (free !== undefined && free < file.size) {
    return { ok: false, code: 'quota', error: `not enough storage space for ${file.name}` };
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const mimeType = file.type || 'application/octet-stream';
  const started = await deps.send({
    type: 'evidence-upload-start',
    caseId: target.caseId,
    kind: kindOfFile(mimeType),
    shows: [...target.shows],
    name: file.name,
    mimeType,
    size: bytes.byteLength,
    sha256: await sha256Hex(bytes),
  });
  if (!started.ok) return started;
  const { uploadId } = started;
  const cancel = () =>
    deps.send({ type: 'evidence-upload-cancel', uploadId }).catch(() => undefined);
  try {
    const sent = await sendChunks(deps.send, uploadId, bytes, (done) => {
      deps.onProgress?.(done, bytes.byteLength);
    });
    if (!sent.ok) {
      await cancel();
      return sent;
    }
    const finished = await deps.send({ type: 'evidence-upload-finish', uploadId });
    return finished.ok ? { ok: true, evidenceId: finished.evidenceId } : finished;
  } catch (error) {
    // The background went away mid-way (say, it restarted): drop what it had received.
    await cancel();
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
