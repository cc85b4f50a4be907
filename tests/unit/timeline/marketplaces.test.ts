// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { NEW_YORK } from '../zones';
import { due, event, plan } from './helpers';

describe('AliExpress', () => {
  it('takes the end of buyer protection from the order page', () => {
    const result = plan({
      marketplace: 'aliexpress',
      order: { status: 'shipped', protectionEndsAt: '2026-12-02T23:00:00.000Z' },
    });
    expect(result.deadlines).toMatchObject([
      {
        kind: 'dispute-window-closes',
        dueAt: '2026-12-02T23:00:00.000Z',
        edge: 'closes',
        source: { title: expect.stringContaining('Refund if no delivery before') as string },
      },
    ]);
    expect(result.stage).toBe('in-transit');
  });

  it('gives 7 days for a return and 15 for a dispute after confirming receipt', () => {
    const result = plan({
      marketplace: 'aliexpress',
      order: { status: 'completed', protectionEndsAt: '2026-09-03T22:00:00.000Z' },
      events: [event('receipt-confirmed', '2026-07-28T10:00:00.000Z')],
    });
    expect(due(result, 'refund-window-closes')).toBe('2026-08-04T10:00:00.000Z');
    expect(due(result, 'dispute-window-closes')).toBe('2026-08-12T10:00:00.000Z');
    expect(result.stage).toBe('receipt-confirmed');
  });

  it('reads the confirmation date from a completed order page', () => {
    const result = plan({
      marketplace: 'aliexpress',
      order: { status: 'completed', receivedAt: '2026-07-27T22:00:00.000Z' },
    });
    expect(due(result, 'refund-window-closes')).toBe('2026-08-03T22:00:00.000Z');
  });

  it('gives the seller 5 days to answer a dispute, then AliExpress steps in after 7', () => {
    const events = [event('dispute-opened', '2026-11-10T12:00:00.000Z')];
    const early = plan({
      marketplace: 'aliexpress',
      reason: 'not-as-described',
      events,
      now: '2026-11-12T00:00:00.000Z',
    });
    expect(due(early, 'seller-response-due')).toBe('2026-11-15T12:00:00.000Z');
    expect(due(early, 'platform-contact-due')).toBe('2026-11-17T12:00:00.000Z');
    expect(early.nextStep).toMatchObject({ action: 'wait', dueAt: '2026-11-15T12:00:00.000Z' });
    const late = plan({
      marketplace: 'aliexpress',
      reason: 'not-as-described',
      events,
      now: '2026-11-18T00:00:00.000Z',
    });
    expect(late.nextStep).toMatchObject({ action: 'escalate', dueNow: true });
  });

  it('sends a new case to "Returns/refunds" first', () => {
    expect(plan({ marketplace: 'aliexpress', reason: 'damaged' }).nextStep).toMatchObject({
      action: 'open-dispute',
      instructions: {
        en: ['Orders › the order › "Returns/refunds"', 'Choose the items and the reason'],
        fr: expect.any(Array) as string[],
      },
    });
  });
});

