// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { NEW_YORK, PARIS } from '../zones';
import { due, event, plan } from './helpers';

describe('DHgate: the seller has 5 days after a refund request (buyer’s guide)', () => {
  it.each([
    ['an ordinary week', '2026-11-10T09:00:00.000Z', PARIS, '2026-11-15T09:00:00.000Z'],
    ['a month end', '2026-01-29T09:00:00.000Z', PARIS, '2026-02-03T09:00:00.000Z'],
    [
      'February (2026 is not a leap year)',
      '2026-02-26T09:00:00.000Z',
      PARIS,
      '2026-03-03T09:00:00.000Z',
    ],
    ['the year end', '2026-12-29T09:00:00.000Z', PARIS, '2027-01-03T09:00:00.000Z'],
    // 10:00 CEST on 24 October, 10:00 CET five days later: the UTC hour moves, the local one stays.
    [
      'the end of summer time in Paris',
      '2026-10-24T08:00:00.000Z',
      PARIS,
      '2026-10-29T09:00:00.000Z',
    ],
    [
      'the start of summer time in Paris',
      '2026-03-27T09:00:00.000Z',
      PARIS,
      '2026-04-01T08:00:00.000Z',
    ],
    [
      'the end of daylight time in New York',
      '2026-10-30T14:00:00.000Z',
      NEW_YORK,
      '2026-11-04T15:00:00.000Z',
    ],
    [
      'the start of daylight time in New York',
      '2026-03-06T15:00:00.000Z',
      NEW_YORK,
      '2026-03-11T14:00:00.000Z',
    ],
  ])('across %s', (_case, requestedAt, timeZone, expected) => {
    const result = plan({
      reason: 'not-as-described',
      events: [event('refund-requested', requestedAt)],
      timeZone,
    });
    expect(due(result, 'seller-response-due')).toBe(expected);
  });

  it('offers to escalate once the 5 days have passed, with DHgate’s own steps', () => {
    const events = [event('refund-requested', '2026-11-10T09:00:00.000Z')];
    const before = plan({ reason: 'damaged', events, now: '2026-11-15T08:59:00.000Z' });
    expect(before).toMatchObject({
      stage: 'awaiting-seller',
      nextStep: { action: 'wait', dueNow: false },
    });
    const after = plan({ reason: 'damaged', events, now: '2026-11-15T09:00:00.000Z' });
    expect(after.stage).toBe('escalation-available');
    expect(after.nextStep).toMatchObject({
      action: 'escalate',
      dueNow: true,
      message: 'next.escalate',
      instructions: {
        en: [
          'My DHgate › "Refund and dispute"',
          'Open the record of the order',
          'Action column › "Escalate Case to DHgate"',
        ],
        fr: expect.arrayContaining([
          expect.stringContaining('« Escalate Case to DHgate »'),
        ]) as string[],
      },
    });
    expect(after.deadlines.find((d) => d.kind === 'seller-response-due')).toMatchObject({
      edge: 'opens',
      passed: true,
      source: {
        title: 'How to file a dispute on DHgate',
        kind: 'third-party',
        confidence: 'guide',
      },
    });
  });

  it('asks for a refund first, pointing to "Refund and return"', () => {
    expect(plan({ reason: 'damaged' }).nextStep).toMatchObject({
      action: 'request-refund',
      instructions: {
        en: expect.arrayContaining([expect.stringContaining('"Refund and return"')]) as string[],
        fr: expect.arrayContaining([expect.stringContaining('« Refund and return »')]) as string[],
      },
    });
  });

  it('escalates at once when the dispute page offers "Escalate Case to DHgate"', () => {
    const result = plan({
      reason: 'other',
      events: [
        event('dispute-updated', '2026-11-20T10:00:00.000Z', {
          disputeStatus: 'Seller Refused Refund',
          canEscalate: true,
        }),
      ],
    });
    expect(result.nextStep).toMatchObject({ action: 'escalate', dueNow: true });
  });
});

