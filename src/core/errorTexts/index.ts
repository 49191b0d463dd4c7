// Custom-function error messages in the user's language: the catalogues, plural rules and phrase wording, and what
// each catalogue lacks. Only the sidebar's server half imports this; cells keep the English text.

import type { Language } from '../languages';
import type { ErrorCatalogue } from './catalogue';
import { cs } from './cs';
import { EN, type ErrorKey } from './en';
import { pl } from './pl';
import { fill, type PluralOf, type Said } from './render';
import { ru } from './ru';
import { th } from './th';

export const ERROR_CATALOGUES: Readonly<Record<Exclude<Language, 'en'>, ErrorCatalogue>> = { cs, pl, ru, th };

/** Whole-number plural categories (CLDR): Czech 1 | 2–4 | other; Polish and Russian one | few | many; Thai none. */
const few = (n: number) => n % 10 >= 2 && n % 10 <= 4 && !(n % 100 >= 12 && n % 100 <= 14);
export const PLURALS: Readonly<Record<Exclude<Language, 'en'>, PluralOf>> = {
  cs: (n) => (n === 1 ? 'one' : n >= 2 && n <= 4 ? 'few' : 'other'),
  pl: (n) => (n === 1 ? 'one' : few(n) ? 'few' : 'many'),
  ru: (n) => (n % 10 === 1 && n % 100 !== 11 ? 'one' : few(n) ? 'few' : 'many'),
  th: () => 'other',
};

/** Parameters that carry English words (what a range should hold, list names); others are names, values, numbers. */
const PHRASE_PARAMS = new Set(['what', 'expected', 'a', 'b', 'ranges']);

/** How src/functions words number bounds (src/core/bounds.ts describeLimits, an aside) and dated nouns. */
const LIMITS: readonly [RegExp, (c: ErrorCatalogue, m: RegExpExecArray, say: (t: string) => string) => string][] = [
  [/^(.+) \(([^()]+)\)$/, (c, m, say) => `${say(m[1])} (${say(m[2])})`],
  [/^(.+) from (\S+) to (\S+)$/, (c, m, say) => fillLimit(c.limits.between, { noun: say(m[1]), min: m[2], max: m[3] })],
  [/^(.+) of (\S+) or more$/, (c, m, say) => fillLimit(c.limits.atLeast, { noun: say(m[1]), min: m[2] })],
  [/^(.+) of (\S+) or less$/, (c, m, say) => fillLimit(c.limits.atMost, { noun: say(m[1]), max: m[2] })],
  [/^dated (.+)$/, (c, m, say) => fillLimit(c.limits.dated, { what: say(m[1]) })],
];
const fillLimit = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (w, name: string) => values[name] ?? w);

/** A phrase in the catalogue's words: by its English text, else by how bounds and dates are worded, else as it is. */
export function phraseIn(catalogue: ErrorCatalogue, text: string): string {
  const known = catalogue.phrases[text];
  if (known !== undefined) return known;
  for (const [pattern, word] of LIMITS) {
    const m = pattern.exec(text);
    if (m) return word(catalogue, m, (t) => phraseIn(catalogue, t));
  }
  return text;
}

/** The message in `language`; the English text where the catalogue lacks its key (a part it lacks stays English). */
export function errorIn(said: Said, language: Language): string {
  if (language === 'en') return said.message;
  const catalogue = ERROR_CATALOGUES[language];
  if (!catalogue.templates[said.key as ErrorKey]) return said.message;
  return fill(said.key, said.params, {
    template: (key) => catalogue.templates[key as ErrorKey] ?? EN[key as ErrorKey],
    plural: PLURALS[language],
    phrase: (name, text) => (PHRASE_PARAMS.has(name) ? phraseIn(catalogue, text) : text),
  });
}

/** The message keys a language's catalogue lacks (none for English, whose texts are the source). */
export function missingErrorTexts(language: Language): ErrorKey[] {
  if (language === 'en') return [];
  const templates = ERROR_CATALOGUES[language].templates;
  return (Object.keys(EN) as ErrorKey[]).filter((key) => !templates[key]);
}
