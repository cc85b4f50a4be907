import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { StoredCase, StoredEvent, StoredOrder } from '@/lib/db/schema';
import { planOrder, type OrderPlan } from '@/lib/db/plans';
import { deadlinesCalendar } from '@/lib/export/calendar';
import { translator } from '@/lib/i18n';
import { DEFAULT_SETTINGS } from '@/lib/timeline/types';
import { NEW_YORK, PARIS } from '../zones';

/** Between the end of summer time in Europe (25 October) and in America (1 November). */
const NOW = '2026-10-28T12:00:00.000Z';
const SEEN = '2026-10-20T10:00:00.000Z';
const DHGATE_PAGE =
  'https://m.dhgate.com/mydhgate/order/orderdetail.html?rfid=ff80808193a1c4e50193b27c4f6d2a11&rft=4';
const ALIEXPRESS_PAGE = 'https://www.aliexpress.com/p/order/detail.html?orderId=3041234567890123';

/** What every order's page showed alike: shipped, seen on 20 October. */
const SHIPPED: Pick<StoredOrder, 'status' | 'statusText' | 'items' | 'firstSeenAt' | 'lastSeenAt'> =
  { status: 'shipped', statusText: 'Shipped', items: [], firstSeenAt: SEEN, lastSeenAt: SEEN };

/**
 * Shipped on 20 October at 09:00 UTC: a dispute could be opened from the 24th (passed) and until
 * 90 days on, 18 January at 10:00 UTC in both zones (each left summer time in between).
 */
const DHGATE: StoredOrder = {
  ...SHIPPED,
  id: 'dhgate:1043587216',
  marketplace: 'dhgate',
  orderNumber: '1043587216',
  shippedAt: '2026-10-20T09:00:00.000Z',
  seller: { name: 'Shenzhen Audio Store' },
  detailUrl: DHGATE_PAGE,
};
const CASE: StoredCase = {
  id: 'case-1',
  orderId: DHGATE.id,
  reason: 'not-received',
  openedAt: '2026-10-28T08:00:00.000Z',
  status: 'open',
};
/**
 * Asked on 28 October at 09:00 UTC: the seller has 5 days, to 2 November at the same wall-clock
 * time, which is 09:00 UTC from Paris (already on winter time) and 10:00 UTC from New York
 * (summer time on the 28th, winter time on the 2nd).
 */
const REFUND: StoredEvent = {
  id: 'refund-1',
  orderId: DHGATE.id,
  caseId: CASE.id,
  type: 'refund-requested',
  at: '2026-10-28T09:00:00.000Z',
  recordedAt: '2026-10-28T09:00:00.000Z',
  source: 'buyer',
};

/** Protection ends when the page says: 1 December, 15:30 UTC. */
const ALIEXPRESS: StoredOrder = {
  ...SHIPPED,
  id: 'aliexpress:3041234567890123',
  marketplace: 'aliexpress',
  orderNumber: '3041234567890123',
  protectionEndsAt: '2026-12-01T15:30:00.000Z',
  seller: { name: 'Shenzhen "Best", Ltd.; 50% off \\ all\nsecond line' },
  seenOnUrl: ALIEXPRESS_PAGE,
};

/** Put away by the buyer: no reminder, no event, though its protection runs on. */
const ARCHIVED: StoredOrder = {
  ...ALIEXPRESS,
  id: 'aliexpress:3041234567890999',
  orderNumber: '3041234567890999',
  archived: true,
};

const LEAD_HOURS = 48;

function planned(timeZone: string, now = NOW, refund = REFUND): OrderPlan[] {
  const clock = { now, timeZone };
  return [
    planOrder(ALIEXPRESS, [], [], DEFAULT_SETTINGS, clock),
    planOrder(DHGATE, [CASE], [refund], DEFAULT_SETTINGS, clock),
    planOrder(ARCHIVED, [], [], DEFAULT_SETTINGS, clock),
  ];
}

function exported(language: 'en' | 'fr', timeZone: string, now = NOW, refund = REFUND) {
  const ics = deadlinesCalendar(planned(timeZone, now, refund), {
    t: translator(language),
    language,
    timeZone,
    now,
    leadHours: LEAD_HOURS,
  });
  if (ics === undefined) throw new Error('no calendar');
  return ics;
}

