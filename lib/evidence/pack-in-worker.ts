import type { PackMaker, PackReply } from './pack-job';

/**
 * A pack maker that builds each pack in a worker of its own, so the page stays responsive; the
 * worker ends with its pack. `workerUrl` is the worker script's address in the extension.
 */
export function packInWorker(workerUrl: string): PackMaker {
  return (request, onProgress) =>
    new Promise((resolve, reject) => {
      const worker = new Worker(workerUrl);
      worker.addEventListener('message', (event: MessageEvent<PackReply>) => {
        const reply = event.data;
        if (reply.type === 'progress') {
          onProgress(reply.progress);
          return;
        }
        worker.terminate();
        if (reply.type === 'made') resolve({ pack: reply.pack, name: reply.name });
        else reject(new Error('The pack could not be made'));
      });
      // The script failed to load or threw outside a request.
      worker.addEventListener('error', (event) => {
        worker.terminate();
        reject(new Error(event.message || 'The pack worker failed'));
      });
      worker.postMessage(request);
    });
}