describe('AliExpress: where an order stands and what to do next', () => {
  const protectedUntil = '2026-12-02T23:00:00.000Z';
  const aliexpress = (scenario: Parameters<typeof plan>[0] = {}) =>
    plan({ marketplace: 'aliexpress', ...scenario });

  it('is closed once cancelled or refunded, whatever else happened', () => {
    for (const status of ['cancelled', 'refunded'] as const) {
      const result = aliexpress({
        reason: 'not-received',
        order: { status, protectionEndsAt: protectedUntil },
        events: [event('dispute-opened', '2026-11-10T12:00:00.000Z')],
      });
      expect(result.stage).toBe('closed');
      expect(result.nextStep).toMatchObject({ action: 'none', message: 'next.closed' });
    }
  });

  it('is resolved once the buyer records the outcome', () => {
    const result = aliexpress({
      reason: 'not-received',
      order: { status: 'shipped', protectionEndsAt: protectedUntil },
      events: [
        event('dispute-opened', '2026-11-10T12:00:00.000Z'),
        event('resolved', '2026-11-20T12:00:00.000Z', { outcome: 'full' }),
      ],
    });
    expect(result.stage).toBe('resolved');
    expect(result.nextStep).toMatchObject({ action: 'none', message: 'next.resolved' });
    // Buyer protection still shows, so the buyer sees what is left of it.
    expect(due(result, 'dispute-window-closes')).toBe(protectedUntil);
  });

  it('waits for AliExpress once the buyer asked it to step in', () => {
    const result = aliexpress({
      reason: 'not-as-described',
      events: [
        event('dispute-opened', '2026-11-10T12:00:00.000Z'),
        event('escalated', '2026-11-18T12:00:00.000Z'),
      ],
    });
    expect(result.stage).toBe('escalated');
    expect(result.nextStep).toMatchObject({ action: 'wait', message: 'next.platform-reviewing' });
  });

  it('counts a refund request as the start of the dispute', () => {
    const result = aliexpress({
      reason: 'damaged',
      events: [event('refund-requested', '2026-11-20T12:00:00.000Z')],
    });
    expect(due(result, 'seller-response-due')).toBe('2026-11-25T12:00:00.000Z');
    expect(result.stage).toBe('awaiting-seller');
  });

  it('is negotiating once the seller answered, and waits for AliExpress’s 7 days', () => {
    const result = aliexpress({
      reason: 'damaged',
      events: [
        event('dispute-opened', '2026-11-16T12:00:00.000Z'),
        event('seller-replied', '2026-11-17T12:00:00.000Z'),
      ],
    });
    // Now (22 Nov) is past the seller's 5 days (21 Nov), before AliExpress's 7 (23 Nov).
    expect(result.stage).toBe('negotiating');
    expect(result.nextStep).toMatchObject({
      action: 'wait',
      message: 'next.await-seller-answer',
      dueAt: '2026-11-23T12:00:00.000Z',
      dueNow: false,
    });
  });

  it('sends the buyer to "Returns/refunds" to ask AliExpress in once the 7 days are over', () => {
    const result = aliexpress({
      reason: 'damaged',
      events: [event('dispute-opened', '2026-11-10T12:00:00.000Z')],
    });
    expect(result.stage).toBe('escalation-available');
    expect(result.nextStep).toMatchObject({
      action: 'escalate',
      dueAt: '2026-11-17T12:00:00.000Z',
      instructions: { en: ['Returns/refunds › the case', 'Ask AliExpress to step in'] },
    });
  });

  it('without a case: after confirming, a dispute is still possible', () => {
    const result = aliexpress({
      order: { status: 'completed' },
      events: [event('receipt-confirmed', '2026-11-20T10:00:00.000Z')],
    });
    expect(result.stage).toBe('receipt-confirmed');
    expect(result.nextStep).toMatchObject({
      action: 'none',
      message: 'next.confirmed-dispute-possible',
    });
  });

  it('without a case: a delivered parcel is inspected first, then confirmed', () => {
    for (const order of [
      { status: 'delivered' as const },
      { status: 'shipped' as const, receivedAt: '2026-11-20T10:00:00.000Z' },
    ]) {
      const arrived = aliexpress({ order: { ...order, protectionEndsAt: protectedUntil } });
      expect(arrived.stage).toBe('delivered');
      expect(arrived.nextStep).toMatchObject({
        action: 'inspect-items',
        message: 'next.inspect-before-confirm',
      });
    }
    const inspected = aliexpress({
      order: { status: 'delivered', protectionEndsAt: protectedUntil },
      events: [event('items-inspected', '2026-11-21T10:00:00.000Z')],
    });
    expect(inspected.nextStep).toMatchObject({
      action: 'none',
      message: 'next.confirm-when-satisfied',
    });
  });

  it('without a case: waits for the seller to be paid and to ship', () => {
    for (const status of ['awaiting-payment', 'awaiting-shipment'] as const) {
      const result = aliexpress({ order: { status } });
      expect(result.stage).toBe(status);
      expect(result.nextStep).toMatchObject({ action: 'wait', message: 'next.await-shipment' });
    }
  });

  it('without a case: a parcel on its way is waited for, protected until the page’s date', () => {
    const protectedParcel = aliexpress({
      order: { status: 'shipped', protectionEndsAt: protectedUntil },
    });
    expect(protectedParcel.nextStep).toMatchObject({
      action: 'wait',
      message: 'next.await-parcel-protected',
      dueAt: protectedUntil,
    });
    const protectionOver = aliexpress({
      order: { status: 'shipped', protectionEndsAt: '2026-11-20T23:00:00.000Z' },
    });
    expect(protectionOver.stage).toBe('in-transit');
    expect(protectionOver.nextStep).toMatchObject({ action: 'wait', message: 'next.await-parcel' });
    expect(protectionOver.nextStep.dueAt).toBeUndefined();
    const unknown = aliexpress({ order: { status: 'shipped' } });
    expect(unknown.nextStep).toMatchObject({ action: 'wait', message: 'next.await-parcel' });
    expect(unknown.notes).toContain('note.protection-unknown');
  });
});

