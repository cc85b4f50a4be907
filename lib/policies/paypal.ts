import { SOURCES } from './sources';
import type { MarketplacePolicy } from './types';

/** PayPal's own clock, running beside the marketplace's when the order was paid with PayPal. */
export const PAYPAL_POLICY: MarketplacePolicy = {
  marketplace: 'paypal',
  name: 'PayPal',
  tiers: [],
  rules: {
    openDispute: {
      id: 'openDispute',
      label: 'A PayPal dispute can be opened within 180 days of payment.',
      value: 180,
      unit: 'calendar-days',
      source: SOURCES.paypalHelp,
      confidence: 'high',
    },
    escalateClaim: {
      id: 'escalateClaim',
      label: 'A PayPal dispute must be escalated to a claim within 20 days, else it closes.',
      value: 20,
      unit: 'calendar-days',
      source: SOURCES.paypalHelp,
      confidence: 'high',
    },
  },
  instructions: {
    openDispute: ['paypal.com › Resolution Center', 'Report a problem with the payment'],
    escalate: ['paypal.com › Resolution Center › the dispute', 'Escalate to a claim'],
  },
};
