import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { backupFromDatabase, BackupRequestSchema } from '@/lib/backup/job';
import { database } from '@/lib/db/database';
import { serveJobs } from '@/lib/worker-jobs';

// Started by the settings page as a dedicated worker: it writes a backup off the page's thread.
export default defineUnlistedScript(() => {
  serveJobs(self, BackupRequestSchema, (request, onProgress) =>
    backupFromDatabase(database(), request, onProgress),
  );
});