describe('DHgate: the Resolution Center contacts you in business days by member tier (buyer’s guide)', () => {
  // Wednesday 18 November 2026, 10:00 in Paris.
  const escalated = '2026-11-18T09:00:00.000Z';
  it.each([
    ['regular', 7, '2026-11-27T09:00:00.000Z'],
    ['bronze', 5, '2026-11-25T09:00:00.000Z'],
    ['silver', 3, '2026-11-23T09:00:00.000Z'],
    ['gold', 2, '2026-11-20T09:00:00.000Z'],
  ])('a %s member within %i business days', (tier, _days, expected) => {
    const result = plan({
      reason: 'not-received',
      events: [
        event('refund-requested', '2026-11-10T09:00:00.000Z'),
        event('escalated', escalated),
      ],
      settings: { membership: { dhgate: tier } },
    });
    expect(due(result, 'platform-contact-due')).toBe(expected);
    expect(result.stage).toBe('escalated');
  });

  it('counts regular members as regular when no tier is set', () => {
    const result = plan({ reason: 'not-received', events: [event('escalated', escalated)] });
    expect(due(result, 'platform-contact-due')).toBe('2026-11-27T09:00:00.000Z');
  });

  it.each([
    [
      'from a Friday, over the weekend',
      '2026-11-20T09:00:00.000Z',
      'silver',
      '2026-11-25T09:00:00.000Z',
    ],
    ['from a Saturday', '2026-11-21T09:00:00.000Z', 'gold', '2026-11-24T09:00:00.000Z'],
    ['over a month end', '2026-04-30T08:00:00.000Z', 'gold', '2026-05-04T08:00:00.000Z'],
    ['over the end of summer time', '2026-10-23T08:00:00.000Z', 'gold', '2026-10-27T09:00:00.000Z'],
  ])('skips weekends %s', (_case, at, tier, expected) => {
    const result = plan({
      reason: 'damaged',
      events: [event('escalated', at)],
      settings: { membership: { dhgate: tier } },
    });
    expect(due(result, 'platform-contact-due')).toBe(expected);
  });

  it('counts business days in the buyer’s zone, not in UTC', () => {
    // 22:30 UTC on Friday 20 November is already Saturday morning in Tokyo.
    const at = '2026-11-20T22:30:00.000Z';
    const inParis = plan({
      reason: 'damaged',
      events: [event('escalated', at)],
      settings: { membership: { dhgate: 'gold' } },
    });
    const inTokyo = plan({
      reason: 'damaged',
      events: [event('escalated', at)],
      settings: { membership: { dhgate: 'gold' } },
      timeZone: 'Asia/Tokyo',
    });
    expect(due(inParis, 'platform-contact-due')).toBe('2026-11-24T22:30:00.000Z');
    expect(due(inTokyo, 'platform-contact-due')).toBe(
      '2026-11-24T22:30:00.000Z'.replace('24T', '23T'),
    );
  });

  it('expects a final resolution within 15 days of escalation, and asks to follow up after', () => {
    const events = [
      event('escalated', escalated),
      event('platform-contacted', '2026-11-20T10:00:00.000Z'),
    ];
    const result = plan({ reason: 'damaged', events, now: '2026-12-04T10:00:00.000Z' });
    expect(due(result, 'final-resolution-due')).toBe('2026-12-03T09:00:00.000Z');
    expect(due(result, 'platform-contact-due')).toBeUndefined();
    expect(result.nextStep).toMatchObject({ action: 'follow-up', dueNow: true });
  });
});

describe('DHgate: dispute windows follow the tracking number (DHgate help pages)', () => {
  const uploaded = '2026-11-02T10:00:00.000Z';
  it.each([
    ['EMS', '2026-11-09T10:00:00.000Z'],
    ['ePacket', '2026-11-12T10:00:00.000Z'],
    ['China Post Registered Air Mail', '2026-11-12T10:00:00.000Z'],
    ['DHL Express', '2026-11-07T10:00:00.000Z'],
    ['FedEx', '2026-11-07T10:00:00.000Z'],
    ['Fed Ex International Priority', '2026-11-07T10:00:00.000Z'],
    ['UPS', '2026-11-07T10:00:00.000Z'],
    ['TNT', '2026-11-07T10:00:00.000Z'],
    ['Aramex', '2026-11-07T10:00:00.000Z'],
    ['Airmail', '2026-11-12T10:00:00.000Z'],
    ['Courrier suivi', '2026-11-12T10:00:00.000Z'],
    ['Yanwen', '2026-11-06T10:00:00.000Z'],
    [undefined, '2026-11-06T10:00:00.000Z'],
  ])('"Open Dispute" appears for a parcel sent by %s', (carrier, expected) => {
    const result = plan({
      order: { status: 'shipped' },
      events: [
        event('tracking-uploaded', uploaded, {
          trackingNumber: 'LZ492186534CN',
          ...(carrier ? { carrier } : {}),
        }),
      ],
    });
    expect(due(result, 'dispute-window-opens')).toBe(expected);
    expect(due(result, 'dispute-window-closes')).toBe('2027-01-31T10:00:00.000Z');
  });

  it('waits for the dispute window before asking about a parcel that has not come', () => {
    const result = plan({
      reason: 'not-received',
      events: [
        event('tracking-uploaded', uploaded, {
          trackingNumber: 'LZ492186534CN',
          carrier: 'ePacket',
        }),
      ],
      now: '2026-11-05T10:00:00.000Z',
    });
    expect(result.nextStep).toMatchObject({ action: 'wait', dueAt: '2026-11-12T10:00:00.000Z' });
  });
});

