import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { backupFromDatabase, BackupRequestSchema } from '@/lib/backup/job';
import { database } from '@/lib/db/database';
import { BACKUP_FILE } from '@/lib/own-files';
import { serveJobs } from '@/lib/worker-jobs';
import { blobSink, fileSink, type ZipSink } from '@/lib/zip/writer';

/**
 * The backup is written to a file of CaseClock's own on disk (the origin-private file system),
 * replaced by each backup, so a backup of gigabytes is never held in memory; in memory only
 * where the browser has no such file system.
 */
async function backupSink(): Promise<ZipSink> {
  try {
    const directory = await navigator.storage.getDirectory();
    return await fileSink(await directory.getFileHandle(BACKUP_FILE, { create: true }));
  } catch {
    return blobSink();
  }
}

// Started by the settings page as a dedicated worker: it writes a backup off the page's thread.
export default defineUnlistedScript(() => {
  serveJobs(self, BackupRequestSchema, async (request, onProgress) =>
    backupFromDatabase(database(), request, onProgress, undefined, await backupSink()),
  );
});
