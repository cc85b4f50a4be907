/** Pages from HTML, as the marketplace tests build them: parsed, indexed, or read at an address. */
import { readPage, type OrderReading, type PageReading } from '@/lib/marketplaces';
import { PageIndex } from '@/lib/marketplaces/dom';

export function documentOf(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/** A page's body and the index readers look at it through. */
export function indexedPage(html: string): { doc: Document; root: HTMLElement; index: PageIndex } {
  const doc = documentOf(html);
  return { doc, root: doc.body, index: new PageIndex(doc) };
}

export function byId(root: Element, id: string): Element {
  const element = root.querySelector(`#${id}`);
  if (!element) throw new Error(`no #${id}`);
  return element;
}

/** What `readPage` makes of `html` served at `url`. */
export function readHtml(url: string, html: string): PageReading {
  return readPage(documentOf(html), url);
}

/** The orders read from `html` at `url`; a page that is not read fails the test. */
export function ordersOf(url: string, html: string): OrderReading[] {
  const reading = readHtml(url, html);
  if (reading.status !== 'read') throw new Error(`page not read: ${JSON.stringify(reading)}`);
  return reading.orders;
}
