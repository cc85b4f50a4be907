import fc from 'fast-check';
import { MARKETPLACE_IDS, ORDER_STATUSES } from '@/lib/marketplaces/types';
import { PAYPAL_POLICY, POLICIES } from '@/lib/policies';
import {
  BUYER_EVENT_TYPES,
  CASE_REASONS,
  OUTCOMES,
  PAGE_EVENT_TYPES,
  type CaseRecord,
  type OrderFacts,
  type PlanInput,
  type Settings,
  type TimelineEvent,
} from '@/lib/timeline/types';
import { NEW_YORK, PARIS } from '../zones';

/**
 * Records shaped like what IndexedDB can hold for an order: mostly sound, often not (random
 * text where a date goes, unknown kinds, missing fields, values of the wrong type, steps of
 * another order, duplicates, any order). Nothing here says what a plan should be.
 */

export const ORDER_ID = 'dhgate:1043587216';

const DAY = 86_400_000;
const SOUND_FROM = Date.parse('2025-01-01T00:00:00.000Z');

/** An instant as CaseClock stores it, in the two years around the tests' "now". */
const soundInstant = fc
  .integer({ min: SOUND_FROM, max: SOUND_FROM + 730 * DAY })
  .map((time) => new Date(time).toISOString());

/** Anything that may sit where a date goes. */
export const dateLike: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: soundInstant },
  fc.constantFrom(
    '',
    'next Tuesday',
    '1',
    '2026',
    '2026-02-30T09:00:00.000Z',
    '2026-13-01T00:00:00.000Z',
    '2026-11-10T24:00:00.000Z',
    '2026-11-10T09:00:00',
    '2026-11-10T09:00:00.000+02:00',
    '0000-01-01T00:00:00.000Z',
    '9999-12-31T23:59:59.999Z',
    '+275760-09-13T00:00:00.000Z',
    '-000001-01-01T00:00:00.000Z',
  ),
  fc.string(),
  // IndexedDB keeps Date objects too, invalid ones included.
  fc.date({ noInvalidDate: false }),
  fc.integer(),
  fc.double(),
  fc.constantFrom(null, undefined, true, {}),
);

/** A known value most of the time, else anything. */
function mostly(known: readonly unknown[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...known) },
    fc.string(),
    fc.constantFrom('constructor', '__proto__', 'toString', null, 7),
  );
}

const text: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.string() },
  fc.constantFrom(null, 42, {}, ['x']),
);

const details: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(undefined),
  fc.record(
    {
      from: mostly(ORDER_STATUSES),
      to: mostly(ORDER_STATUSES),
      statusText: text,
      trackingNumber: fc.oneof(fc.constantFrom('RI002972278CN', 'RI002972279CN'), text),
      carrier: fc.oneof(fc.constantFrom('EMS', 'DHL', 'China Post', 'Other'), text),
      disputeStatus: text,
      caseNumber: text,
      canEscalate: fc.oneof(fc.boolean(), text),
      outcome: mostly(OUTCOMES),
      cancelledBy: mostly(['buyer', 'seller', 'platform']),
      note: text,
      extra: fc.anything(),
    },
    { requiredKeys: [] },
  ),
  fc.anything(),
);

const step = fc.record(
  {
    id: fc.oneof({ weight: 5, arbitrary: fc.uuid() }, fc.integer()),
    orderId: fc.oneof({ weight: 8, arbitrary: fc.constant(ORDER_ID) }, fc.string()),
    type: mostly([...PAGE_EVENT_TYPES, ...BUYER_EVENT_TYPES]),
    at: dateLike,
    originalAt: dateLike,
    recordedAt: dateLike,
    source: mostly(['page', 'buyer']),
    details,
  },
  { requiredKeys: ['id', 'orderId', 'type', 'at'] },
);

