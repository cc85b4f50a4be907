import { SOURCES } from './sources';
import type { MarketplacePolicy } from './types';

export const ALIEXPRESS_POLICY: MarketplacePolicy = {
  marketplace: 'aliexpress',
  name: 'AliExpress',
  tiers: [],
  rules: {
    returnAfterConfirmation: {
      id: 'returnAfterConfirmation',
      label: 'A return or refund can be asked within 7 days of confirming receipt.',
      value: 7,
      unit: 'calendar-days',
      source: SOURCES.aliexpressOrderReminder,
      confidence: 'high',
    },
    disputeAfterConfirmation: {
      id: 'disputeAfterConfirmation',
      label: 'A dispute can be opened up to 15 days after confirming receipt.',
      value: 15,
      unit: 'calendar-days',
      source: SOURCES.aliexpressGuides,
      confidence: 'medium',
    },
    sellerResponse: {
      id: 'sellerResponse',
      label: 'The seller has 5 days to answer a dispute, else your proposal is carried out.',
      value: 5,
      unit: 'calendar-days',
      source: SOURCES.aliexpressSellerRules,
      confidence: 'medium',
    },
    negotiation: {
      id: 'negotiation',
      label: 'After about 7 days of negotiation AliExpress steps in.',
      value: 7,
      unit: 'calendar-days',
      source: SOURCES.aliexpressGuides,
      confidence: 'medium',
    },
  },
  instructions: {
    openDispute: ['Orders › the order › "Returns/refunds"', 'Choose the items and the reason'],
    escalate: ['Returns/refunds › the case', 'Ask AliExpress to step in'],
  },
};

/** The order page states when buyer protection ends: "Refund if no delivery before …". */
export const ALIEXPRESS_PROTECTION_SOURCE = SOURCES.aliexpressOrderPage;
