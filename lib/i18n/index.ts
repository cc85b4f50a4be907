import { en, type MessageKey } from './en';
import { fr } from './fr';
import { fillIn, type Language } from './language';

export type { MessageKey } from './en';
export { LANGUAGES, languageOf, type Language } from './language';

/** Text written in every UI language, for data that carries its own words (policies). */
export type Localized<T> = Readonly<Record<Language, T>>;

const CATALOGUES: Record<Language, Record<MessageKey, string>> = { en, fr };

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export function translator(language: Language): Translate {
  const catalogue = CATALOGUES[language];
  return (key, values = {}) => fillIn(catalogue[key], values);
}

/** "A, B and C" in the given language. */
export function joinList(items: readonly string[], language: Language): string {
  return new Intl.ListFormat(language, { type: 'conjunction' }).format(items);
}