/** An order's steps: some broken, some not records at all, some twice, in any order. */
export const steps: fc.Arbitrary<TimelineEvent[]> = fc
  .tuple(
    fc.array(fc.oneof({ weight: 9, arbitrary: step }, fc.anything()), { maxLength: 12 }),
    fc.array(fc.nat(), { maxLength: 3 }),
  )
  .map(([records, twice]) => {
    const copies =
      records.length === 0 ? [] : twice.map((index) => records[index % records.length]);
    return [...records, ...copies] as TimelineEvent[];
  })
  .chain((records) => fc.shuffledSubarray(records, { minLength: records.length }));

export const order: fc.Arbitrary<OrderFacts> = fc
  .record(
    {
      id: fc.oneof({ weight: 5, arbitrary: fc.constant(ORDER_ID) }, fc.string()),
      marketplace: fc.oneof(
        { weight: 12, arbitrary: fc.constantFrom(...MARKETPLACE_IDS) },
        fc.constantFrom('ebay', 'constructor', '__proto__'),
      ),
      orderNumber: fc.string(),
      items: fc.constant([]),
      status: mostly(ORDER_STATUSES),
      statusText: text,
      placedAt: dateLike,
      paidAt: dateLike,
      shippedAt: dateLike,
      receivedAt: dateLike,
      protectionEndsAt: dateLike,
      trackingNumber: fc.oneof(fc.constantFrom('RI002972278CN', 'RI002972279CN'), text),
      carrier: fc.oneof(fc.constantFrom('EMS', 'DHL', 'China Post'), text),
    },
    { requiredKeys: ['marketplace', 'orderNumber', 'items'] },
  )
  .map((record) => record as unknown as OrderFacts);

export const caseRecord: fc.Arbitrary<CaseRecord | undefined> = fc.oneof(
  fc.constant(undefined),
  fc
    .record(
      {
        id: fc.string(),
        orderId: fc.oneof({ weight: 5, arbitrary: fc.constant(ORDER_ID) }, fc.string()),
        reason: mostly(CASE_REASONS),
        openedAt: dateLike,
        closedAt: dateLike,
      },
      { requiredKeys: ['id', 'orderId', 'reason', 'openedAt'] },
    )
    .map((record) => record as CaseRecord),
);

const overrideValue = fc.oneof(
  fc.nat({ max: 3650 }),
  fc.double(),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -1, 1e300, '7', null),
);
const ruleIds = [
  ...new Set(
    [...Object.values(POLICIES), PAYPAL_POLICY].flatMap((policy) => Object.keys(policy.rules)),
  ),
];

export const settings: fc.Arbitrary<Settings> = fc
  .record({
    membership: fc.oneof(
      fc.dictionary(
        mostly(MARKETPLACE_IDS).map(String),
        mostly(['regular', 'bronze', 'silver', 'gold']),
      ),
      fc.constantFrom(null, 'gold'),
    ),
    overrides: fc.oneof(
      fc.dictionary(
        mostly([...MARKETPLACE_IDS, 'paypal']).map(String),
        fc.oneof(fc.dictionary(mostly(ruleIds).map(String), overrideValue), fc.anything()),
      ),
      fc.constant(null),
    ),
    paypal: fc.oneof(
      fc.dictionary(mostly(MARKETPLACE_IDS).map(String), fc.oneof(fc.boolean(), fc.anything())),
      fc.constant(null),
    ),
    reminderLeadHours: fc.constant(24),
    showPanel: fc.constant(true),
  })
  .map((record) => record as unknown as Settings);

/** What planOrder hands planCase: the policy of whatever marketplace the order names. */
export const planInput: fc.Arbitrary<PlanInput> = fc
  .record({
    order,
    case: caseRecord,
    events: steps,
    settings,
    now: soundInstant,
    timeZone: fc.constantFrom(PARIS, NEW_YORK, 'UTC', 'Asia/Shanghai', 'Pacific/Kiritimati'),
  })
  .map(({ case: record, ...input }) => ({
    ...input,
    policy: POLICIES[input.order.marketplace],
    ...(record ? { case: record } : {}),
  }));
