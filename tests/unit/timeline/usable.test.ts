// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { POLICIES } from '@/lib/policies';
import { hoursBefore, isAfter } from '@/lib/timeline/days';
import {
  isInstant,
  usableCase,
  usableEvents,
  usableInput,
  usableOrder,
} from '@/lib/timeline/usable';
import {
  DEFAULT_SETTINGS,
  type CaseRecord,
  type NoteMessage,
  type OrderFacts,
  type Settings,
  type TimelineEvent,
} from '@/lib/timeline';
import { event } from './helpers';

/**
 * The gate between what the database holds and what planning rests on, read directly: which
 * values pass, which are left out, which are passed through untouched, and what is named.
 */

function notesOf(read: (notes: Set<NoteMessage>) => unknown): NoteMessage[] {
  const notes = new Set<NoteMessage>();
  read(notes);
  return [...notes];
}

const at = '2026-11-12T09:00:00.000Z';

describe('an instant CaseClock counts from', () => {
  it.each([
    ['to the minute, in UTC', '2026-11-10T09:00Z'],
    ['to the second, with an offset', '2026-11-10T09:00:00+01:00'],
    [
      'with the longest fraction it stores (nine digits) and an offset',
      '2026-11-10T09:00:00.000000000+01:00',
    ],
  ])('is taken %s', (_case, value) => {
    expect(isInstant(value)).toBe(true);
  });

  it.each([
    ['a fraction of ten digits', '2026-11-10T09:00:00.1234567890Z'],
    ['no zone', '2026-11-10T09:00:00'],
    ['a date without a time', '2026-11-10'],
    ['30 February', '2026-02-30T09:00:00Z'],
    ['29 February of a common year', '2027-02-29T09:00:00Z'],
    ['a number', 1_794_301_200_000],
  ])('is refused with %s', (_case, value) => {
    expect(isInstant(value)).toBe(false);
  });

  it('reads the same the second time as the first', () => {
    expect([isInstant('2026-04-31T00:00Z'), isInstant('2026-04-31T00:00Z')]).toEqual([
      false,
      false,
    ]);
    expect([isInstant('2026-04-30T00:00Z'), isInstant('2026-04-30T00:00Z')]).toEqual([true, true]);
  });
});

describe('steps', () => {
  it('passes a step that is whole through as it is, the same record', () => {
    const whole = event('seller-replied', at, { note: 'Refund sent', cancelledBy: 'seller' });
    const [kept] = usableEvents([whole], 'o');
    expect(kept).toBe(whole);
  });

  it.each(['buyer', 'seller', 'platform'] as const)(
    'keeps a cancellation by the %s with its details',
    (cancelledBy) => {
      const cancelled = event('order-cancelled', at, { cancelledBy });
      expect(usableEvents([cancelled], 'o')).toEqual([cancelled]);
    },
  );

  it('drops detail keys it does not know without naming them, keeping the known ones', () => {
    const candidate = {
      ...event('seller-replied', at),
      details: { note: 'Refund sent', colour: 'red' },
    } as unknown as TimelineEvent;
    const notes = new Set<NoteMessage>();
    const [kept] = usableEvents([candidate], 'o', notes);
    expect(kept?.details).toStrictEqual({ note: 'Refund sent' });
    expect([...notes]).toEqual([]);
  });

  it('keeps a valid original date when other details are damaged, and drops an invalid one', () => {
    const damaged = { ...event('seller-replied', at), details: { note: 7 } };
    const dated = {
      ...damaged,
      originalAt: '2026-11-11T09:00:00.000Z',
    } as unknown as TimelineEvent;
    const misdated = { ...damaged, originalAt: 'yesterday' } as unknown as TimelineEvent;
    const withoutDate = damaged as unknown as TimelineEvent;
    expect(usableEvents([dated], 'o')[0]).toStrictEqual({
      ...damaged,
      details: {},
      originalAt: '2026-11-11T09:00:00.000Z',
    });
    expect(usableEvents([misdated], 'o')[0]).toStrictEqual({ ...damaged, details: {} });
    expect(usableEvents([withoutDate], 'o')[0]).toStrictEqual({ ...damaged, details: {} });
  });

  it('orders steps at the same moment by id, a step without a text id first', () => {
    const [c, a, b] = ['c', 'a', 'b'].map((id) => ({
      ...event('contacted-seller', at, { note: `Message ${id}` }),
      id,
    }));
    const numbered = { ...event('seller-replied', at), id: 5 } as unknown as TimelineEvent;
    const capital = { ...event('escalated', at), id: 'A' };
    const ids = (steps: TimelineEvent[]) => steps.map((step) => step.id);
    expect(ids(usableEvents([c, a, b] as TimelineEvent[], 'o'))).toEqual(['a', 'b', 'c']);
    expect(ids(usableEvents([capital, numbered], 'o'))).toEqual([5, 'A']);
  });

  it('counts a step stored twice once, when the twin is the first step', () => {
    const refund = event('refund-requested', at);
    const notes = new Set<NoteMessage>();
    expect(usableEvents([refund, { ...refund, id: 'z-copy' }], 'o', notes)).toEqual([refund]);
    expect([...notes]).toEqual(['note.step-duplicate']);
  });

  it.each<[string, Partial<TimelineEvent>]>([
    ['of another kind', { type: 'contacted-seller' }],
    ['from another source', { source: 'page' }],
    ['with other details', { details: { note: 'Second message' } }],
  ])('keeps both steps at the same moment when one is %s', (_case, change) => {
    const replied = event('seller-replied', at, { note: 'First message' });
    const other = { ...replied, id: 'other', ...change };
    expect(usableEvents([replied, other], 'o')).toHaveLength(2);
  });
});

