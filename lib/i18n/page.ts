import { fillIn, type Language } from './language';
import { pageEn, type PageMessageKey } from './page-en';
import { pageFr } from './page-fr';

export type { PageMessageKey } from './page-en';

/** Text for what CaseClock shows inside a marketplace's page; every full translator is one. */
export type PageTranslate = (
  key: PageMessageKey,
  values?: Record<string, string | number>,
) => string;

/** The page texts of every language; the build also writes them into _locales. */
export const PAGE_CATALOGUES: Readonly<Record<Language, Record<PageMessageKey, string>>> = {
  en: pageEn,
  fr: pageFr,
};

export function pageTranslator(language: Language): PageTranslate {
  const catalogue = PAGE_CATALOGUES[language];
  return (key, values = {}) => fillIn(catalogue[key], values);
}
