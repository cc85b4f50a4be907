import { parsePageDate, type DateReadingOptions } from '../dates';
import { parseMoney, type Money } from '../money';
import { normaliseStatus, type StatusTable } from './status';
import { absoluteUrl, cleanText, hitFirst, type LabelHit } from './dom';
import type { OrderReading, OrderStatus, PageKind } from './types';

/** Where a field may be shown: texts, or functions that look for one only when needed. */
type Candidates = string | undefined | readonly (string | undefined | (() => string | undefined))[];

interface Need {
  /** The page kind always shows this field: its absence is a problem worth naming. */
  required?: boolean;
}

/**
 * Reads an order's fields from the texts an adapter found, naming every field that was expected
 * but absent, or present but unreadable, in `problems`. What cannot be read is left out.
 */
export function fieldReader(problems: string[], orderNumber: string) {
  /**
   * Reads the first candidate text that parses; several places may show the same field. A
   * candidate may be a function, to look further only when the earlier places came up empty.
   */
  function read<T>(
    field: string,
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
      problems.push(`order ${orderNumber}: ${field} "${shown.slice(0, 60)}" could not be read`);
    } else if (need.required) {
      problems.push(`order ${orderNumber}: ${field} not found`);
    }
    return undefined;
  }
  return {
    money: (field: string, texts: Candidates, need: Need & { currency?: string } = {}) =>
      read<Money>(field, texts, need, (value) => parseMoney(value, need.currency)),
    date: (field: string, texts: Candidates, need: Need & DateReadingOptions = {}) =>
      read<string>(field, texts, need, (value) => parsePageDate(value, need)),
    status: (texts: Candidates, table: StatusTable, need: Need = {}) =>
      read<OrderStatus>('status', texts, need, (value) => normaliseStatus(value, table)),
  };
}

/** The language a page is written in, from its markup or its address. */
/** What every part of an adapter needs to read one page. */
export interface ReadContext {
  url: URL;
  kind: PageKind;
  /** French pages write dates day first: 07/11/2026 is 7 November. */
  dayFirst: boolean;
  /** Where what could not be read is named. */
  problems: string[];
}

export function readContext(doc: Document, url: URL, kind: PageKind): ReadContext {
  return { url, kind, dayFirst: pageLanguage(doc, url) === 'fr', problems: [] };
}

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
  const digits = /^\s*[x×✕]?\s*(\d{1,6})\s*$/i.exec(text ?? '')?.[1];
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
