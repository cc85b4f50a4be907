import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { languageOf, translator, type Language, type Translate } from '@/lib/i18n';
import { formatCountdown, formatSize } from '@/lib/i18n/format';
import { formatMoney, type Money } from '@/lib/money';

/** Text, dates and amounts as the buyer reads them: their language, locale and time zone. */
export interface I18n {
  language: Language;
  locale: string;
  timeZone: string;
  t: Translate;
  money: (amount: Money) => string;
  dateTime: (iso: string) => string;
  date: (iso: string) => string;
  /** "in 2 days 4 h", "tomorrow at 9:00". */
  countdown: (iso: string, now: Date) => string;
  /** A file's size: "9 kB". */
  size: (bytes: number) => string;
}

export function createI18n(locale: string, timeZone: string): I18n {
  const language = languageOf(locale);
  const t = translator(language);
  const dateTimeFormat = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  });
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone });
  return {
    language,
    locale,
    timeZone,
    t,
    money: (amount) => formatMoney(amount, locale),
    dateTime: (iso) => dateTimeFormat.format(new Date(iso)),
    date: (iso) => dateFormat.format(new Date(iso)),
    countdown: (iso, now) => formatCountdown(iso, now.toISOString(), locale, t, timeZone),
    size: (bytes) => formatSize(bytes, locale),
  };
}

const I18nContext = createContext<I18n>(createI18n('en', 'UTC'));

export function I18nProvider({
  locale,
  timeZone,
  children,
}: {
  locale: string;
  timeZone: string;
  children: ReactNode;
}) {
  const i18n = useMemo(() => createI18n(locale, timeZone), [locale, timeZone]);
  return <I18nContext.Provider value={i18n}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
