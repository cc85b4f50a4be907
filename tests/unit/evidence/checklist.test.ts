// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { checklistFor } from '@/lib/evidence/checklist';
import { SOURCES } from '@/lib/policies/sources';
import type { CaseReason } from '@/lib/timeline/types';

const subjectsOf = (items: ReturnType<typeof checklistFor>) => items.map((item) => item.subject);

describe('the proof a dispute asks for', () => {
  // Proof of delivery problems for a parcel that never came, proof of the item for one that
  // came wrong; the conversation with the seller and the order's details in every case.
  it.each<[CaseReason, string[]]>([
    ['not-received', ['order-details', 'tracking-page', 'seller-chat']],
    [
      'not-as-described',
      [
        'item-photos',
        'listing-screenshot',
        'package-photos',
        'label-photo',
        'seller-chat',
        'order-details',
      ],
    ],
    [
      'damaged',
      [
        'item-photos',
        'package-photos',
        'label-photo',
        'unboxing-video',
        'seller-chat',
        'order-details',
      ],
    ],
    [
      'wrong-item',
      ['item-photos', 'listing-screenshot', 'label-photo', 'seller-chat', 'order-details'],
    ],
    ['invalid-tracking', ['carrier-page', 'order-details', 'seller-chat']],
    ['late-shipment', ['order-details', 'seller-chat']],
    ['other', ['order-details', 'seller-chat']],
  ])('on DHgate, for %s: %j', (reason, subjects) => {
    expect(subjectsOf(checklistFor('dhgate', reason))).toEqual(subjects);
  });

  it.each<CaseReason>(['not-as-described', 'damaged', 'wrong-item'])(
    'on Allchinabuy, for %s, adds the warehouse’s QC photos second: what was sent on',
    (reason) => {
      const subjects = subjectsOf(checklistFor('allchinabuy', reason));
      expect(subjects[1]).toBe('qc-photos');
      expect(subjects.filter((subject) => subject !== 'qc-photos')).toEqual(
        subjectsOf(checklistFor('dhgate', reason)),
      );
    },
  );

  it.each<CaseReason>(['not-received', 'invalid-tracking', 'late-shipment', 'other'])(
    'on Allchinabuy, for %s, asks for no QC photos: the item is not in question',
    (reason) => {
      expect(subjectsOf(checklistFor('allchinabuy', reason))).not.toContain('qc-photos');
    },
  );

  it('names the guides that ask for each item, and none for CaseClock’s own advice', () => {
    const sources = Object.fromEntries(
      checklistFor('dhgate', 'damaged')
        .concat(checklistFor('dhgate', 'not-received'))
        .map((item) => [item.subject, item.sources]),
    );
    expect(sources).toEqual({
      'order-details': [SOURCES.dhgateDisputeSystem],
      'tracking-page': [SOURCES.dhgateDisputeHowTo],
      'seller-chat': [SOURCES.dhgateDisputeSystem, SOURCES.allchinabuyRefund],
      'item-photos': [SOURCES.dhgateDisputeHowTo, SOURCES.allchinabuyRefund],
      'unboxing-video': [SOURCES.allchinabuyRefund],
      'package-photos': [],
      'label-photo': [],
    });
  });
});
