// A summary metric's definition in the reader's language: the entry's English `definition`, or its translation by
// function name. Only summaries import this (the custom-function bundle never does).

import type { Language } from '../../core/languages';
import type { FunctionSpec } from '../spec';
import { cs } from './cs';
import { pl } from './pl';
import { ru } from './ru';
import { th } from './th';

export const DEFINITIONS: Readonly<Record<Exclude<Language, 'en'>, Readonly<Record<string, string>>>> = { cs, pl, ru, th };

/** The definition of `spec` in `language`; the English one where the catalogue lacks the entry. */
export function definitionIn(spec: FunctionSpec, language: Language): string {
  return language === 'en' ? spec.definition : DEFINITIONS[language][spec.name] ?? spec.definition;
}

/** The names of `specs` whose definition the `language` catalogue lacks (none for English, the source). */
export function missingDefinitions(specs: readonly FunctionSpec[], language: Language): string[] {
  return language === 'en' ? [] : specs.filter((f) => DEFINITIONS[language][f.name] === undefined).map((f) => f.name);
}
