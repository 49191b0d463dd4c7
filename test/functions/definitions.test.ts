// The translated definitions: every metric a summary can show has one in every language, each keeps the English
// numbers, no catalogue names an unknown function, and English readers get the entry's own text.

import { inSummaries } from '../../src/core/mapping/inputs';
import { LANGUAGES } from '../../src/core/languages';
import { FUNCTIONS, findFunction } from '../../src/functions/catalogue';
import { DEFINITIONS, definitionIn, missingDefinitions } from '../../src/functions/definitions';

const SUMMARY = FUNCTIONS.filter((f) => inSummaries(f) || f.section !== undefined);
const TRANSLATED = Object.entries(DEFINITIONS);

/** The numbers a text states, decimal comma read as a point ("365,25/12" → 365.25, 12), sorted. */
const numbersIn = (text: string): string[] => (text.match(/\d+(?:[.,]\d+)?/g) ?? []).map((n) => n.replace(',', '.')).sort();

describe('src/functions/definitions', () => {
  it('covers the metrics summaries show (sections and the outlook included)', () => {
    expect(SUMMARY.length).toBeGreaterThanOrEqual(30);
    expect(SUMMARY.some((f) => f.section === 'outlook')).toBe(true);
  });

  it.each(TRANSLATED)('has a %s definition for every summary metric', (language, _) => {
    const missing = missingDefinitions(SUMMARY, language as never);
    if (missing.length) console.log(`${language} lacks definitions of: ${missing.join(', ')}`);
    expect(missing).toEqual([]);
  });

  it.each(TRANSLATED)('names only functions of the table in %s', (_, catalogue) => {
    expect(Object.keys(catalogue).filter((name) => findFunction(name)?.name !== name)).toEqual([]);
  });

  it.each(TRANSLATED)('keeps every number and threshold of the English definition in %s', (language, catalogue) => {
    const differing = SUMMARY.filter((f) => catalogue[f.name] !== undefined && numbersIn(catalogue[f.name]).join(' ') !== numbersIn(f.definition).join(' '))
      .map((f) => `${f.name}: ${numbersIn(f.definition).join(' ')} ≠ ${numbersIn(catalogue[f.name]).join(' ')}`);
    expect(differing).toEqual([]);
  });

  it.each(TRANSLATED)('keeps the quoted words a user types (outcome words, options) in %s', (_, catalogue) => {
    const quoted = (text: string) => (text.match(/"[^"]+"/g) ?? []).sort().join(' ');
    expect(SUMMARY.filter((f) => catalogue[f.name] !== undefined && quoted(catalogue[f.name]) !== quoted(f.definition)).map((f) => f.name)).toEqual([]);
  });

  it('gives English readers the entry’s own definition, and the others their translation', () => {
    const nps = findFunction('NPS')!;
    expect(definitionIn(nps, 'en')).toBe(nps.definition);
    for (const language of LANGUAGES.filter((l) => l !== 'en')) expect(definitionIn(nps, language)).not.toBe(nps.definition);
    expect(definitionIn(nps, 'cs')).toMatch(/^Promotéři odpovídají 9–10/);
  });

  it('falls back to English for an entry a catalogue lacks, and lists it as missing', () => {
    const unknown = { ...findFunction('NPS')!, name: 'NOT_TRANSLATED' };
    expect(definitionIn(unknown, 'ru')).toBe(unknown.definition);
    expect(missingDefinitions([unknown], 'th')).toEqual(['NOT_TRANSLATED']);
    expect(missingDefinitions([unknown], 'en')).toEqual([]);
  });
});
