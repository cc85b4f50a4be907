import { SUPERBUY_PLATFORM, type MarketplaceId } from '../marketplaces/types';
import { SOURCES } from '../policies/sources';
import type { SourceDocument } from '../policies/types';
import type { CaseReason } from '../timeline/types';

/**
 * What a piece of evidence shows; a checklist item is done once something shows it. Why each
 * is asked for is the UI text `why.<subject>`, and the guides that ask for it are its sources.
 */
export const EVIDENCE_SUBJECTS = [
  'order-details',
  'tracking-page',
  'seller-chat',
  'item-photos',
  'package-photos',
  'label-photo',
  'listing-screenshot',
  'unboxing-video',
  'carrier-page',
  'qc-photos',
] as const;
export type EvidenceSubject = (typeof EVIDENCE_SUBJECTS)[number];

export function isEvidenceSubject(subject: string): subject is EvidenceSubject {
  return (EVIDENCE_SUBJECTS as readonly string[]).includes(subject);
}

export interface ChecklistItem {
  subject: EvidenceSubject;
  /** The guides that ask for it; none where it is CaseClock's own advice. */
  sources: readonly SourceDocument[];
}

const ASKED_FOR_BY: Partial<Record<EvidenceSubject, readonly SourceDocument[]>> = {
  'order-details': [SOURCES.dhgateDisputeSystem],
  'tracking-page': [SOURCES.dhgateDisputeHowTo],
  'seller-chat': [SOURCES.dhgateDisputeSystem, SOURCES.allchinabuyRefund],
  'item-photos': [SOURCES.dhgateDisputeHowTo, SOURCES.allchinabuyRefund],
  'unboxing-video': [SOURCES.allchinabuyRefund],
};

const BY_REASON: Readonly<Record<CaseReason, readonly EvidenceSubject[]>> = {
  'not-received': ['order-details', 'tracking-page', 'seller-chat'],
  'not-as-described': [
    'item-photos',
    'listing-screenshot',
    'package-photos',
    'label-photo',
    'seller-chat',
    'order-details',
  ],
  damaged: [
    'item-photos',
    'package-photos',
    'label-photo',
    'unboxing-video',
    'seller-chat',
    'order-details',
  ],
  'wrong-item': [
    'item-photos',
    'listing-screenshot',
    'label-photo',
    'seller-chat',
    'order-details',
  ],
  'invalid-tracking': ['carrier-page', 'order-details', 'seller-chat'],
  'late-shipment': ['order-details', 'seller-chat'],
  other: ['order-details', 'seller-chat'],
};

/** What proof to gather for a dispute, for its reason, on its marketplace. */
export function checklistFor(marketplace: MarketplaceId, reason: CaseReason): ChecklistItem[] {
  const subjects = [...BY_REASON[reason]];
  const aboutTheItem =
    reason === 'not-as-described' || reason === 'damaged' || reason === 'wrong-item';
  // An agent's warehouse photographs the item before shipping it on: proof of what was sent.
  if (SUPERBUY_PLATFORM.includes(marketplace) && aboutTheItem) subjects.splice(1, 0, 'qc-photos');
  return subjects.map((subject) => ({ subject, sources: ASKED_FOR_BY[subject] ?? [] }));
}

export interface ChecklistProgress {
  item: ChecklistItem;
  done: boolean;
}

/** Ticks each item that some piece of evidence shows. */
export function checklistProgress(
  items: readonly ChecklistItem[],
  evidence: readonly { shows: readonly string[] }[],
): ChecklistProgress[] {
  const shown = new Set(evidence.flatMap((piece) => piece.shows));
  return items.map((item) => ({ item, done: shown.has(item.subject) }));
}
