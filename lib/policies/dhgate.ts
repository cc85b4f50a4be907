import { SOURCES } from './sources';
import type { MarketplacePolicy } from './types';

export const DHGATE_POLICY: MarketplacePolicy = {
  marketplace: 'dhgate',
  name: 'DHgate',
  tiers: [
    { id: 'regular', label: { en: 'Regular member', fr: 'Membre standard' } },
    { id: 'bronze', label: { en: 'Bronze member', fr: 'Membre Bronze' } },
    { id: 'silver', label: { en: 'Silver member', fr: 'Membre Argent' } },
    { id: 'gold', label: { en: 'Gold member', fr: 'Membre Or' } },
  ],
  defaultTier: 'regular',
  rules: {
    sellerResponse: {
      id: 'sellerResponse',
      label: {
        en: 'After a refund request the seller has 5 days to respond; then you may escalate.',
        fr: 'Après une demande de remboursement, le vendeur a 5 jours pour répondre ; ensuite vous pouvez faire remonter le litige.',
      },
      value: 5,
      unit: 'calendar-days',
      source: {
        ...SOURCES.dhgateDisputeHowTo,
        quote: 'Wait five days for a response.',
        confidence: 'guide',
      },
    },
    platformContact: {
      id: 'platformContact',
      label: {
        en: 'After escalation the Resolution Center contacts you within 7, 5, 3 or 2 business days.',
        fr: 'Après l’escalade, le centre de résolution vous contacte sous 7, 5, 3 ou 2 jours ouvrés.',
      },
      value: 7,
      unit: 'business-days',
      byTier: { regular: 7, bronze: 5, silver: 3, gold: 2 },
      source: {
        ...SOURCES.dhgateDisputeHowTo,
        quote:
          'You will be contacted by the Resolution Center in 7 business days if you are a regular member, two days if you are a gold member, three days if you are a silver member and five days if you are a bronze member.',
        confidence: 'guide',
      },
    },
    finalResolution: {
      id: 'finalResolution',
      label: {
        en: 'A final resolution comes within 15 days of escalation.',
        fr: 'Une décision finale intervient dans les 15 jours suivant l’escalade.',
      },
      value: 15,
      unit: 'calendar-days',
      source: {
        ...SOURCES.dhgateDisputeHowTo,
        quote: 'Wait up to 15 days for final resolution of your dispute.',
        confidence: 'guide',
      },
    },
    disputeOpensExpress: {
      id: 'disputeOpensExpress',
      label: {
        en: '"Open Dispute" appears about 5 days after an express tracking number is uploaded.',
        fr: '« Open Dispute » apparaît environ 5 jours après l’envoi d’un numéro de suivi express.',
      },
      value: 5,
      unit: 'calendar-days',
      source: { ...SOURCES.dhgateHelpDispute, confidence: 'medium' },
    },
    disputeOpensEms: {
      id: 'disputeOpensEms',
      label: {
        en: '"Open Dispute" appears about 7 days after an EMS tracking number is uploaded.',
        fr: '« Open Dispute » apparaît environ 7 jours après l’envoi d’un numéro de suivi EMS.',
      },
      value: 7,
      unit: 'calendar-days',
      source: { ...SOURCES.dhgateHelpDispute, confidence: 'medium' },
    },
    disputeOpensPost: {
      id: 'disputeOpensPost',
      label: {
        en: '"Open Dispute" appears about 10 days after a postal tracking number is uploaded.',
        fr: '« Open Dispute » apparaît environ 10 jours après l’envoi d’un numéro de suivi postal.',
      },
      value: 10,
      unit: 'calendar-days',
      source: { ...SOURCES.dhgateHelpDispute, confidence: 'medium' },
    },
    disputeOpensOther: {
      id: 'disputeOpensOther',
      label: {
        en: '"Open Dispute" appears from day 4 after the tracking number is uploaded.',
        fr: '« Open Dispute » apparaît à partir du 4e jour après l’envoi du numéro de suivi.',
      },
      value: 4,
      unit: 'calendar-days',
      source: { ...SOURCES.dhgateHelpDispute, confidence: 'medium' },
    },
    disputeCloses: {
      id: 'disputeCloses',
      label: {
        en: 'A dispute can be opened until day 90 after the tracking number is uploaded.',
        fr: 'Un litige peut être ouvert jusqu’au 90e jour après l’envoi du numéro de suivi.',
      },
      value: 90,
      unit: 'calendar-days',
      source: { ...SOURCES.dhgateHelpDispute, confidence: 'medium' },
    },
    invalidTrackingReport: {
      id: 'invalidTrackingReport',
      label: {
        en: '"Report Invalid Tracking NO." is no longer possible 45 days after shipping.',
        fr: '« Report Invalid Tracking NO. » n’est plus possible 45 jours après l’expédition.',
      },
      value: 45,
      unit: 'calendar-days',
      source: { ...SOURCES.dhgateHelpInvalidTracking, confidence: 'medium' },
    },
    lateShipmentCompensation: {
      id: 'lateShipmentCompensation',
      label: {
        en: 'If the seller ships late you get US$20 off, unless you cancelled the order.',
        fr: 'Si le vendeur expédie en retard, vous obtenez 20 $US de réduction, sauf si vous avez annulé la commande.',
      },
      value: 20,
      unit: 'usd',
      source: {
        ...SOURCES.dhgateServiceFr,
        quote:
          'si le vendeur n’expédie pas la marchandise dans le délai convenu, l’acheteur obtient une réduction immédiate de 20 dollars',
        confidence: 'guide',
      },
    },
    invalidTrackingCompensation: {
      id: 'invalidTrackingCompensation',
      label: {
        en: 'If the tracking number is invalid you get US$30, unless you cancelled the order.',
        fr: 'Si le numéro de suivi est invalide, vous obtenez 30 $US, sauf si vous avez annulé la commande.',
      },
      value: 30,
      unit: 'usd',
      source: {
        ...SOURCES.dhgateServiceFr,
        quote:
          'lorsque le vendeur fournit un numéro de suivi non valide, la réduction offerte à l’acheteur est portée à 30 dollars',
        confidence: 'guide',
      },
    },
  },
  // The buyer's guide "How to file a dispute on DHgate": ask for a refund, wait for the seller,
  // escalate; the Resolution Center asks for proof.
  disputeSteps: [
    'refund-requested',
    'dispute-opened',
    'seller-replied',
    'escalated',
    'platform-contacted',
    'evidence-requested',
  ],
  // Steps from the same guide; French pages name "Refund & Dispute" "Réclamation et Contestation".
  instructions: {
    requestRefund: {
      en: [
        'My DHgate › Active orders',
        'Open the order',
        '"Refund and return": describe the problem and ask for a refund',
      ],
      fr: [
        'Mon DHgate › Commandes actives',
        'Ouvrez la commande',
        '« Refund and return » : décrivez le problème et demandez un remboursement',
      ],
    },
    escalate: {
      en: [
        'My DHgate › "Refund and dispute"',
        'Open the record of the order',
        'Action column › "Escalate Case to DHgate"',
      ],
      fr: [
        'Mon DHgate › « Réclamation et Contestation » (« Refund and dispute »)',
        'Ouvrez le dossier de la commande',
        'Colonne Action › « Escalate Case to DHgate »',
      ],
    },
    openDispute: {
      en: ['My DHgate › My orders', 'Open the order', '"Open Dispute"'],
      fr: ['Mon DHgate › Mes commandes', 'Ouvrez la commande', '« Open Dispute »'],
    },
  },
};
