import { readPageOf } from './read';
import { adapterForHost } from './registry';
import type { PageReading } from './types';

export type * from './types';
export { READING_LIMITS } from './types';
export { readPageOf, readWith } from './read';
export {
  ADAPTERS,
  adapterById,
  adapterForHost,
  isMarketplaceUrl,
  isOrderNumberOf,
  marketplaceMatchPatterns,
} from './registry';

/**
 * Reads a marketplace page into plain data. Pure and synchronous: it looks only at `doc` and
 * `url`, never runs page script and never throws. Everything it returns fits the messages'
 * limits: long texts are clipped, and numbers or links that do not fit are left out, each named
 * in `problems`; one bad order is left out alone, never the page.
 */
export function readPage(doc: Document, url: string): PageReading {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return { status: 'unsupported' };
  }
  const adapter = adapterForHost(host);
  return adapter ? readPageOf(adapter, doc, url) : { status: 'unsupported' };
}
