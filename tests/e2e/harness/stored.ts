import type { Worker } from 'playwright-core';
import type { StoredEvent, StoredOrder } from '../../../lib/db/schema';

/** Which records of the extension's IndexedDB to read: a store's, by key or by an index. */
export interface RecordLookup {
  store: string;
  index?: string;
  key: string;
}

/**
 * Reads records inside one of the extension's own contexts (its service worker, or one of its
 * pages in Firefox): pass it to that context's `evaluate`, which runs it there.
 */
export function recordsInExtension<T>({ store, index, key }: RecordLookup): Promise<T[]> {
  return new Promise<T[]>((resolve, reject) => {
    const opening = indexedDB.open('caseclock');
    opening.onerror = () => {
      reject(new Error(String(opening.error)));
    };
    opening.onsuccess = () => {
      const records = opening.result.transaction(store).objectStore(store);
      const request = (index ? records.index(index) : records).getAll(key);
      request.onsuccess = () => {
        resolve(request.result as T[]);
        opening.result.close();
      };
      request.onerror = () => {
        reject(new Error(String(request.error)));
      };
    };
  });
}

/**
 * How many records each of these stores of the extension's IndexedDB holds, counted in one
 * transaction inside one of the extension's own contexts: pass it to that context's `evaluate`.
 */
export function recordCountsInExtension<Store extends string>(
  stores: readonly Store[],
): Promise<Record<Store, number>> {
  return new Promise<Record<Store, number>>((resolve, reject) => {
    const opening = indexedDB.open('caseclock');
    opening.onerror = () => {
      reject(new Error(String(opening.error)));
    };
    opening.onsuccess = () => {
      const reading = opening.result.transaction([...stores]);
      const counts = {} as Record<Store, number>;
      for (const store of stores) {
        const request = reading.objectStore(store).count();
        request.onsuccess = () => {
          counts[store] = request.result;
        };
      }
      reading.oncomplete = () => {
        resolve(counts);
        opening.result.close();
      };
      reading.onerror = () => {
        reject(new Error(String(reading.error)));
      };
    };
  });
}

/** The records of one store of the extension's IndexedDB, read inside the service worker. */
function storedRecords<T>(worker: Worker, lookup: RecordLookup): Promise<T[]> {
  return worker.evaluate(recordsInExtension<T>, lookup);
}

/** An order as the extension stored it. */
export async function storedOrder(worker: Worker, id: string): Promise<StoredOrder | undefined> {
  const [order] = await storedRecords<StoredOrder>(worker, { store: 'orders', key: id });
  return order;
}

/** The events stored on an order's timeline, from its pages and from the buyer. */
export function storedEvents(worker: Worker, orderId: string): Promise<StoredEvent[]> {
  return storedRecords<StoredEvent>(worker, { store: 'events', index: 'orderId', key: orderId });
}

/** Every order the extension stored for a marketplace. */
export function storedOrders(worker: Worker, marketplace: string): Promise<StoredOrder[]> {
  return storedRecords<StoredOrder>(worker, {
    store: 'orders',
    index: 'marketplace',
    key: marketplace,
  });
}

/**
 * The SHA-256 of every evidence file the extension's IndexedDB holds, by the evidence's id,
 * computed inside one of the extension's own contexts: pass it to that context's `evaluate`
 * (which sends the function's text alone, so it calls nothing of this file).
 */
export async function evidenceHashesInExtension(): Promise<Record<string, string>> {
  const blobs = await new Promise<{ id: string; blob: Blob }[]>((resolve, reject) => {
    const opening = indexedDB.open('caseclock');
    opening.onerror = () => {
      reject(new Error(String(opening.error)));
    };
    opening.onsuccess = () => {
      const request = opening.result.transaction('evidenceBlobs').objectStore('evidenceBlobs');
      const all = request.getAll();
      all.onsuccess = () => {
        resolve(all.result as { id: string; blob: Blob }[]);
        opening.result.close();
      };
      all.onerror = () => {
        reject(new Error(String(all.error)));
      };
    };
  });
  const hashes: Record<string, string> = {};
  for (const { id, blob } of blobs) {
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer()));
    hashes[id] = [...digest].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  }
  return hashes;
}

/** The names of CaseClock's own files on disk (its origin-private file system), read in one of its pages. */
export async function ownFileNamesInExtension(): Promise<string[]> {
  const names: string[] = [];
  // The DOM library's types leave out the directory's iteration.
  const directory = (await navigator.storage.getDirectory()) as unknown as {
    keys(): AsyncIterable<string>;
  };
  for await (const name of directory.keys()) names.push(name);
  return names;
}
