import type { Worker } from 'playwright-core';

/** Files of random bytes to make in the browser, rather than send over: they do not compress. */
export interface RandomFiles {
  /** Ids in `evidenceBlobs`. */
  ids: string[];
  size: number;
}

/**
 * Puts records straight into the extension's database through its service worker, as months of
 * browsing would, with evidence files of random bytes if asked.
 */
export async function seedDatabase(
  worker: Worker,
  stores: Record<string, readonly unknown[]>,
  randomFiles: RandomFiles = { ids: [], size: 0 },
): Promise<void> {
  await worker.evaluate(
    ({ stores, randomFiles }) =>
      new Promise<void>((resolve, reject) => {
        const opening = indexedDB.open('caseclock');
        opening.onerror = () => {
          reject(new Error(String(opening.error)));
        };
        opening.onsuccess = () => {
          const db = opening.result;
          const names = Object.keys(stores);
          if (randomFiles.ids.length > 0) names.push('evidenceBlobs');
          const transaction = db.transaction(names, 'readwrite');
          for (const [name, records] of Object.entries(stores)) {
            const store = transaction.objectStore(name);
            for (const record of records) store.put(record);
          }
          for (const id of randomFiles.ids) {
            const parts: Uint8Array<ArrayBuffer>[] = [];
            // getRandomValues fills at most 64 KiB at a time.
            for (let made = 0; made < randomFiles.size; made += 65_536) {
              const length = Math.min(65_536, randomFiles.size - made);
              parts.push(crypto.getRandomValues(new Uint8Array(length)));
            }
            transaction.objectStore('evidenceBlobs').put({ id, blob: new Blob(parts) });
          }
          transaction.oncomplete = () => {
            db.close();
            resolve();
          };
          transaction.onerror = () => {
            reject(new Error(String(transaction.error)));
          };
        };
      }),
    { stores, randomFiles },
  );
}
