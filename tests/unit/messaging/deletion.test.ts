import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { deletionSummary } from '@/lib/db/deletion';
import {
  DHGATE_ORDER_ID,
  DHGATE_ORDER_URL,
  TestBackground,
  dhgatePageRead,
  tab,
} from '../background/harness';

let background: TestBackground;

beforeEach(async () => {
  fakeBrowser.reset();
  background = await new TestBackground('2026-11-10T09:00:00.000Z').start();
  await background.send(dhgatePageRead(), tab(DHGATE_ORDER_URL));
});

/** A case with a step, a note and a photo: what a buyer would be sorry to lose by mistake. */
async function caseWithEvidence(): Promise<string> {
  const caseId = await background.startCase();
  await background.send({
    type: 'event-record',
    orderId: DHGATE_ORDER_ID,
    event: 'refund-requested',
    at: '2026-11-10T08:00:00.000Z',
  });
  await background.send({ type: 'evidence-note', caseId, text: 'Seller silent since 5 Nov.' });
  await background.db.evidence.add({
    id: 'photo-1',
    caseId,
    orderId: DHGATE_ORDER_ID,
    kind: 'photo',
    shows: [],
    name: 'box.jpg',
    size: 3,
    capturedAt: '2026-11-10T08:30:00.000Z',
  });
  await background.db.evidenceBlobs.add({ id: 'photo-1', blob: new Blob(['abc']) });
  return caseId;
}

async function counts() {
  const { db } = background;
  return {
    orders: await db.orders.count(),
    cases: await db.cases.count(),
    events: await db.events.count(),
    evidence: await db.evidence.count(),
    files: await db.evidenceBlobs.count(),
  };
}

describe('deleting an order', () => {
  it('takes its cases, events, evidence and reminders, and Undo puts them all back', async () => {
    await caseWithEvidence();
    await background.db.reminders.put({ id: `${DHGATE_ORDER_ID}|x|closes|y`, notifiedAt: 'z' });
    const before = await counts();
    expect(before).toEqual({ orders: 1, cases: 1, events: 2, evidence: 2, files: 1 });

    const deleted = await background.send({ type: 'order-delete', orderId: DHGATE_ORDER_ID });
    expect(deleted).toMatchObject({ ok: true, orderId: DHGATE_ORDER_ID });
    expect(await counts()).toEqual({ orders: 0, cases: 0, events: 0, evidence: 0, files: 1 });
    expect(await background.db.reminders.count()).toBe(0);

    background.now = new Date('2026-11-10T09:00:09.000Z');
    const undoId = deleted.ok && 'undoId' in deleted ? deleted.undoId : '';
    expect(await background.send({ type: 'deletion-undo', undoId })).toEqual({
      ok: true,
      orderId: DHGATE_ORDER_ID,
    });
    expect(await counts()).toEqual(before);
    expect(await background.db.reminders.count()).toBe(1);
    expect(await background.db.trash.count()).toBe(0);
  });

  it('is for good once the time to undo has passed: the files go too', async () => {
    await caseWithEvidence();
    const deleted = await background.send({ type: 'order-delete', orderId: DHGATE_ORDER_ID });
    const undoId = deleted.ok && 'undoId' in deleted ? deleted.undoId : '';
    background.now = new Date('2026-11-10T09:00:30.000Z');
    expect(await background.send({ type: 'deletion-undo', undoId })).toMatchObject({
      ok: false,
      code: 'not-found',
    });
    // The next start of the worker (or the alarm set for it) empties the trash.
    await new TestBackground('2026-11-10T09:00:30.000Z', background.db).start();
    expect(await counts()).toEqual({ orders: 0, cases: 0, events: 0, evidence: 0, files: 0 });
    expect(await background.db.trash.count()).toBe(0);
  });

  it('sets an alarm to empty the trash, in case the worker stops before its timer', async () => {
    await background.send({ type: 'order-delete', orderId: DHGATE_ORDER_ID });
    await expect
      .poll(async () => (await fakeBrowser.alarms.getAll()).map((a) => a.name))
      .toContain('empty-trash');
  });

  it('deletes an order a page misread in an older version, whatever its number', async () => {
    const junk = 'aliexpress:123456789012 | call +1-555-0100';
    await background.db.orders.add({
      id: junk,
      marketplace: 'aliexpress',
      orderNumber: '123456789012 | call +1-555-0100',
      items: [],
      firstSeenAt: '2026-11-01T08:00:00.000Z',
      lastSeenAt: '2026-11-01T08:00:00.000Z',
    });
    expect(
      await background.send({ type: 'order-archive', orderId: junk, archived: true }),
    ).toMatchObject({ ok: true });
    expect(await background.send({ type: 'order-delete', orderId: junk })).toMatchObject({
      ok: true,
    });
    expect(await background.db.orders.get(junk)).toBeUndefined();
  });

  it('is refused to a marketplace page: only CaseClock’s own pages may delete', async () => {
    const reply = await background.send(
      { type: 'order-delete', orderId: DHGATE_ORDER_ID },
      tab(DHGATE_ORDER_URL),
    );
    expect(reply).toMatchObject({ ok: false });
    expect(await background.db.orders.count()).toBe(1);
  });
});

