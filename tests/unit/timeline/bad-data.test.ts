// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest';
import type { MarketplaceId } from '@/lib/marketplaces/types';
import { PARIS } from '../zones';
import { POLICIES } from '@/lib/policies';
import {
  DEFAULT_SETTINGS,
  planCase,
  type CasePlan,
  type NoteMessage,
  type PlanInput,
  type Settings,
  type TimelineEvent,
} from '@/lib/timeline';
import { event, plan, type Scenario } from './helpers';

/**
 * What the database can hold besides what the types say. The rule: planning never throws; what
 * it cannot rest on is left out, and each kind left out is named once in the plan's notes. So a
 * plan with bad data is the plan without it, plus the note.
 */

/** A record as the database may hold it, whatever its type says. */
function damaged<T>(record: T, changes: Record<string, unknown>): T {
  return { ...record, ...changes };
}

function without<T extends object>(record: T, key: keyof T): T {
  const copy = { ...record };
  // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- a field a test leaves out
  delete copy[key];
  return copy;
}

const tracking = event('tracking-uploaded', '2026-10-30T03:00:00.000Z', {
  trackingNumber: 'RI002972278CN',
  carrier: 'China Post Registered Air Mail',
});
const refund = event('refund-requested', '2026-11-10T09:00:00.000Z');
const escalated = event('escalated', '2026-11-16T10:00:00.000Z');

/** A DHgate order whose parcel never came: a case, a refund request, windows running. */
function scenario(changes: Partial<Scenario> = {}): Scenario {
  return {
    order: {
      id: 'o',
      status: 'shipped',
      placedAt: '2026-10-28T06:05:00.000Z',
      shippedAt: '2026-10-30T03:00:00.000Z',
      trackingNumber: 'RI002972278CN',
      carrier: 'China Post Registered Air Mail',
    },
    reason: 'not-received',
    events: [tracking, refund],
    ...changes,
  };
}

function withNote(clean: CasePlan, note: NoteMessage): CasePlan {
  return { ...clean, notes: [...clean.notes, note].sort() };
}