/** The calendar as an independent parser reads it. */
function parsed(ics: string): ICAL.Component {
  return ICAL.Component.fromString(ics);
}

/** A property's value as ical.js reads it, in words: TEXT, URI, INTEGER or DATE-TIME. */
function valueOf(component: ICAL.Component | null, name: string): string | undefined {
  const value = component?.getFirstPropertyValue(name);
  return value === null || value === undefined ? undefined : String(value);
}

/** A DURATION property's value, in seconds. */
function secondsOf(component: ICAL.Component | null, name: string): number | undefined {
  const value = component?.getFirstPropertyValue(name);
  return value instanceof ICAL.Duration ? value.toSeconds() : undefined;
}

/** Each event as a plain record of what a calendar shows of it. */
function eventsOf(ics: string) {
  return parsed(ics)
    .getAllSubcomponents('vevent')
    .map((vevent) => {
      const alarm = vevent.getFirstSubcomponent('valarm');
      return {
        uid: valueOf(vevent, 'uid'),
        stamp: valueOf(vevent, 'dtstamp'),
        start: valueOf(vevent, 'dtstart'),
        seconds: secondsOf(vevent, 'duration'),
        sequence: Number(valueOf(vevent, 'sequence')),
        transparency: valueOf(vevent, 'transp'),
        summary: valueOf(vevent, 'summary'),
        description: valueOf(vevent, 'description') ?? '',
        url: valueOf(vevent, 'url'),
        alarm: {
          action: valueOf(alarm, 'action'),
          description: valueOf(alarm, 'description'),
          triggerSeconds: secondsOf(alarm, 'trigger'),
        },
      };
    });
}

/** 28 October 2026, 12:00 UTC is 300 days and 12 hours after 1 January 2026, 00:00 UTC. */
const SEQUENCE_AT_NOW = 300 * 86_400 + 12 * 3_600;

