// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { urgencyKey, urgencyOf, type Urgency } from '@/lib/timeline/urgency';
import { event, plan } from './helpers';

const NOW = '2026-11-20T09:00:00.000Z';

/** Which of two orders a list shows first, by their keys: negative for the first. */
function compareUrgency(a: Urgency, b: Urgency): number {
  const [left, right] = [urgencyKey(a), urgencyKey(b)];
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Named plans of typical orders on 20 November. */
function scenarios() {
  return {
    escalateNow: plan({
      reason: 'not-received',
      events: [event('refund-requested', '2026-11-10T09:00:00.000Z')],
      now: NOW,
    }),
    waitingForSeller: plan({
      reason: 'damaged',
      events: [event('refund-requested', '2026-11-18T09:00:00.000Z')],
      now: NOW,
    }),
    inTransit: plan({
      order: { status: 'shipped' },
      events: [
        event('tracking-uploaded', '2026-11-01T09:00:00.000Z', { trackingNumber: 'LZ492186534CN' }),
      ],
      now: NOW,
    }),
    aliexpressClosingSoon: plan({
      marketplace: 'aliexpress',
      order: { status: 'shipped', protectionEndsAt: '2026-11-21T23:00:00.000Z' },
      now: NOW,
    }),
    awaitingShipment: plan({ order: { status: 'awaiting-shipment' }, now: NOW }),
    resolved: plan({
      reason: 'damaged',
      events: [
        event('refund-requested', '2026-11-01T09:00:00.000Z'),
        event('resolved', '2026-11-08T09:00:00.000Z', { outcome: 'full' }),
      ],
      now: NOW,
    }),
  };
}

describe('urgency', () => {
  it('describes where each order stands', () => {
    const { escalateNow, inTransit, resolved, awaitingShipment } = scenarios();
    expect(urgencyOf(escalateNow)).toMatchObject({ actionNow: true, settled: false });
    expect(urgencyOf(inTransit)).toMatchObject({
      actionNow: false,
      // "Open Dispute" appeared on 11 November; the 90-day window is what lies ahead.
      nextDeadline: { kind: 'dispute-window-closes' },
      nextClosing: { kind: 'dispute-window-closes' },
    });
    expect(urgencyOf(awaitingShipment)).toEqual({ actionNow: false, settled: false });
    expect(urgencyOf(resolved).settled).toBe(true);
  });

  it('ranks actions due now first, then the soonest deadline, then nothing ahead, settled last', () => {
    const named = scenarios();
    const ranked = Object.entries(named)
      .reverse()
      .map(([name, planned]) => ({ name, urgency: urgencyOf(planned) }))
      .sort((a, b) => compareUrgency(a.urgency, b.urgency))
      .map((entry) => entry.name);
    expect(ranked).toEqual([
      'escalateNow',
      'aliexpressClosingSoon',
      'waitingForSeller',
      'inTransit',
      'awaitingShipment',
      'resolved',
    ]);
  });

  it('puts first, among actions due now, the one whose window closes soonest', () => {
    const soon = urgencyOf(
      plan({
        marketplace: 'aliexpress',
        reason: 'not-received',
        order: { protectionEndsAt: '2026-11-22T09:00:00.000Z' },
        events: [event('dispute-opened', '2026-11-05T09:00:00.000Z')],
        now: NOW,
      }),
    );
    const later = urgencyOf(scenarios().escalateNow);
    expect(soon.actionNow && later.actionNow).toBe(true);
    expect(compareUrgency(soon, later)).toBeLessThan(0);
    expect(compareUrgency(later, soon)).toBeGreaterThan(0);
    expect(compareUrgency(later, later)).toBe(0);
  });
});

describe('urgency at the edges', () => {
  it('keeps a resolved case settled while a window it no longer needs is still ahead', () => {
    // DHgate's 90-day dispute window stays ahead of a case resolved early.
    const resolvedEarly = plan({
      reason: 'damaged',
      events: [
        event('tracking-uploaded', '2026-11-01T09:00:00.000Z', { trackingNumber: 'LZ1' }),
        event('refund-requested', '2026-11-12T09:00:00.000Z'),
        event('resolved', '2026-11-15T09:00:00.000Z', { outcome: 'full' }),
      ],
      now: NOW,
    });
    expect(resolvedEarly.deadlines.some((deadline) => !deadline.passed)).toBe(true);
    expect(urgencyOf(resolvedEarly).settled).toBe(true);
    // Settled last, after an order that has nothing ahead yet.
    const { awaitingShipment } = scenarios();
    expect(compareUrgency(urgencyOf(resolvedEarly), urgencyOf(awaitingShipment))).toBeGreaterThan(
      0,
    );
  });

  it('settles an order with nothing to do and nothing ahead, not one with a window ahead', () => {
    const confirmed = (protectionEndsAt: string) =>
      plan({
        marketplace: 'aliexpress',
        order: { status: 'completed', protectionEndsAt },
        events: [event('receipt-confirmed', '2026-11-19T09:00:00.000Z')],
        now: NOW,
      });
    // 7 days to ask for a return and 15 for a dispute are still ahead on 20 November.
    expect(urgencyOf(confirmed('2026-12-30T23:00:00.000Z')).settled).toBe(false);
    const longAgo = plan({
      marketplace: 'aliexpress',
      order: { status: 'completed' },
      events: [event('receipt-confirmed', '2026-09-01T09:00:00.000Z')],
      now: NOW,
    });
    expect(longAgo.nextStep.action).toBe('none');
    expect(urgencyOf(longAgo).settled).toBe(true);
  });

  it('names the first window that closes, past a window that opens before it', () => {
    const shipped = plan({
      order: { status: 'shipped' },
      events: [
        event('tracking-uploaded', '2026-11-18T09:00:00.000Z', { trackingNumber: 'LZ492186534CN' }),
      ],
      now: NOW,
    });
    const urgency = urgencyOf(shipped);
    expect(urgency.nextDeadline).toMatchObject({ kind: 'dispute-window-opens', edge: 'opens' });
    expect(urgency.nextClosing).toMatchObject({ kind: 'dispute-window-closes', edge: 'closes' });
  });

  it('leaves orders equally urgent in the order they came', () => {
    const first = urgencyOf(scenarios().inTransit);
    const second = urgencyOf(scenarios().inTransit);
    expect([compareUrgency(first, second), compareUrgency(second, first)]).toEqual([0, 0]);
  });

  it('puts an order with a deadline ahead before one with nothing ahead', () => {
    const { inTransit, awaitingShipment } = scenarios();
    expect(compareUrgency(urgencyOf(inTransit), urgencyOf(awaitingShipment))).toBeLessThan(0);
    expect(compareUrgency(urgencyOf(awaitingShipment), urgencyOf(inTransit))).toBeGreaterThan(0);
  });
});