describe('Allchinabuy (buyer’s guide)', () => {
  it('warns at the conservative 7 days of the 7–14 day refund window after receiving', () => {
    const result = plan({
      marketplace: 'allchinabuy',
      order: { status: 'delivered', receivedAt: '2026-10-28T10:02:40.000Z' },
    });
    expect(due(result, 'refund-window-closes')).toBe('2026-11-04T10:02:40.000Z');
    expect(result.deadlines[0]?.source.quote).toContain('7-14 days');
  });

  it('counts the 120-hour warehouse return window in exact hours, and 90 days of free storage', () => {
    const result = plan({
      marketplace: 'allchinabuy',
      order: { status: 'in-warehouse' },
      events: [event('status-changed', '2026-10-23T13:12:40.000Z', { to: 'in-warehouse' })],
    });
    // 120 hours across the end of summer time: 15:12 CEST becomes 14:12 CET, five days on.
    expect(due(result, 'warehouse-return-closes')).toBe('2026-10-28T13:12:40.000Z');
    expect(due(result, 'free-storage-ends')).toBe('2027-01-21T14:12:40.000Z');
    expect(result.stage).toBe('in-warehouse');
  });

  it.each([
    [[], 'contact-seller'],
    [[event('contacted-seller', '2026-11-10T10:00:00.000Z')], 'open-dispute'],
  ] as const)('walks the buyer through the guide’s steps: %j → %s', (events, action) => {
    expect(
      plan({ marketplace: 'allchinabuy', reason: 'damaged', events: [...events] }).nextStep.action,
    ).toBe(action);
  });

  it('follows up when no decision came a few days after the dispute', () => {
    const events = [
      event('contacted-seller', '2026-11-10T10:00:00.000Z'),
      event('dispute-opened', '2026-11-12T10:00:00.000Z'),
    ];
    const waiting = plan({
      marketplace: 'allchinabuy',
      reason: 'damaged',
      events,
      now: '2026-11-14T10:00:00.000Z',
    });
    expect(due(waiting, 'follow-up-due')).toBe('2026-11-15T10:00:00.000Z');
    expect(waiting.nextStep.action).toBe('wait');
    const late = plan({
      marketplace: 'allchinabuy',
      reason: 'damaged',
      events,
      now: '2026-11-16T10:00:00.000Z',
    });
    expect(late.nextStep).toMatchObject({ action: 'follow-up', dueNow: true });
  });

  it('closes nothing on a refunded order', () => {
    expect(plan({ marketplace: 'allchinabuy', order: { status: 'refunded' } })).toMatchObject({
      stage: 'closed',
      deadlines: [],
    });
  });
});