describe('DHgate compensations (French consumer guide)', () => {
  const shipped = event('tracking-uploaded', '2026-11-02T10:00:00.000Z', {
    trackingNumber: 'LZ492186537CN',
  });

  it('flags US$30 for a tracking number whose check digit fails, and the 45-day report cutoff', () => {
    const result = plan({
      order: { status: 'shipped', shippedAt: '2026-11-02T10:00:00.000Z' },
      events: [shipped],
    });
    expect(result.compensation).toMatchObject([
      { kind: 'invalid-tracking', amount: { minor: 3000, currency: 'USD' } },
    ]);
    expect(due(result, 'invalid-tracking-report-closes')).toBe('2026-12-17T10:00:00.000Z');
  });

  it('flags nothing for a valid tracking number', () => {
    const valid = event('tracking-uploaded', '2026-11-02T10:00:00.000Z', {
      trackingNumber: 'LZ492186534CN',
    });
    const result = plan({ order: { status: 'shipped' }, events: [valid] });
    expect(result.compensation).toEqual([]);
    expect(due(result, 'invalid-tracking-report-closes')).toBeUndefined();
  });

  it('flags US$20 when the seller shipped late', () => {
    expect(plan({ reason: 'late-shipment' }).compensation).toMatchObject([
      { kind: 'late-shipment', amount: { minor: 2000, currency: 'USD' } },
    ]);
  });

  it('pays neither when the buyer cancelled the order', () => {
    const cancelled = event('order-cancelled', '2026-11-03T10:00:00.000Z', {
      cancelledBy: 'buyer',
    });
    expect(plan({ reason: 'late-shipment', events: [shipped, cancelled] }).compensation).toEqual(
      [],
    );
  });

  it('pays neither when the page does not say who cancelled: it may have been the buyer', () => {
    const cancelled = event('order-cancelled', '2026-11-03T10:00:00.000Z');
    expect(plan({ reason: 'late-shipment', events: [shipped, cancelled] }).compensation).toEqual(
      [],
    );
  });

  it('still pays when the seller cancelled it', () => {
    const cancelled = event('order-cancelled', '2026-11-03T10:00:00.000Z', {
      cancelledBy: 'seller',
    });
    expect(plan({ reason: 'late-shipment', events: [cancelled] }).compensation).toHaveLength(1);
  });
});

describe('DHgate: confirming receipt ends every dispute (French consumer guide)', () => {
  it('leaves no window once receipt is confirmed', () => {
    const result = plan({
      order: { status: 'completed' },
      events: [
        event('tracking-uploaded', '2026-11-02T10:00:00.000Z', { trackingNumber: 'LZ492186534CN' }),
        event('receipt-confirmed', '2026-11-15T10:00:00.000Z'),
      ],
    });
    expect(result).toMatchObject({
      stage: 'receipt-confirmed',
      deadlines: [],
      nextStep: { action: 'none' },
    });
  });

  it('asks the buyer to inspect a delivered parcel before confirming', () => {
    const events = [event('received', '2026-11-15T10:00:00.000Z')];
    expect(plan({ order: { status: 'shipped' }, events }).nextStep.action).toBe('inspect-items');
    expect(
      plan({
        order: { status: 'shipped' },
        events: [...events, event('items-inspected', '2026-11-15T11:00:00.000Z')],
      }).nextStep.action,
    ).toBe('none');
  });
});

