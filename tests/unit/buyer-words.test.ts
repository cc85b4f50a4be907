// @vitest-environment node
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ConfigEnv } from 'wxt';
import { draftMessage } from '@/lib/evidence/draft';
import { LANGUAGES } from '@/lib/i18n';
import { en } from '@/lib/i18n/en';
import { fr } from '@/lib/i18n/fr';
import { PAYPAL_POLICY, POLICIES } from '@/lib/policies';
import { ALIEXPRESS_PROTECTION_SOURCE } from '@/lib/policies/aliexpress';
import { SOURCES } from '@/lib/policies/sources';
import config from '@/wxt.config';
import {
  allchinabuyDamaged,
  dhgateNotReceived,
  draftInput,
  event,
  fewFacts,
  packBytes,
  packInput,
  type Scenario,
} from './evidence/scenarios';
import { INTERNAL_WORDS } from '../internal-words';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

interface BuyerText {
  where: string;
  text: string;
}

/** Where a buyer's text says one of our own words, with a little of the text around it. */
function internalWordsIn(texts: readonly BuyerText[]): string[] {
  return texts.flatMap(({ where, text }) => {
    const found = INTERNAL_WORDS.exec(text);
    if (!found) return [];
    return [`${where}: …${text.slice(Math.max(0, found.index - 40), found.index + 40)}…`];
  });
}

/** Every text inside `value`, however deep, named by its path. */
function textsOf(where: string, value: unknown): BuyerText[] {
  if (typeof value === 'string') return [{ where, text: value }];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) => textsOf(`${where}.${key}`, inner));
}

/**
 * The files a buyer reads outside the extension's pages, whichever exist: the README and the
 * other documents at the root (PRIVACY.md…), everything under store/ (the listings) and the
 * manifest's localized name and description (public/_locales). A file that is not text, such
 * as a screenshot, is checked by its name.
 */
function buyerDocuments(): BuyerText[] {
  const atRoot = readdirSync(ROOT).filter((name) => name.endsWith('.md'));
  const inFolders = ['store', 'public/_locales'].flatMap((folder) =>
    existsSync(join(ROOT, folder))
      ? readdirSync(join(ROOT, folder), { recursive: true, withFileTypes: true })
          .filter((entry) => entry.isFile())
          .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)))
      : [],
  );
  return [...atRoot, ...inFolders].flatMap((path) =>
    fileTexts(path, readFileSync(join(ROOT, path))),
  );
}

/** A file's name, and its words when it is text. */
function fileTexts(path: string, bytes: Uint8Array): BuyerText[] {
  const named = { where: `${path} (its name)`, text: path };
  return isText(bytes) ? [named, { where: path, text: strFromU8(bytes) }] : [named];
}

function isText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** A DHgate order shipped late with a tracking number that fails its check digit, paid by PayPal. */
function dhgateLateAndInvalidWithPayPal(): Scenario {
  const base = dhgateNotReceived();
  // RI002972278CN is valid: its check digit is 8.
  const trackingNumber = 'RI002972279CN';
  const order = { ...base.order, trackingNumber };
  return {
    ...base,
    order,
    openCase: { ...base.openCase, reason: 'late-shipment' },
    events: [
      ...base.events.map((step) =>
        step.type === 'tracking-uploaded'
          ? { ...step, details: { ...step.details, trackingNumber } }
          : step,
      ),
      event(order, 'paypal-dispute-opened', '2026-11-12T09:00:00.000Z'),
    ],
    settings: { paypal: { dhgate: true } },
  };
}

/** An AliExpress order whose page states the end of buyer protection, delivered damaged. */
function aliexpressWithProtection(): Scenario {
  const base = fewFacts();
  return {
    ...base,
    order: {
      ...base.order,
      status: 'shipped',
      protectionEndsAt: '2026-12-20T22:00:00.000Z',
      shippedAt: '2026-11-02T10:00:00.000Z',
    },
    openCase: { ...base.openCase, reason: 'damaged' },
    events: [event(base.order, 'dispute-opened', '2026-11-21T10:00:00.000Z')],
  };
}

const SCENARIOS: Record<string, () => Scenario> = {
  'DHgate, not received': dhgateNotReceived,
  'DHgate, late and invalid tracking, PayPal': dhgateLateAndInvalidWithPayPal,
  'Allchinabuy, damaged': allchinabuyDamaged,
  'AliExpress, few facts': fewFacts,
  'AliExpress, buyer protection': aliexpressWithProtection,
};

