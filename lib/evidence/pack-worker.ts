import * as v from 'valibot';
import type { CaseClockDatabase } from '../db/database';
import { packFromDatabase, PackRequestSchema, type PackReply } from './pack-job';

/** The side of a dedicated worker's global scope the pack worker uses. */
export interface PackWorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
  postMessage(reply: PackReply): void;
}

/**
 * Answers the page's requests for a pack: each is checked first, as anything may be posted to a
 * worker; what is not a request gets a failure, never silence.
 */
export function servePacks(scope: PackWorkerScope, db: CaseClockDatabase): void {
  scope.addEventListener('message', (event) => {
    const request = v.safeParse(PackRequestSchema, event.data);
    if (!request.success) {
      scope.postMessage({ type: 'failed' });
      return;
    }
    packFromDatabase(db, request.output, (progress) => {
      scope.postMessage({ type: 'progress', progress });
    }).then(
      (made) => {
        scope.postMessage({ type: 'made', ...made });
      },
      () => {
        scope.postMessage({ type: 'failed' });
      },
    );
  });
}
