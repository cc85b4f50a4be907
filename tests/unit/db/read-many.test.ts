import { describe, expect, it, vi } from 'vitest';
import { recordsWith } from '@/lib/db/read-many';
import { orderNumber, refundsRequested } from '../background/harness';

const ORDERS = 400;
const id = (index: number) => `dhgate:${orderNumber(index)}`;
const ids = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, index) => id(from + index));

describe('reading many records', () => {
  it('asks for a few orders one by one, and finds the same as a read of the whole store', async () => {
    const db = await refundsRequested(ORDERS);
    const toArray = vi.spyOn(db.orders, 'toArray');
    const wanted = [...ids(10, 20), 'dhgate:0000000000'];
    const found = await recordsWith(db.orders, 'id', wanted);
    expect(found.map((order) => order.id).sort()).toEqual(ids(10, 20));
    expect(toArray).not.toHaveBeenCalled();
  });

  it('reads the whole store at once when a quarter of it or more is wanted', async () => {
    const db = await refundsRequested(ORDERS);
    const bulkGet = vi.spyOn(db.orders, 'bulkGet');
    const found = await recordsWith(db.orders, 'id', [...ids(0, 100), 'dhgate:0000000000']);
    expect(found.map((order) => order.id).sort()).toEqual(ids(0, 100));
    expect(bulkGet).not.toHaveBeenCalled();
  });

  it('finds records by an indexed field either way: each order’s one case', async () => {
    const db = await refundsRequested(ORDERS);
    for (const wanted of [ids(0, 5), ids(0, 300)]) {
      const cases = await recordsWith(db.cases, 'orderId', wanted);
      expect(cases.map((found) => found.orderId).sort()).toEqual(wanted);
    }
  });
});
