/**
 * Checking a backup the buyer picked before anything of it is written: it may have been edited
 * by hand, corrupted or made to harm, so `backup.json` and every record are checked against the
 * shapes the database holds, and the records against each other.
 *
 * The schemas use `v.object`, which drops keys it does not know: a field a newer CaseClock
 * added is no reason to refuse a backup, and a field a hostile file adds never reaches the
 * database.
 */
import * as v from 'valibot';
import { EVIDENCE_SIZE_LIMIT } from '../db/evidence';
import { EVIDENCE_KINDS } from '../db/schema';
import { CURRENT_SCHEMA_VERSION } from '../db/versions';
import { TITLE_LIMIT } from '../evidence/shows';
import { ORDER_STATUSES, READING_LIMITS } from '../marketplaces/types';
import { PAGE_MESSAGE_LIMITS } from '../messaging/limits';
import {
  EventDetailsSchema,
  Id,
  Instant,
  issueText,
  Marketplace,
  offSiteLink,
  MimeType,
  ORDER_ITEMS_LIMIT,
  OrderEditsSchema,
  OrderId,
  OrderItemSchema,
  OrderReadingSchema,
  ReminderKey,
  SettingsSchema,
  Sha256,
  Text,
  WebUrl,
} from '../messaging/protocol';
import {
  CASE_REASONS,
  DEADLINE_KINDS,
  DEFAULT_SETTINGS,
  BUYER_EVENT_TYPES,
  PAGE_EVENT_TYPES,
} from '../timeline/types';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  DATA_PATHS,
  EVIDENCE_PATH,
  type BackupData,
  type BackupManifest,
  type BackupTable,
} from './format';

/** Why a backup cannot be restored; `detail` names what is wrong, for the curious. */
export interface BackupProblem {
  kind:
    | 'not-a-backup'
    | 'newer-format'
    | 'bad-records'
    | 'not-zip'
    | 'truncated'
    | 'hash-mismatch'
    | 'unexpected-entry'
    | 'too-large';
  detail: string;
}

/** CaseClock's version, as a backup and the backup job carry it. */
export const AppVersion = v.pipe(v.string(), v.maxLength(40));

const Count = v.pipe(v.number(), v.safeInteger(), v.minValue(0));
const Version = v.pipe(v.number(), v.safeInteger(), v.minValue(1));

/**
 * The most records of one table a backup may hold: far beyond what a buyer keeps, and a bound
 * on what a hostile file makes restore check.
 */
const RECORDS_LIMIT = 1_000_000;

function table<TSchema extends v.GenericSchema>(record: TSchema) {
  return v.pipe(v.array(record), v.maxLength(RECORDS_LIMIT));
}

const FileEntrySchema = v.object({
  path: v.pipe(v.string(), v.maxLength(100)),
  size: Count,
  sha256: Sha256,
});

/** Enough of `backup.json` to tell whether this CaseClock can read the rest. */
const ManifestHeadSchema = v.object({
  format: v.literal(BACKUP_FORMAT),
  formatVersion: Version,
  schemaVersion: Version,
});

const ManifestSchema = v.object({
  ...ManifestHeadSchema.entries,
  createdAt: Instant,
  appVersion: AppVersion,
  counts: v.object({
    orders: Count,
    cases: Count,
    events: Count,
    evidence: Count,
    reminders: Count,
    reminderLog: Count,
    files: Count,
    fileBytes: Count,
  }),
  // Every data file, and one file per piece of evidence at most.
  files: v.pipe(
    v.array(FileEntrySchema),
    v.maxLength(Object.keys(DATA_PATHS).length + RECORDS_LIMIT),
  ),
  evidenceFiles: v.record(Id, v.pipe(v.string(), v.regex(EVIDENCE_PATH))),
}) satisfies v.GenericSchema<unknown, BackupManifest>;

const DATA_FILE_PATHS: ReadonlySet<string> = new Set(Object.values(DATA_PATHS));

/** What is wrong with the files `backup.json` lists, as a problem's detail; none when right. */
function filesProblem(manifest: BackupManifest): string | undefined {
  const listed = new Map<string, number>();
  for (const [index, file] of manifest.files.entries()) {
    const where = `files.${String(index)}.path`;
    if (listed.has(file.path)) return `${where}: ${file.path} is listed twice`;
    listed.set(file.path, index);
    const evidenceName = EVIDENCE_PATH.exec(file.path)?.[1];
    if (evidenceName === undefined && !DATA_FILE_PATHS.has(file.path)) {
      return `${where}: ${file.path} is no file of a backup`;
    }
    if (evidenceName !== undefined && evidenceName !== file.sha256) {
      return `${where}: the evidence file's name is not its SHA-256`;
    }
  }
  for (const path of DATA_FILE_PATHS) {
    if (!listed.has(path)) return `files: ${path} is missing`;
  }
  for (const [evidenceId, path] of Object.entries(manifest.evidenceFiles)) {
    if (!listed.has(path)) return `evidenceFiles.${evidenceId}: ${path} is not listed in files`;
  }
  const evidenceFiles = manifest.files.filter((file) => EVIDENCE_PATH.test(file.path));
  const used = new Set(Object.values(manifest.evidenceFiles));
  for (const file of evidenceFiles) {
    if (!used.has(file.path)) {
      return `files.${String(listed.get(file.path))}.path: no evidence is kept in ${file.path}`;
    }
  }
  const { counts } = manifest;
  if (counts.files !== evidenceFiles.length) {
    return `counts.files: says ${String(counts.files)}, files lists ${String(evidenceFiles.length)}`;
  }
  const bytes = evidenceFiles.reduce((sum, file) => sum + file.size, 0);
  if (counts.fileBytes !== bytes) {
    return `counts.fileBytes: says ${String(counts.fileBytes)}, files add up to ${String(bytes)}`;
  }
  return undefined;
}

