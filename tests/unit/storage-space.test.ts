import { describe, expect, it, vi } from 'vitest';
import { keepStorage, storageUsed, type StorageManagerLike } from '@/lib/storage-space';

const limited = () => Promise.resolve(false);

function storage(manager: StorageManagerLike | undefined, unlimited = limited) {
  return { manager, unlimited };
}

describe('keeping CaseClock’s data', () => {
  it('asks the browser to keep it only when it does not already', async () => {
    const persist = vi.fn(() => Promise.resolve(true));
    expect(await keepStorage(storage({ persisted: () => Promise.resolve(true), persist }))).toBe(
      true,
    );
    expect(persist).not.toHaveBeenCalled();
    expect(await keepStorage(storage({ persisted: () => Promise.resolve(false), persist }))).toBe(
      true,
    );
    expect(persist).toHaveBeenCalledTimes(1);
  });

  it('counts it kept with unlimitedStorage where the browser declines persistence (Chrome)', async () => {
    const declines = { persisted: limited, persist: limited };
    expect(await keepStorage(storage(declines, () => Promise.resolve(true)))).toBe(true);
    expect(await keepStorage(storage(declines))).toBe(false);
  });

  it('cannot say where the browser has no storage manager or it fails', async () => {
    expect(await keepStorage(storage(undefined))).toBeUndefined();
    expect(await keepStorage(storage({}))).toBeUndefined();
    expect(
      await keepStorage(storage({ persisted: () => Promise.reject(new Error('opaque origin')) })),
    ).toBeUndefined();
    expect(await storageUsed(storage(undefined))).toBeUndefined();
    expect(
      await storageUsed(storage({ estimate: () => Promise.reject(new Error('no estimate')) })),
    ).toBeUndefined();
    expect(await storageUsed(storage({ estimate: () => Promise.resolve({ usage: 4096 }) }))).toBe(
      4096,
    );
  });
});
