import { en, type MessageKey } from './en';
import { fr } from './fr';

export type { MessageKey } from './en';
export type Language = 'en' | 'fr';
export const LANGUAGES: readonly Language[] = ['en', 'fr'];

/** Text written in every UI language, for data that carries its own words (policies). */
export type Localized<T> = Readonly<Record<Language, T>>;

const CATALOGUES: Record<Language, Record<MessageKey, string>> = { en, fr };

/** The UI language for a BCP 47 locale: French for any French locale, else English. */
export function languageOf(locale: string): Language {
  return locale.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export function translator(language: Language): Translate {
  const catalogue = CATALOGUES[language];
  return (key, values = {}) =>
    catalogue[key].replace(/\{(\w+)\}/g, (placeholder, name: string) =>
      name in values ? String(values[name]) : placeholder,
    );
}

/** "A, B and C" in the given language. */
export function joinList(items: readonly string[], language: Language): string {
  return new Intl.ListFormat(language, { type: 'conjunction' }).format(items);
}
