/**
 * Clocks Superbuy's forum gives for its whole platform (Superbuy, Wegobuy, Allchinabuy): the
 * refunds of the sellers the agents buy from.
 */
import { SOURCES } from './sources';
import type { Rule } from './types';

/** A seller's refund once the agent bought the item: expected within about 3 days. */
export const SELLER_REFUND: Rule = {
  id: 'sellerRefund',
  label: {
    en: 'A seller refunds an item the agent bought within about 3 days; CaseClock reminds you to follow up after that.',
    fr: 'Un vendeur rembourse un article acheté par l’agent en 3 jours environ ; CaseClock vous rappelle ensuite de relancer.',
  },
  value: 3,
  unit: 'calendar-days',
  // The forum's summary says only "about 3 days": too short to quote as words of its own.
  source: { ...SOURCES.superbuyForumRefunds, confidence: 'medium' },
};

/** The refund when a seller shipped with a fake tracking number: expected within about 7 days. */
export const FAKE_TRACKING_REFUND: Rule = {
  id: 'fakeTrackingRefund',
  label: {
    en: 'When a seller shipped with a fake tracking number, the refund comes within about 7 days; CaseClock reminds you to follow up after that.',
    fr: 'Quand un vendeur a expédié avec un faux numéro de suivi, le remboursement arrive en 7 jours environ ; CaseClock vous rappelle ensuite de relancer.',
  },
  value: 7,
  unit: 'calendar-days',
  source: {
    ...SOURCES.superbuyForumRefunds,
    quote: 'refund in about 7 days',
    confidence: 'medium',
  },
};
