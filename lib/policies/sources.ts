import type { SourceDocument } from './types';

/** The four guides and AliExpress's order page: each rule's quote compared with them again. */
const RECHECKED = '2026-11-30';
/** Public material, when the rules were written from it. */
const GATHERED = '2026-11-22';

/**
 * The documents the rules rest on, each named as a buyer can look it up: four guides written by
 * third parties (not the marketplaces' own terms), and public material, the sites' own pages
 * where there are some.
 */
export const SOURCES = {
  dhgateDisputeHowTo: {
    genre: { en: 'Buyer’s guide', fr: 'Guide pour les acheteurs' },
    title: 'How to file a dispute on DHgate',
    kind: 'third-party',
    checkedOn: RECHECKED,
  },
  dhgateDisputeSystem: {
    genre: { en: 'Article', fr: 'Article' },
    title: "Analysis of DHgate's Customer Service Dispute System",
    kind: 'third-party',
    checkedOn: RECHECKED,
  },
  dhgateServiceFr: {
    genre: { en: 'French consumer guide', fr: 'Guide pratique pour les consommateurs' },
    title: 'Service client DHgate',
    kind: 'third-party',
    checkedOn: RECHECKED,
  },
  allchinabuyRefund: {
    genre: { en: 'Buyer’s guide', fr: 'Guide pour les acheteurs' },
    title: 'How to request a refund on Allchinabuy',
    kind: 'third-party',
    checkedOn: RECHECKED,
  },
  dhgateHelpDispute: {
    genre: {
      en: 'DHgate help pages on opening a dispute (copies)',
      fr: 'Pages d’aide de DHgate sur l’ouverture d’un litige (copies)',
    },
    kind: 'official',
    checkedOn: GATHERED,
    url: 'https://www.dhgate.com/help/',
  },
  dhgateHelpInvalidTracking: {
    genre: { en: 'DHgate FAQ (copy)', fr: 'FAQ de DHgate (copie)' },
    title: 'Report Invalid Tracking NO.',
    kind: 'official',
    checkedOn: GATHERED,
    url: 'https://www.dhgate.com/help/',
  },
  agentWarehousePolicies: {
    genre: {
      en: 'Shopping agents’ help pages on warehouse returns and storage (Superbuy, CSSBuy, Mulebuy)',
      fr: 'Pages d’aide d’agents d’achat sur les retours à l’entrepôt et le stockage (Superbuy, CSSBuy, Mulebuy)',
    },
    kind: 'third-party',
    checkedOn: GATHERED,
  },
  superbuyForumRefunds: {
    genre: {
      en: 'Superbuy forum, on cancellations, refunds and returns',
      fr: 'Forum de Superbuy, sur les annulations, remboursements et retours',
    },
    kind: 'official',
    checkedOn: GATHERED,
    url: 'https://bbs.superbuy.com/forum.php?mod=viewthread&tid=220834',
  },
  superbuyForumStorage: {
    genre: {
      en: 'Superbuy forum, on free storage at the warehouse',
      fr: 'Forum de Superbuy, sur le stockage gratuit à l’entrepôt',
    },
    kind: 'official',
    checkedOn: GATHERED,
    url: 'https://bbs.superbuy.com/forum.php?mod=viewthread&tid=475051',
  },
  aliexpressOrderPage: {
    genre: { en: 'AliExpress order page', fr: 'Page de commande AliExpress' },
    title: 'Refund if no delivery before …',
    kind: 'official',
    checkedOn: RECHECKED,
    url: 'https://www.aliexpress.com/p/order/index.html',
  },
  aliexpressOrderReminder: {
    genre: {
      en: 'AliExpress order page, reminder on a completed order',
      fr: 'Page de commande AliExpress, rappel sur une commande terminée',
    },
    kind: 'official',
    checkedOn: RECHECKED,
  },
  aliexpressGuides: {
    genre: { en: 'Buyer guides to AliExpress', fr: 'Guides d’achat sur AliExpress' },
    kind: 'third-party',
    checkedOn: GATHERED,
  },
  aliexpressSellerRules: {
    genre: {
      en: 'AliExpress dispute rules for sellers (translated)',
      fr: 'Règles de litige d’AliExpress pour les vendeurs (traduites)',
    },
    kind: 'official',
    checkedOn: GATHERED,
  },
  paypalHelp: {
    genre: {
      en: 'PayPal Help Center on disputes and claims',
      fr: 'Centre d’aide PayPal sur les litiges et les réclamations',
    },
    kind: 'official',
    checkedOn: GATHERED,
    url: 'https://www.paypal.com/us/cshelp/personal',
  },
} as const satisfies Record<string, SourceDocument>;
