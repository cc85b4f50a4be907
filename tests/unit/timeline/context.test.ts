// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { POLICIES } from '@/lib/policies';
import { DEFAULT_SETTINGS } from '@/lib/timeline';
import { PlanContext } from '@/lib/timeline/context';
import { factsOf } from '@/lib/timeline/facts';

/** What every planner builds on: steps and rules as the context hands them out. */
function context(): PlanContext {
  const order = { orderNumber: '1043587216', items: [], marketplace: 'dhgate' as const };
  return new PlanContext(
    {
      order,
      events: [],
      policy: POLICIES.dhgate,
      settings: DEFAULT_SETTINGS,
      now: '2026-11-20T09:00:00.000Z',
      timeZone: 'UTC',
    },
    factsOf(order, []),
    new Set(),
  );
}

describe('a plan’s context', () => {
  it('never makes waiting a step due now, even past the time it waits for', () => {
    expect(
      context().step('wait', 'next.await-seller-answer', { dueAt: '2026-11-01T09:00:00.000Z' }),
    ).toEqual({
      action: 'wait',
      message: 'next.await-seller-answer',
      dueNow: false,
      dueAt: '2026-11-01T09:00:00.000Z',
    });
  });

  it('makes an action due once its time has come, not before', () => {
    const ctx = context();
    expect(
      ctx.step('escalate', 'next.escalate', { dueAt: '2026-11-20T09:00:00.000Z' }).dueNow,
    ).toBe(true);
    expect(
      ctx.step('escalate', 'next.escalate', { dueAt: '2026-11-20T09:00:01.000Z' }).dueNow,
    ).toBe(false);
  });

  it('carries the values a step’s message names', () => {
    expect(
      context().step('wait', 'next.await-seller-status', { values: { status: 'Pending' } }),
    ).toMatchObject({ values: { status: 'Pending' } });
  });

  it('refuses a rule the marketplace’s policy does not have, naming both', () => {
    expect(() => context().rule('sameDayRefund')).toThrow('DHgate has no rule sameDayRefund');
  });
});