describe('Allchinabuy: where an order stands and what to do next (buyer’s guide)', () => {
  const allchinabuy = (scenario: Parameters<typeof plan>[0] = {}) =>
    plan({ marketplace: 'allchinabuy', ...scenario });

  it('is closed once cancelled or refunded', () => {
    for (const status of ['cancelled', 'refunded'] as const) {
      const result = allchinabuy({ reason: 'damaged', order: { status } });
      expect(result.stage).toBe('closed');
      expect(result.nextStep).toMatchObject({ action: 'none', message: 'next.closed' });
    }
  });

  it('with a case: message the seller first, through "Message Agent"', () => {
    const result = allchinabuy({ reason: 'damaged', order: { status: 'delivered' } });
    expect(result.stage).toBe('case-opened');
    expect(result.nextStep).toMatchObject({
      action: 'contact-seller',
      message: 'next.contact-seller',
      instructions: { en: ['My Orders › the order › "Message Agent"', expect.any(String)] },
    });
  });

  it('with a case: once the seller was messaged, open a dispute if the seller fails', () => {
    const contacted = [event('contacted-seller', '2026-11-20T10:00:00.000Z')];
    const silent = allchinabuy({ reason: 'damaged', events: contacted });
    expect(silent.stage).toBe('awaiting-seller');
    expect(silent.nextStep).toMatchObject({
      action: 'open-dispute',
      message: 'next.open-dispute-if-seller-fails',
      instructions: { en: ['After-sales › open a case for the item', expect.any(String)] },
    });
    const answered = allchinabuy({
      reason: 'damaged',
      events: [...contacted, event('seller-replied', '2026-11-21T10:00:00.000Z')],
    });
    expect(answered.stage).toBe('negotiating');
  });

  it('with a dispute: waits "a few days", then follows up with customer service after 3', () => {
    const recent = allchinabuy({
      reason: 'damaged',
      events: [event('dispute-opened', '2026-11-20T12:00:00.000Z')],
    });
    expect(recent.stage).toBe('escalated');
    expect(recent.nextStep).toMatchObject({
      action: 'wait',
      message: 'next.mediating',
      dueAt: '2026-11-23T12:00:00.000Z',
    });
    const overdue = allchinabuy({
      reason: 'damaged',
      events: [event('dispute-opened', '2026-11-18T12:00:00.000Z')],
    });
    expect(overdue.nextStep).toMatchObject({
      action: 'follow-up',
      message: 'next.follow-up',
      dueAt: '2026-11-21T12:00:00.000Z',
      dueNow: true,
      instructions: { en: ['After-sales › the case', 'Contact customer service about the delay'] },
    });
  });

  it('with a case: is resolved once the buyer records the outcome', () => {
    const result = allchinabuy({
      reason: 'damaged',
      events: [
        event('dispute-opened', '2026-11-10T12:00:00.000Z'),
        event('resolved', '2026-11-20T12:00:00.000Z', { outcome: 'partial' }),
      ],
    });
    expect(result.stage).toBe('resolved');
    expect(result.nextStep).toMatchObject({ action: 'none', message: 'next.resolved' });
  });

  it('without a case: items received are inspected while a refund can still be asked', () => {
    const received = [event('received', '2026-11-20T10:00:00.000Z')];
    const arrived = allchinabuy({ events: received });
    expect(arrived.stage).toBe('delivered');
    expect(arrived.nextStep).toMatchObject({
      action: 'inspect-items',
      message: 'next.inspect-while-refundable',
    });
    const confirmed = allchinabuy({
      events: [...received, event('receipt-confirmed', '2026-11-21T10:00:00.000Z')],
    });
    expect(confirmed.stage).toBe('receipt-confirmed');
    const inspected = allchinabuy({
      events: [...received, event('items-inspected', '2026-11-21T10:00:00.000Z')],
    });
    expect(inspected.nextStep).toMatchObject({ action: 'none', message: 'next.all-good' });
  });

  it('without a case: items at the warehouse are checked on their QC photos', () => {
    const result = allchinabuy({
      order: { status: 'in-warehouse' },
      events: [event('status-changed', '2026-11-20T08:00:00.000Z', { to: 'in-warehouse' })],
    });
    expect(result.stage).toBe('in-warehouse');
    expect(result.nextStep).toMatchObject({
      action: 'inspect-items',
      message: 'next.check-qc-photos',
    });
    // 120 hours to ask for a return, 90 days of free storage, from the day they came in.
    expect(due(result, 'warehouse-return-closes')).toBe('2026-11-25T08:00:00.000Z');
    expect(due(result, 'free-storage-ends')).toBe('2027-02-18T08:00:00.000Z');
  });

  it('without a case: the warehouse windows end when the items leave, dated or not', () => {
    const stockedIn = event('status-changed', '2026-11-20T08:00:00.000Z', { to: 'in-warehouse' });
    const undated = allchinabuy({ order: { status: 'shipped' }, events: [stockedIn] });
    expect(undated.stage).toBe('in-transit');
    expect(undated.nextStep).toMatchObject({ action: 'wait', message: 'next.await-parcel' });
    expect(due(undated, 'warehouse-return-closes')).toBeUndefined();
    const dated = allchinabuy({
      events: [stockedIn, event('status-changed', '2026-11-21T08:00:00.000Z', { to: 'shipped' })],
    });
    expect(dated.stage).toBe('in-transit');
    expect(due(dated, 'free-storage-ends')).toBeUndefined();
  });

  it('without a case: waits for payment, then for the items to reach the warehouse', () => {
    for (const status of ['awaiting-payment', 'awaiting-shipment'] as const) {
      const result = allchinabuy({ order: { status } });
      expect(result.stage).toBe(status);
      expect(result.nextStep).toMatchObject({ action: 'wait', message: 'next.await-warehouse' });
    }
    expect(allchinabuy().stage).toBe('awaiting-shipment');
  });
});

