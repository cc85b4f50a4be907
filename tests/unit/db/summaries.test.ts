import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { countByList, listPage } from '@/lib/db/summaries';
import { TestBackground, orderNumber, refundsRequested } from '../background/harness';

beforeEach(() => {
  fakeBrowser.reset();
});

const id = (index: number) => `dhgate:${orderNumber(index)}`;

/**
 * Five DHgate orders whose refunds were asked for a minute apart on 10 November: on the 12th
 * each waits for its seller, whose time ends (and escalation opens) a minute after the one
 * before.
 */
async function fiveWaiting(): Promise<TestBackground> {
  return new TestBackground('2026-11-12T12:00:00.000Z', await refundsRequested(5)).start();
}

describe('the lists the popup reads', () => {
  it('hold the orders whose window opens soonest first, a screenful at a time, with their count', async () => {
    const { db } = await fiveWaiting();
    expect(await listPage(db, 'all', '', 3)).toEqual({ orderIds: [0, 1, 2].map(id), total: 5 });
    expect(await listPage(db, 'open', '', 10)).toEqual({
      orderIds: [0, 1, 2, 3, 4].map(id),
      total: 5,
    });
    expect(await countByList(db)).toEqual({ open: 5, closed: 0, all: 5, archived: 0 });
  });

  it('move an archived order to its own list, and a resolved case to the closed ones, last in all', async () => {
    const background = await fiveWaiting();
    await background.send({ type: 'order-archive', orderId: id(1), archived: true });
    await background.send({
      type: 'event-record',
      orderId: id(0),
      event: 'resolved',
      at: '2026-11-12T11:00:00.000Z',
      details: { outcome: 'full' },
    });
    const { db } = background;
    expect((await listPage(db, 'all', '', 10)).orderIds).toEqual([2, 3, 4, 0].map(id));
    expect((await listPage(db, 'archived', '', 10)).orderIds).toEqual([id(1)]);
    expect((await listPage(db, 'closed', '', 10)).orderIds).toEqual([id(0)]);
    expect(await countByList(db)).toEqual({ open: 3, closed: 1, all: 4, archived: 1 });
  });

  it('put an order whose escalation has opened first, once its time has come', async () => {
    const background = await fiveWaiting();
    await background.advanceTo('2026-11-15T09:02:30.000Z');
    // Orders 0, 1 and 2 can escalate now; 3 and 4 still wait, 3 first.
    const { orderIds } = await listPage(background.db, 'all', '', 10);
    expect(new Set(orderIds.slice(0, 3))).toEqual(new Set([0, 1, 2].map(id)));
    expect(orderIds.slice(3)).toEqual([3, 4].map(id));
    expect(background.badge).toBe('3');
  });

  it('find orders by the beginning of each word typed, in list order', async () => {
    const { db } = await fiveWaiting();
    expect(await listPage(db, 'all', orderNumber(3), 10)).toEqual({
      orderIds: [id(3)],
      total: 1,
    });
    expect((await listPage(db, 'all', 'DHG 10436', 10)).orderIds).toEqual([0, 1, 2, 3, 4].map(id));
    expect(await listPage(db, 'all', `dhgate ${orderNumber(2)}`, 10)).toEqual({
      orderIds: [id(2)],
      total: 1,
    });
    expect(await listPage(db, 'all', 'gate', 10)).toEqual({ orderIds: [], total: 0 });
    expect(await listPage(db, 'all', 'dhgate', 2)).toEqual({ orderIds: [0, 1].map(id), total: 5 });
  });
});