/**
 * Reads `backup.json`. A backup a newer CaseClock made is told apart from one that is none: the
 * buyer can update CaseClock to restore it.
 */
export function parseBackupManifest(
  json: unknown,
): { ok: true; manifest: BackupManifest } | { ok: false; problem: BackupProblem } {
  const refused = (kind: BackupProblem['kind'], detail: string) =>
    ({ ok: false, problem: { kind, detail } }) as const;
  const head = v.safeParse(ManifestHeadSchema, json);
  if (!head.success) return refused('not-a-backup', issueText(head.issues[0], 'backup.json'));
  const { formatVersion, schemaVersion } = head.output;
  if (formatVersion > BACKUP_FORMAT_VERSION) {
    return refused(
      'newer-format',
      `formatVersion: ${String(formatVersion)}, this CaseClock reads up to ${String(BACKUP_FORMAT_VERSION)}`,
    );
  }
  if (schemaVersion > CURRENT_SCHEMA_VERSION) {
    return refused(
      'newer-format',
      `schemaVersion: ${String(schemaVersion)}, this CaseClock reads up to ${String(CURRENT_SCHEMA_VERSION)}`,
    );
  }
  const parsed = v.safeParse(ManifestSchema, json);
  if (!parsed.success) return refused('not-a-backup', issueText(parsed.issues[0], 'backup.json'));
  const problem = filesProblem(parsed.output);
  return problem === undefined
    ? { ok: true, manifest: parsed.output }
    : refused('not-a-backup', problem);
}

// The records, as the database holds them.

const StoredOrderSchema = v.object({
  ...OrderReadingSchema.entries,
  // A long order's items arrive in parts, each extending those before.
  items: v.pipe(
    v.array(OrderItemSchema),
    v.maxLength(ORDER_ITEMS_LIMIT + PAGE_MESSAGE_LIMITS.itemsPerOrder),
  ),
  id: OrderId,
  marketplace: Marketplace,
  firstSeenAt: Instant,
  lastSeenAt: Instant,
  seenOnUrl: v.optional(WebUrl),
  edits: v.optional(OrderEditsSchema),
  archived: v.optional(v.boolean()),
});

const StoredCaseSchema = v.object({
  id: Id,
  orderId: OrderId,
  reason: v.picklist(CASE_REASONS),
  openedAt: Instant,
  closedAt: v.optional(Instant),
  status: v.picklist(['open', 'closed']),
});

const StoredEventSchema = v.object({
  // Events of orders tracked under version 1 are named after their order ("v2:<order>:tracking").
  id: v.pipe(v.string(), v.nonEmpty(), v.maxLength(3 * READING_LIMITS.text)),
  orderId: OrderId,
  caseId: v.optional(Id),
  type: v.picklist([...PAGE_EVENT_TYPES, ...BUYER_EVENT_TYPES]),
  at: Instant,
  originalAt: v.optional(Instant),
  recordedAt: Instant,
  source: v.picklist(['page', 'buyer']),
  // What the buyer said, and what a page showed of the order.
  details: v.optional(
    v.object({
      ...EventDetailsSchema.entries,
      from: v.optional(v.picklist(ORDER_STATUSES)),
      to: v.optional(v.picklist(ORDER_STATUSES)),
      statusText: v.optional(Text),
      trackingNumber: v.optional(Text),
      carrier: v.optional(Text),
      disputeStatus: v.optional(Text),
      caseNumber: v.optional(Text),
      canEscalate: v.optional(v.boolean()),
    }),
  ),
});

/**
 * An address evidence keeps: a web page's, as the browser writes it (`URL.href`), which may be
 * longer than what the page was asked by, once its characters are percent-encoded.
 */
const EvidenceUrl = v.pipe(
  v.string(),
  v.maxLength(9 * READING_LIMITS.url),
  v.url(),
  v.regex(/^https?:/i),
);

const EvidenceRecordSchema = v.object({
  id: Id,
  caseId: Id,
  orderId: OrderId,
  kind: v.picklist(EVIDENCE_KINDS),
  // As stored: subjects an older version named differently stay the buyer's.
  shows: v.pipe(v.array(v.pipe(v.string(), v.maxLength(100))), v.maxLength(100)),
  name: v.pipe(v.string(), v.maxLength(READING_LIMITS.text)),
  mimeType: v.optional(MimeType),
  size: v.optional(v.pipe(Count, v.maxValue(EVIDENCE_SIZE_LIMIT))),
  sha256: v.optional(Sha256),
  capturedAt: Instant,
  url: v.optional(EvidenceUrl),
  title: v.optional(v.pipe(v.string(), v.maxLength(TITLE_LIMIT))),
  // A selection of a page is as long as the buyer made it; no piece is larger than a file may be.
  text: v.optional(v.pipe(v.string(), v.maxLength(EVIDENCE_SIZE_LIMIT))),
});