describe('PayPal’s parallel clock, when the buyer pays with PayPal', () => {
  it('gives 180 days from payment to open a dispute', () => {
    const result = plan({
      order: { status: 'shipped', paidAt: '2026-06-01T10:00:00.000Z' },
      settings: { paypal: { dhgate: true } },
    });
    expect(due(result, 'paypal-dispute-closes')).toBe('2026-11-28T11:00:00.000Z');
  });

  it('then 20 days to escalate the dispute to a claim', () => {
    const result = plan({
      order: { status: 'shipped', paidAt: '2026-06-01T10:00:00.000Z' },
      events: [event('paypal-dispute-opened', '2026-11-01T15:00:00.000Z')],
      settings: { paypal: { dhgate: true } },
      timeZone: NEW_YORK,
    });
    expect(due(result, 'paypal-dispute-closes')).toBeUndefined();
    expect(due(result, 'paypal-escalation-closes')).toBe('2026-11-21T15:00:00.000Z');
  });

  it('stops with the order once it is refunded or cancelled', () => {
    for (const status of ['refunded', 'cancelled'] as const) {
      const result = plan({
        order: { status, paidAt: '2026-06-01T10:00:00.000Z' },
        settings: { paypal: { dhgate: true } },
      });
      expect(result.deadlines, status).toEqual([]);
    }
  });

  it('stops at confirmed receipt, unless a case is open on the order', () => {
    const confirmed = {
      order: { status: 'completed' as const, paidAt: '2026-06-01T10:00:00.000Z' },
      events: [event('receipt-confirmed', '2026-07-01T10:00:00.000Z')],
      settings: { paypal: { dhgate: true } },
    };
    expect(due(plan(confirmed), 'paypal-dispute-closes')).toBeUndefined();
    expect(due(plan({ ...confirmed, reason: 'not-as-described' }), 'paypal-dispute-closes')).toBe(
      '2026-11-28T11:00:00.000Z',
    );
  });

  it('stays silent for orders not paid with PayPal', () => {
    expect(
      due(plan({ order: { paidAt: '2026-06-01T10:00:00.000Z' } }), 'paypal-dispute-closes'),
    ).toBeUndefined();
  });
});

