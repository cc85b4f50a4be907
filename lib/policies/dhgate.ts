import { SOURCES } from './sources';
import type { MarketplacePolicy } from './types';

export const DHGATE_POLICY: MarketplacePolicy = {
  marketplace: 'dhgate',
  name: 'DHgate',
  tiers: [
    { id: 'regular', label: 'Regular member' },
    { id: 'bronze', label: 'Bronze member' },
    { id: 'silver', label: 'Silver member' },
    { id: 'gold', label: 'Gold member' },
  ],
  defaultTier: 'regular',
  rules: {
    sellerResponse: {
      id: 'sellerResponse',
      label: 'After a refund request the seller has 5 days to respond; then you may escalate.',
      value: 5,
      unit: 'calendar-days',
      source: { ...SOURCES.dhgateDisputeHowTo, quote: 'Wait five days for a response.' },
      confidence: 'seed',
    },
    platformContact: {
      id: 'platformContact',
      label:
        'After escalation the Resolution Center contacts you within 7, 5, 3 or 2 business days.',
      value: 7,
      unit: 'business-days',
      byTier: { regular: 7, bronze: 5, silver: 3, gold: 2 },
      source: {
        ...SOURCES.dhgateDisputeHowTo,
        quote:
          'You will be contacted by the Resolution Center in 7 business days if you are a regular member, two days if you are a gold member, three days if you are a silver member and five days if you are a bronze member.',
      },
      confidence: 'seed',
    },
    finalResolution: {
      id: 'finalResolution',
      label: 'A final resolution comes within 15 days of escalation.',
      value: 15,
      unit: 'calendar-days',
      source: {
        ...SOURCES.dhgateDisputeHowTo,
        quote: 'Wait up to 15 days for final resolution of your dispute.',
      },
      confidence: 'seed',
    },
    disputeOpensExpress: {
      id: 'disputeOpensExpress',
      label: '"Open Dispute" appears about 5 days after an express tracking number is uploaded.',
      value: 5,
      unit: 'calendar-days',
      source: SOURCES.dhgateHelpDispute,
      confidence: 'medium',
    },
    disputeOpensEms: {
      id: 'disputeOpensEms',
      label: '"Open Dispute" appears about 7 days after an EMS tracking number is uploaded.',
      value: 7,
      unit: 'calendar-days',
      source: SOURCES.dhgateHelpDispute,
      confidence: 'medium',
    },
    disputeOpensPost: {
      id: 'disputeOpensPost',
      label: '"Open Dispute" appears about 10 days after a postal tracking number is uploaded.',
      value: 10,
      unit: 'calendar-days',
      source: SOURCES.dhgateHelpDispute,
      confidence: 'medium',
    },
    disputeOpensOther: {
      id: 'disputeOpensOther',
      label: '"Open Dispute" appears from day 4 after the tracking number is uploaded.',
      value: 4,
      unit: 'calendar-days',
      source: SOURCES.dhgateHelpDispute,
      confidence: 'medium',
    },
    disputeCloses: {
      id: 'disputeCloses',
      label: 'A dispute can be opened until day 90 after the tracking number is uploaded.',
      value: 90,
      unit: 'calendar-days',
      source: SOURCES.dhgateHelpDispute,
      confidence: 'medium',
    },
    invalidTrackingReport: {
      id: 'invalidTrackingReport',
      label: '"Report Invalid Tracking NO." is no longer possible 45 days after shipping.',
      value: 45,
      unit: 'calendar-days',
      source: SOURCES.dhgateHelpInvalidTracking,
      confidence: 'medium',
    },
    lateShipmentCompensation: {
      id: 'lateShipmentCompensation',
      label: 'If the seller ships late you get US$20 off, unless you cancelled the order.',
      value: 20,
      unit: 'usd',
      source: {
        ...SOURCES.dhgateServiceFr,
        quote:
          "si le vendeur n'expédie pas la marchandise dans le délai convenu, l'acheteur obtient une réduction immédiate de 20 dollars",
      },
      confidence: 'seed',
    },
    invalidTrackingCompensation: {
      id: 'invalidTrackingCompensation',
      label: 'If the tracking number is invalid you get US$30, unless you cancelled the order.',
      value: 30,
      unit: 'usd',
      source: {
        ...SOURCES.dhgateServiceFr,
        quote:
          'lorsque le vendeur fournit un numéro de suivi non valide, la réduction offerte à l’acheteur est portée à 30 dollars',
      },
      confidence: 'seed',
    },
  },
  instructions: {
    requestRefund: [
      'My DHgate › Active orders',
      'Open the order',
      '"Refund and return": describe the problem and ask for a refund',
    ],
    escalate: [
      'My DHgate › "Refund and dispute"',
      'Open the record of the order',
      'Action column › "Escalate Case to DHgate"',
    ],
    openDispute: ['My DHgate › My orders', 'Open the order', '"Open Dispute"'],
  },
};

/** Confirming receipt ends every dispute on DHgate (seed 002). */
export const DHGATE_CONFIRMATION_SOURCE = {
  ...SOURCES.dhgateServiceFr,
  quote: 'Après cette confirmation, aucun litige ne pourra être ouvert concernant cette commande.',
};
