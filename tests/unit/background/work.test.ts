import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { planCase } from '@/lib/timeline';
import {
  DHGATE_ORDER_URL,
  TestBackground,
  dhgatePageRead,
  escalationOpens,
  refundsRequested,
  tab,
} from './harness';
import { NEW_YORK } from '../zones';

// Counts the orders planned: the work a write costs, whatever the machine's speed.
vi.mock('@/lib/timeline', async (original) => {
  const timeline = await original<typeof import('@/lib/timeline')>();
  return { ...timeline, planCase: vi.fn(timeline.planCase) };
});

const ORDERS = 200;

beforeEach(() => {
  fakeBrowser.reset();
  vi.mocked(planCase).mockClear();
});

/** A background that has planned its 200 orders once, on its first start. */
async function settled(): Promise<TestBackground> {
  const background = await new TestBackground(
    '2026-11-10T12:00:00.000Z',
    await refundsRequested(ORDERS),
  ).start();
  expect(planCase).toHaveBeenCalledTimes(ORDERS);
  vi.mocked(planCase).mockClear();
  return background;
}

describe('the background plans only what changed', () => {
  it('plans the order a page showed, once for its summary and once for the page’s panel', async () => {
    const background = await settled();
    await background.send(dhgatePageRead(), tab(DHGATE_ORDER_URL));
    expect(planCase).toHaveBeenCalledTimes(2);
  });

  it('plans nothing when the worker wakes up with nothing due', async () => {
    const background = await settled();
    await new TestBackground('2026-11-11T12:00:00.000Z', background.db).start();
    expect(planCase).not.toHaveBeenCalled();
  });

  it('plans the one order whose window opens when its alarm rings', async () => {
    const background = await settled();
    await background.advanceTo(escalationOpens(0));
    expect(planCase).toHaveBeenCalledTimes(1);
  });

  it('plans every order again when the buyer changes a setting the rules rest on', async () => {
    const background = await settled();
    await background.send({ type: 'settings-update', settings: { reminderLeadHours: 48 } });
    expect(planCase).toHaveBeenCalledTimes(ORDERS);
  });

  it('plans every order again under another version of CaseClock', async () => {
    const { db } = await settled();
    const updated = new TestBackground('2026-11-11T12:00:00.000Z', db);
    updated.version = '1.0.1';
    await updated.start();
    expect(planCase).toHaveBeenCalledTimes(ORDERS);
  });

  it('plans every order again in another time zone: days end at another hour', async () => {
    const { db } = await settled();
    const travelling = new TestBackground('2026-11-11T12:00:00.000Z', db);
    travelling.timeZone = NEW_YORK;
    await travelling.start();
    expect(planCase).toHaveBeenCalledTimes(ORDERS);
  });
});