describe('deadlines', () => {
  it('come sorted by date and say whether they passed', () => {
    const result = plan({
      order: { status: 'shipped' },
      events: [
        event('tracking-uploaded', '2026-11-02T10:00:00.000Z', {
          trackingNumber: 'LZ492186534CN',
          carrier: 'EMS',
        }),
      ],
      now: '2026-11-10T00:00:00.000Z',
    });
    expect(result.deadlines.map((d) => [d.kind, d.passed])).toEqual([
      ['dispute-window-opens', true],
      ['dispute-window-closes', false],
    ]);
  });
});

describe('what every planner reads from the steps', () => {
  const asked = event('refund-requested', '2026-11-10T12:00:00.000Z');
  const resolved = event('resolved', '2026-11-20T12:00:00.000Z', { outcome: 'refused' });

  it('counts a case reopened at or after its resolution as open, and one reopened before as resolved', () => {
    const stageWith = (reopenedAt: string) =>
      plan({
        reason: 'damaged',
        events: [asked, event('case-reopened', reopenedAt), resolved].sort((a, b) =>
          a.at.localeCompare(b.at),
        ),
      }).stage;
    expect(stageWith('2026-11-19T12:00:00.000Z')).toBe('resolved');
    expect(stageWith('2026-11-20T12:00:00.000Z')).not.toBe('resolved');
    expect(stageWith('2026-11-21T12:00:00.000Z')).not.toBe('resolved');
    expect(plan({ reason: 'damaged', events: [asked, resolved] }).stage).toBe('resolved');
  });

  it('closes an order the page says is cancelled or refunded, or the buyer recorded as cancelled', () => {
    expect(plan({ order: { status: 'cancelled' } }).stage).toBe('closed');
    expect(plan({ order: { status: 'refunded' } }).stage).toBe('closed');
    const recorded = plan({
      order: { status: 'shipped' },
      events: [event('order-cancelled', '2026-11-20T12:00:00.000Z')],
    });
    expect(recorded.stage).toBe('closed');
    expect(plan({ order: { status: 'shipped' } }).stage).toBe('in-transit');
  });
});

describe('Superbuy and Wegobuy (Superbuy’s forum), on the platform Allchinabuy runs on', () => {
  it.each(['superbuy', 'wegobuy'] as const)(
    '%s: a return only within 5 days of stock-in, and 90 days of free storage',
    (marketplace) => {
      const result = plan({
        marketplace,
        order: { status: 'in-warehouse' },
        events: [event('status-changed', '2026-11-20T08:00:00.000Z', { to: 'in-warehouse' })],
      });
      expect(due(result, 'warehouse-return-closes')).toBe('2026-11-25T08:00:00.000Z');
      expect(due(result, 'free-storage-ends')).toBe('2027-02-18T08:00:00.000Z');
      expect(result.nextStep).toMatchObject({
        action: 'inspect-items',
        message: 'next.check-qc-photos',
      });
    },
  );

  it.each(['superbuy', 'wegobuy', 'allchinabuy'] as const)(
    '%s: a seller’s refund is expected within about 3 days, then the buyer follows up',
    (marketplace) => {
      const events = [event('refund-requested', '2026-11-20T10:00:00.000Z')];
      const waiting = plan({
        marketplace,
        reason: 'other',
        events,
        now: '2026-11-22T10:00:00.000Z',
      });
      expect(due(waiting, 'seller-refund-due')).toBe('2026-11-23T10:00:00.000Z');
      expect(waiting.nextStep).toMatchObject({
        action: 'wait',
        message: 'next.await-refund',
        dueAt: '2026-11-23T10:00:00.000Z',
      });
      const late = plan({ marketplace, reason: 'other', events, now: '2026-11-24T10:00:00.000Z' });
      expect(late.nextStep).toMatchObject({
        action: 'follow-up',
        message: 'next.follow-up-refund',
        dueNow: true,
      });
    },
  );

  it('waits about 7 days for the refund when the seller shipped with a fake tracking number', () => {
    const result = plan({
      marketplace: 'superbuy',
      reason: 'invalid-tracking',
      events: [event('refund-requested', '2026-11-20T10:00:00.000Z')],
      now: '2026-11-24T10:00:00.000Z',
    });
    expect(due(result, 'seller-refund-due')).toBe('2026-11-27T10:00:00.000Z');
    expect(result.nextStep.action).toBe('wait');
  });

  it('leaves the refund to customer service once a dispute is open', () => {
    const result = plan({
      marketplace: 'superbuy',
      reason: 'damaged',
      events: [
        event('refund-requested', '2026-11-20T10:00:00.000Z'),
        event('dispute-opened', '2026-11-21T10:00:00.000Z'),
      ],
      now: '2026-11-22T10:00:00.000Z',
    });
    expect(result.deadlines.map((deadline) => deadline.kind)).not.toContain('seller-refund-due');
    expect(result.stage).toBe('escalated');
  });
});

