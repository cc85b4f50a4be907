import { EVIDENCE_SIZE_LIMIT } from '@/lib/db/evidence';
import { refusalText as phrase } from '@/lib/i18n/refusal';
import type { Refusal } from '@/lib/messaging/protocol';
import type { I18n } from './I18n';

/** Why the background refused, in the buyer's words; `name` is the file or thing concerned. */
export function refusalText(
  { t, size }: Pick<I18n, 't' | 'size'>,
  refusal: Refusal,
  name = '',
): string {
  return phrase(t, refusal, { name, limit: size(EVIDENCE_SIZE_LIMIT) });
}
