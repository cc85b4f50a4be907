import type { Refusal } from '../messaging/protocol';
import type { PageTranslate } from './page';

/**
 * Why a write was refused, in the buyer's words: `name` is the file or thing concerned, `limit`
 * the largest file kept, written in the buyer's units.
 */
export function refusalText(
  t: PageTranslate,
  refusal: Refusal,
  { name = '', limit }: { name?: string; limit: string },
): string {
  switch (refusal.code) {
    case 'too-large':
      return t('evidence.tooLarge', { name, limit });
    case 'quota':
      return name ? t('evidence.quota', { name }) : t('error.quota');
    case 'storage':
      return t('error.storage', { error: refusal.error });
    default:
      return t('error.refused', { error: refusal.error });
  }
}