describe('steps that cannot be placed in the timeline are left out', () => {
  it.each<[string, TimelineEvent, NoteMessage]>([
    ['a date that is no date', damaged(escalated, { at: 'next Tuesday' }), 'note.step-undated'],
    [
      'a day that does not exist',
      damaged(escalated, { at: '2026-02-30T09:00:00.000Z' }),
      'note.step-undated',
    ],
    ['a date Date reads as 2001', damaged(escalated, { at: '1' }), 'note.step-undated'],
    [
      'an hour that does not exist',
      damaged(escalated, { at: '2026-11-16T25:00:00Z' }),
      'note.step-undated',
    ],
    [
      'a year past 9999',
      damaged(escalated, { at: '+275760-09-13T00:00:00.000Z' }),
      'note.step-undated',
    ],
    ['a date that is a number', damaged(escalated, { at: 1_794_355_200_000 }), 'note.step-undated'],
    ['no date at all', without(escalated, 'at'), 'note.step-undated'],
    [
      'a kind CaseClock does not know',
      damaged(escalated, { type: 'teleported' }),
      'note.step-unknown',
    ],
    ['no kind at all', without(escalated, 'type'), 'note.step-unknown'],
    [
      'a kind named like a prototype key',
      damaged(escalated, { type: 'constructor' }),
      'note.step-unknown',
    ],
    ['a step that is not a record', null as unknown as TimelineEvent, 'note.step-unknown'],
    ['a step of another order', damaged(escalated, { orderId: 'other' }), 'note.step-other-order'],
  ])('%s', (_case, bad, note) => {
    const clean = plan(scenario());
    expect(plan(scenario({ events: [tracking, bad, refund] }))).toEqual(withNote(clean, note));
  });

  it('takes any ISO instant with its zone that names a real day, 29 February of a leap year too', () => {
    const withOffset = { ...escalated, at: '2026-11-16T11:00:00+01:00' };
    const clean = plan(scenario({ events: [tracking, refund, escalated] }));
    const offset = plan(scenario({ events: [tracking, refund, withOffset] }));
    expect(offset.notes).toEqual([]);
    const dueAt = (result: CasePlan) => result.deadlines.map((deadline) => deadline.dueAt);
    expect(dueAt(offset)).toEqual(dueAt(clean));
    const leapDay = event('seller-replied', '2028-02-29T09:00:00.000Z');
    expect(plan(scenario({ events: [tracking, refund, leapDay] })).notes).toEqual([]);
  });

  it('counts a step recorded twice once', () => {
    const clean = plan(scenario({ events: [tracking, refund, escalated] }));
    const again = { ...refund, id: 'another-id', recordedAt: '2026-11-12T00:00:00.000Z' };
    expect(plan(scenario({ events: [tracking, refund, escalated, again] }))).toEqual(
      withNote(clean, 'note.step-duplicate'),
    );
    expect(plan(scenario({ events: [escalated, tracking, refund, escalated] }))).toEqual(
      withNote(clean, 'note.step-duplicate'),
    );
  });

  it('keeps two steps of the same kind at the same moment when their details differ', () => {
    const first = event('seller-replied', '2026-11-12T09:00:00.000Z', { note: 'Wait please' });
    const second = event('seller-replied', '2026-11-12T09:00:00.000Z', { note: 'Refund sent' });
    expect(plan(scenario({ events: [tracking, refund, first, second] })).notes).toEqual([]);
  });

  it('plans steps stored in any order as if they were in order, and says nothing', () => {
    const events = [tracking, refund, escalated];
    expect(plan(scenario({ events: [...events].reverse() }))).toEqual(plan(scenario({ events })));
    expect(plan(scenario({ events })).notes).toEqual([]);
  });
});

describe('details of a step that cannot be read are left out, the step kept', () => {
  const status = event('status-changed', '2026-11-01T00:00:00.000Z', { statusText: 'Lost' });
  it.each<[string, TimelineEvent, TimelineEvent]>([
    ['details that are not a record', damaged(escalated, { details: 'escalated' }), escalated],
    [
      'a status CaseClock does not know',
      damaged(status, { details: { to: 'teleported', statusText: 'Lost' } }),
      status,
    ],
    [
      'a tracking number that is not text',
      damaged(tracking, {
        details: { trackingNumber: 42, carrier: 'China Post Registered Air Mail' },
      }),
      { ...tracking, details: { carrier: 'China Post Registered Air Mail' } },
    ],
    [
      'an escalation offer that is not yes or no',
      damaged(escalated, { details: { canEscalate: 'yes' } }),
      escalated,
    ],
    [
      'an outcome CaseClock does not know',
      damaged(event('resolved', '2026-11-20T00:00:00.000Z'), { details: { outcome: 'maybe' } }),
      event('resolved', '2026-11-20T00:00:00.000Z'),
    ],
    [
      'a canceller CaseClock does not know',
      damaged(event('order-cancelled', '2026-11-20T00:00:00.000Z'), {
        details: { cancelledBy: 'aliens' },
      }),
      event('order-cancelled', '2026-11-20T00:00:00.000Z'),
    ],
    [
      'a corrected date that is no date',
      damaged(escalated, { originalAt: 'yesterday' }),
      escalated,
    ],
  ])('%s', (_case, bad, clean) => {
    const expected = withNote(
      plan(scenario({ events: [tracking, refund, clean] })),
      'note.step-details-unreadable',
    );
    expect(plan(scenario({ events: [tracking, refund, bad] }))).toEqual(expected);
  });

  it.each<[string, TimelineEvent]>([
    ['a recording date that is no date', damaged(escalated, { recordedAt: 'never' })],
    ['no recording date', without(escalated, 'recordedAt')],
    ['a source CaseClock does not know', damaged(escalated, { source: 'robot' })],
  ])('%s changes nothing planned, and is named', (_case, bad) => {
    const expected = withNote(
      plan(scenario({ events: [tracking, refund, escalated] })),
      'note.step-details-unreadable',
    );
    expect(plan(scenario({ events: [tracking, refund, bad] }))).toEqual(expected);
  });
});

