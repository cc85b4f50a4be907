import { parsePageDate, type DateReadingOptions } from '../dates';
import { parseMoney, type Money } from '../money';
import { normaliseStatus, type StatusTable } from './status';
import { absoluteUrl, cleanText, hitFirst, PageIndex, type LabelHit } from './dom';
import type { OrderReading, OrderStatus, PageKind, ReadingField, ReadingProblem } from './types';

/** Where a field may be shown: texts, or functions that look for one only when needed. */
type Candidates = string | undefined | readonly (string | undefined | (() => string | undefined))[];

interface Need {
  /** The page kind always shows this field: its absence is a problem worth naming. */
  required?: boolean;
}

/**
 * At most `limit` UTF-16 units of a text, cut between code points so no surrogate pair is split;
 * `mark` ends a text that was cut, within the limit.
 */
export function cutText(text: string, limit: number, mark = ''): string {
  if (text.length <= limit) return text;
  let kept = '';
  for (const point of text) {
    if (kept.length + point.length > limit - mark.length) break;
    kept += point;
  }
  return kept + mark;
}

/** What a problem shows of a page's text: its first 60 characters. */
export function shownOf(text: string): string {
  return cutText(text, 60);
}

/**
 * The first word of a label's value: pages print an order number and its date in one text
 * ("Order No：DO26730512874 2026-10-30 21:48:02"). The word must still be a whole order number.
 */
export function firstWord(text: string): string {
  return /\S+/.exec(text)?.[0] ?? '';
}

/**
 * The order number in a value, when the whole value is one as the marketplace writes them;
 * otherwise the problem is named and the order is left out.
 */
export function orderNumberIn(
  value: string | undefined,
  format: RegExp,
  problems: ReadingProblem[],
): string | undefined {
  const text = cleanText(value);
  if (!text) problems.push({ kind: 'order-without-number' });
  else if (!format.test(text))
    problems.push({ kind: 'order-number-refused', shown: shownOf(text) });
  else return text;
  return undefined;
}

/**
 * Reads an order's fields from the texts an adapter found, naming every field that was expected
 * but absent, or present but unreadable, in `problems`. What cannot be read is left out.
 */
export function fieldReader(problems: ReadingProblem[], order: string) {
  /**
   * Reads the first candidate text that parses; several places may show the same field. A
   * candidate may be a function, to look further only when the earlier places came up empty.
   */
  function read<T>(
    field: ReadingField,
    texts: Candidates,
    need: Need,
    parse: (text: string) => T | undefined,
  ): T | undefined {
    let shown: string | undefined;
    for (const candidate of typeof texts === 'string' ? [texts] : (texts ?? [])) {
      const text = typeof candidate === 'function' ? candidate() : candidate;
      if (!text) continue;
      const value = parse(text);
      if (value !== undefined) return value;
      shown ??= text;
    }
    if (shown !== undefined) {
      problems.push({ kind: 'field-unreadable', order, field, shown: shownOf(shown) });
    } else if (need.required) {
      problems.push({ kind: 'field-missing', order, field });
    }
    return undefined;
  }
  return {
    money: (field: ReadingField, texts: Candidates, need: Need & { currency?: string } = {}) =>
      read<Money>(field, texts, need, (value) => parseMoney(value, need.currency)),
    date: (field: ReadingField, texts: Candidates, need: Need & DateReadingOptions = {}) =>
      read<string>(field, texts, need, (value) => parsePageDate(value, need)),
    status: (texts: Candidates, table: StatusTable, need: Need = {}) =>
      read<OrderStatus>('status', texts, need, (value) => normaliseStatus(value, table)),
  };
}

/** What every part of an adapter needs to read one page. */
export interface ReadContext {
  url: URL;
  kind: PageKind;
  /** The page, walked once. */
  index: PageIndex;
  /** The page's language: French pages write dates day first (07/11/2026 is 7 November). */
  language: 'fr' | 'en';
  dayFirst: boolean;
  /** Where what could not be read is named. */
  problems: ReadingProblem[];
}

export function readContext(doc: Document, url: URL, kind: PageKind): ReadContext {
  const language = pageLanguage(doc, url);
  const index = new PageIndex(doc);
  return { url, kind, index, language, dayFirst: language === 'fr', problems: [] };
}

/** The language a page is written in, from its markup or its address. */
export function pageLanguage(doc: Document, url: URL): 'fr' | 'en' {
  const declared = doc.documentElement.getAttribute('lang') ?? '';
  if (declared) return declared.toLowerCase().startsWith('fr') ? 'fr' : 'en';
  return /^(?:m\.)?fr\./.test(url.hostname) ? 'fr' : 'en';
}

/** Sets the fields that have a value, so an order carries no undefined keys. */
export function assignDefined<T extends object>(target: T, values: Partial<T>): T {
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined) (target as Record<string, unknown>)[key] = value;
  }
  return target;
}

/** The seller as an order carries it: a name, and the store's address when it is a web link. */
export function sellerOf(
  name: string | undefined,
  href: string | null | undefined,
  base: URL,
): OrderReading['seller'] {
  if (!name) return undefined;
  const url = absoluteUrl(href, base);
  return url ? { name, url } : { name };
}

/** A quantity as printed ("2", "x2", "×2"): a whole number of at most six digits. */
export function parseQuantity(text: string | undefined): number | undefined {
  const digits = /^[x×✕]?\s?(\d{1,6})$/i.exec(cleanText(text))?.[1];
  return digits === undefined ? undefined : Number(digits);
}

/** How a tracking number looks on these pages: letters and digits only. */
const TRACKING_NUMBER = /^[A-Z0-9]{8,30}$/i;

export function looksLikeTrackingNumber(text: string): boolean {
  return TRACKING_NUMBER.test(text);
}

/** The tracking numbers found beside a page's labels, each once. */
export function trackingNumbersOf(hits: readonly LabelHit[] | undefined): string[] {
  return [
    ...new Set((hits ?? []).map((hit) => cleanText(hitFirst(hit))).filter(looksLikeTrackingNumber)),
  ];
}
