import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { database } from '@/lib/db/database';
import { packFromDatabase, PackRequestSchema } from '@/lib/evidence/pack-job';
import { serveJobs } from '@/lib/worker-jobs';

// Started by the workspace as a dedicated worker: it builds evidence packs off the page's thread.
export default defineUnlistedScript(() => {
  serveJobs(self, PackRequestSchema, (request, onProgress) =>
    packFromDatabase(database(), request, onProgress),
  );
});
