import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { planEach, readTrackedData } from '@/lib/db/plans';
import {
  DHGATE_ORDER_ID,
  DHGATE_ORDER_URL,
  TestBackground,
  dhgatePageRead,
  tab,
} from '../background/harness';
import { PARIS } from '../zones';

let background: TestBackground;

beforeEach(async () => {
  fakeBrowser.reset();
  background = await new TestBackground('2026-11-10T09:00:00.000Z').start();
  await background.send(dhgatePageRead(), tab(DHGATE_ORDER_URL));
});

async function record(event: string, at: string, details?: object) {
  return background.send({
    type: 'event-record',
    orderId: DHGATE_ORDER_ID,
    event,
    at,
    ...(details ? { details } : {}),
  });
}

async function planned() {
  const data = await readTrackedData(background.db);
  const [only] = planEach(data, { now: background.now.toISOString(), timeZone: PARIS });
  if (!only) throw new Error('no order');
  return only;
}

/** A "not received" case, resolved with a partial refund on 12 November. */
async function resolvedCase(): Promise<string> {
  const caseId = await background.startCase();
  await record('refund-requested', '2026-11-10T08:00:00.000Z');
  await background.send({ type: 'evidence-note', caseId, text: 'Seller promised a refund.' });
  await record('resolved', '2026-11-12T10:00:00.000Z', { outcome: 'partial' });
  background.now = new Date('2026-11-13T09:00:00.000Z');
  return caseId;
}

describe('a resolved case', () => {
  it('stays shown, with its outcome, its steps and its evidence', async () => {
    const caseId = await resolvedCase();
    expect(await background.db.cases.get(caseId)).toMatchObject({
      status: 'closed',
      closedAt: '2026-11-12T10:00:00.000Z',
    });
    const shown = await planned();
    expect(shown.openCase).toBeUndefined();
    expect(shown.shownCase?.id).toBe(caseId);
    expect(shown.plan.stage).toBe('resolved');
    expect(shown.events.find((event) => event.type === 'resolved')?.details).toEqual({
      outcome: 'partial',
    });
    expect(await background.db.evidence.where('caseId').equals(caseId).count()).toBe(1);
  });

  it('is not replaced by a new, empty case when a dispute page is read again', async () => {
    await resolvedCase();
    await background.send(
      dhgatePageRead({
        orders: [
          {
            orderNumber: '1043587216',
            items: [],
            status: 'in-dispute',
            dispute: { status: 'Refund Agreed', canEscalate: false },
          },
        ],
      }),
      tab(DHGATE_ORDER_URL),
    );
    expect(await background.db.cases.count()).toBe(1);
    expect((await planned()).plan.stage).toBe('resolved');
  });

  it('can be reopened, and the resolution stays in its history', async () => {
    const caseId = await resolvedCase();
    expect(await record('case-reopened', '2026-11-13T09:00:00.000Z')).toMatchObject({ ok: true });
    expect(await background.db.cases.get(caseId)).toMatchObject({ status: 'open' });
    expect((await background.db.cases.get(caseId))?.closedAt).toBeUndefined();
    const shown = await planned();
    expect(shown.openCase?.id).toBe(caseId);
    expect(shown.plan.stage).not.toBe('resolved');
    expect(shown.events.map((event) => event.type)).toEqual(
      expect.arrayContaining(['resolved', 'case-reopened']),
    );
    // Resolved again later, it closes again.
    await record('resolved', '2026-11-20T10:00:00.000Z', { outcome: 'full' });
    expect(await background.db.cases.get(caseId)).toMatchObject({
      status: 'closed',
      closedAt: '2026-11-20T10:00:00.000Z',
    });
  });

  it('reopens when its resolution is removed, and moves when its time is corrected', async () => {
    const caseId = await resolvedCase();
    const resolution = (await background.db.events.toArray()).find((e) => e.type === 'resolved');
    const eventId = resolution?.id ?? '';
    await background.send({ type: 'event-correct', eventId, at: '2026-11-11T16:00:00.000Z' });
    expect((await background.db.cases.get(caseId))?.closedAt).toBe('2026-11-11T16:00:00.000Z');
    await background.send({ type: 'event-remove', eventId });
    expect(await background.db.cases.get(caseId)).toMatchObject({ status: 'open' });
  });

  it('cannot be reopened while another case is open on the order', async () => {
    const first = await resolvedCase();
    await background.send({ type: 'case-start', orderId: DHGATE_ORDER_ID, reason: 'damaged' });
    expect(await record('case-reopened', '2026-11-13T09:00:00.000Z')).toMatchObject({
      ok: false,
    });
    expect(await background.db.cases.get(first)).toMatchObject({ status: 'closed' });
    const resolution = (await background.db.events.toArray()).find((e) => e.type === 'resolved');
    expect(
      await background.send({ type: 'event-remove', eventId: resolution?.id ?? '' }),
    ).toMatchObject({ ok: false });
    expect(await background.db.cases.get(first)).toMatchObject({ status: 'closed' });
  });

  it('is the only kind of case that can be reopened', async () => {
    expect(await record('case-reopened', '2026-11-10T09:00:00.000Z')).toMatchObject({
      ok: false,
    });
  });
});