describe('the platform’s warehouse windows, item by item, from the stock-in time each row prints', () => {
  // Paris is UTC+1 from November to February: 5 and 90 calendar days keep the clock time.
  const jacket = {
    title: 'Puffer jacket',
    status: 'in-warehouse' as const,
    stockedInAt: '2026-11-06T10:40:12.000Z',
  };
  const beanie = {
    title: 'Beanie',
    status: 'in-warehouse' as const,
    stockedInAt: '2026-11-08T08:00:00.000Z',
  };
  const scarf = { title: 'Scarf', status: 'awaiting-shipment' as const };

  it('counts each item’s 5 days from its own stock-in, the next to close first, then the last', () => {
    const order = { status: 'in-warehouse' as const, items: [beanie, jacket] };
    const at = (now: string) => plan({ marketplace: 'superbuy', order, now });
    const first = at('2026-11-10T00:00:00.000Z');
    expect(due(first, 'warehouse-return-closes')).toBe('2026-11-11T10:40:12.000Z');
    expect(due(first, 'free-storage-ends')).toBe('2027-02-04T10:40:12.000Z');
    // The plan is made again by the moment the jacket's window is over.
    expect(Date.parse(first.changesAt ?? '')).toBeLessThanOrEqual(
      Date.parse('2026-11-11T10:40:12.001Z'),
    );
    expect(due(at('2026-11-12T00:00:00.000Z'), 'warehouse-return-closes')).toBe(
      '2026-11-13T08:00:00.000Z',
    );
    const closed = at('2026-11-20T00:00:00.000Z');
    expect(due(closed, 'warehouse-return-closes')).toBe('2026-11-13T08:00:00.000Z');
    expect(first.nextStep).toMatchObject({ action: 'inspect-items', dueNow: true });
    expect(closed.nextStep).toMatchObject({ action: 'wait', message: 'next.send-parcel' });
  });

  it('asks for the QC photos of the items already in while another is still coming', () => {
    const order = { status: 'awaiting-shipment' as const, items: [jacket, scarf] };
    const open = plan({ marketplace: 'wegobuy', order, now: '2026-11-09T00:00:00.000Z' });
    expect(due(open, 'warehouse-return-closes')).toBe('2026-11-11T10:40:12.000Z');
    expect(open.stage).toBe('awaiting-shipment');
    expect(open.nextStep).toMatchObject({
      action: 'inspect-items',
      message: 'next.check-qc-photos',
    });
    const closed = plan({ marketplace: 'wegobuy', order, now: '2026-11-12T00:00:00.000Z' });
    expect(closed.nextStep).toMatchObject({ action: 'wait', message: 'next.await-warehouse' });
  });

  it('closes no window once the buyer’s parcel has left the warehouse', () => {
    const order = {
      status: 'shipped' as const,
      shippedAt: '2026-11-09T08:00:00.000Z',
      items: [{ ...jacket, status: 'shipped' as const }],
    };
    const result = plan({ marketplace: 'allchinabuy', order, now: '2026-11-10T00:00:00.000Z' });
    expect(due(result, 'warehouse-return-closes')).toBeUndefined();
    expect(due(result, 'free-storage-ends')).toBeUndefined();
  });
});
