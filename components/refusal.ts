import { EVIDENCE_SIZE_LIMIT } from '@/lib/db/evidence';
import type { Translate } from '@/lib/i18n';
import type { Refusal } from '@/lib/messaging/protocol';

const MEGABYTE = 1024 * 1024;

/** Why the background refused, in the buyer's words; `name` is the file or thing concerned. */
export function refusalText(t: Translate, refusal: Refusal, name = ''): string {
  switch (refusal.code) {
    case 'too-large':
      return t('evidence.tooLarge', {
        name,
        limit: `${String(EVIDENCE_SIZE_LIMIT / MEGABYTE)} MB`,
      });
    case 'quota':
      return t('evidence.quota', { name });
    default:
      return t('error.refused', { error: refusal.error });
  }
}
