import type { Worker } from 'playwright-core';
import type { StoredOrder } from '../../../lib/db/schema';

/** An order as the extension stored it, read from its IndexedDB inside the service worker. */
export async function storedOrder(worker: Worker, id: string): Promise<StoredOrder | undefined> {
  return worker.evaluate(
    (orderId) =>
      new Promise<StoredOrder | undefined>((resolve, reject) => {
        const opening = indexedDB.open('caseclock');
        opening.onerror = () => {
          reject(new Error(String(opening.error)));
        };
        opening.onsuccess = () => {
          const request = opening.result.transaction('orders').objectStore('orders').get(orderId);
          request.onsuccess = () => {
            resolve(request.result as StoredOrder | undefined);
            opening.result.close();
          };
          request.onerror = () => {
            reject(new Error(String(request.error)));
          };
        };
      }),
    id,
  );
}