describe('the order', () => {
  it.each<[string, Record<string, unknown>, string, NoteMessage]>([
    [
      'a shipping date that is no date',
      { shippedAt: 'soon' },
      'shippedAt',
      'note.order-date-invalid',
    ],
    [
      'a day of payment that does not exist',
      { paidAt: '2026-02-29T10:00:00.000Z' },
      'paidAt',
      'note.order-date-invalid',
    ],
    ['a receipt date that is empty', { receivedAt: '' }, 'receivedAt', 'note.order-date-invalid'],
    [
      'a status CaseClock does not know',
      { status: 'lost-in-space' },
      'status',
      'note.order-detail-unreadable',
    ],
    [
      'a tracking number that is not text',
      { trackingNumber: 12345 },
      'trackingNumber',
      'note.order-detail-unreadable',
    ],
    [
      'a carrier that is not text',
      { carrier: { name: 'DHL' } },
      'carrier',
      'note.order-detail-unreadable',
    ],
  ])('%s is left out', (_case, changes, field, note) => {
    const base = scenario();
    const clean = plan({ ...base, order: without(base.order ?? {}, field as 'status') });
    expect(plan({ ...base, order: damaged(base.order ?? {}, changes) })).toEqual(
      withNote(clean, note),
    );
  });

  it('a protection end that is no date leaves AliExpress’s window unknown, as if unstated', () => {
    const order = { status: 'shipped' as const, protectionEndsAt: '2026-12-02T23:00:00' };
    const clean = plan({ marketplace: 'aliexpress', order: { status: 'shipped' } });
    expect(plan({ marketplace: 'aliexpress', order })).toEqual(
      withNote(clean, 'note.order-date-invalid'),
    );
  });

  it.each(['ebay', 'constructor', '__proto__', ''])(
    'on a site CaseClock does not know (%j): where it stands, no deadline',
    (marketplace) => {
      const unknown = marketplace as MarketplaceId;
      expect(plan(scenario({ marketplace: unknown }))).toEqual({
        stage: 'case-opened',
        deadlines: [],
        nextStep: { action: 'contact-seller', message: 'next.contact-seller', dueNow: true },
        compensation: [],
        overrides: [],
        notes: ['note.marketplace-unknown'],
      });
      const delivered = plan({
        marketplace: unknown,
        order: { status: 'delivered' },
        settings: { paypal: { [marketplace]: true } },
      });
      expect(delivered).toMatchObject({
        stage: 'delivered',
        deadlines: [],
        nextStep: { action: 'inspect-items' },
        notes: ['note.marketplace-unknown'],
      });
    },
  );

  it.each<[string, Scenario, string, string]>([
    ['cancelled', { order: { status: 'cancelled' } }, 'closed', 'none'],
    [
      'resolved',
      { reason: 'not-received', events: [event('resolved', '2026-11-20T09:00:00.000Z')] },
      'resolved',
      'none',
    ],
    [
      'confirmed',
      { events: [event('receipt-confirmed', '2026-11-20T09:00:00.000Z')] },
      'receipt-confirmed',
      'none',
    ],
    [
      'received by the buyer',
      { events: [event('received', '2026-11-20T09:00:00.000Z')] },
      'delivered',
      'inspect-items',
    ],
    ['awaiting payment', { order: { status: 'awaiting-payment' } }, 'awaiting-payment', 'wait'],
    ['awaiting shipment', { order: { status: 'awaiting-shipment' } }, 'awaiting-shipment', 'wait'],
    ['shipped', { order: { status: 'shipped' } }, 'in-transit', 'wait'],
  ])(
    'on a site CaseClock does not know, an order %s stands where its facts say',
    (_case, facts, stage, action) => {
      expect(plan({ ...facts, marketplace: 'ebay' as MarketplaceId })).toMatchObject({
        stage,
        deadlines: [],
        nextStep: { action },
      });
    },
  );
});

