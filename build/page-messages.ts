import { readFileSync } from 'node:fs';
import type { ResolvedPublicFile } from 'wxt';
import { LANGUAGES } from '../lib/i18n/language';
import { PAGE_CATALOGUES, type PageMessageKey } from '../lib/i18n/page';
import { pageMessageName } from '../lib/i18n/page-messages';

/** An entry of a messages.json, as Chrome and Firefox read it. */
export interface LocaleMessage {
  message: string;
  description?: string;
}

/** Chrome's rule for message names; the browsers compare them ignoring case. */
export const MESSAGE_NAME = /^[A-Za-z0-9_@]+$/;

/** A text as a message: `$` opens a placeholder in messages, `$$` is a `$` in both browsers. */
export function messageText(text: string): string {
  return text.replaceAll('$', () => '$$');
}

/**
 * Every language's page texts, under the names the content script asks for. A name that is not
 * one the browsers accept, or that two texts share, stops the build: the browser would refuse
 * the extension, or the script would show the wrong text.
 */
export function pageMessages(): Record<string, LocaleMessage> {
  const messages: Record<string, LocaleMessage> = {};
  const names = new Set<string>();
  for (const language of LANGUAGES) {
    const catalogue = PAGE_CATALOGUES[language];
    for (const key of Object.keys(catalogue) as PageMessageKey[]) {
      const name = pageMessageName(language, key);
      if (!MESSAGE_NAME.test(name) || names.has(name.toLowerCase())) {
        throw new Error(`The page text ${language} '${key}' cannot be the message ${name}.`);
      }
      names.add(name.toLowerCase());
      messages[name] = { message: messageText(catalogue[key]) };
    }
  }
  return messages;
}

/** The text of a messages.json with the page texts added after its own messages. */
export function withPageMessages(messagesJson: string): string {
  const own = JSON.parse(messagesJson) as Record<string, LocaleMessage>;
  const page = pageMessages();
  const ownNames = new Set(Object.keys(own).map((name) => name.toLowerCase()));
  const clash = Object.keys(page).find((name) => ownNames.has(name.toLowerCase()));
  if (clash !== undefined) throw new Error(`public/_locales already has a message ${clash}.`);
  return `${JSON.stringify({ ...own, ...page }, null, 2)}\n`;
}

/**
 * WXT's `build:publicAssets` hook: the default locale's messages.json leaves public/ with the
 * page texts in it. The browser falls back to that locale for any name the buyer's locale
 * lacks, so the content script finds every language's texts there (lib/i18n/page-messages.ts).
 */
export function addPageMessages(defaultLocale: string) {
  const path = `_locales/${defaultLocale}/messages.json`;
  return (_wxt: unknown, files: ResolvedPublicFile[]): void => {
    const index = files.findIndex((file) => file.relativeDest === path);
    const file = files[index];
    if (file === undefined || !('absoluteSrc' in file)) {
      throw new Error(`public/${path} is missing: the page texts go into it.`);
    }
    files[index] = {
      relativeDest: path,
      contents: withPageMessages(readFileSync(file.absoluteSrc, 'utf8')),
    };
  };
}