describe('overrides and corrections', () => {
  it('applies the buyer’s own value for a rule and says so', () => {
    const result = plan({
      reason: 'damaged',
      events: [event('refund-requested', '2026-11-10T09:00:00.000Z')],
      settings: { overrides: { dhgate: { sellerResponse: 3 } } },
    });
    expect(due(result, 'seller-response-due')).toBe('2026-11-13T09:00:00.000Z');
    expect(result.overrides).toEqual(['dhgate.sellerResponse']);
    expect(result.deadlines.find((d) => d.kind === 'seller-response-due')?.override).toEqual({
      from: 5,
      to: 3,
      unit: 'calendar-days',
    });
  });

  it('overrides a tier’s value too', () => {
    const result = plan({
      reason: 'damaged',
      events: [event('escalated', '2026-11-18T09:00:00.000Z')],
      settings: { membership: { dhgate: 'gold' }, overrides: { dhgate: { platformContact: 4 } } },
    });
    expect(due(result, 'platform-contact-due')).toBe('2026-11-24T09:00:00.000Z');
    expect(result.deadlines.find((d) => d.kind === 'platform-contact-due')?.override?.from).toBe(2);
  });

  it('names every rule the buyer changed, in alphabetical order', () => {
    const result = plan({
      reason: 'damaged',
      events: [
        event('refund-requested', '2026-11-10T09:00:00.000Z'),
        event('escalated', '2026-11-16T09:00:00.000Z'),
      ],
      settings: {
        overrides: { dhgate: { platformContact: 4, finalResolution: 20 } },
      },
    });
    expect(result.overrides).toEqual(['dhgate.finalResolution', 'dhgate.platformContact']);
  });

  it('ignores an "override" equal to the policy', () => {
    const result = plan({
      reason: 'damaged',
      events: [event('refund-requested', '2026-11-10T09:00:00.000Z')],
      settings: { overrides: { dhgate: { sellerResponse: 5 } } },
    });
    expect(result.overrides).toEqual([]);
  });

  it('follows a time the buyer corrected', () => {
    const corrected = {
      ...event('refund-requested', '2026-11-08T09:00:00.000Z'),
      originalAt: '2026-11-10T09:00:00.000Z',
    };
    expect(due(plan({ reason: 'damaged', events: [corrected] }), 'seller-response-due')).toBe(
      '2026-11-13T09:00:00.000Z',
    );
  });

  it('uses the latest of several records of the same step', () => {
    const events = [
      event('refund-requested', '2026-11-01T09:00:00.000Z'),
      event('refund-requested', '2026-11-10T09:00:00.000Z'),
    ];
    expect(due(plan({ reason: 'damaged', events }), 'seller-response-due')).toBe(
      '2026-11-15T09:00:00.000Z',
    );
  });
});