describe('nothing a buyer reads names our own documents ("seed", file numbers)', () => {
  it('finds them where they are', () => {
    expect(
      internalWordsIn([
        { where: 'a', text: 'Source: Seed 000: how to file a dispute' },
        { where: 'b', text: 'DHgate asks for the order details (seed 001).' },
        { where: 'c', text: 'Une preuve de non-livraison (document 002).' },
        { where: 'd', text: 'see ../shared/seeds/003_785674e6e1153e95.txt' },
      ]).map((found) => found.split(':')[0]),
    ).toEqual(['a', 'b', 'c', 'd']);
    expect(
      internalWordsIn([
        { where: 'amounts and times', text: 'US$1,000.00 · 10 000 points · 12:00:00.000Z' },
        { where: 'numbers', text: 'order 1043587216, tracking RI002972278CN, day 90, 7-14' },
        { where: 'colour', text: 'color: #000;' },
      ]),
    ).toEqual([]);
  });

  it('in either catalogue', () => {
    const texts = Object.entries({ en, fr }).flatMap(([language, catalogue]) =>
      textsOf(language, catalogue),
    );
    expect(texts.length).toBe(2 * Object.keys(en).length);
    expect(internalWordsIn(texts)).toEqual([]);
  });

  it('in the policies: labels, tiers, instructions, sources, their titles and quotes', () => {
    const texts = [
      ...textsOf('policies', POLICIES),
      ...textsOf('paypal', PAYPAL_POLICY),
      ...textsOf('sources', SOURCES),
      ...textsOf('aliexpress protection', ALIEXPRESS_PROTECTION_SOURCE),
    ];
    expect(internalWordsIn(texts)).toEqual([]);
  });

  it('is checked on cases that show every kind of source: deadlines, compensations, PayPal, a page’s date', () => {
    const plans = Object.values(SCENARIOS).map((scenario) => draftInput(scenario(), 'en').plan);
    const compensations = plans.flatMap((plan) => plan.compensation.map((item) => item.kind));
    const sources = plans.flatMap((plan) => plan.deadlines.map((deadline) => deadline.source));
    expect(compensations).toEqual(expect.arrayContaining(['late-shipment', 'invalid-tracking']));
    expect(sources).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ title: SOURCES.dhgateDisputeHowTo.title }),
        expect.objectContaining({ title: SOURCES.allchinabuyRefund.title }),
        expect.objectContaining({ genre: SOURCES.paypalHelp.genre }),
        ALIEXPRESS_PROTECTION_SOURCE,
      ]),
    );
  });

  describe.each(Object.entries(SCENARIOS))('for a case: %s', (_name, scenario) => {
    it.each(LANGUAGES)('in the message drafted in %s', (language) => {
      const draft = draftMessage(draftInput(scenario(), language));
      expect(internalWordsIn(textsOf('draft', draft))).toEqual([]);
    });

    it.each(LANGUAGES)('in every text file of the evidence pack made in %s', async (language) => {
      const files = unzipSync(await packBytes(packInput(scenario(), language)));
      const texts = Object.entries(files).flatMap(([path, bytes]) => fileTexts(path, bytes));
      expect(texts.map(({ where }) => where)).toEqual(
        expect.arrayContaining(['index.html', 'timeline.json', 'manifest.json']),
      );
      expect(internalWordsIn(texts)).toEqual([]);
    });
  });

  it.each(['chrome', 'firefox'])(
    'in the name and description the %s store shows',
    async (browser) => {
      const { manifest } = config;
      const env: ConfigEnv = {
        browser,
        manifestVersion: browser === 'firefox' ? 2 : 3,
        mode: 'production',
        command: 'build',
      };
      const texts = textsOf(
        'manifest',
        typeof manifest === 'function' ? await manifest(env) : manifest,
      );
      expect(texts.map(({ where }) => where)).toEqual(
        expect.arrayContaining(['manifest.name', 'manifest.description']),
      );
      expect(internalWordsIn(texts)).toEqual([]);
    },
  );

  it('in the titles of the extension’s pages', () => {
    const pages = readdirSync(join(ROOT, 'entrypoints'), { recursive: true, encoding: 'utf8' })
      .filter((path) => path.endsWith('.html'))
      .flatMap((path) => fileTexts(path, readFileSync(join(ROOT, 'entrypoints', path))));
    expect(pages.length).toBeGreaterThan(0);
    expect(internalWordsIn(pages)).toEqual([]);
  });

  it('in the README, the other documents at the root, the store listings and the manifest’s texts', () => {
    const documents = buyerDocuments();
    expect(documents.map(({ where }) => where)).toEqual(
      expect.arrayContaining(['README.md', 'PRIVACY.md', 'public/_locales/fr/messages.json']),
    );
    expect(internalWordsIn(documents)).toEqual([]);
  });
});
