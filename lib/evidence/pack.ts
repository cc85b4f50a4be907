import { strToU8, zipSync, type ZipOptions, type Zippable } from 'fflate';
import type { EvidenceRecord, StoredOrder } from '../db/schema';
import { translator, type Language, type Translate } from '../i18n';
import {
  compensationText,
  formatPeriod,
  localeFor,
  marketplaceName,
  ruleTiming,
  stepText,
} from '../i18n/phrases';
import { formatMoney } from '../money';
import type { Deadline } from '../timeline/types';
import { isInstant } from '../timeline/usable';
import {
  describeEvent,
  draftMessage,
  formatDay,
  inCaptureOrder,
  showsLabel,
  usableMaterial,
  type Draft,
  type DraftInput,
} from './draft';
import { sha256Hex } from './hash';

export interface PackInput extends Omit<DraftInput, 'language'> {
  /** The language of index.html; the messages come in every language. */
  language: Language;
  /** Evidence id → bytes, for the records that have a file. */
  evidenceFiles: ReadonlyMap<string, Uint8Array>;
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
const EXTENSIONS: Readonly<Record<string, readonly string[]>> = {
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
  'application/pdf': ['pdf'],
  'text/plain': ['txt'],
  'text/html': ['html', 'htm'],
  'application/json': ['json'],
  'message/rfc822': ['eml'],
};

const IMAGE_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'webp', 'gif', 'avif', 'bmp']);
/** Already compressed: deflating them again costs time and gains nothing. */
const STORED_EXTENSIONS = new Set([...IMAGE_EXTENSIONS, 'heic', 'mp4', 'm4v', 'webm', 'mov']);

function mimeTypeOfExtension(extension: string): string | undefined {
  return Object.keys(EXTENSIONS).find((mime) => EXTENSIONS[mime]?.includes(extension));
}

function splitExtension(name: string): { stem: string; extension?: string } {
  const match = /^(.*)\.([A-Za-z0-9]{1,8})$/s.exec(name.trim());
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
    .replace(/[^\p{L}\p{N}_()-]+/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '');
  // Cut by code points, so a character outside the BMP is never split in half.
  const short = Array.from(safe).slice(0, 60).join('').replace(/-+$/, '');
  return short === '' ? fallback : short;
}

/** The extension to save a file with: the name's when it fits the type, else the type's. */
function extensionFor(record: EvidenceRecord, nameExtension: string | undefined): string {
  const mime = record.mimeType?.split(';')[0]?.trim().toLowerCase();
  const known = mime ? EXTENSIONS[mime] : undefined;
  if (known)
    return nameExtension && known.includes(nameExtension) ? nameExtension : (known[0] ?? 'bin');
  if (nameExtension) return nameExtension;
  return 'bin';
}

interface PackedEvidence {
  record: EvidenceRecord;
  path: string;
  bytes: Uint8Array;
  mimeType: string;
  extension: string;
}

/** Each piece of evidence as a file: its bytes, or its text (notes and page text) in UTF-8. */
function packEvidence(input: PackInput): { packed: PackedEvidence[]; missing: EvidenceRecord[] } {
  const records = inCaptureOrder(input.evidence);
  const digits = Math.max(2, String(records.length).length);
  const packed: PackedEvidence[] = [];
  const missing: EvidenceRecord[] = [];
  for (const record of records) {
    const file = input.evidenceFiles.get(record.id);
    const text = record.kind === 'text' || record.kind === 'note' ? record.text : undefined;
    if (!file && text === undefined) {
      missing.push(record);
      continue;
    }
    const { stem, extension: nameExtension } = splitExtension(record.name);
    const extension = file ? extensionFor(record, nameExtension) : 'txt';
    const base = safeStem(file ? stem : nameExtension === 'txt' ? stem : record.name, record.kind);
    // The number keeps pieces with the same name apart, and the capture order visible.
    const number = String(packed.length + 1).padStart(digits, '0');
    const path = `evidence/${number}-${base}.${extension}`;
    packed.push({
      record,
      path,
      bytes: file ?? strToU8(text ?? ''),
      mimeType: file
        ? (record.mimeType ?? mimeTypeOfExtension(extension) ?? 'application/octet-stream')
        : TEXT_MIME,
      extension,
    });
  }
  return { packed, missing };
}

