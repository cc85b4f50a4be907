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
      label: {
        en: 'A PayPal dispute can be opened within 180 days of payment.',
        fr: 'Un litige PayPal peut être ouvert dans les 180 jours suivant le paiement.',
      },
      value: 180,
      unit: 'calendar-days',
      source: { ...SOURCES.paypalHelp, confidence: 'high' },
    },
    escalateClaim: {
      id: 'escalateClaim',
      label: {
        en: 'A PayPal dispute must be escalated to a claim within 20 days, else it closes.',
        fr: 'Un litige PayPal doit être transformé en réclamation sous 20 jours, sinon il est clos.',
      },
      value: 20,
      unit: 'calendar-days',
      source: { ...SOURCES.paypalHelp, confidence: 'high' },
    },
  },
  disputeSteps: ['paypal-dispute-opened'],
  instructions: {
    openDispute: {
      en: ['paypal.com › Resolution Center', 'Report a problem with the payment'],
      fr: ['paypal.com › Centre de résolution', 'Signalez un problème sur le paiement'],
    },
    escalate: {
      en: ['paypal.com › Resolution Center › the dispute', 'Escalate to a claim'],
      fr: ['paypal.com › Centre de résolution › le litige', 'Transformez-le en réclamation'],
    },
  },
};
