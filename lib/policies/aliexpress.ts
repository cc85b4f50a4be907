import { SOURCES } from './sources';
import type { MarketplacePolicy, RuleSource } from './types';

export const ALIEXPRESS_POLICY: MarketplacePolicy = {
  marketplace: 'aliexpress',
  name: 'AliExpress',
  tiers: [],
  rules: {
    returnAfterConfirmation: {
      id: 'returnAfterConfirmation',
      label: {
        en: 'A return or refund can be asked within 7 days of confirming receipt.',
        fr: 'Un retour ou un remboursement peut être demandé dans les 7 jours suivant la confirmation de réception.',
      },
      value: 7,
      unit: 'calendar-days',
      source: {
        ...SOURCES.aliexpressOrderReminder,
        quote:
          'you can apply for a return/refund within 7 days of confirming receipt. If the item you received is defective or not as described, you can open a dispute within 90 days after order was placed.',
        confidence: 'high',
      },
    },
    disputeAfterConfirmation: {
      id: 'disputeAfterConfirmation',
      label: {
        en: 'A dispute can be opened up to 15 days after confirming receipt.',
        fr: 'Un litige peut être ouvert jusqu’à 15 jours après la confirmation de réception.',
      },
      value: 15,
      unit: 'calendar-days',
      source: { ...SOURCES.aliexpressGuides, confidence: 'medium' },
    },
    sellerResponse: {
      id: 'sellerResponse',
      label: {
        en: 'The seller has 5 days to answer a dispute, else your proposal is carried out.',
        fr: 'Le vendeur a 5 jours pour répondre à un litige, sinon votre proposition est appliquée.',
      },
      value: 5,
      unit: 'calendar-days',
      source: { ...SOURCES.aliexpressSellerRules, confidence: 'medium' },
    },
    negotiation: {
      id: 'negotiation',
      label: {
        en: 'After about 7 days of negotiation AliExpress steps in.',
        fr: 'Après environ 7 jours de négociation, AliExpress intervient.',
      },
      value: 7,
      unit: 'calendar-days',
      source: { ...SOURCES.aliexpressGuides, confidence: 'medium' },
    },
  },
  disputeSteps: ['dispute-opened', 'seller-replied', 'escalated', 'evidence-requested'],
  instructions: {
    openDispute: {
      en: ['Orders › the order › "Returns/refunds"', 'Choose the items and the reason'],
      fr: [
        'Commandes › la commande › « Retours/remboursements »',
        'Choisissez les articles et le motif',
      ],
    },
    escalate: {
      en: ['Returns/refunds › the case', 'Ask AliExpress to step in'],
      fr: ['Retours/remboursements › le dossier', 'Demandez à AliExpress d’intervenir'],
    },
  },
};

/** The order page states when buyer protection ends: "Refund if no delivery before …". */
export const ALIEXPRESS_PROTECTION_SOURCE: RuleSource = {
  ...SOURCES.aliexpressOrderPage,
  confidence: 'high',
};
