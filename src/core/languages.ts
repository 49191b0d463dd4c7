// The languages the add-on speaks: the sidebar's catalogues and every entry's display name and summary.

export const LANGUAGES = ['en', 'cs', 'pl', 'ru', 'th'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A text in every UI language. */
export type Translated<T = string> = Record<Language, T>;
