import { strToU8 } from 'fflate';
import { evidenceBytes, orderPageUrl, type EvidenceRecord, type StoredOrder } from '../db/schema';
import type { Language } from '../i18n';
import { marketplaceName } from '../i18n/phrases';
import { draftMessage, inCaptureOrder, usableMaterial, type Draft, type DraftInput } from './draft';
import { sha256Hex } from './hash';
import { packPageHtml, type PackPageFile } from './pack-page';
import { zipTime, ZipWriter } from '../zip/writer';

export interface PackInput extends Omit<DraftInput, 'language'> {
  /** The language of index.html; the messages come in every language. */
  language: Language;
  /** When the pack is made, an ISO instant: it dates the pack and every file in it. */
  generatedAt: string;
}

/** One file of the pack as manifest.json lists it. */
export interface PackFileEntry {
  path: string;
  name: string;
  kind: string;
  mimeType: string;
  size: number;
  sha256: string;
  capturedAt?: string;
  url?: string;
  title?: string;
  shows?: string[];
  /** The SHA-256 recorded when the evidence was captured. */
  recordedSha256?: string;
  /** Whether the bytes in the pack are the bytes captured. */
  matchesRecord?: boolean;
}

export interface PackManifest {
  generatedAt: string;
  order: Record<string, unknown>;
  case: { reason: string; openedAt: string; closedAt?: string };
  files: PackFileEntry[];
  /** Evidence whose file was not available, so the pack could not hold it. */
  missing?: { name: string; kind: string; capturedAt: string; recordedSha256?: string }[];
}

const TEXT_MIME = 'text/plain; charset=utf-8';

/** The extension each type of file is saved with, and others it is also known by. */
const EXTENSIONS: Readonly<Record<string, readonly [string, ...string[]]>> = {
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/webp': ['webp'],
  'image/gif': ['gif'],
  'image/avif': ['avif'],
  'image/heic': ['heic'],
  'image/bmp': ['bmp'],
  'video/mp4': ['mp4', 'm4v'],
  'video/webm': ['webm'],
  'video/quicktime': ['mov'],
  'audio/mpeg': ['mp3'],
  'audio/mp4': ['m4a'],
  'audio/aac': ['aac'],
  'audio/ogg': ['ogg', 'oga'],
  'audio/opus': ['opus'],
  'audio/flac': ['flac'],
  'audio/wav': ['wav'],
  'application/pdf': ['pdf'],
  'application/zip': ['zip'],
  'application/x-7z-compressed': ['7z'],
  'application/vnd.rar': ['rar'],
  'application/gzip': ['gz'],
  'text/plain': ['txt'],
  'text/html': ['html', 'htm'],
  'application/json': ['json'],
  'message/rfc822': ['eml'],
};

const IMAGE_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'webp', 'gif', 'avif', 'bmp']);
/**
 * Already compressed: deflating them again costs time and gains nothing. A BMP and a WAV are
 * raw, so they are deflated.
 */
const STORED_EXTENSIONS = new Set([
  'png',
  'jpg',
  'jpeg',
  'webp',
  'gif',
  'avif',
  'heic',
  'mp4',
  'm4v',
  'webm',
  'mov',
  'mp3',
  'm4a',
  'aac',
  'ogg',
  'oga',
  'opus',
  'flac',
  'pdf',
  'zip',
  '7z',
  'rar',
  'gz',
]);

function mimeTypeOfExtension(extension: string): string | undefined {
  return Object.keys(EXTENSIONS).find((mime) => EXTENSIONS[mime]?.includes(extension));
}

function splitExtension(name: string): { stem: string; extension?: string } {
  // No "^": with the "s" flag, "(.*)" reaches back to the start anyway.
  const match = /(.*)\.([A-Za-z0-9]{1,8})$/s.exec(name.trim());
  if (!match?.[1] || !match[2]) return { stem: name };
  return { stem: match[1], extension: match[2].toLowerCase() };
}

/**
 * A name safe on every system and inside a ZIP: letters, digits, "_", "-" and "()" only, so no
 * path separator, no "..", no control or reserved character can reach it.
 */
function safeStem(stem: string, fallback: string): string {
  const safe = stem
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}_()-]/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '');
  // Cut by code points, so a character outside the BMP is never split in half. Runs of "-" are
  // one already, so at most one is left at the end.
  const short = Array.from(safe).slice(0, 60).join('').replace(/-$/, '');
  return short === '' ? fallback : short;
}

/** The extension to save a file with: the name's when it fits the type, else the type's. */
function extensionFor(record: EvidenceRecord, nameExtension: string | undefined): string {
  const mime = record.mimeType?.split(';')[0]?.trim().toLowerCase();
  const known = mime ? EXTENSIONS[mime] : undefined;
  if (known) return nameExtension && known.includes(nameExtension) ? nameExtension : known[0];
  if (nameExtension) return nameExtension;
  return 'bin';
}

/** A piece of evidence's file, as the pack's reader gives it. */
export type EvidenceFile = Blob | Uint8Array;

