// @vitest-environment node
import { NEW_YORK, PARIS } from '../zones';
import { beforeEach, describe, expect, it } from 'vitest';
import type { EvidenceRecord, StoredOrder } from '@/lib/db/schema';
import {
  describeEvent,
  draftMessage,
  inCaptureOrder,
  type Draft,
  type DraftInput,
} from '@/lib/evidence/draft';
import { translator, type Language, type MessageKey } from '@/lib/i18n';
import { en } from '@/lib/i18n/en';
import { fr } from '@/lib/i18n/fr';
import { formatMoney } from '@/lib/money';
import { BUYER_EVENT_TYPES, PAGE_EVENT_TYPES, type EventDetails } from '@/lib/timeline/types';
import { checkTrackingNumber } from '@/lib/tracking-numbers';
import {
  allchinabuyDamaged,
  dhgateNotReceived,
  draftInput,
  event,
  fewFacts,
  type Scenario,
} from './scenarios';

const KEYS = Object.keys(en) as MessageKey[];

function draft(scenario: Scenario, language: Language, timeZone = PARIS) {
  return draftMessage(draftInput(scenario, language, timeZone));
}

/** The draft's paragraphs, as the buyer sees them separated by a blank line. */
function paragraphs(body: string): string[] {
  return body.split('\n\n');
}

