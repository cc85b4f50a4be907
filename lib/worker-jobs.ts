/**
 * Long work of CaseClock's pages (an evidence pack, a backup) runs in a dedicated worker of its
 * own, off the page's thread: the page posts a request, the worker answers with progress, then
 * the result or that it failed. Ending the worker is how the buyer cancels.
 */
import * as v from 'valibot';

export type JobReply<Progress, Result> =
  { type: 'progress'; progress: Progress } | { type: 'done'; result: Result } | { type: 'failed' };

/** The side of a dedicated worker's global scope a job uses. */
export interface JobWorkerScope<Reply> {
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
  postMessage(reply: Reply): void;
}

/** Runs a job; the page is given one that runs in a worker. */
export type JobRunner<Request, Progress, Result> = (
  request: Request,
  onProgress: (progress: Progress) => void,
  signal?: AbortSignal,
) => Promise<Result>;

/** What a job ended by the buyer's "Cancel" rejects with. */
export class JobCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'JobCancelled';
  }
}

/**
 * Answers a page's requests in a worker: each is checked first, as anything may be posted to a
 * worker; what is not a request gets a failure, never silence.
 */
export function serveJobs<Request, Progress, Result>(
  scope: JobWorkerScope<JobReply<Progress, Result>>,
  schema: v.GenericSchema<unknown, Request>,
  run: (request: Request, onProgress: (progress: Progress) => void) => Promise<Result>,
): void {
  scope.addEventListener('message', (event) => {
    const request = v.safeParse(schema, event.data);
    if (!request.success) {
      scope.postMessage({ type: 'failed' });
      return;
    }
    run(request.output, (progress) => {
      scope.postMessage({ type: 'progress', progress });
    }).then(
      (result) => {
        scope.postMessage({ type: 'done', result });
      },
      () => {
        scope.postMessage({ type: 'failed' });
      },
    );
  });
}

/**
 * A runner that does each job in a worker of its own, started from `workerUrl` (the worker
 * script's address in the extension); the worker ends with its job, or when `signal` aborts.
 */
export function jobInWorker<Request, Progress, Result>(
  workerUrl: string,
): JobRunner<Request, Progress, Result> {
  return (request, onProgress, signal) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(new JobCancelled());
        return;
      }
      const worker = new Worker(workerUrl);
      const cancel = () => {
        worker.terminate();
        reject(new JobCancelled());
      };
      signal?.addEventListener('abort', cancel, { once: true });
      const end = () => {
        signal?.removeEventListener('abort', cancel);
        worker.terminate();
      };
      worker.addEventListener('message', (event: MessageEvent<JobReply<Progress, Result>>) => {
        const reply = event.data;
        if (reply.type === 'progress') {
          onProgress(reply.progress);
          return;
        }
        end();
        if (reply.type === 'done') resolve(reply.result);
        else reject(new Error('The work could not be done'));
      });
      // The script failed to load or threw outside a request.
      worker.addEventListener('error', (event) => {
        end();
        reject(new Error(event.message || 'The worker failed'));
      });
      worker.postMessage(request);
    });
}
