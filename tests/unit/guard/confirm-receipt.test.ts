import { describe, expect, it } from 'vitest';
import { confirmReceiptGuard, uncheckedDecision, type GuardInput } from '@/lib/guard';
import { SOURCES } from '@/lib/policies/sources';
import type { CasePlan, Deadline, DeadlineKind, TimelineEvent } from '@/lib/timeline';
import { event } from '../timeline/helpers';

function deadline(kind: DeadlineKind, edge: Deadline['edge'], passed: boolean): Deadline {
  const dueAt = passed ? '2026-02-01T10:00:00.000Z' : '2026-03-01T10:00:00.000Z';
  return {
    kind,
    dueAt,
    edge,
    passed,
    source: { ...SOURCES.dhgateDisputeSystem, confidence: 'guide' },
  };
}

function planWith(deadlines: Deadline[]): CasePlan {
  return {
    stage: 'delivered',
    deadlines,
    nextStep: { action: 'inspect-items', message: 'next.inspect-before-confirm', dueNow: true },
    compensation: [],
    overrides: [],
    notes: [],
  };
}

const inspected: TimelineEvent[] = [event('items-inspected', '2026-02-10T09:00:00.000Z')];

function guard(input: Partial<GuardInput>) {
  return confirmReceiptGuard({
    marketplace: 'aliexpress',
    plan: planWith([]),
    events: inspected,
    evidence: [],
    ...input,
  });
}

describe('confirmReceiptGuard', () => {
  it('lets the click through once the items are inspected and no dispute is open', () => {
    expect(guard({})).toEqual({ guard: false, reasons: [], endsAllDisputes: false, losses: [] });
  });

  it('holds the click while the buyer has not said the items were inspected', () => {
    const received = [event('received', '2026-02-10T09:00:00.000Z')];
    expect(guard({ events: received })).toMatchObject({ guard: true, reasons: ['not-inspected'] });
    expect(guard({ events: [] })).toMatchObject({ guard: true, reasons: ['not-inspected'] });
  });

  it('holds the click on an open case, and says when its proof is not all gathered', () => {
    // A parcel that never came: order details, tracking page and seller chat are asked for.
    const allShown = [{ shows: ['order-details', 'tracking-page'] }, { shows: ['seller-chat'] }];
    expect(guard({ openCase: { reason: 'not-received' }, evidence: allShown })).toMatchObject({
      guard: true,
      reasons: ['case-open'],
    });
    const chatMissing = [{ shows: ['order-details', 'tracking-page'] }];
    expect(guard({ openCase: { reason: 'not-received' }, evidence: chatMissing })).toMatchObject({
      guard: true,
      reasons: ['case-open', 'evidence-incomplete'],
    });
    expect(
      guard({ openCase: { reason: 'not-received' }, evidence: chatMissing, events: [] }).reasons,
    ).toEqual(['case-open', 'evidence-incomplete', 'not-inspected']);
  });

  it('says confirming ends every dispute on DHgate only (French consumer guide)', () => {
    expect(guard({ marketplace: 'dhgate' }).endsAllDisputes).toBe(true);
    expect(guard({ marketplace: 'allchinabuy' }).endsAllDisputes).toBe(false);
    expect(guard({ marketplace: 'aliexpress' }).endsAllDisputes).toBe(false);
  });

  it('lists as losses the windows still open, not those passed nor those yet to open', () => {
    const plan = planWith([
      deadline('dispute-window-opens', 'opens', false),
      deadline('dispute-window-closes', 'closes', false),
      deadline('refund-window-closes', 'closes', true),
      deadline('paypal-dispute-closes', 'closes', false),
    ]);
    expect(guard({ plan }).losses).toEqual([
      { kind: 'dispute-window-closes', dueAt: '2026-03-01T10:00:00.000Z' },
      { kind: 'paypal-dispute-closes', dueAt: '2026-03-01T10:00:00.000Z' },
    ]);
  });
});

describe('uncheckedDecision', () => {
  it('holds the click and leaves the choice to the buyer, naming no loss it could not check', () => {
    expect(uncheckedDecision('dhgate')).toEqual({
      guard: true,
      reasons: ['unchecked'],
      endsAllDisputes: true,
      losses: [],
    });
    expect(uncheckedDecision('aliexpress').endsAllDisputes).toBe(false);
  });
});
