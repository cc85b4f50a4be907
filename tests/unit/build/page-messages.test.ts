import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ResolvedPublicFile } from 'wxt';
import { describe, expect, it } from 'vitest';
import {
  addPageMessages,
  MESSAGE_NAME,
  messageText,
  type LocaleMessage,
} from '@/build/page-messages';
import { LANGUAGES } from '@/lib/i18n/language';
import { PAGE_CATALOGUES, pageTranslator, type PageMessageKey } from '@/lib/i18n/page';
import { messagesPageTranslator, pageMessageName } from '@/lib/i18n/page-messages';

const PUBLIC_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../../public');
const DEFAULT_MESSAGES = '_locales/en/messages.json';

/** The default locale's messages.json as the build writes it. */
function builtMessages(): Record<string, LocaleMessage> {
  const files: ResolvedPublicFile[] = [
    { absoluteSrc: join(PUBLIC_DIR, 'icon.svg'), relativeDest: 'icon.svg' },
    { absoluteSrc: join(PUBLIC_DIR, DEFAULT_MESSAGES), relativeDest: DEFAULT_MESSAGES },
  ];
  addPageMessages('en')(undefined, files);
  const built = files.find((file) => file.relativeDest === DEFAULT_MESSAGES);
  if (built === undefined || !('contents' in built)) throw new Error('no messages written');
  return JSON.parse(built.contents) as Record<string, LocaleMessage>;
}

/** `browser.i18n.getMessage` over those messages: '' for a missing name, `$$` read as `$`. */
function getMessage(messages: Record<string, LocaleMessage>) {
  const byName = new Map(Object.entries(messages).map(([name, m]) => [name.toLowerCase(), m]));
  return (name: string) => byName.get(name.toLowerCase())?.message.replaceAll('$$', '$') ?? '';
}

describe("the page texts in the extension's messages", () => {
  const messages = builtMessages();

  it('hold every page text of every language, as the catalogue writes it', () => {
    for (const language of LANGUAGES) {
      const catalogue = PAGE_CATALOGUES[language];
      for (const key of Object.keys(catalogue) as PageMessageKey[]) {
        const message = messages[pageMessageName(language, key)]?.message;
        expect(message, `${language} ${key}`).toBe(messageText(catalogue[key]));
        expect(message, `${language} ${key}`).not.toBe('');
      }
    }
  });

  it('give the content script the same text as the catalogues, filled in', () => {
    const values = { deadline: 'D', when: 'W', days: 2, hours: 3, minutes: 4, time: '10:00' };
    for (const language of LANGUAGES) {
      const fromMessages = messagesPageTranslator(language, getMessage(messages));
      const fromCatalogue = pageTranslator(language);
      for (const key of Object.keys(PAGE_CATALOGUES[language]) as PageMessageKey[]) {
        expect(fromMessages(key, values), `${language} ${key}`).toBe(fromCatalogue(key, values));
      }
    }
  });

  it('have names the browsers accept, each naming one text', () => {
    const names = Object.keys(messages);
    for (const name of names) expect(name).toMatch(MESSAGE_NAME);
    expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(names.length);
  });

  it("keep public/_locales' own messages", () => {
    const own = JSON.parse(readFileSync(join(PUBLIC_DIR, DEFAULT_MESSAGES), 'utf8')) as object;
    expect(messages).toMatchObject(own);
  });

  it('write a `$` as `$$`, which both browsers read as one `$`', () => {
    expect(messageText('US $5')).toBe('US $$5');
  });

  it('stop the build when the default locale has no messages.json', () => {
    expect(() => {
      addPageMessages('de')(undefined, [
        { absoluteSrc: join(PUBLIC_DIR, DEFAULT_MESSAGES), relativeDest: DEFAULT_MESSAGES },
      ]);
    }).toThrow(/_locales\/de\/messages\.json/);
  });
});
