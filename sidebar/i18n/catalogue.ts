// The sidebar's one message catalogue: the language is picked from the user's locale, English as the fallback.

import { cs } from './cs';
import { en, type MessageKey, type Messages } from './en';
import { pl } from './pl';
import { ru } from './ru';
import { th } from './th';

export type { MessageKey, Messages };
export type Language = 'en' | 'cs' | 'pl' | 'ru' | 'th';

export const CATALOGUES: Readonly<Record<Language, Messages>> = { en, cs, pl, ru, th };

/** The language for a locale such as "cs", "pl_PL", "ru-RU", "th-TH-u-nu-thai"; English when not supported. */
export function pickLanguage(locale: string | undefined | null): Language {
  const base = (locale ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return base in CATALOGUES ? (base as Language) : 'en';
}

/** The {placeholders} a message uses, sorted, so catalogues can be compared. */
export function placeholdersOf(message: string): string[] {
  return Array.from(new Set(Array.from(message.matchAll(/\{(\w+)\}/g), (m) => m[1]))).sort();
}

/** Fills {placeholders} with values as plain text (the caller puts the result into textContent, never HTML). */
export function format(message: string, values: Record<string, string | number> = {}): string {
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** A translator bound to one language: t('build.done', { sheet }) . */
export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export function translator(language: Language): Translate {
  const messages = CATALOGUES[language];
  return (key, values) => format(messages[key] ?? en[key] ?? key, values);
}

/** A message for a key built at run time (column roles, check kinds): undefined when the catalogue has none. */
export function lookup(language: Language, key: string): string | undefined {
  const messages = CATALOGUES[language] as Record<string, string>;
  return Object.prototype.hasOwnProperty.call(messages, key) ? messages[key] : undefined;
}
