import { EVIDENCE_SIZE_LIMIT } from '@/lib/db/evidence';
import type { Refusal } from '@/lib/messaging/protocol';
import type { I18n } from './I18n';

/** Why the background refused, in the buyer's words; `name` is the file or thing concerned. */
export function refusalText(
  { t, size }: Pick<I18n, 't' | 'size'>,
  refusal: Refusal,
  name = '',
): string {
  switch (refusal.code) {
    case 'too-large':
      return t('evidence.tooLarge', { name, limit: size(EVIDENCE_SIZE_LIMIT) });
    case 'quota':
      return t('evidence.quota', { name });
    default:
      return t('error.refused', { error: refusal.error });
  }
}
