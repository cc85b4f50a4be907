import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { database } from '@/lib/db/database';
import { servePacks } from '@/lib/evidence/pack-worker';

// Started by the workspace as a dedicated worker: it builds evidence packs off the page's thread.
export default defineUnlistedScript(() => {
  servePacks(self, database());
});
