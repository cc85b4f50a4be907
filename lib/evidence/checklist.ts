import type { MarketplaceId } from '../marketplaces/types';
import type { CaseReason } from '../timeline/types';

/** What a piece of evidence shows; a checklist item is done once something shows it. */
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

export interface ChecklistItem {
  subject: EvidenceSubject;
  /** Why it is asked for, from the buyer's sources. */
  source: string;
}

const CHAT: ChecklistItem = {
  subject: 'seller-chat',
  source:
    'DHgate asks for screenshots of chat records (seed 001); Allchinabuy for the seller conversation (seed 003)',
};
const ORDER: ChecklistItem = {
  subject: 'order-details',
  source: 'DHgate asks for the order details (seed 001)',
};
const ITEM_PHOTOS: ChecklistItem = {
  subject: 'item-photos',
  source: 'Photos of the defective product (seed 000); photos or videos of the problem (seed 003)',
};
const PACKAGE: ChecklistItem = {
  subject: 'package-photos',
  source: 'The package as it arrived shows damage in transit',
};
const LABEL: ChecklistItem = {
  subject: 'label-photo',
  source: 'The shipping label ties the package to the order',
};
const LISTING: ChecklistItem = {
  subject: 'listing-screenshot',
  source: 'The listing shows what was promised: proof of "not as described"',
};

const BY_REASON: Readonly<Record<CaseReason, readonly ChecklistItem[]>> = {
  'not-received': [
    ORDER,
    {
      subject: 'tracking-page',
      source:
        'Proof of non-delivery such as a page showing no information for the tracking number (seed 000)',
    },
    CHAT,
  ],
  'not-as-described': [ITEM_PHOTOS, LISTING, PACKAGE, LABEL, CHAT, ORDER],
  damaged: [
    ITEM_PHOTOS,
    PACKAGE,
    LABEL,
    {
      subject: 'unboxing-video',
      source: 'A video of the opening shows the damage was there on arrival (seed 003)',
    },
    CHAT,
    ORDER,
  ],
  'wrong-item': [ITEM_PHOTOS, LISTING, LABEL, CHAT, ORDER],
  'invalid-tracking': [
    {
      subject: 'carrier-page',
      source: "The carrier's own page for the number shows it is unknown",
    },
    ORDER,
    CHAT,
  ],
  'late-shipment': [ORDER, CHAT],
  other: [ORDER, CHAT],
};

const QC: ChecklistItem = {
  subject: 'qc-photos',
  source: "The agent's warehouse QC photos show the item as the seller sent it",
};

/** What proof to gather for a dispute, for its reason, on its marketplace. */
export function checklistFor(marketplace: MarketplaceId, reason: CaseReason): ChecklistItem[] {
  const items = [...BY_REASON[reason]];
  const aboutTheItem =
    reason === 'not-as-described' || reason === 'damaged' || reason === 'wrong-item';
  if (marketplace === 'allchinabuy' && aboutTheItem) items.splice(1, 0, QC);
  return items;
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