/** What a filled-in template must never show: a missing value or an unreplaced placeholder. */
function expectNoLeftovers(text: string) {
  expect(text).not.toMatch(/undefined|null|NaN|Invalid Date|\[object|[{}]/);
}

/** Plain text to paste into a form: no markdown emphasis, headings or code. */
function expectPlainText(text: string) {
  expect(text).not.toMatch(/\*\*|__|^#|`|<[a-z]/m);
}

/**
 * The English words of the catalogue the draft may use, where French says something else:
 * the pieces of each English text between its placeholders.
 */
function englishFragments(): string[] {
  const prefixes = ['draft.text.', 'event.', 'outcome.', 'subject.', 'compensation.', 'status.'];
  return KEYS.filter((key) => prefixes.some((prefix) => key.startsWith(prefix))).flatMap((key) =>
    en[key]
      .split(/\{\w+\}/)
      .map((fragment) => fragment.trim())
      .filter((fragment) => fragment.length >= 6 && /[a-z]{3}/i.test(fragment))
      .filter((fragment) => !fr[key].includes(fragment)),
  );
}

describe('a DHgate order that never came, the seller’s 5 days over', () => {
  const scenario = dhgateNotReceived();
  let english: Draft;
  let french: Draft;
  beforeEach(() => {
    english = draft(scenario, 'en');
    french = draft(scenario, 'fr');
  });

  it('names the order and the problem in the subject', () => {
    expect(english.subject).toBe('Order 1043587216 on DHgate: order not received');
    expect(french.subject).toBe('Commande 1043587216 sur DHgate : commande non reçue');
  });

  it('gives every known fact of the order, the total written for each language', () => {
    const total = { minor: 3499, currency: 'USD' };
    expect(scenario.order.total).toEqual(total);
    expect(english.body).toContain('Order number: 1043587216');
    expect(english.body).toContain('Order date: 28 October 2026');
    expect(english.body).toContain(`Order total: ${formatMoney(total, 'en-GB')}`);
    expect(english.body).toContain('US$34.99');
    expect(english.body).toContain('Seller: Shenzhen Gadget Store');
    expect(english.body).toContain('- Wireless earbuds × 2');
    expect(english.body).toContain(
      'Tracking number: RI002972278CN (China Post Registered Air Mail)',
    );
    expect(french.body).toContain(`Montant total : ${formatMoney(total, 'fr-FR')}`);
    expect(french.body).toMatch(/34,99\s\$US/);
    expect(french.body).toContain('Date de commande : 28 octobre 2026');
  });

  it('greets on a line of its own, then says which order and what is wrong', () => {
    expect(paragraphs(english.body).slice(0, 2)).toEqual([
      'Hello,',
      'I am writing about my order 1043587216 on DHgate. I have not received this order, which was shipped on 30 October 2026.',
    ]);
  });

  it('states the reason plainly, with the shipping date', () => {
    expect(english.body).toContain(
      'I have not received this order, which was shipped on 30 October 2026.',
    );
    expect(french.body).toContain('Je n’ai pas reçu cette commande, expédiée le 30 octobre 2026.');
  });

  it('tells what happened oldest first, in the buyer’s words, with the note', () => {
    const tracking = english.body.indexOf(
      '- 30 October 2026: The seller uploaded the tracking number RI002972278CN',
    );
    const refund = english.body.indexOf(
      '- 10 November 2026: I asked the seller for a refund (“Asked where the parcel is”)',
    );
    expect(tracking).toBeGreaterThan(0);
    expect(refund).toBeGreaterThan(tracking);
    expect(french.body).toContain(
      '- 10 novembre 2026 : J’ai demandé un remboursement au vendeur (« Asked where the parcel is »)',
    );
  });

  it('names the 5-day rule the plan shows passed, and asks DHgate to step in', () => {
    expect(english.body).toContain(
      'The seller had 5 days to answer the request I made on 10 November 2026, that is until 15 November 2026; that time is over.',
    );
    expect(english.body).toContain('I ask DHgate to step in.');
    // One paragraph, the sentences one space apart, and no refund period: DHgate sets none.
    expect(paragraphs(english.body)).toContain(
      'The seller had 5 days to answer the request I made on 10 November 2026, that is until 15 November 2026; that time is over. ' +
        'As the problem is still not resolved, I ask DHgate to step in.',
    );
    expect(french.body).toContain('Le vendeur disposait de 5 jours');
    expect(french.body).toContain('je demande à DHgate d’intervenir');
  });

  it('lists each piece of evidence in capture order, with what it shows and when', () => {
    expect(english.body).toContain(
      '- order-1043587216.png: Order details (captured on 10 November 2026)\n' +
        '- tracking-page.png: Tracking page showing no information (captured on 12 November 2026)',
    );
    for (const record of scenario.evidence) {
      expect(english.body).toContain(record.name);
      expect(french.body).toContain(record.name);
    }
    expect(french.body).toContain(
      'tracking-page.png : Page de suivi sans information (date de capture : 12 novembre 2026)',
    );
  });

  it('asks for a full refund of the total, and closes politely', () => {
    // No compensation applies to a parcel that never came: the request is the refund alone.
    expect(paragraphs(english.body)).toContain('I therefore ask for a full refund of US$34.99.');
    expect(english.body.endsWith('Kind regards,')).toBe(true);
    expect(french.body).toContain('Je demande donc le remboursement intégral de 34,99');
    expect(french.body.endsWith('Cordialement,')).toBe(true);
  });

  it('writes dates in the buyer’s time zone', () => {
    // The refund was asked at 23:30 UTC on 9 November: the 10th in Paris, the 9th in New York.
    const newYork = draft(scenario, 'en', NEW_YORK);
    expect(newYork.body).toContain('- 9 November 2026: I asked the seller for a refund');
    expect(newYork.body).not.toContain('10 November 2026: I asked');
    expect(english.body).toContain('- 10 November 2026: I asked the seller for a refund');
  });

  it('leaves nothing unfilled, and is plain text', () => {
    for (const text of [english.subject, english.body, french.subject, french.body]) {
      expectNoLeftovers(text);
      expectPlainText(text);
    }
  });

  it('has no English left in the French draft', () => {
    const fragments = englishFragments();
    expect(fragments.length).toBeGreaterThan(50);
    for (const fragment of fragments) expect(french.body).not.toContain(fragment);
    expect(french.body).not.toMatch(
      /\b(Hello|Kind regards|Thank you|Order|Seller|Items|captured)\b/,
    );
  });

  it('comes out the same whatever order the events and evidence are given in', () => {
    const shuffled: DraftInput = {
      ...draftInput(scenario, 'en'),
      events: [...scenario.events].reverse(),
      evidence: [...scenario.evidence].reverse(),
    };
    expect(draftMessage(shuffled)).toEqual(english);
  });
});

describe('the rules a draft names', () => {
  it('says nothing of the seller’s time before it is over', () => {
    const scenario = { ...dhgateNotReceived(), now: '2026-11-12T12:00:00.000Z' };
    const body = draft(scenario, 'en').body;
    expect(body).not.toContain('The seller had');
    expect(body).not.toContain('step in');
  });

  it('names no marketplace rule when the buyer set their own value', () => {
    const scenario: Scenario = {
      ...dhgateNotReceived(),
      settings: { overrides: { dhgate: { sellerResponse: 3 } } },
    };
    const input = draftInput(scenario, 'en');
    expect(input.plan.deadlines.find((d) => d.kind === 'seller-response-due')).toMatchObject({
      passed: true,
      override: { from: 5, to: 3 },
    });
    const body = draftMessage(input).body;
    expect(body).not.toContain('The seller had');
    expect(body).not.toContain('3 days');
  });

  /** The DHgate order, its case about the tracking number, which the seller uploaded. */
  function invalidTracking(): Scenario {
    const base = dhgateNotReceived();
    return {
      ...base,
      openCase: { ...base.openCase, reason: 'invalid-tracking' },
      events: base.events.filter((e) => e.type === 'tracking-uploaded'),
    };
  }

  it('asks only for the US$30 when the tracking number is the problem', () => {
    const input = draftInput(invalidTracking(), 'en');
    expect(input.plan.compensation).toEqual([
      expect.objectContaining({
        kind: 'invalid-tracking',
        amount: { minor: 3000, currency: 'USD' },
      }),
    ]);
    const { subject, body } = draftMessage(input);
    expect(subject).toBe('Order 1043587216 on DHgate: invalid tracking number');
    expect(body).toContain(
      'The tracking number the seller provided, RI002972278CN, is not valid: the parcel cannot be traced with it.',
    );
    expect(body).toContain(
      'I therefore ask for the compensation DHgate provides in this case:\n' +
        '- Discount for an invalid tracking number: US$30.00',
    );
    expect(body).not.toContain('full refund');
    // 45 days after shipping on 30 October: the report is still in time. No other window
    // (the dispute windows) is a reason to report in time.
    expect(paragraphs(body)).toContain(
      'I am reporting it within the 45 days after shipping that DHgate allows, that is by 14 December 2026.',
    );
    const french = draftMessage({ ...input, language: 'fr' }).body;
    expect(french).toContain('Réduction pour numéro de suivi invalide : 30,00');
  });

  it('no longer says the report is in time once the 45 days after shipping are over', () => {
    const scenario: Scenario = {
      ...invalidTracking(),
      // 45 days after shipping on 30 October ended on 14 December.
      now: '2027-01-10T12:00:00.000Z',
    };
    const input = draftInput(scenario, 'en');
    expect(
      input.plan.deadlines.find((d) => d.kind === 'invalid-tracking-report-closes'),
    ).toMatchObject({ passed: true });
    const body = draftMessage(input).body;
    expect(body).not.toContain('I am reporting it');
    expect(body).toContain('- Discount for an invalid tracking number: US$30.00');
  });

  it('asks for the refund and the compensation when a lost parcel’s number is invalid', () => {
    const base = dhgateNotReceived();
    const badNumber = 'RI002972279CN';
    expect(checkTrackingNumber(badNumber).verdict).toBe('invalid');
    const scenario: Scenario = {
      ...base,
      order: { ...base.order, trackingNumber: badNumber },
      events: base.events.map((happened) =>
        happened.type === 'tracking-uploaded'
          ? { ...happened, details: { ...happened.details, trackingNumber: badNumber } }
          : happened,
      ),
    };
    const input = draftInput(scenario, 'en');
    expect(input.plan.deadlines.map((d) => d.kind)).toContain('invalid-tracking-report-closes');
    const body = draftMessage(input).body;
    expect(body).toContain(
      'I therefore ask for a full refund of US$34.99.\n' +
        'I also ask for the compensation DHgate provides in this case:\n' +
        '- Discount for an invalid tracking number: US$30.00',
    );
    // The buyer reports a parcel that never came, not the number: no window to report it in.
    expect(body).not.toContain('I am reporting it');
  });

  it('asks for the late-shipment discount with the shipping date', () => {
    const base = dhgateNotReceived();
    const scenario: Scenario = {
      ...base,
      openCase: { ...base.openCase, reason: 'late-shipment' },
      events: [],
    };
    const body = draft(scenario, 'en').body;
    expect(body).toContain(
      'The seller did not ship this order within the agreed time: it was only shipped on 30 October 2026.',
    );
    expect(paragraphs(body)).toContain(
      'I therefore ask for the compensation DHgate provides in this case:\n' +
        '- Discount for late shipment: US$20.00',
    );
    expect(body).not.toContain('full refund');
  });

  it('asks for the refund, not the US$20, when the buyer cancelled the late order', () => {
    const base = dhgateNotReceived();
    const scenario: Scenario = {
      ...base,
      openCase: { ...base.openCase, reason: 'late-shipment' },
      events: [
        event(base.order, 'order-cancelled', '2026-11-01T09:00:00.000Z', { cancelledBy: 'buyer' }),
      ],
    };
    const input = draftInput(scenario, 'en');
    expect(input.plan.compensation).toEqual([]);
    const body = draftMessage(input).body;
    expect(paragraphs(body)).toContain('I therefore ask for a full refund of US$34.99.');
    expect(body).not.toContain('compensation');
  });
});

describe('an Allchinabuy order that arrived damaged', () => {
  const scenario = allchinabuyDamaged();
  let english: Draft;
  let french: Draft;
  beforeEach(() => {
    english = draft(scenario, 'en');
    french = draft(scenario, 'fr');
  });

  it('says when the damaged items came and that the refund window is still open', () => {
    expect(english.subject).toBe('Order DO24110512345 on Allchinabuy: item arrived damaged');
    expect(english.body).toContain(
      'The items arrived damaged; I received them on 18 November 2026.',
    );
    expect(english.body).toContain(
      'I am making this request within the refund period, which ends on 25 November 2026.',
    );
    expect(french.body).toContain('qui prend fin le 25 novembre 2026');
    expect(english.body).not.toContain('The seller had');
  });

  it('lists both items and every photo, even two with the same name', () => {
    expect(english.body).toContain('- Ceramic tea set × 1\n- Glass teapot × 2');
    expect(english.body).toContain(
      '- photo.jpg: Photos of the item (captured on 18 November 2026)\n' +
        '- photo.jpg: Photos of the package, Photo of the shipping label (captured on 18 November 2026)',
    );
    expect(english.body).toContain('- My note: Note (captured on 18 November 2026)');
    expect(french.body).toContain('- unboxing : Vidéo du déballage');
  });

  it('asks for a full refund', () => {
    expect(english.body).toContain('I therefore ask for a full refund of US$45.30.');
    expect(english.body).not.toContain('where my case stands');
    expectNoLeftovers(french.body);
  });

  it('says nothing of the refund period once it is over', () => {
    // 7 days after receiving the items on 18 November: over on 25 November.
    const body = draft({ ...scenario, now: '2026-12-01T12:00:00.000Z' }, 'en').body;
    expect(body).not.toContain('refund period');
  });

  it('asks where the case stands when the dispute has gone 3 days without a decision', () => {
    const disputed: Scenario = {
      ...scenario,
      events: [
        ...scenario.events,
        event(scenario.order, 'dispute-opened', '2026-11-20T10:00:00.000Z'),
      ],
      now: '2026-11-24T12:00:00.000Z',
    };
    expect(paragraphs(draft(disputed, 'en').body)).toContain(
      'My dispute, opened on 20 November 2026, is still not resolved 3 days later. ' +
        'I am making this request within the refund period, which ends on 25 November 2026. ' +
        'Could you please tell me where my case stands?',
    );
  });
});

describe('an order with few known facts', () => {
  const scenario = fewFacts();

  it.each(['en', 'fr'] as const)('writes no line for an unknown fact (%s)', (language) => {
    const { subject, body } = draft(scenario, language);
    const t = translator(language);
    expect(subject).toBe(
      t('draft.text.subject', {
        number: '8210505692320516',
        marketplace: 'AliExpress',
        problem: t('draft.text.problem.other'),
      }),
    );
    expect(body).toContain(t('draft.text.fact.orderNumber', { value: '8210505692320516' }));
    expect(body).toContain(t('draft.text.reason.other'));
    expect(body).toContain(t('draft.text.request.refundNoTotal'));
    const absent: MessageKey[] = [
      'draft.text.fact.placedAt',
      'draft.text.fact.total',
      'draft.text.fact.seller',
      'draft.text.fact.items',
      'draft.text.fact.tracking',
      'draft.text.fact.carrier',
      'draft.text.fact.caseNumber',
      'draft.text.heading.timeline',
      'draft.text.heading.evidence',
    ];
    for (const key of absent) {
      const label =
        t(key)
          .split(/\{\w+\}/)[0]
          ?.trim() ?? '';
      expect(label.length).toBeGreaterThan(2);
      expect(body).not.toContain(label);
    }
    expect(body).not.toMatch(/\n{3}/);
    expectNoLeftovers(body);
  });

  /** The order details paragraph of the draft of the order with these facts added. */
  function orderDetails(facts: Partial<StoredOrder>): string | undefined {
    const body = draft({ ...scenario, order: { ...scenario.order, ...facts } }, 'en').body;
    return paragraphs(body).find((paragraph) => paragraph.startsWith('Order details:'));
  }

  it('lists only the items that have a title, a title alone when the quantity is unknown', () => {
    expect(orderDetails({ items: [{ title: '  ', quantity: 1 }, { title: 'Phone case' }] })).toBe(
      'Order details:\nOrder number: 8210505692320516\nItems:\n- Phone case',
    );
    expect(orderDetails({ items: [{ title: ' ' }] })).toBe(
      'Order details:\nOrder number: 8210505692320516',
    );
  });

  it('gives the tracking number or the carrier when only one is known', () => {
    expect(orderDetails({ trackingNumber: 'RI002972278CN' })).toBe(
      'Order details:\nOrder number: 8210505692320516\nTracking number: RI002972278CN',
    );
    expect(orderDetails({ carrier: 'Yanwen' })).toBe(
      'Order details:\nOrder number: 8210505692320516\nCarrier: Yanwen',
    );
  });

  it('keeps a dispute number the page showed', () => {
    const withCase: Scenario = {
      ...scenario,
      order: { ...scenario.order, dispute: { status: 'Open', caseNumber: 'RC-778' } },
    };
    expect(draft(withCase, 'en').body).toContain('Dispute number: RC-778');
  });
});

describe('each event in words', () => {
  const order = dhgateNotReceived().order;
  const details: Partial<Record<string, EventDetails>> = {
    'status-changed': { to: 'shipped' },
    'tracking-uploaded': { trackingNumber: 'LX123', carrier: 'Yanwen' },
    'dispute-updated': { disputeStatus: 'Awaiting seller response' },
    resolved: { outcome: 'partial' },
    'order-cancelled': { cancelledBy: 'seller' },
  };

  it.each([...PAGE_EVENT_TYPES, ...BUYER_EVENT_TYPES])('%s', (type) => {
    const happened = event(order, type, '2026-11-10T10:00:00.000Z', details[type]);
    const english = describeEvent(happened, translator('en'), 'DHgate');
    const french = describeEvent(happened, translator('fr'), 'DHgate');
    for (const text of [english, french]) {
      expectNoLeftovers(text);
      expect(text.length).toBeGreaterThan(5);
    }
    expect(french).not.toBe(english);
  });

  it.each([
    ['status-changed', { to: 'shipped' }, 'The order status changed to “Shipped”'],
    [
      'status-changed',
      { statusText: 'Awaiting confirm' },
      'The order status changed to “Awaiting confirm”',
    ],
    ['status-changed', undefined, 'The order status changed'],
    [
      'tracking-uploaded',
      { trackingNumber: 'LX123' },
      'The seller uploaded the tracking number LX123',
    ],
    ['tracking-uploaded', undefined, 'The seller uploaded a tracking number'],
    ['dispute-updated', undefined, 'The dispute was updated on DHgate'],
    ['resolved', { outcome: 'partial' }, 'The case was resolved: partial refund'],
    ['resolved', undefined, 'The case was resolved'],
    ['order-cancelled', { cancelledBy: 'buyer' }, 'I cancelled the order'],
    ['order-cancelled', { cancelledBy: 'platform' }, 'DHgate cancelled the order'],
    ['order-cancelled', undefined, 'The order was cancelled'],
    ['escalated', undefined, 'I escalated the case to DHgate'],
    ['contacted-seller', { note: '  ' }, 'I contacted the seller'],
  ] as const)('%s with %o: "%s"', (type, eventDetails, expected) => {
    const happened = event(order, type, '2026-11-10T10:00:00.000Z', eventDetails);
    expect(describeEvent(happened, translator('en'), 'DHgate')).toBe(expected);
  });
});

describe('evidence in the draft', () => {
  const base = dhgateNotReceived();

  function record(id: string, name: string, capturedAt: string): EvidenceRecord {
    return {
      id,
      caseId: base.openCase.id,
      orderId: base.order.id,
      kind: 'text',
      shows: ['seller-chat', 'not-a-subject'],
      name,
      capturedAt,
      text: 'hello',
    };
  }

  it('does not repeat a name that already says what it shows', () => {
    const chat = record('ev-same', 'Chat with the seller', '2026-11-14T16:00:00.000Z');
    const body = draft({ ...base, evidence: [chat] }, 'en').body;
    expect(body).toContain('- Chat with the seller (captured on 14 November 2026)');
  });

  it('does not repeat it either when the name has other capitals or spaces around it', () => {
    const chat = record('ev-same', '  chat with the SELLER ', '2026-11-14T16:00:00.000Z');
    const body = draft({ ...base, evidence: [chat] }, 'en').body;
    expect(body.match(/chat with the seller/gi)).toHaveLength(1);
  });

  it('puts evidence captured at the same moment in id order, whatever order it comes in', () => {
    const at = '2026-11-14T16:00:00.000Z';
    const [a, b, c] = [record('ev-a', 'A', at), record('ev-b', 'B', at), record('ev-c', 'C', at)];
    const orders = [
      [a, b, c],
      [a, c, b],
      [b, a, c],
      [b, c, a],
      [c, a, b],
      [c, b, a],
    ];
    for (const given of orders) {
      expect(inCaptureOrder(given).map((r) => r.name)).toEqual(['A', 'B', 'C']);
    }
  });

  it('keeps records with the same id and time in the order given', () => {
    const at = '2026-11-14T16:00:00.000Z';
    const first = record('ev-same', 'first', at);
    const second = record('ev-same', 'second', at);
    expect(inCaptureOrder([first, second]).map((r) => r.name)).toEqual(['first', 'second']);
    expect(inCaptureOrder([second, first]).map((r) => r.name)).toEqual(['second', 'first']);
  });
});
