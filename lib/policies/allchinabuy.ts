import { SOURCES } from './sources';
import { FAKE_TRACKING_REFUND, SELLER_REFUND } from './superbuy-forum';
import type { MarketplacePolicy } from './types';

export const ALLCHINABUY_POLICY: MarketplacePolicy = {
  marketplace: 'allchinabuy',
  name: 'Allchinabuy',
  tiers: [],
  rules: {
    refundWindow: {
      id: 'refundWindow',
      label: {
        en: 'Ask for a refund within 7 to 14 days of receiving the item; CaseClock warns at 7.',
        fr: 'Demandez un remboursement dans les 7 à 14 jours suivant la réception ; CaseClock prévient à 7.',
      },
      value: 7,
      unit: 'calendar-days',
      source: {
        ...SOURCES.allchinabuyRefund,
        quote: 'usually within 7-14 days of receiving the item',
        confidence: 'guide',
      },
    },
    followUp: {
      id: 'followUp',
      label: {
        en: 'A dispute decision takes "a few days"; follow up with customer service after 3.',
        fr: 'Une décision de litige prend « quelques jours » ; relancez le service client après 3.',
      },
      value: 3,
      unit: 'calendar-days',
      source: {
        ...SOURCES.allchinabuyRefund,
        quote: 'This process may take a few days … follow up with Allchinabuy’s customer service.',
        confidence: 'guide',
      },
    },
    warehouseReturn: {
      id: 'warehouseReturn',
      label: {
        en: 'A return or exchange can be asked within 120 hours of the item reaching the warehouse.',
        fr: 'Un retour ou un échange peut être demandé dans les 120 heures suivant l’arrivée de l’article à l’entrepôt.',
      },
      value: 120,
      unit: 'hours',
      source: { ...SOURCES.agentWarehousePolicies, confidence: 'medium' },
    },
    freeStorage: {
      id: 'freeStorage',
      label: {
        en: 'Items are stored free for about 90 days at the warehouse; then fees apply.',
        fr: 'Les articles sont stockés gratuitement environ 90 jours à l’entrepôt ; ensuite des frais s’appliquent.',
      },
      value: 90,
      unit: 'calendar-days',
      source: { ...SOURCES.agentWarehousePolicies, confidence: 'medium' },
    },
    sellerRefund: SELLER_REFUND,
    fakeTrackingRefund: FAKE_TRACKING_REFUND,
  },
  // The buyer's guide "How to request a refund on Allchinabuy": message the seller, open a
  // dispute, follow up with customer service.
  disputeSteps: [
    'contacted-seller',
    'refund-requested',
    'seller-replied',
    'dispute-opened',
    'platform-contacted',
  ],
  // Steps from the same guide.
  instructions: {
    contactSeller: {
      en: [
        'My Orders › the order › "Message Agent"',
        'Explain the problem and attach photos or videos',
      ],
      fr: [
        'My Orders › la commande › « Message Agent »',
        'Expliquez le problème et joignez des photos ou des vidéos',
      ],
    },
    openDispute: {
      en: [
        'After-sales › open a case for the item',
        'Add the details, the conversation with the seller and your evidence',
      ],
      fr: [
        'After-sales › ouvrez un litige pour l’article',
        'Ajoutez les détails, la conversation avec le vendeur et vos preuves',
      ],
    },
    followUp: {
      en: ['After-sales › the case', 'Contact customer service about the delay'],
      fr: ['After-sales › le litige', 'Contactez le service client au sujet du retard'],
    },
  },
};