describe('deleting one case', () => {
  it('keeps the order and its page history, and Undo brings the case back', async () => {
    const caseId = await caseWithEvidence();
    const deleted = await background.send({ type: 'case-delete', caseId });
    expect(deleted).toMatchObject({ ok: true, orderId: DHGATE_ORDER_ID });
    // The order stays, with what pages showed; the case's step and evidence went with it.
    expect(await counts()).toEqual({ orders: 1, cases: 0, events: 1, evidence: 0, files: 1 });
    const undoId = deleted.ok && 'undoId' in deleted ? deleted.undoId : '';
    expect(await background.send({ type: 'deletion-undo', undoId })).toMatchObject({ ok: true });
    expect(await counts()).toEqual({ orders: 1, cases: 1, events: 2, evidence: 2, files: 1 });
  });

  it('cannot be undone over a case opened since', async () => {
    const caseId = await background.startCase();
    const deleted = await background.send({ type: 'case-delete', caseId });
    await background.startCase('damaged');
    const undoId = deleted.ok && 'undoId' in deleted ? deleted.undoId : '';
    expect(await background.send({ type: 'deletion-undo', undoId })).toMatchObject({
      ok: false,
    });
    expect(await background.db.cases.count()).toBe(1);
  });
});

describe('deletionSummary', () => {
  const event = (id: string, source: 'page' | 'buyer', caseId?: string) => ({
    id,
    orderId: DHGATE_ORDER_ID,
    type: 'status-changed' as const,
    at: '2026-11-01T00:00:00.000Z',
    recordedAt: '2026-11-01T00:00:00.000Z',
    source,
    ...(caseId ? { caseId } : {}),
  });
  const piece = (id: string, kind: 'photo' | 'video' | 'note', caseId: string, size?: number) => ({
    id,
    caseId,
    orderId: DHGATE_ORDER_ID,
    kind,
    shows: [],
    name: id,
    capturedAt: '2026-11-02T00:00:00.000Z',
    ...(size === undefined ? {} : { size }),
  });
  const records = {
    cases: [
      {
        id: 'a',
        orderId: DHGATE_ORDER_ID,
        reason: 'damaged' as const,
        openedAt: '',
        status: 'closed' as const,
      },
      {
        id: 'b',
        orderId: DHGATE_ORDER_ID,
        reason: 'other' as const,
        openedAt: '',
        status: 'open' as const,
      },
    ],
    events: [
      event('1', 'page'),
      event('2', 'buyer', 'a'),
      event('3', 'buyer', 'b'),
      event('4', 'buyer'),
    ],
    evidence: [
      piece('p1', 'photo', 'a', 2_000_000),
      piece('p2', 'photo', 'b', 1_000_000),
      piece('v1', 'video', 'b', 30_000_000),
      piece('n1', 'note', 'b'),
    ],
  };

  it('counts all of an order', () => {
    expect(deletionSummary({ kind: 'order', id: DHGATE_ORDER_ID }, records)).toEqual({
      cases: 2,
      buyerSteps: 3,
      pageEntries: 1,
      evidence: 4,
      evidenceByKind: { photo: 2, video: 1, note: 1 },
      bytes: 33_000_000,
    });
  });

  it('counts only what belongs to one case', () => {
    expect(deletionSummary({ kind: 'case', id: 'b' }, records)).toEqual({
      cases: 1,
      buyerSteps: 1,
      pageEntries: 0,
      evidence: 3,
      evidenceByKind: { photo: 1, video: 1, note: 1 },
      bytes: 31_000_000,
    });
  });
});
