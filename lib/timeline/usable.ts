import { MARKETPLACE_IDS, ORDER_STATUSES, type MarketplaceId } from '../marketplaces/types';
import type { MarketplacePolicy } from '../policies/types';
import {
  BUYER_EVENT_TYPES,
  CASE_REASONS,
  DEFAULT_SETTINGS,
  OUTCOMES,
  PAGE_EVENT_TYPES,
  type CaseRecord,
  type EventDetails,
  type NoteMessage,
  type OrderFacts,
  type PlanInput,
  type Settings,
  type TimelineEvent,
} from './types';

/**
 * What the database holds is not always what the types say: records from an older version, a
 * damaged profile, a page that wrote nonsense. Planning, drafts and packs rest on the usable
 * part only; each kind of data left out is named once in `notes`, for the buyer.
 */
type Notes = Set<NoteMessage>;

function oneOf<T extends string>(values: readonly T[]): (value: unknown) => value is T {
  const known: ReadonlySet<unknown> = new Set(values);
  return (value): value is T => known.has(value);
}

export const isMarketplaceId = oneOf<MarketplaceId>(MARKETPLACE_IDS);
const isOrderStatus = oneOf(ORDER_STATUSES);
const isEventType = oneOf([...PAGE_EVENT_TYPES, ...BUYER_EVENT_TYPES]);
const isPageEventType = oneOf(PAGE_EVENT_TYPES);
const isCaseReason = oneOf(CASE_REASONS);

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A record's own entry: never one inherited from Object.prototype ("constructor", …). */
function ownEntry(record: unknown, key: string): unknown {
  return isRecord(record) && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** An ISO 8601 instant with its zone, as CaseClock stores them; the year has four digits. */
const LONGEST_INSTANT = '2026-11-10T09:00:00.000000000+01:00'.length;
const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

function daysInMonth(year: number, month: number): number {
  const last = new Date(0);
  last.setUTCFullYear(year, month, 0);
  return last.getUTCDate();
}

function readInstant(value: string): number {
  const match = ISO_INSTANT.exec(value);
  const time = match ? Date.parse(value) : Number.NaN;
  if (!match || !Number.isFinite(time)) return Number.NaN;
  const day = Number(match[3]);
  return day <= 28 || day <= daysInMonth(Number(match[1]), Number(match[2])) ? time : Number.NaN;
}

/**
 * Instants already read, NaN for those that are not. The list plans every order again each
 * minute from the same strings, and reading one costs as much as planning the rest; bounded.
 */
const readInstants = new Map<string, number>();
const READ_INSTANTS_LIMIT = 100_000;

/**
 * The time of an instant CaseClock can count from, in milliseconds, or undefined. Date takes
 * far more ("1" is 2001, "2026-02-30" is 2 March): only a full ISO instant naming a day that
 * exists is one, and its four-digit year keeps every sum of days a valid date.
 */
function instantTime(value: unknown): number | undefined {
  if (typeof value !== 'string' || value.length > LONGEST_INSTANT) return undefined;
  let time = readInstants.get(value);
  if (time === undefined) {
    // Stryker disable next-line all: the bound changes how much memory the cache holds, never a result
    if (readInstants.size >= READ_INSTANTS_LIMIT) readInstants.clear();
    time = readInstant(value);
    readInstants.set(value, time);
  }
  return Number.isNaN(time) ? undefined : time;
}

/** Whether `value` is an instant CaseClock can count from and show (see instantTime). */
export function isInstant(value: unknown): value is string {
  return instantTime(value) !== undefined;
}

const isText = (value: unknown) => typeof value === 'string';
const DETAIL_CHECKS: Readonly<Record<keyof EventDetails, (value: unknown) => boolean>> = {
  from: isOrderStatus,
  to: isOrderStatus,
  statusText: isText,
  trackingNumber: isText,
  carrier: isText,
  disputeStatus: isText,
  caseNumber: isText,
  canEscalate: (value) => typeof value === 'boolean',
  outcome: oneOf(OUTCOMES),
  cancelledBy: oneOf(['buyer', 'seller', 'platform']),
  note: isText,
};

function detailFits(details: Readonly<Record<string, unknown>>, key: string): boolean {
  return (
    Object.hasOwn(DETAIL_CHECKS, key) && DETAIL_CHECKS[key as keyof EventDetails](details[key])
  );
}

/** The details whose value has the right type; others are left out. Unknown keys are ignored. */
function usableDetails(details: unknown, notes: Notes): EventDetails | undefined {
  if (details === undefined) return undefined;
  if (!isRecord(details)) {
    notes.add('note.step-details-unreadable');
    return undefined;
  }
  const keys = Object.keys(details);
  if (keys.every((key) => detailFits(details, key))) return details;
  const kept: Record<string, unknown> = {};
  for (const key of keys) {
    if (detailFits(details, key)) kept[key] = details[key];
    else if (Object.hasOwn(DETAIL_CHECKS, key)) notes.add('note.step-details-unreadable');
  }
  return kept;
}

const DETAIL_KEYS = Object.keys(DETAIL_CHECKS) as (keyof EventDetails)[];

/** Usable details hold only known keys with plain values: equal when each key is. */
function sameDetails(a: EventDetails | undefined, b: EventDetails | undefined): boolean {
  return DETAIL_KEYS.every((key) => a?.[key] === b?.[key]);
}

/** One step as planning can use it, or undefined when it cannot be placed in the timeline. */
function usableEvent(
  candidate: unknown,
  orderId: string | undefined,
  notes: Notes,
): TimelineEvent | undefined {
  if (!isRecord(candidate) || !isEventType(candidate.type)) {
    notes.add('note.step-unknown');
    return undefined;
  }
  if (!isInstant(candidate.at)) {
    notes.add('note.step-undated');
    return undefined;
  }
  if (orderId !== undefined && candidate.orderId !== orderId) {
    notes.add('note.step-other-order');
    return undefined;
  }
  const event = candidate as unknown as TimelineEvent;
  const details = usableDetails(candidate.details, notes);
  const source = candidate.source === 'page' || candidate.source === 'buyer';
  const originalAt = candidate.originalAt === undefined || isInstant(candidate.originalAt);
  // When a step was recorded is bookkeeping nothing plans on; a damaged one is only named.
  if (!isInstant(candidate.recordedAt) || !source || !originalAt) {
    notes.add('note.step-details-unreadable');
  }
  if (details === candidate.details && source && originalAt) return event;
  const { details: _details, originalAt: _originalAt, ...rest } = event;
  return {
    ...rest,
    // Who recorded a step follows from its type: pages show some, the buyer records the rest.
    source: source ? event.source : isPageEventType(event.type) ? 'page' : 'buyer',
    ...(originalAt && event.originalAt !== undefined ? { originalAt: event.originalAt } : {}),
    ...(details ? { details } : {}),
  };
}

/** The time of a usable step's instant. */
function timeOf(event: TimelineEvent): number {
  return instantTime(event.at) ?? Number.NaN;
}

/** A step's id, the database's key: a string (anything else sorts first). */
function idOf(event: TimelineEvent): string {
  return typeof event.id === 'string' ? event.id : '';
}

/** Oldest first; steps at the same moment by id. */
function byTime(a: TimelineEvent, b: TimelineEvent): number {
  const [left, right] = [idOf(a), idOf(b)];
  return timeOf(a) - timeOf(b) || (left < right ? -1 : left > right ? 1 : 0);
}

/** The same step recorded twice: same kind, same moment, same source, same details. */
function sameStep(a: TimelineEvent, b: TimelineEvent): boolean {
  return (
    a.type === b.type &&
    a.source === b.source &&
    timeOf(a) === timeOf(b) &&
    sameDetails(a.details, b.details)
  );
}

/**
 * The steps planning rests on, oldest first: each with a known type and a valid date, of this
 * order (when its id is given), counted once, with the details that can be read. Steps at the
 * same moment come by id, so the order they are stored in never changes a plan.
 */
export function usableEvents(
  events: readonly TimelineEvent[],
  orderId?: string,
  notes: Notes = new Set(),
): TimelineEvent[] {
  const usable: TimelineEvent[] = [];
  for (const candidate of events) {
    const event = usableEvent(candidate, orderId, notes);
    if (event) usable.push(event);
  }
  usable.sort(byTime);
  // Counted once, in place: `kept` never passes the step being read. Sorted by time, a step's
  // twins are among the last ones kept at its moment.
  let kept = 0;
  for (const event of usable) {
    let twin = false;
    for (let index = kept - 1; index >= 0 && !twin; index -= 1) {
      const other = usable[index] as TimelineEvent;
      if (timeOf(other) !== timeOf(event)) break;
      twin = sameStep(other, event);
    }
    if (twin) {
      notes.add('note.step-duplicate');
      continue;
    }
    usable[kept] = event;
    kept += 1;
  }
  usable.length = kept;
  return usable;
}

const ORDER_DATES = ['placedAt', 'paidAt', 'shippedAt', 'receivedAt', 'protectionEndsAt'] as const;
const ORDER_TEXTS = ['statusText', 'trackingNumber', 'carrier'] as const;

type OrderField = (typeof ORDER_DATES)[number] | (typeof ORDER_TEXTS)[number] | 'status';

/** The order's fields planning cannot rest on, if any, each kind named in `notes`. */
function unusableFields(order: OrderFacts, notes: Notes): OrderField[] | undefined {
  let fields: OrderField[] | undefined;
  for (const key of ORDER_DATES) {
    if (order[key] === undefined || isInstant(order[key])) continue;
    notes.add('note.order-date-invalid');
    (fields ??= []).push(key);
  }
  for (const key of ORDER_TEXTS) {
    if (order[key] === undefined || isText(order[key])) continue;
    notes.add('note.order-detail-unreadable');
    (fields ??= []).push(key);
  }
  if (order.status !== undefined && !isOrderStatus(order.status)) {
    notes.add('note.order-detail-unreadable');
    (fields ??= []).push('status');
  }
  return fields;
}

/** The order with its invalid dates, unknown status and unreadable texts left out. */
export function usableOrder<T extends OrderFacts>(order: T, notes: Notes = new Set()): T {
  const fields = unusableFields(order, notes);
  if (!fields) return order;
  const usable = { ...order };
  // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- the fields listed above
  for (const field of fields) delete usable[field];
  return usable;
}

/**
 * The case with a reason CaseClock knows ("other" when it does not) and no invalid closing
 * date. Its opening date is only named when invalid: nothing plans on it, and pages that show
 * it check it.
 */
export function usableCase<T extends CaseRecord>(record: T, notes: Notes = new Set()): T {
  const reason = isCaseReason(record.reason);
  const closedAt = record.closedAt === undefined || isInstant(record.closedAt);
  if (!reason) notes.add('note.case-reason-unknown');
  if (!closedAt || !isInstant(record.openedAt)) notes.add('note.case-date-invalid');
  if (reason && closedAt) return record;
  const { closedAt: _closedAt, ...rest } = record;
  return {
    ...rest,
    reason: reason ? record.reason : 'other',
    ...(closedAt && record.closedAt !== undefined ? { closedAt: record.closedAt } : {}),
  } as T;
}

/** The most the settings page accepts (ten years of days): anything beyond is damage. */
const LONGEST_OVERRIDE = 3650;

function usableOverrides(overrides: unknown, notes: Notes): Readonly<Record<string, number>> {
  if (overrides === undefined) return {};
  if (!isRecord(overrides)) {
    notes.add('note.setting-ignored');
    return {};
  }
  const kept: Record<string, number> = {};
  for (const [ruleId, value] of Object.entries(overrides)) {
    if (typeof value === 'number' && value >= 0 && value <= LONGEST_OVERRIDE) kept[ruleId] = value;
    else notes.add('note.setting-ignored');
  }
  return kept;
}

/** The buyer's settings as they apply to an order on `marketplace`, whose policy is given. */
function settingsFor(
  settings: Settings,
  marketplace: MarketplaceId,
  policy: MarketplacePolicy,
  notes: Notes,
): Settings {
  const tier = ownEntry(settings.membership, marketplace);
  const knownTier = policy.tiers.some((known) => known.id === tier);
  if (tier !== undefined && !knownTier) notes.add('note.tier-unknown');
  const paypalSetting = ownEntry(settings.paypal, marketplace);
  if (paypalSetting !== undefined && typeof paypalSetting !== 'boolean') {
    notes.add('note.setting-ignored');
  }
  const paypal = paypalSetting === true;
  return {
    ...settings,
    membership: knownTier ? { [marketplace]: tier as string } : {},
    overrides: {
      [marketplace]: usableOverrides(ownEntry(settings.overrides, marketplace), notes),
      ...(paypal ? { paypal: usableOverrides(ownEntry(settings.overrides, 'paypal'), notes) } : {}),
    },
    paypal: paypal ? { [marketplace]: true } : {},
  };
}

interface UsableSettings {
  policy: MarketplacePolicy;
  settings: Settings;
  notes: readonly NoteMessage[];
}

/**
 * Settings already read, by settings object and marketplace: the list plans every order with
 * the same settings, and reading them for each order was a third of the checks' cost. A
 * settings object is never changed in place: a change is a new object.
 */
const readSettings = new WeakMap<Settings, Map<string, UsableSettings>>();

function usableSettings(
  settings: Settings,
  marketplace: MarketplaceId,
  policy: MarketplacePolicy,
  notes: Notes,
): Settings {
  let byMarketplace = readSettings.get(settings);
  if (!byMarketplace) {
    byMarketplace = new Map();
    readSettings.set(settings, byMarketplace);
  }
  let usable = byMarketplace.get(marketplace);
  if (usable?.policy !== policy) {
    const found = new Set<NoteMessage>();
    const applying = settingsFor(settings, marketplace, policy, found);
    usable = { policy, settings: applying, notes: [...found] };
    byMarketplace.set(marketplace, usable);
  }
  for (const note of usable.notes) notes.add(note);
  return usable.settings;
}

/**
 * The part of `input` planning can rest on. A case of another order is left out; an order of a
 * marketplace CaseClock does not know keeps no setting, as no rule of its applies.
 */
export function usableInput(input: PlanInput, notes: Notes): PlanInput {
  const { case: record, ...rest } = input;
  const order = usableOrder(input.order, notes);
  const { marketplace } = order;
  const known = isMarketplaceId(marketplace);
  if (!known) notes.add('note.marketplace-unknown');
  const ownCase = isRecord(record) && (order.id === undefined || record.orderId === order.id);
  if (record !== undefined && !ownCase) notes.add('note.case-other-order');
  return {
    ...rest,
    order,
    events: usableEvents(input.events, order.id, notes),
    settings:
      known && isRecord(input.settings)
        ? usableSettings(input.settings, marketplace, input.policy, notes)
        : DEFAULT_SETTINGS,
    ...(ownCase ? { case: usableCase(record, notes) } : {}),
  };
}