describe('the case', () => {
  it('of another order is left out', () => {
    const { reason: _reason, ...noCase } = scenario();
    expect(plan(scenario({ caseRecord: { orderId: 'someone-else' } }))).toEqual(
      withNote(plan(noCase), 'note.case-other-order'),
    );
  });

  it.each([
    ['an opening date that is no date', { openedAt: 'today' }],
    ['a closing date that is no date', { closedAt: '2026-13-01T00:00:00.000Z' }],
  ])('with %s plans the same, and says so', (_case, changes) => {
    expect(plan(scenario({ caseRecord: changes }))).toEqual(
      withNote(plan(scenario()), 'note.case-date-invalid'),
    );
  });

  it('with a reason CaseClock does not know counts as "other"', () => {
    const unknown = scenario({ caseRecord: damaged({}, { reason: 'buyer-remorse' }) });
    expect(plan(unknown)).toEqual(
      withNote(plan(scenario({ reason: 'other' })), 'note.case-reason-unknown'),
    );
  });
});

describe('settings', () => {
  const escalation = scenario({ events: [tracking, refund, escalated] });
  let clean: CasePlan;
  beforeEach(() => {
    clean = plan(escalation);
  });

  it.each<[string, unknown]>([
    ['not a number', Number.NaN],
    ['infinite', Number.POSITIVE_INFINITY],
    ['negative', -1],
    ['beyond what the settings page accepts', 3651],
    ['a huge number', 1e300],
    ['text', '3'],
    ['nothing', null],
  ])('ignore an override that is %s', (_case, value) => {
    const settings = damaged<Partial<Settings>>(
      {},
      { overrides: { dhgate: { platformContact: value } } },
    );
    expect(plan({ ...escalation, settings })).toEqual(withNote(clean, 'note.setting-ignored'));
  });

  it('ignore overrides that are not a list of values', () => {
    const settings = damaged<Partial<Settings>>({}, { overrides: { dhgate: 'fast' } });
    expect(plan({ ...escalation, settings })).toEqual(withNote(clean, 'note.setting-ignored'));
  });

  it('ignore a PayPal setting that is not yes or no', () => {
    const settings = damaged<Partial<Settings>>({}, { paypal: { dhgate: 'yes' } });
    expect(plan({ ...escalation, settings })).toEqual(withNote(clean, 'note.setting-ignored'));
  });

  it.each(['platinum', 'constructor', 'toString', 7])(
    'count an unknown membership tier (%j) as the regular one',
    (tier) => {
      const settings = damaged<Partial<Settings>>({}, { membership: { dhgate: tier } });
      expect(plan({ ...escalation, settings })).toEqual(withNote(clean, 'note.tier-unknown'));
    },
  );

  it('take settings that are not records as none, with nothing to name', () => {
    const settings = damaged<Partial<Settings>>(
      {},
      { membership: null, overrides: null, paypal: 0 },
    );
    expect(plan({ ...escalation, settings })).toEqual(clean);
  });

  it('take no settings record at all as the defaults', () => {
    const input: PlanInput = {
      order: { marketplace: 'dhgate', orderNumber: '1043587216', items: [], status: 'shipped' },
      events: [tracking],
      policy: POLICIES.dhgate,
      settings: DEFAULT_SETTINGS,
      now: '2026-11-22T12:00:00.000Z',
      timeZone: PARIS,
    };
    expect(planCase(damaged(input, { settings: null }))).toEqual(planCase(input));
  });
});
