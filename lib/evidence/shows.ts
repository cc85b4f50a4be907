import { adapterForHost } from '../marketplaces/registry';
import type { PageKind } from '../marketplaces/types';
import type { ChecklistProgress, EvidenceSubject } from './checklist';

const SUBJECTS_OF_PAGE_KIND: Readonly<Record<PageKind, readonly EvidenceSubject[]>> = {
  'order-detail': ['order-details'],
  'order-list': ['order-details'],
  tracking: ['tracking-page'],
  'parcel-list': ['tracking-page'],
  // A dispute page holds the negotiation with the seller.
  dispute: ['seller-chat'],
};

const CHAT = /message|chat|conversation|inbox|\bim\b/i;
/** An agent's page or picture of an item's inspection (QC) photos: `/qc/…`, `…/qc-photos`. */
const QC_PAGE = /\/qc(?:[-_]?photos?)?(?:\/|$)|lookpic/i;
const LISTING = /\/(?:products?|items?)\b|\/goods\b/i;
/** Sellers' own shops an agent buys from: the listing lives there. */
const LISTING_HOSTS = /(?:^|\.)(?:taobao\.com|tmall\.com|weidian\.com|1688\.com)$/i;
const CARRIER = /track|trace|suivi|parcel|colis|17track|post|ups|fedex|dhl|usps|cainiao/i;

/** The longest address evidence keeps, as browsers and the messages' limits allow. */
const LONGEST_ADDRESS = 2048;
/** The most of a page's title evidence keeps: enough to recognise it. */
export const TITLE_LIMIT = 300;

/**
 * A page's address as evidence keeps it: a web page's (http or https), else none. The
 * extension's own pages, local files and data: addresses prove nothing to a marketplace, and
 * would only be links the buyer must not follow from a pack.
 */
export function evidenceAddress(address: string | undefined): string | undefined {
  if (!address || address.length > LONGEST_ADDRESS) return undefined;
  try {
    const url = new URL(address);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    // A broken address: no address.
  }
  return undefined;
}

/**
 * What a screenshot or a selection from this page shows, judged from its address alone: an
 * order page shows the order details, a tracking page the tracking, a carrier's site the
 * carrier's page, one of the order's QC photos (`qcPhotos`, as its items list them) or an agent's
 * QC page the QC photos. The buyer can change it; an unknown page shows nothing yet.
 */
export function subjectsOfPage(
  address: string,
  qcPhotos: readonly string[] = [],
): EvidenceSubject[] {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return [];
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return [];
  if (qcPhotos.includes(url.href)) return ['qc-photos'];
  const adapter = adapterForHost(url.hostname);
  if (adapter) {
    const kind = adapter.pageKind(url);
    if (kind) return [...SUBJECTS_OF_PAGE_KIND[kind]];
    if (QC_PAGE.test(url.pathname)) return ['qc-photos'];
    if (CHAT.test(url.hostname) || CHAT.test(url.pathname)) return ['seller-chat'];
    if (LISTING.test(url.pathname)) return ['listing-screenshot'];
    return [];
  }
  if (LISTING_HOSTS.test(url.hostname)) return ['listing-screenshot'];
  if (CARRIER.test(url.hostname) || CARRIER.test(url.pathname)) return ['carrier-page'];
  return [];
}

const PHOTO_SUBJECTS: readonly EvidenceSubject[] = [
  'item-photos',
  'package-photos',
  'label-photo',
  'qc-photos',
  'listing-screenshot',
];
const VIDEO_SUBJECTS: readonly EvidenceSubject[] = ['unboxing-video', 'item-photos'];

/**
 * What a file the buyer adds most likely shows: the first thing a file of its type can show
 * (photos for pictures, the unboxing for videos) that the case's checklist asks for and misses.
 */
export function likelySubjectsOfFile(
  mimeType: string,
  checklist: readonly ChecklistProgress[],
): EvidenceSubject[] {
  const candidates = mimeType.startsWith('video/')
    ? VIDEO_SUBJECTS
    : mimeType.startsWith('image/')
      ? PHOTO_SUBJECTS
      : [];
  const done = new Map(checklist.map((entry) => [entry.item.subject, entry.done]));
  const asked = candidates.filter((subject) => done.has(subject));
  const likely = asked.find((subject) => done.get(subject) === false) ?? asked[0];
  return likely ? [likely] : [];
}