async function evidenceEntry(piece: PackedEvidence): Promise<PackFileEntry> {
  const { record } = piece;
  const sha256 = await sha256Hex(piece.bytes);
  return {
    path: piece.path,
    name: record.name,
    kind: record.kind,
    mimeType: piece.mimeType,
    size: piece.bytes.length,
    sha256,
    capturedAt: record.capturedAt,
    ...(record.url !== undefined ? { url: record.url } : {}),
    ...(record.title !== undefined ? { title: record.title } : {}),
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
      source: {
        title: deadline.source.title,
        ...(deadline.source.url !== undefined ? { url: deadline.source.url } : {}),
        ...(deadline.source.quote !== undefined ? { quote: deadline.source.quote } : {}),
      },
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
      ...(event.originalAt !== undefined ? { originalAt: event.originalAt } : {}),
      source: event.source,
      ...(event.details ? { details: event.details } : {}),
    })),
  };
}

function orderDocument(order: StoredOrder): Record<string, unknown> {
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
      ...(item.quantity !== undefined ? { quantity: item.quantity } : {}),
    })),
    ...(order.trackingNumber ? { trackingNumber: order.trackingNumber } : {}),
    ...(order.carrier ? { carrier: order.carrier } : {}),
    ...(order.dispute?.caseNumber ? { disputeCaseNumber: order.dispute.caseNumber } : {}),
    ...(order.detailUrl ? { detailUrl: order.detailUrl } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// index.html

/** Text for HTML content or a quoted attribute: nothing in it can open a tag or leave a quote. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A link for an http(s) address; anything else (javascript:, data:…) stays plain text. */
function externalLink(url: string, label: string = url): string {
  let protocol: string | undefined;
  try {
    protocol = new URL(url).protocol;
  } catch {
    protocol = undefined;
  }
  if (protocol !== 'http:' && protocol !== 'https:') return escapeHtml(label);
  return `<a href="${escapeHtml(url)}" rel="noreferrer">${escapeHtml(label)}</a>`;
}

/** A path inside the pack as a relative href, each segment encoded. */
function packHref(path: string): string {
  return escapeHtml(path.split('/').map(encodeURIComponent).join('/'));
}

const STYLE = `
@page { size: A4; margin: 15mm; }
* { box-sizing: border-box; }
body { font: 10.5pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #111; max-width: 180mm; margin: 0 auto; padding: 12px; }
h1 { font-size: 16pt; margin: 0 0 4px; }
h2 { font-size: 12.5pt; margin: 18px 0 6px; border-bottom: 1px solid #999; padding-bottom: 2px; }
p.meta { color: #444; margin: 2px 0; font-size: 9pt; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0; }
dt { font-weight: 600; }
dd { margin: 0; }
table { width: 100%; border-collapse: collapse; font-size: 9pt; }
th, td { border: 1px solid #bbb; padding: 3px 5px; text-align: left; vertical-align: top; }
th { background: #eee; }
code, .hash { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 7.5pt; word-break: break-all; }
dd, td a, td code { overflow-wrap: anywhere; }
.passed { color: #555; }
.warning { color: #a00; font-weight: 600; }
blockquote { margin: 2px 0 0; padding-left: 6px; border-left: 2px solid #bbb; color: #333; }
.images { display: flex; flex-wrap: wrap; gap: 8px; }
figure { margin: 0; width: 55mm; }
figure img { max-width: 100%; max-height: 55mm; border: 1px solid #bbb; display: block; }
figcaption { font-size: 8pt; overflow-wrap: anywhere; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; font: 9.5pt/1.4 ui-monospace, Menlo, Consolas, monospace; background: #f6f6f6; border: 1px solid #ddd; padding: 8px; margin: 4px 0; }
@media print {
  body { max-width: none; padding: 0; }
  a { color: inherit; }
  h2 { break-after: avoid; }
  tr, figure, pre, dl { break-inside: avoid; }
  pre { background: none; }
}
`.trim();

interface HtmlContext {
  input: PackInput;
  t: Translate;
  marketplace: string;
  dateTime: (instant: string) => string;
  day: (instant: string) => string;
}

function definitionList(rows: readonly (readonly [string, string | undefined])[]): string {
  const items = rows
    .filter((row): row is readonly [string, string] => row[1] !== undefined)
    .map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${value}</dd>`);
  return `<dl>${items.join('')}</dl>`;
}

function orderSection({ input, t, marketplace, day }: HtmlContext): string {
  const { order } = input;
  const locale = localeFor(input.language);
  const items = order.items
    .filter((item) => item.title.trim() !== '')
    .map((item) =>
      escapeHtml(
        item.quantity === undefined
          ? item.title
          : t('draft.text.fact.item', { title: item.title, quantity: item.quantity }),
      ),
    );
  const text = (value: string | undefined) => (value ? escapeHtml(value) : undefined);
  return `<h2>${escapeHtml(t('pack.doc.heading.order'))}</h2>${definitionList([
    [t('pack.doc.field.marketplace'), escapeHtml(marketplace)],
    [t('pack.doc.field.orderNumber'), escapeHtml(order.orderNumber)],
    [t('pack.doc.field.caseNumber'), text(order.dispute?.caseNumber)],
    [
      t('pack.doc.field.status'),
      order.status ? escapeHtml(t(`status.${order.status}` as const)) : text(order.statusText),
    ],
    [t('pack.doc.field.placedAt'), order.placedAt ? escapeHtml(day(order.placedAt)) : undefined],
    [
      t('pack.doc.field.total'),
      order.total ? escapeHtml(formatMoney(order.total, locale)) : undefined,
    ],
    [t('pack.doc.field.seller'), text(order.seller?.name)],
    [t('pack.doc.field.items'), items.length > 0 ? items.join('<br>') : undefined],
    [t('pack.doc.field.shippedAt'), order.shippedAt ? escapeHtml(day(order.shippedAt)) : undefined],
    [t('pack.doc.field.tracking'), text(order.trackingNumber)],
    [t('pack.doc.field.carrier'), text(order.carrier)],
    [
      t('pack.doc.field.receivedAt'),
      order.receivedAt ? escapeHtml(day(order.receivedAt)) : undefined,
    ],
    [t('pack.doc.field.orderPage'), order.detailUrl ? externalLink(order.detailUrl) : undefined],
  ])}`;
}

function caseSection({ input, t, dateTime }: HtmlContext): string {
  const { openCase, plan } = input;
  const locale = localeFor(input.language);
  const nextStep = stepText(t, plan.nextStep, input.order.marketplace);
  const compensation = plan.compensation.map((item) =>
    escapeHtml(compensationText(t, item, (amount) => formatMoney(amount, locale))),
  );
  return `<h2>${escapeHtml(t('pack.doc.heading.case'))}</h2>${definitionList([
    [t('pack.doc.field.reason'), escapeHtml(t(`reason.${openCase.reason}` as const))],
    // The one date of the case nothing plans on: usableMaterial leaves it as it was stored.
    [
      t('pack.doc.field.openedAt'),
      isInstant(openCase.openedAt) ? escapeHtml(dateTime(openCase.openedAt)) : undefined,
    ],
    [
      t('pack.doc.field.closedAt'),
      openCase.closedAt ? escapeHtml(dateTime(openCase.closedAt)) : undefined,
    ],
    [t('pack.doc.field.stage'), escapeHtml(t(`stage.${plan.stage}` as const))],
    [
      t('pack.doc.field.nextStep'),
      escapeHtml(plan.nextStep.dueAt ? `${nextStep} (${dateTime(plan.nextStep.dueAt)})` : nextStep),
    ],
    [
      t('pack.doc.field.compensation'),
      compensation.length > 0 ? compensation.join('<br>') : undefined,
    ],
  ])}`;
}

function eventsTable({ input, t, marketplace, dateTime }: HtmlContext): string {
  const { events } = input;
  if (events.length === 0) return `<p>${escapeHtml(t('pack.doc.events.none'))}</p>`;
  const rows = events.map((event) => {
    const source = t(event.source === 'page' ? 'pack.doc.source.page' : 'pack.doc.source.buyer');
    const corrected =
      event.originalAt !== undefined && event.originalAt !== event.at
        ? `<br>${escapeHtml(t('pack.doc.corrected', { date: dateTime(event.originalAt) }))}`
        : '';
    return `<tr><td>${escapeHtml(dateTime(event.at))}</td><td>${escapeHtml(
      describeEvent(event, t, marketplace),
    )}</td><td>${escapeHtml(source)}${corrected}</td></tr>`;
  });
  return `<table><thead><tr><th>${escapeHtml(t('pack.doc.column.when'))}</th><th>${escapeHtml(
    t('pack.doc.column.event'),
  )}</th><th>${escapeHtml(t('pack.doc.column.source'))}</th></tr></thead><tbody>${rows.join(
    '',
  )}</tbody></table>`;
}

function ruleCell(deadline: Deadline, { input, t, dateTime }: HtmlContext): string {
  const parts: string[] = [];
  if (deadline.after) {
    const timing = ruleTiming(t, deadline.after, input.language, dateTime);
    if (timing) parts.push(escapeHtml(timing));
  }
  if (deadline.override) {
    const { from, to, unit } = deadline.override;
    parts.push(
      escapeHtml(
        t('pack.doc.deadline.override', {
          from: formatPeriod(from, unit, input.language, t) ?? String(from),
          to: formatPeriod(to, unit, input.language, t) ?? String(to),
        }),
      ),
    );
  }
  return parts.join('<br>');
}

function sourceCell(deadline: Deadline): string {
  const { title, url, quote } = deadline.source;
  const heading = url ? externalLink(url, title) : escapeHtml(title);
  return quote ? `${heading}<blockquote>${escapeHtml(quote)}</blockquote>` : heading;
}

function deadlinesTable(context: HtmlContext): string {
  const { input, t, dateTime } = context;
  if (input.plan.deadlines.length === 0) {
    return `<p>${escapeHtml(t('pack.doc.deadlines.none'))}</p>`;
  }
  const rows = input.plan.deadlines.map((deadline) => {
    const state = t(deadline.passed ? 'pack.doc.deadline.passed' : 'pack.doc.deadline.upcoming');
    return `<tr${deadline.passed ? ' class="passed"' : ''}><td>${escapeHtml(
      t(`deadline.${deadline.kind}` as const),
    )}</td><td>${escapeHtml(dateTime(deadline.dueAt))} (${escapeHtml(state)})</td><td>${ruleCell(
      deadline,
      context,
    )}</td><td>${sourceCell(deadline)}</td></tr>`;
  });
  const head = (
    [
      'pack.doc.column.deadline',
      'pack.doc.column.due',
      'pack.doc.column.rule',
      'pack.doc.column.source',
    ] as const
  )
    .map((key) => `<th>${escapeHtml(t(key))}</th>`)
    .join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function evidenceTable(
  context: HtmlContext,
  packed: readonly PackedEvidence[],
  entries: readonly PackFileEntry[],
  missing: readonly EvidenceRecord[],
): string {
  const { t, dateTime } = context;
  if (packed.length === 0 && missing.length === 0) {
    return `<p>${escapeHtml(t('pack.doc.evidence.none'))}</p>`;
  }
  const pageCell = (record: EvidenceRecord) => {
    const lines: string[] = [];
    if (record.title) lines.push(escapeHtml(record.title));
    if (record.url) lines.push(externalLink(record.url));
    return lines.join('<br>');
  };
  const rows = packed.map((piece, index) => {
    const { record } = piece;
    const entry = entries[index];
    const check =
      entry?.matchesRecord === undefined
        ? ''
        : entry.matchesRecord
          ? `<br>${escapeHtml(t('pack.doc.evidence.matches'))}`
          : `<br><span class="warning">${escapeHtml(t('pack.doc.evidence.mismatch'))}</span>`;
    return `<tr><td><a href="${packHref(piece.path)}">${escapeHtml(record.name)}</a><br><code>${escapeHtml(
      piece.path,
    )}</code></td><td>${escapeHtml(t(`evidence.kind.${record.kind}` as const))}</td><td>${escapeHtml(
      showsLabel(record, t),
    )}</td><td>${escapeHtml(dateTime(record.capturedAt))}</td><td>${pageCell(
      record,
    )}</td><td><span class="hash">${escapeHtml(entry?.sha256 ?? '')}</span>${check}</td></tr>`;
  });
  for (const record of missing) {
    rows.push(
      `<tr><td>${escapeHtml(record.name)}<br><span class="warning">${escapeHtml(
        t('pack.doc.evidence.missing'),
      )}</span></td><td>${escapeHtml(t(`evidence.kind.${record.kind}` as const))}</td><td>${escapeHtml(
        showsLabel(record, t),
      )}</td><td>${escapeHtml(dateTime(record.capturedAt))}</td><td>${pageCell(
        record,
      )}</td><td><span class="hash">${escapeHtml(record.sha256 ?? '')}</span></td></tr>`,
    );
  }
  const head = (
    [
      'pack.doc.column.file',
      'pack.doc.column.kind',
      'pack.doc.column.shows',
      'pack.doc.column.captured',
      'pack.doc.column.page',
      'pack.doc.column.sha256',
    ] as const
  )
    .map((key) => `<th>${escapeHtml(t(key))}</th>`)
    .join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function imagesSection({ t }: HtmlContext, packed: readonly PackedEvidence[]): string {
  const images = packed.filter(
    (piece) =>
      IMAGE_EXTENSIONS.has(piece.extension) && piece.mimeType.toLowerCase().startsWith('image/'),
  );
  if (images.length === 0) return '';
  const figures = images.map(
    (piece) =>
      `<figure><a href="${packHref(piece.path)}"><img src="${packHref(piece.path)}" alt="${escapeHtml(
        piece.record.name,
      )}"></a><figcaption>${escapeHtml(piece.record.name)} · ${escapeHtml(
        showsLabel(piece.record, t),
      )}</figcaption></figure>`,
  );
  return `<h2>${escapeHtml(t('pack.doc.heading.images'))}</h2><div class="images">${figures.join(
    '',
  )}</div>`;
}

function textsSection({ t, dateTime }: HtmlContext, packed: readonly PackedEvidence[]): string {
  const texts = packed.filter((piece) => piece.mimeType === TEXT_MIME);
  if (texts.length === 0) return '';
  const blocks = texts.map(
    (piece) =>
      `<h3>${escapeHtml(piece.record.name)}</h3><p class="meta">${escapeHtml(
        t(`evidence.kind.${piece.record.kind}` as const),
      )} · ${escapeHtml(dateTime(piece.record.capturedAt))}${
        piece.record.url ? ` · ${externalLink(piece.record.url)}` : ''
      }</p><pre>${escapeHtml(piece.record.text ?? '')}</pre>`,
  );
  return `<h2>${escapeHtml(t('pack.doc.heading.texts'))}</h2>${blocks.join('')}`;
}

function indexHtml(
  input: PackInput,
  draft: Draft,
  packed: readonly PackedEvidence[],
  entries: readonly PackFileEntry[],
  missing: readonly EvidenceRecord[],
): string {
  const t = translator(input.language);
  const marketplace = marketplaceName(input.order.marketplace);
  const dateTimeFormat = new Intl.DateTimeFormat(localeFor(input.language), {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: input.timeZone,
  });
  const context: HtmlContext = {
    input,
    t,
    marketplace,
    dateTime: (instant) => dateTimeFormat.format(new Date(instant)),
    day: (instant) => formatDay(instant, input.language, input.timeZone),
  };
  const title = t('pack.doc.title', { marketplace, number: input.order.orderNumber });
  const heading = (key: Parameters<Translate>[0]) => `<h2>${escapeHtml(t(key))}</h2>`;
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(input.language)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>\n${STYLE}\n</style>`,
    '</head>',
    '<body>',
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="meta">${escapeHtml(
      t('pack.doc.generated', { date: context.dateTime(input.generatedAt), zone: input.timeZone }),
    )}</p>`,
    `<p class="meta">${escapeHtml(t('pack.doc.integrity'))}</p>`,
    orderSection(context),
    caseSection(context),
    heading('pack.doc.heading.timeline'),
    eventsTable(context),
    heading('pack.doc.heading.deadlines'),
    deadlinesTable(context),
    heading('pack.doc.heading.evidence'),
    evidenceTable(context, packed, entries, missing),
    imagesSection(context, packed),
    textsSection(context, packed),
    heading('pack.doc.heading.message'),
    `<pre>${escapeHtml(messageText(draft))}</pre>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// The pack