export interface PackProgress {
  /** Bytes of evidence in the pack so far, as their records give their sizes. */
  done: number;
  total: number;
}

export interface PackSources {
  /**
   * The file of one piece of evidence, or undefined when it has none. The pack asks for the next
   * only once it is done with this one, so only one file is held at a time.
   */
  readFile: (evidenceId: string) => Promise<EvidenceFile | undefined>;
  onProgress?: (progress: PackProgress) => void;
}

interface PackedEvidence {
  record: EvidenceRecord;
  path: string;
  mimeType: string;
  extension: string;
}

/**
 * Where a piece of evidence goes in the pack, given whether it has a file (else its text, notes
 * and page text, in UTF-8), and its number in capture order among the packed pieces.
 */
function placeEvidence(record: EvidenceRecord, hasFile: boolean, number: string): PackedEvidence {
  const { stem, extension: nameExtension } = splitExtension(record.name);
  const extension = hasFile ? extensionFor(record, nameExtension) : 'txt';
  const base = safeStem(hasFile ? stem : nameExtension === 'txt' ? stem : record.name, record.kind);
  return {
    record,
    // The number keeps pieces with the same name apart, and the capture order visible.
    path: `evidence/${number}-${base}.${extension}`,
    mimeType: hasFile
      ? (record.mimeType ?? mimeTypeOfExtension(extension) ?? 'application/octet-stream')
      : TEXT_MIME,
    extension,
  };
}

async function evidenceEntry(piece: PackedEvidence, bytes: Uint8Array): Promise<PackFileEntry> {
  const { record } = piece;
  const sha256 = await sha256Hex(bytes);
  return {
    path: piece.path,
    name: record.name,
    kind: record.kind,
    mimeType: piece.mimeType,
    size: bytes.length,
    sha256,
    capturedAt: record.capturedAt,
    // JSON leaves out what is undefined.
    url: record.url,
    title: record.title,
    shows: [...record.shows],
    ...(record.sha256 !== undefined
      ? {
          recordedSha256: record.sha256,
          matchesRecord: record.sha256.toLowerCase() === sha256,
        }
      : {}),
  };
}

function timelineDocument(input: PackInput) {
  const { plan } = input;
  return {
    stage: plan.stage,
    nextStep: {
      action: plan.nextStep.action,
      message: plan.nextStep.message,
      ...(plan.nextStep.values ? { values: plan.nextStep.values } : {}),
      ...(plan.nextStep.dueAt ? { dueAt: plan.nextStep.dueAt } : {}),
    },
    deadlines: plan.deadlines.map((deadline) => ({
      kind: deadline.kind,
      edge: deadline.edge,
      dueAt: deadline.dueAt,
      passed: deadline.passed,
      ...(deadline.after ? { after: deadline.after } : {}),
      // Named as it is, who wrote it, when its rules were last checked, how sure they are.
      source: deadline.source,
      ...(deadline.override ? { override: deadline.override } : {}),
    })),
    compensation: plan.compensation.map((item) => ({
      kind: item.kind,
      amount: item.amount,
      source: item.source,
    })),
    events: input.events.map((event) => ({
      type: event.type,
      at: event.at,
      originalAt: event.originalAt,
      source: event.source,
      ...(event.details ? { details: event.details } : {}),
    })),
  };
}