describe('an order and a case', () => {
  const order: OrderFacts = {
    orderNumber: '1043587216',
    items: [],
    marketplace: 'dhgate',
    placedAt: at,
  };

  it('passes an order whose fields are all usable through as it is', () => {
    expect(usableOrder(order)).toBe(order);
  });

  it('names a case whose opening date is no date, and keeps the case', () => {
    const record: CaseRecord = { id: 'c', orderId: 'o', reason: 'not-received', openedAt: 'today' };
    const notes = new Set<NoteMessage>();
    expect(usableCase(record, notes)).toBe(record);
    expect([...notes]).toEqual(['note.case-date-invalid']);
  });
});

describe('settings as they apply to one order', () => {
  const order: OrderFacts = { id: 'o', orderNumber: '1', items: [], marketplace: 'dhgate' };
  function applied(settings: unknown, notes = new Set<NoteMessage>()): Settings {
    return usableInput(
      {
        order,
        events: [],
        policy: POLICIES.dhgate,
        settings: settings as Settings,
        now: at,
        timeZone: 'UTC',
      },
      notes,
    ).settings;
  }

  it.each([0, 3650])(
    'keep an override of %i days, the bounds the settings page accepts',
    (days) => {
      const settings = { ...DEFAULT_SETTINGS, overrides: { dhgate: { platformContact: days } } };
      expect(notesOf((notes) => applied(settings, notes))).toEqual([]);
      expect(applied(settings).overrides).toEqual({ dhgate: { platformContact: days } });
    },
  );

  it('take PayPal switched off as a choice, with nothing to name', () => {
    const settings = { ...DEFAULT_SETTINGS, paypal: { dhgate: false } };
    expect(notesOf((notes) => applied(settings, notes))).toEqual([]);
    expect(applied(settings).paypal).toEqual({});
  });

  it("keep PayPal's own overrides for an order paid with PayPal, and only then", () => {
    const overrides = { paypal: { openDispute: 90 } };
    const paid = applied({ ...DEFAULT_SETTINGS, paypal: { dhgate: true }, overrides });
    expect(paid.overrides).toEqual({ dhgate: {}, paypal: { openDispute: 90 } });
    expect(applied({ ...DEFAULT_SETTINGS, overrides }).overrides).toEqual({ dhgate: {} });
  });

  it('are read again for each settings object, and the same for the same one', () => {
    const slow = { ...DEFAULT_SETTINGS, overrides: { dhgate: { platformContact: 9 } } };
    expect(applied(slow).overrides).toEqual({ dhgate: { platformContact: 9 } });
    expect(applied(slow).overrides).toEqual({ dhgate: { platformContact: 9 } });
    const faster = { ...slow, overrides: { dhgate: { platformContact: 2 } } };
    expect(applied(faster).overrides).toEqual({ dhgate: { platformContact: 2 } });
  });

  it('show the in-page panel unless the buyer turned it off', () => {
    expect(DEFAULT_SETTINGS.showPanel).toBe(true);
  });
});

describe('reminder times', () => {
  it('come the lead time before a window closes, in exact hours', () => {
    expect(hoursBefore('2026-11-15T09:00:00.000Z', 24)).toBe('2026-11-14T09:00:00.000Z');
    expect(hoursBefore('2026-03-29T12:00:00.000Z', 1.5)).toBe('2026-03-29T10:30:00.000Z');
  });

  it('compare instants by time, whatever their offsets', () => {
    expect(isAfter('2026-11-15T10:00:00+01:00', '2026-11-15T08:59:59Z')).toBe(true);
    expect(isAfter('2026-11-15T10:00:00+01:00', '2026-11-15T09:00:00Z')).toBe(false);
  });
});
