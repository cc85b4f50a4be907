import { fillIn, type Language } from './language';
import type { PageMessageKey, PageTranslate } from './page';

/**
 * The name of a page text among the extension's messages (_locales), which the content script
 * reads with `browser.i18n.getMessage` instead of carrying the catalogues; the build writes them
 * there from page-en.ts and page-fr.ts (build/page-messages.ts).
 *
 * The browser picks messages by its display language, but the page texts follow
 * `navigator.language`, the buyer's language for web pages, as the popup and the panel's words
 * from the background do: the two differ for, say, a French buyer with an English Firefox. So
 * the name carries the language, and every language's texts sit in the default locale's
 * messages, which the browser reads whatever its display language.
 * Names allow only [A-Za-z0-9_@]: '.' and '-' become '_'.
 */
export function pageMessageName(language: Language, key: PageMessageKey): string {
  return `page_${language}_${key.replace(/[.-]/g, '_')}`;
}

/** The page texts of `language`, looked up in the extension's messages by `getMessage`. */
export function messagesPageTranslator(
  language: Language,
  getMessage: (name: string) => string,
): PageTranslate {
  return (key, values = {}) => fillIn(getMessage(pageMessageName(language, key)), values);
}