const ReminderRecordSchema = v.object({
  id: ReminderKey,
  notifiedAt: v.optional(Instant),
  snoozedUntil: v.optional(Instant),
});

const ReminderLogEntrySchema = v.object({
  // The reminder's key, and when it was shown.
  id: v.pipe(v.string(), v.nonEmpty(), v.maxLength(4 * READING_LIMITS.text)),
  orderId: OrderId,
  reminder: ReminderKey,
  kind: v.picklist(DEADLINE_KINDS),
  edge: v.picklist(['opens', 'closes']),
  dueAt: Instant,
  shownAt: Instant,
});

const BackupTablesSchema = v.object({
  orders: table(StoredOrderSchema),
  cases: table(StoredCaseSchema),
  events: table(StoredEventSchema),
  evidence: table(EvidenceRecordSchema),
  reminders: table(ReminderRecordSchema),
  reminderLog: table(ReminderLogEntrySchema),
  settings: v.nullable(SettingsSchema),
});

type RecordTable = Exclude<BackupTable, 'settings'>;
const RECORD_TABLES: readonly RecordTable[] = [
  'orders',
  'cases',
  'events',
  'evidence',
  'reminders',
  'reminderLog',
];

/** What is wrong between the records, or with what `backup.json` says of them; none when right. */
function referencesProblem(
  data: Omit<BackupData, 'settings'>,
  manifest: BackupManifest,
): string | undefined {
  for (const name of RECORD_TABLES) {
    const records = data[name];
    if (manifest.counts[name] !== records.length) {
      return `counts.${name}: says ${String(manifest.counts[name])}, ${DATA_PATHS[name]} holds ${String(records.length)}`;
    }
    const seen = new Set<string>();
    for (const [index, record] of records.entries()) {
      if (seen.has(record.id)) return `${name}.${String(index)}.id: the same id comes twice`;
      seen.add(record.id);
    }
  }
  // Links lead to the order's own marketplace, as on the way in from a page or the buyer.
  for (const [index, order] of data.orders.entries()) {
    if (
      offSiteLink(order.marketplace, order) ||
      offSiteLink(order.marketplace, order.edits ?? {})
    ) {
      return `orders.${String(index)}: a link leads off ${order.marketplace}`;
    }
  }
  const orders = new Set(data.orders.map((order) => order.id));
  const cases = new Map(data.cases.map((found) => [found.id, found]));
  for (const [index, found] of data.cases.entries()) {
    if (!orders.has(found.orderId)) {
      return `cases.${String(index)}.orderId: no order of the backup`;
    }
  }
  for (const [index, event] of data.events.entries()) {
    if (!orders.has(event.orderId)) {
      return `events.${String(index)}.orderId: no order of the backup`;
    }
    if (event.caseId !== undefined && cases.get(event.caseId)?.orderId !== event.orderId) {
      return `events.${String(index)}.caseId: no case of its order`;
    }
  }
  for (const [index, piece] of data.evidence.entries()) {
    const owner = cases.get(piece.caseId);
    if (!owner) return `evidence.${String(index)}.caseId: no case of the backup`;
    if (owner.orderId !== piece.orderId) {
      return `evidence.${String(index)}.orderId: not the order of its case`;
    }
  }
  // A piece whose file had gone when the backup was made has none in it: that is allowed.
  const withFiles = new Set(
    data.evidence.filter((piece) => piece.size !== undefined).map((piece) => piece.id),
  );
  for (const evidenceId of Object.keys(manifest.evidenceFiles)) {
    if (!withFiles.has(evidenceId)) {
      return `evidenceFiles.${evidenceId}: no evidence with a file has this id`;
    }
  }
  return undefined;
}

/**
 * Checks the records of a backup whose `backup.json` was read: each against the shape the
 * database holds, then against each other and what `backup.json` says. `tables` holds each data
 * file's JSON.
 */
export function parseBackupData(
  tables: Record<BackupTable, unknown>,
  manifest: BackupManifest,
): { ok: true; data: BackupData } | { ok: false; problem: BackupProblem } {
  const refused = (detail: string) =>
    ({ ok: false, problem: { kind: 'bad-records', detail } }) as const;
  const parsed = v.safeParse(BackupTablesSchema, tables);
  if (!parsed.success) return refused(issueText(parsed.issues[0], 'data'));
  const { settings, ...records } = parsed.output;
  const problem = referencesProblem(records, manifest);
  if (problem !== undefined) return refused(problem);
  return {
    ok: true,
    // Settings stored before a setting existed lack it; the defaults stand for it, as they do
    // whenever the settings are read.
    data: { ...records, ...(settings ? { settings: { ...DEFAULT_SETTINGS, ...settings } } : {}) },
  };
}