describe('the deadlines as a calendar (iCalendar)', () => {
  it('is one calendar, named in the buyer’s language, in CRLF lines', () => {
    const ics = exported('en', PARIS);
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '').includes('\n')).toBe(false);
    const calendar = parsed(ics);
    expect(valueOf(calendar, 'version')).toBe('2.0');
    expect(valueOf(calendar, 'prodid')).toBe('-//CaseClock//Dispute deadlines//EN');
    expect(valueOf(calendar, 'calscale')).toBe('GREGORIAN');
    expect(valueOf(calendar, 'method')).toBe('PUBLISH');
    expect(valueOf(calendar, 'x-wr-calname')).toBe('CaseClock: dispute deadlines');
    expect(valueOf(parsed(exported('fr', NEW_YORK)), 'x-wr-calname')).toBe(
      'CaseClock : échéances des litiges',
    );
  });

  it('has one event per deadline ahead, soonest first, in English from Paris', () => {
    const events = eventsOf(exported('en', PARIS));
    // Not the DHgate window that opened on 24 October, nor anything of the archived order.
    expect(events.map((event) => event.uid)).toEqual([
      'seller-response-due.opens.dhgate%3A1043587216@caseclock.app',
      'dispute-window-closes.closes.aliexpress%3A3041234567890123@caseclock.app',
      'dispute-window-closes.closes.dhgate%3A1043587216@caseclock.app',
    ]);
    const [answer, protection, dispute] = events;
    expect(answer).toEqual({
      uid: 'seller-response-due.opens.dhgate%3A1043587216@caseclock.app',
      stamp: '2026-10-28T12:00:00Z',
      start: '2026-11-02T09:00:00Z',
      seconds: 15 * 60,
      sequence: SEQUENCE_AT_NOW,
      transparency: 'TRANSPARENT',
      summary: "DHgate order 1043587216: Seller's time to answer ends",
      description: [
        "Seller's time to answer ends: 2 Nov 2026, 10:00.",
        "Next step as of 28 Oct 2026: Wait for the seller's answer until you can escalate",
        'DHgate order 1043587216',
        'Seller: Shenzhen Audio Store',
        'Your case: Not received',
        `Order page: ${DHGATE_PAGE}`,
      ].join('\n'),
      url: DHGATE_PAGE,
      // A window opening: reminded as it opens, as CaseClock's own reminders do.
      alarm: {
        action: 'DISPLAY',
        description: "The seller's time to answer is over: you can escalate now.",
        triggerSeconds: 0,
      },
    });
    expect(protection).toEqual({
      uid: 'dispute-window-closes.closes.aliexpress%3A3041234567890123@caseclock.app',
      stamp: '2026-10-28T12:00:00Z',
      start: '2026-12-01T15:30:00Z',
      seconds: 15 * 60,
      sequence: SEQUENCE_AT_NOW,
      transparency: 'TRANSPARENT',
      summary: 'AliExpress order 3041234567890123: Last day to open a dispute',
      description: [
        'Last day to open a dispute: 1 Dec 2026, 16:30.',
        'Next step as of 28 Oct 2026: Wait for the parcel; open a dispute before protection ends if it does not come',
        'AliExpress order 3041234567890123',
        'Seller: Shenzhen "Best", Ltd.; 50% off \\ all\nsecond line',
        `Order page: ${ALIEXPRESS_PAGE}`,
      ].join('\n'),
      url: ALIEXPRESS_PAGE,
      // A window closing: reminded the buyer's lead time before, 48 hours.
      alarm: {
        action: 'DISPLAY',
        description: 'Last day to open a dispute: 1 Dec 2026, 16:30.',
        triggerSeconds: -48 * 3_600,
      },
    });
    expect(dispute?.start).toBe('2027-01-18T10:00:00Z');
    expect(dispute?.summary).toBe('DHgate order 1043587216: Last day to open a dispute');
    expect(dispute?.description.split('\n')[0]).toBe(
      'Last day to open a dispute: 18 Jan 2027, 11:00.',
    );
    expect(dispute?.alarm.triggerSeconds).toBe(-48 * 3_600);
  });

  it('speaks French and keeps the New York buyer’s times', () => {
    const [answer, protection, dispute] = eventsOf(exported('fr', NEW_YORK));
    expect(answer).toEqual({
      uid: 'seller-response-due.opens.dhgate%3A1043587216@caseclock.app',
      stamp: '2026-10-28T12:00:00Z',
      // Five days of the buyer's wall clock, across America's change of time.
      start: '2026-11-02T10:00:00Z',
      seconds: 15 * 60,
      sequence: SEQUENCE_AT_NOW,
      transparency: 'TRANSPARENT',
      summary: 'Commande DHgate 1043587216 : Fin du délai de réponse du vendeur',
      description: [
        'Fin du délai de réponse du vendeur : 2 nov. 2026, 05:00.',
        'Prochaine étape au 28 oct. 2026 : Attendez la réponse du vendeur jusqu’à ce que vous puissiez faire remonter le litige',
        'Commande DHgate 1043587216',
        'Vendeur : Shenzhen Audio Store',
        'Votre dossier : Non reçue',
        `Page de la commande : ${DHGATE_PAGE}`,
      ].join('\n'),
      url: DHGATE_PAGE,
      alarm: {
        action: 'DISPLAY',
        description:
          'Le délai de réponse du vendeur est écoulé : vous pouvez faire appel à la plateforme.',
        triggerSeconds: 0,
      },
    });
    expect(protection?.start).toBe('2026-12-01T15:30:00Z');
    expect(protection?.summary).toBe(
      'Commande AliExpress 3041234567890123 : Dernier jour pour ouvrir un litige',
    );
    expect(protection?.alarm).toEqual({
      action: 'DISPLAY',
      description: 'Dernier jour pour ouvrir un litige : 1 déc. 2026, 10:30.',
      triggerSeconds: -48 * 3_600,
    });
    expect(dispute?.start).toBe('2027-01-18T10:00:00Z');
    expect(dispute?.description.split('\n')[0]).toBe(
      'Dernier jour pour ouvrir un litige : 18 janv. 2027, 05:00.',
    );
  });

  it('escapes what TEXT must escape, so a seller’s name comes back whole', () => {
    const ics = exported('en', PARIS);
    expect(ics.replace(/\r\n /g, '')).toContain(
      'Shenzhen "Best"\\, Ltd.\\; 50% off \\\\ all\\nsecond line',
    );
    const [, protection] = eventsOf(ics);
    expect(protection?.description).toContain(
      'Seller: Shenzhen "Best", Ltd.; 50% off \\ all\nsecond line\n',
    );
  });

  it('makes spaces of the control characters TEXT may not hold, and keeps tabs', () => {
    const odd = { ...DHGATE, seller: { name: 'Audio\tStore\u0000One\u0007' } };
    const ics = deadlinesCalendar(
      [planOrder(odd, [CASE], [REFUND], DEFAULT_SETTINGS, { now: NOW, timeZone: PARIS })],
      { t: translator('en'), language: 'en', timeZone: PARIS, now: NOW, leadHours: LEAD_HOURS },
    );
    expect(eventsOf(ics ?? '')[0]?.description).toContain('Seller: Audio\tStore One \n');
  });

  it('folds lines at 75 octets without cutting a character, and unfolds to the same text', () => {
    const seller = 'Boutique Élégance 🎧 écouteurs sans fil, qualité supérieure 😀 ';
    const long = { ...DHGATE, seller: { name: seller.repeat(6) } };
    const ics = deadlinesCalendar(
      [planOrder(long, [CASE], [REFUND], DEFAULT_SETTINGS, { now: NOW, timeZone: PARIS })],
      { t: translator('en'), language: 'en', timeZone: PARIS, now: NOW, leadHours: LEAD_HOURS },
    );
    const lines = ics?.split('\r\n') ?? [];
    const encoder = new TextEncoder();
    const strict = new TextDecoder('utf-8', { fatal: true });
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
    for (const line of lines) {
      const octets = encoder.encode(line);
      expect(octets.length).toBeLessThanOrEqual(75);
      // A line cut inside a character would hold half of it, which UTF-8 cannot write back.
      expect(strict.decode(octets)).toBe(line);
    }
    const descriptions = eventsOf(ics ?? '').map((event) => event.description);
    for (const description of descriptions) {
      expect(description).toContain(`Seller: ${seller.repeat(6)}\n`);
    }
  });

  it('keeps each event’s UID when exported again later, with a higher SEQUENCE', () => {
    const first = eventsOf(exported('en', PARIS));
    // An hour on, the buyer corrected the refund request to an hour later: the answer moves.
    const later = '2026-10-28T13:00:00.000Z';
    const corrected = { ...REFUND, at: '2026-10-28T10:00:00.000Z' };
    const again = eventsOf(exported('en', PARIS, later, corrected));
    expect(again.map((event) => event.uid)).toEqual(first.map((event) => event.uid));
    expect(again.map((event) => event.sequence)).toEqual(first.map(() => SEQUENCE_AT_NOW + 3_600));
    expect(again[0]?.start).toBe('2026-11-02T10:00:00Z');
    expect(again[0]?.stamp).toBe('2026-10-28T13:00:00Z');
  });

  it('reminds as a window closes when the buyer wants no lead time', () => {
    const ics = deadlinesCalendar(planned(PARIS), {
      t: translator('en'),
      language: 'en',
      timeZone: PARIS,
      now: NOW,
      leadHours: 0,
    });
    expect(eventsOf(ics ?? '').map((event) => event.alarm.triggerSeconds)).toEqual([0, 0, 0]);
  });

  it('makes no calendar when no deadline is ahead', () => {
    const options = {
      t: translator('en'),
      language: 'en' as const,
      timeZone: PARIS,
      now: NOW,
      leadHours: LEAD_HOURS,
    };
    expect(deadlinesCalendar([], options)).toBeUndefined();
    const archivedOnly = planOrder(ARCHIVED, [], [], DEFAULT_SETTINGS, {
      now: NOW,
      timeZone: PARIS,
    });
    expect(deadlinesCalendar([archivedOnly], options)).toBeUndefined();
    // On 2 December the AliExpress protection has ended.
    const over = '2026-12-02T00:00:00.000Z';
    const ended = planOrder(ALIEXPRESS, [], [], DEFAULT_SETTINGS, { now: over, timeZone: PARIS });
    expect(deadlinesCalendar([ended], { ...options, now: over })).toBeUndefined();
  });
});
