import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { StoredCase, StoredEvent } from '@/lib/db/schema';
import { draftMessage } from '@/lib/evidence/draft';
import { usableEvents } from '@/lib/timeline';
import { assertAsyncProperty, assertProperty, PROPERTY_TIMEOUT } from '../../property';
import { caseRecord, dateLike, order as anyOrder, steps } from '../timeline/arbitraries';
import {
  dhgateNotReceived,
  draftInput,
  event,
  packBytes,
  packInput,
  type Scenario,
} from './scenarios';

/** A record as the database may hold it, whatever its type says. */
function damaged<T>(record: T, changes: Record<string, unknown>): T {
  return { ...record, ...changes };
}

async function packFiles(scenario: Scenario) {
  const files = unzipSync(await packBytes(packInput(scenario, 'en')));
  const text = (path: string) => strFromU8(files[path] ?? new Uint8Array());
  return {
    timeline: JSON.parse(text('timeline.json')) as { events: { type: string; at: string }[] },
    html: text('index.html'),
    message: text('message-en.txt'),
  };
}

describe('the message and the pack rest on the steps the plan rests on', () => {
  const base = dhgateNotReceived();
  const { order } = base;
  const [refund, tracking] = base.events as [StoredEvent, StoredEvent];
  const escalated = event(order, 'escalated', '2026-11-16T10:00:00.000Z', { note: 'No answer' });
  const clean: Scenario = { ...base, events: [tracking, refund, escalated] };
  const broken: Scenario = {
    ...base,
    events: [
      escalated,
      damaged(event(order, 'seller-replied', '2026-11-11T10:00:00.000Z'), { at: 'tomorrow' }),
      damaged(event(order, 'escalated', '2026-11-12T10:00:00.000Z'), { type: 'teleported' }),
      damaged(event(order, 'seller-replied', '2026-11-13T10:00:00.000Z'), { orderId: 'other' }),
      { ...refund, id: 'the-same-step-again' },
      damaged(tracking, { originalAt: 'never' }),
      refund,
    ],
  };

  it('lists the same steps, in order, in the message', () => {
    const kept = usableEvents(broken.events, order.id);
    expect(kept.map((step) => step.type)).toEqual([
      'tracking-uploaded',
      'refund-requested',
      'escalated',
    ]);
    // The plan differs only in its notes, which the message does not show.
    const input = draftInput(broken, 'en');
    expect(draftMessage(input)).toEqual(
      draftMessage({ ...draftInput(clean, 'en'), plan: input.plan }),
    );
  });

  it('records the same steps in timeline.json and index.html', async () => {
    const pack = await packFiles(broken);
    expect(pack.timeline.events.map((step) => [step.type, step.at])).toEqual(
      usableEvents(broken.events, order.id).map((step) => [step.type, step.at]),
    );
    const page = new DOMParser().parseFromString(pack.html, 'text/html');
    const rows = page.querySelectorAll('h2 + table tbody tr');
    expect([...rows].slice(0, 3).map((row) => row.children[1]?.textContent)).toEqual([
      'The seller uploaded the tracking number RI002972278CN (China Post Registered Air Mail)',
      'I asked the seller for a refund (“Asked where the parcel is”)',
      'I escalated the case to DHgate (“No answer”)',
    ]);
    expect(pack.html).not.toContain('tomorrow');
    expect(pack.html).not.toContain('never');
  });

  it('leaves out the order’s dates that are no dates, and an unknown status', async () => {
    const withBadOrder: Scenario = {
      ...clean,
      order: damaged(order, {
        placedAt: 'last week',
        shippedAt: '2026-02-30T00:00:00.000Z',
        status: 'lost',
      }),
    };
    const { placedAt: _placed, shippedAt: _shipped, status: _status, ...rest } = order;
    const withoutThem: Scenario = { ...clean, order: rest };
    const input = draftInput(withBadOrder, 'en');
    expect(draftMessage(input)).toEqual(
      draftMessage({ ...draftInput(withoutThem, 'en'), plan: input.plan }),
    );
    const pack = await packFiles(withBadOrder);
    expect(pack.html).not.toMatch(/last week|Invalid Date|NaN|undefined/);
  });

  it('counts a case with an unknown reason as "other", and shows no opening date that is none', async () => {
    const openCase = damaged(base.openCase, { reason: 'buyer-remorse', openedAt: 'once' });
    const input = draftInput({ ...clean, openCase }, 'en');
    expect(draftMessage(input)).toEqual(
      draftMessage({
        ...draftInput({ ...clean, openCase: { ...base.openCase, reason: 'other' } }, 'en'),
        plan: input.plan,
      }),
    );
    const page = new DOMParser().parseFromString(
      (await packFiles({ ...clean, openCase })).html,
      'text/html',
    );
    const terms = [...page.querySelectorAll('dt')].map((term) => term.textContent);
    expect(terms).toContain('Reason');
    expect(terms).not.toContain('Case opened');
    expect(page.body.textContent).toContain('Other problem');
  });
});

const SEED = 20_261_122;
// Fewer than the usual runs: each message, and each pack more so, is a whole document built.
const DRAFT_RUNS = 300;
const PACK_RUNS = 60;

/** A sound DHgate case whose order, case and steps are swapped for what the database may hold. */
const damagedCase = fc
  .record({
    events: steps,
    order: anyOrder,
    openCase: caseRecord,
    openedAt: dateLike,
  })
  .map(({ events, order, openCase, openedAt }): Scenario => {
    const base = dhgateNotReceived();
    // The draft and the pack take an order CaseClock tracks, on one of its marketplaces.
    const { id, marketplace, items } = base.order;
    return {
      ...base,
      order: { ...base.order, ...order, id, marketplace, items },
      openCase: { ...base.openCase, ...openCase, openedAt } as StoredCase,
      events,
    };
  });

describe('the message and the pack over whatever the database holds', () => {
  it(
    `never throw, and list the steps the plan rests on (${String(DRAFT_RUNS)} messages)`,
    () => {
      assertProperty(
        fc.property(damagedCase, fc.constantFrom('en', 'fr'), (scenario, language) => {
          const { body } = draftMessage(draftInput(scenario, language));
          const lines = body
            .split('\n\n')
            .find((paragraph) => /^(What happened|Déroulé)/.test(paragraph));
          const kept = usableEvents(scenario.events, scenario.order.id);
          expect(lines?.split('\n').length ?? 1).toBe(kept.length + 1);
        }),
        { name: 'draft message on any stored data', seed: SEED, numRuns: DRAFT_RUNS },
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    `never throw making a pack (${String(PACK_RUNS)} packs)`,
    async () => {
      await assertAsyncProperty(
        fc.asyncProperty(damagedCase, async (scenario) => {
          const pack = await packFiles(scenario);
          expect(pack.timeline.events).toHaveLength(
            usableEvents(scenario.events, scenario.order.id).length,
          );
        }),
        { name: 'evidence pack on any stored data', seed: SEED, numRuns: PACK_RUNS },
      );
    },
    PROPERTY_TIMEOUT,
  );
});
