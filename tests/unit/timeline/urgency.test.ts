// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { compareUrgency, urgencyOf } from '@/lib/timeline/urgency';
import { event, plan } from './helpers';

const NOW = '2026-11-20T09:00:00.000Z';

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