describe('DHgate: where a case stands and what to do next (buyer’s guide)', () => {
  it('asks for a refund when the parcel never came and no tracking number starts a dispute window', () => {
    expect(plan({ reason: 'not-received', order: { status: 'shipped' } })).toMatchObject({
      stage: 'case-opened',
      nextStep: { action: 'request-refund', dueNow: true },
    });
  });

  const ESCALATE = [
    'My DHgate › "Refund and dispute"',
    'Open the record of the order',
    'Action column › "Escalate Case to DHgate"',
  ];

  it('waits for the Resolution Center after escalating, then asks support once it is late', () => {
    const waiting = plan({
      reason: 'not-as-described',
      events: [event('escalated', '2026-11-18T09:00:00.000Z')],
    });
    expect(waiting.stage).toBe('escalated');
    expect(waiting.nextStep).toMatchObject({
      action: 'wait',
      message: 'next.platform-reviewing',
      dueAt: due(waiting, 'platform-contact-due'),
    });
    // Contacted: only the 15 days to a final resolution are left, and they are over.
    const late = plan({
      reason: 'not-as-described',
      events: [
        event('escalated', '2026-10-01T09:00:00.000Z'),
        event('platform-contacted', '2026-10-05T09:00:00.000Z'),
      ],
    });
    expect(due(late, 'platform-contact-due')).toBeUndefined();
    expect(late.nextStep).toMatchObject({
      action: 'follow-up',
      message: 'next.follow-up-dhgate',
      dueAt: '2026-10-16T09:00:00.000Z',
    });
  });

  it('gives the seller 5 days after a refund request, then offers to escalate', () => {
    const asked = [event('refund-requested', '2026-11-20T12:00:00.000Z')];
    const waiting = plan({ reason: 'damaged', events: asked });
    expect(waiting.stage).toBe('awaiting-seller');
    expect(waiting.nextStep).toMatchObject({
      action: 'wait',
      message: 'next.await-seller-answer',
      dueAt: '2026-11-25T12:00:00.000Z',
    });
    const answered = plan({
      reason: 'damaged',
      events: [...asked, event('seller-replied', '2026-11-21T12:00:00.000Z')],
    });
    expect(answered.stage).toBe('negotiating');
    const over = plan({
      reason: 'damaged',
      events: [event('refund-requested', '2026-11-10T12:00:00.000Z')],
    });
    expect(over.stage).toBe('escalation-available');
    expect(over.nextStep).toMatchObject({
      action: 'escalate',
      message: 'next.escalate',
      dueAt: '2026-11-15T12:00:00.000Z',
      instructions: { en: ESCALATE },
    });
  });

  it('follows the dispute page when the buyer recorded no refund request', () => {
    const offered = plan({
      reason: 'damaged',
      events: [
        event('dispute-updated', '2026-11-21T12:00:00.000Z', {
          disputeStatus: 'Seller refused',
          canEscalate: true,
        }),
      ],
    });
    expect(offered.stage).toBe('escalation-available');
    expect(offered.nextStep).toMatchObject({
      action: 'escalate',
      message: 'next.escalate-offered',
      instructions: { en: ESCALATE },
    });
    const pending = plan({
      reason: 'damaged',
      events: [
        event('dispute-updated', '2026-11-21T12:00:00.000Z', {
          disputeStatus: 'Awaiting seller response',
        }),
      ],
    });
    expect(pending.stage).toBe('awaiting-seller');
    expect(pending.nextStep).toMatchObject({
      action: 'wait',
      message: 'next.await-seller-status',
      values: { status: 'Awaiting seller response' },
    });
    expect(pending.notes).toContain('note.record-refund-request');
  });

  it('asks for a refund, or for a parcel that has not come, waits for "Open Dispute" first', () => {
    const upload = (at: string) =>
      event('tracking-uploaded', at, { trackingNumber: 'LZ492186534CN', carrier: 'ePacket' });
    const tooEarly = plan({ reason: 'not-received', events: [upload('2026-11-20T10:00:00.000Z')] });
    expect(tooEarly.stage).toBe('case-opened');
    expect(tooEarly.nextStep).toMatchObject({
      action: 'wait',
      message: 'next.await-dispute-opening',
      dueAt: '2026-11-30T10:00:00.000Z',
    });
    const requestRefund = {
      action: 'request-refund',
      message: 'next.request-refund',
      instructions: { en: expect.arrayContaining(['My DHgate › Active orders']) as string[] },
    };
    const open = plan({ reason: 'not-received', events: [upload('2026-11-02T10:00:00.000Z')] });
    expect(open.nextStep).toMatchObject(requestRefund);
    const damaged = plan({ reason: 'damaged', events: [upload('2026-11-20T10:00:00.000Z')] });
    expect(damaged.nextStep).toMatchObject(requestRefund);
  });

  it('counts the 45 days to report an invalid tracking number from the shipping day', () => {
    const result = plan({
      reason: 'invalid-tracking',
      order: { status: 'shipped', shippedAt: '2026-11-01T08:00:00.000Z' },
      events: [event('tracking-uploaded', '2026-11-03T10:00:00.000Z', { trackingNumber: 'LZ1' })],
    });
    expect(due(result, 'invalid-tracking-report-closes')).toBe('2026-12-16T08:00:00.000Z');
  });

  it('without a case: waits for shipping, for the parcel, then asks to inspect before confirming', () => {
    for (const status of ['awaiting-payment', 'awaiting-shipment'] as const) {
      expect(plan({ order: { status } })).toMatchObject({
        stage: status,
        nextStep: { action: 'wait', message: 'next.await-shipment' },
      });
    }
    expect(plan({ order: { status: 'shipped' } })).toMatchObject({
      stage: 'in-transit',
      nextStep: { action: 'wait', message: 'next.await-parcel' },
    });
    for (const order of [
      { status: 'delivered' as const },
      { status: 'shipped' as const, receivedAt: '2026-11-20T10:00:00.000Z' },
    ]) {
      expect(plan({ order })).toMatchObject({
        stage: 'delivered',
        nextStep: { action: 'inspect-items', message: 'next.inspect-before-confirm' },
      });
    }
    const inspected = plan({
      order: { status: 'delivered' },
      events: [event('items-inspected', '2026-11-21T10:00:00.000Z')],
    });
    expect(inspected.nextStep).toMatchObject({
      action: 'none',
      message: 'next.confirm-when-satisfied',
    });
  });

  it('without a case, confirming receipt ends every dispute; a case already open goes on', () => {
    const confirmed = [event('receipt-confirmed', '2026-11-20T10:00:00.000Z')];
    const ended = plan({ order: { status: 'completed' }, events: confirmed });
    expect(ended).toMatchObject({
      stage: 'receipt-confirmed',
      deadlines: [],
      nextStep: { action: 'none', message: 'next.confirmed-no-dispute' },
    });
    const going = plan({ reason: 'damaged', order: { status: 'completed' }, events: confirmed });
    expect(going.stage).toBe('case-opened');
  });
});