function orderDocument(order: StoredOrder): Record<string, unknown> {
  const detailUrl = orderPageUrl(order);
  return {
    marketplace: order.marketplace,
    marketplaceName: marketplaceName(order.marketplace),
    orderNumber: order.orderNumber,
    ...(order.status ? { status: order.status } : {}),
    ...(order.statusText ? { statusText: order.statusText } : {}),
    ...(order.placedAt ? { placedAt: order.placedAt } : {}),
    ...(order.shippedAt ? { shippedAt: order.shippedAt } : {}),
    ...(order.receivedAt ? { receivedAt: order.receivedAt } : {}),
    ...(order.total ? { total: order.total } : {}),
    ...(order.seller ? { seller: order.seller.name } : {}),
    items: order.items.map((item) => ({
      title: item.title,
      quantity: item.quantity,
    })),
    ...(order.trackingNumber ? { trackingNumber: order.trackingNumber } : {}),
    ...(order.carrier ? { carrier: order.carrier } : {}),
    ...(order.dispute?.caseNumber ? { disputeCaseNumber: order.dispute.caseNumber } : {}),
    ...(detailUrl ? { detailUrl } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// The pack

function messageText(draft: Draft): string {
  return `${draft.subject}\n\n${draft.body}\n`;
}

async function fileEntry(path: string, kind: string, mimeType: string, bytes: Uint8Array) {
  return { path, name: path, kind, mimeType, size: bytes.length, sha256: await sha256Hex(bytes) };
}

/** How index.html shows a file besides its row: pictures as thumbnails, texts in full. */
function shownAs(piece: PackedEvidence): PackPageFile['shownAs'] {
  if (piece.mimeType === TEXT_MIME) return 'text';
  const image =
    IMAGE_EXTENSIONS.has(piece.extension) && piece.mimeType.toLowerCase().startsWith('image/');
  return image ? 'image' : 'file';
}

async function bytesOf(file: EvidenceFile): Promise<Uint8Array> {
  return file instanceof Uint8Array ? file : new Uint8Array(await file.arrayBuffer());
}

/**
 * The evidence pack: every piece of evidence as a file, the timeline, the message in each
 * language, a printable index.html, and manifest.json with the SHA-256 of every other file.
 * The same input always gives the same bytes. The order, the case and the steps are those the
 * plan rests on (see usableMaterial).
 *
 * The evidence files are read one at a time through `readFile`, hashed and written, then let
 * go; the documents that list them come after them.
 */
export async function buildEvidencePack(given: PackInput, sources: PackSources): Promise<Blob> {
  const input = usableMaterial(given);
  const { readFile, onProgress } = sources;
  const records = inCaptureOrder(input.evidence);
  const total = evidenceBytes(records);
  let done = 0;
  onProgress?.({ done, total });

  const writer = new ZipWriter(zipTime(input.generatedAt, input.timeZone));
  const digits = Math.max(2, String(records.length).length);
  const evidenceFiles: PackPageFile[] = [];
  const missing: EvidenceRecord[] = [];
  for (const record of records) {
    const file = await readFile(record.id);
    const text = record.kind === 'text' || record.kind === 'note' ? record.text : undefined;
    const before = done;
    const size = record.size ?? 0;
    if (file || text !== undefined) {
      const number = String(evidenceFiles.length + 1).padStart(digits, '0');
      const piece = placeEvidence(record, file !== undefined, number);
      // Stryker disable next-line StringLiteral: a piece with neither file nor text is missing
      const bytes = file ? await bytesOf(file) : strToU8(text ?? '');
      evidenceFiles.push({
        record,
        entry: await evidenceEntry(piece, bytes),
        shownAs: shownAs(piece),
      });
      writer.add(piece.path, bytes, STORED_EXTENSIONS.has(piece.extension), (bytesIn) => {
        done = before + Math.min(bytesIn, size);
        onProgress?.({ done, total });
      });
      await writer.flush();
    } else missing.push(record);
    done = before + size;
    onProgress?.({ done, total });
  }

  const draftInput = { ...input, evidence: evidenceFiles.map((file) => file.record) };
  const drafts: Readonly<Record<Language, Draft>> = {
    en: draftMessage({ ...draftInput, language: 'en' }),
    fr: draftMessage({ ...draftInput, language: 'fr' }),
  };
  const documents: { path: string; kind: string; mimeType: string; bytes: Uint8Array }[] = [
    {
      path: 'timeline.json',
      kind: 'timeline',
      mimeType: 'application/json',
      bytes: strToU8(`${JSON.stringify(timelineDocument(input), null, 2)}\n`),
    },
    {
      path: 'message-en.txt',
      kind: 'message',
      mimeType: TEXT_MIME,
      bytes: strToU8(messageText(drafts.en)),
    },
    {
      path: 'message-fr.txt',
      kind: 'message',
      mimeType: TEXT_MIME,
      bytes: strToU8(messageText(drafts.fr)),
    },
    {
      path: 'index.html',
      kind: 'summary',
      mimeType: 'text/html; charset=utf-8',
      bytes: strToU8(
        packPageHtml({
          input,
          files: evidenceFiles,
          missing,
          message: messageText(drafts[input.language]),
        }),
      ),
    },
  ];
  const documentEntries: PackFileEntry[] = [];
  for (const document of documents) {
    documentEntries.push(
      await fileEntry(document.path, document.kind, document.mimeType, document.bytes),
    );
    writer.add(document.path, document.bytes, false);
  }

  const manifest: PackManifest = {
    generatedAt: input.generatedAt,
    order: orderDocument(input.order),
    case: {
      reason: input.openCase.reason,
      openedAt: input.openCase.openedAt,
      ...(input.openCase.closedAt ? { closedAt: input.openCase.closedAt } : {}),
    },
    files: [...evidenceFiles.map((file) => file.entry), ...documentEntries],
    ...(missing.length > 0
      ? {
          missing: missing.map((record) => ({
            name: record.name,
            kind: record.kind,
            capturedAt: record.capturedAt,
            recordedSha256: record.sha256,
          })),
        }
      : {}),
  };
  writer.add('manifest.json', strToU8(`${JSON.stringify(manifest, null, 2)}\n`), false);
  return writer.finish();
}

/** "caseclock-dhgate-1043587216-2026-11-22.zip": the day is the UTC day the pack was made. */
export function packFileName(order: StoredOrder, generatedAt: string): string {
  const day = new Date(generatedAt).toISOString().slice(0, 10);
  return `caseclock-${order.marketplace}-${safeStem(order.orderNumber, 'order')}-${day}.zip`;
}
