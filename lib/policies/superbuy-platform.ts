/**
 * The clocks of the Superbuy platform's brands (Superbuy, Wegobuy, Allchinabuy): the same
 * warehouse, the same refunds from the same sellers. Superbuy's forum gives them for the
 * platform; a brand's policy differs only by its name and where a rule of its own is written.
 */
import type { Localized } from '../i18n';
import { ALLCHINABUY_POLICY } from './allchinabuy';
import { SOURCES } from './sources';
import { FAKE_TRACKING_REFUND, SELLER_REFUND } from './superbuy-forum';
import type { MarketplacePolicy, Rule } from './types';

/**
 * A rule of Allchinabuy's buyer's guide, for a sister brand: the same platform likely keeps the
 * same clock, but no guide says so for the brand, so CaseClock is less sure of it there.
 */
function fromAllchinabuyGuide(rule: Rule | undefined, label?: Localized<string>): Rule {
  if (!rule) throw new Error('Allchinabuy’s policy lacks a rule its sister brands take');
  return { ...rule, ...(label ? { label } : {}), source: { ...rule.source, confidence: 'low' } };
}

/** The policy of Superbuy or Wegobuy, which the platform's forum and guides describe alike. */
function superbuyPlatformPolicy(
  marketplace: 'superbuy' | 'wegobuy',
  name: string,
): MarketplacePolicy {
  return {
    marketplace,
    name,
    tiers: [],
    rules: {
      warehouseReturn: {
        id: 'warehouseReturn',
        label: {
          en: 'A return or exchange can be asked only within 5 days of the item reaching the warehouse; the seller decides.',
          fr: 'Un retour ou un échange ne peut être demandé que dans les 5 jours suivant l’arrivée de l’article à l’entrepôt ; le vendeur décide.',
        },
        value: 5,
        unit: 'calendar-days',
        source: {
          ...SOURCES.superbuyForumRefunds,
          quote: 'only within 5 days after the item is stocked in the warehouse',
          confidence: 'medium',
        },
      },
      freeStorage: {
        id: 'freeStorage',
        label: {
          en: 'Items are stored free for 90 days from their arrival at the warehouse; then fees apply.',
          fr: 'Les articles sont stockés gratuitement 90 jours à compter de leur arrivée à l’entrepôt ; ensuite des frais s’appliquent.',
        },
        value: 90,
        unit: 'calendar-days',
        source: {
          ...SOURCES.superbuyForumStorage,
          quote: '90 days from stock-in, then fees',
          confidence: 'medium',
        },
      },
      sellerRefund: SELLER_REFUND,
      fakeTrackingRefund: FAKE_TRACKING_REFUND,
      refundWindow: fromAllchinabuyGuide(ALLCHINABUY_POLICY.rules.refundWindow, {
        en: 'Ask for a refund within 7 to 14 days of receiving the item (as on Allchinabuy, on the same platform); CaseClock warns at 7.',
        fr: 'Demandez un remboursement dans les 7 à 14 jours suivant la réception (comme sur Allchinabuy, sur la même plateforme) ; CaseClock prévient à 7.',
      }),
      followUp: fromAllchinabuyGuide(ALLCHINABUY_POLICY.rules.followUp),
    },
    disputeSteps: [
      'contacted-seller',
      'refund-requested',
      'seller-replied',
      'dispute-opened',
      'platform-contacted',
    ],
    instructions: ALLCHINABUY_POLICY.instructions,
  };
}

export const SUPERBUY_POLICY = superbuyPlatformPolicy('superbuy', 'Superbuy');
export const WEGOBUY_POLICY = superbuyPlatformPolicy('wegobuy', 'Wegobuy');
