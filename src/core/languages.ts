// The languages the add-on speaks: the sidebar's catalogues and every entry's display name and summary.

export const LANGUAGES = ['en', 'cs', 'pl', 'ru', 'th'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A text in every UI language. */
export type Translated<T = string> = Record<Language, T>;

/** The UI language of a locale ("cs", "pl_PL", "th_TH"): its first two letters when the add-on speaks it, else English. */
export function languageOfLocale(locale: string): Language {
  const prefix = locale.slice(0, 2).toLowerCase();
  return (LANGUAGES as readonly string[]).includes(prefix) ? (prefix as Language) : 'en';
}
