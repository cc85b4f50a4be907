import type { RuleSource } from './types';

/** The buyer's own documents (../shared/seeds/) and the public material behind the rules. */
export const SOURCES = {
  dhgateDisputeHowTo: {
    title: 'Seed 000: how to file a dispute on DHgate (step-by-step guide)',
  },
  dhgateDisputeSystem: {
    title: "Seed 001: analysis of DHgate's customer service dispute system",
  },
  dhgateServiceFr: {
    title: 'Seed 002: le service client DHgate (guide en français)',
  },
  allchinabuyRefund: {
    title: 'Seed 003: how to request a refund on Allchinabuy',
  },
  dhgateHelpDispute: {
    title: 'DHgate help pages on opening a dispute (copies)',
    url: 'https://www.dhgate.com/help/',
  },
  dhgateHelpInvalidTracking: {
    title: 'DHgate FAQ: Report Invalid Tracking NO. (copy)',
    url: 'https://www.dhgate.com/help/',
  },
  agentWarehousePolicies: {
    title: 'Shopping-agent help pages on warehouse returns and storage (Superbuy platform family)',
  },
  aliexpressOrderPage: {
    title: 'AliExpress order page, "Refund if no delivery before …" (real capture)',
    url: 'https://www.aliexpress.com/p/order/index.html',
  },
  aliexpressOrderReminder: {
    title: 'AliExpress completed-order page reminder (real capture)',
    quote:
      'you can apply for a return/refund within 7 days of confirming receipt. If the item you received is defective or not as described, you can open a dispute within 90 days after order was placed.',
  },
  aliexpressGuides: {
    title: 'Third-party AliExpress buyer guides',
  },
  aliexpressSellerRules: {
    title: 'AliExpress seller dispute rules (translated)',
  },
  paypalHelp: {
    title: 'PayPal Help Center: resolving disputes',
    url: 'https://www.paypal.com/us/cshelp/personal',
  },
} as const satisfies Record<string, RuleSource>;
