import { SOURCES } from './sources';
import type { MarketplacePolicy } from './types';

export const ALLCHINABUY_POLICY: MarketplacePolicy = {
  marketplace: 'allchinabuy',
  name: 'Allchinabuy',
  tiers: [],
  rules: {
    refundWindow: {
      id: 'refundWindow',
      label: 'Ask for a refund within 7 to 14 days of receiving the item; CaseClock warns at 7.',
      value: 7,
      unit: 'calendar-days',
      source: {
        ...SOURCES.allchinabuyRefund,
        quote: 'usually within 7-14 days of receiving the item',
      },
      confidence: 'seed',
    },
    followUp: {
      id: 'followUp',
      label: 'A dispute decision takes "a few days"; follow up with customer service after 3.',
      value: 3,
      unit: 'calendar-days',
      source: {
        ...SOURCES.allchinabuyRefund,
        quote: 'This process may take a few days … follow up with Allchinabuy’s customer service.',
      },
      confidence: 'seed',
    },
    warehouseReturn: {
      id: 'warehouseReturn',
      label:
        'A return or exchange can be asked within 120 hours of the item reaching the warehouse.',
      value: 120,
      unit: 'hours',
      source: SOURCES.agentWarehousePolicies,
      confidence: 'medium',
    },
    freeStorage: {
      id: 'freeStorage',
      label: 'Items are stored free for about 90 days at the warehouse; then fees apply.',
      value: 90,
      unit: 'calendar-days',
      source: SOURCES.agentWarehousePolicies,
      confidence: 'medium',
    },
  },
  instructions: {
    contactSeller: [
      'My Orders › the order › "Message Agent"',
      'Explain the problem and attach photos or videos',
    ],
    openDispute: [
      'After-sales › open a case for the item',
      'Add the details, the conversation with the seller and your evidence',
    ],
    followUp: ['After-sales › the case', 'Contact customer service about the delay'],
  },
};
