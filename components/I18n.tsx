import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { languageOf, translator, type Language, type Translate } from '@/lib/i18n';
import { formatMoney, type Money } from '@/lib/money';

export interface I18n {
  language: Language;
  locale: string;
  t: Translate;
  money: (amount: Money) => string;
  dateTime: (iso: string) => string;
}

function createI18n(locale: string): I18n {
  const language = languageOf(locale);
  const dateTimeFormat = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  return {
    language,
    locale,
    t: translator(language),
    money: (amount) => formatMoney(amount, locale),
    dateTime: (iso) => dateTimeFormat.format(new Date(iso)),
  };
}

const I18nContext = createContext<I18n>(createI18n('en'));

export function I18nProvider({ locale, children }: { locale: string; children: ReactNode }) {
  const i18n = useMemo(() => createI18n(locale), [locale]);
  return <I18nContext.Provider value={i18n}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