function messageText(draft: Draft): string {
  return `${draft.subject}\n\n${draft.body}\n`;
}

/**
 * The moment ZIP entries are stamped with. ZIP stores a wall-clock time without a zone, which
 * fflate takes from the local clock; giving it the buyer's wall-clock time of `generatedAt` makes
 * the bytes the same on any machine.
 */
function zipTime(generatedAt: string, timeZone: string): Date {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(new Date(generatedAt));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((candidate) => candidate.type === type)?.value ?? 0);
  return new Date(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
}

async function fileEntry(path: string, kind: string, mimeType: string, bytes: Uint8Array) {
  return { path, name: path, kind, mimeType, size: bytes.length, sha256: await sha256Hex(bytes) };
}

/**
 * The evidence pack: every piece of evidence as a file, the timeline, the message in each
 * language, a printable index.html, and manifest.json with the SHA-256 of every other file.
 * The same input always gives the same bytes. The order, the case and the steps are those the
 * plan rests on (see usableMaterial).
 */
export async function buildEvidencePack(given: PackInput): Promise<Uint8Array> {
  const input = usableMaterial(given);
  const { packed, missing } = packEvidence(input);
  const evidence = packed.map((piece) => piece.record);
  const draftInput = { ...input, evidence };
  const drafts: Readonly<Record<Language, Draft>> = {
    en: draftMessage({ ...draftInput, language: 'en' }),
    fr: draftMessage({ ...draftInput, language: 'fr' }),
  };
  const evidenceEntries = await Promise.all(packed.map(evidenceEntry));

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
      bytes: strToU8(indexHtml(input, drafts[input.language], packed, evidenceEntries, missing)),
    },
  ];
  const documentEntries = await Promise.all(
    documents.map((document) =>
      fileEntry(document.path, document.kind, document.mimeType, document.bytes),
    ),
  );

  const manifest: PackManifest = {
    generatedAt: input.generatedAt,
    order: orderDocument(input.order),
    case: {
      reason: input.openCase.reason,
      openedAt: input.openCase.openedAt,
      ...(input.openCase.closedAt ? { closedAt: input.openCase.closedAt } : {}),
    },
    files: [...evidenceEntries, ...documentEntries],
    ...(missing.length > 0
      ? {
          missing: missing.map((record) => ({
            name: record.name,
            kind: record.kind,
            capturedAt: record.capturedAt,
            ...(record.sha256 !== undefined ? { recordedSha256: record.sha256 } : {}),
          })),
        }
      : {}),
  };

  const compressed: ZipOptions = { level: 6 };
  const stored: ZipOptions = { level: 0 };
  const files: Zippable = {};
  for (const piece of packed) {
    files[piece.path] = [piece.bytes, STORED_EXTENSIONS.has(piece.extension) ? stored : compressed];
  }
  for (const document of documents) files[document.path] = [document.bytes, compressed];
  files['manifest.json'] = [strToU8(`${JSON.stringify(manifest, null, 2)}\n`), compressed];
  return zipSync(files, { mtime: zipTime(input.generatedAt, input.timeZone) });
}

/** "caseclock-dhgate-1043587216-2026-11-22.zip": the day is the UTC day the pack was made. */
export function packFileName(order: StoredOrder, generatedAt: string): string {
  const day = new Date(generatedAt).toISOString().slice(0, 10);
  return `caseclock-${order.marketplace}-${safeStem(order.orderNumber, 'order')}-${day}.zip`;
}
