import { FUNCTIONS } from '../../src/functions/catalogue';
import { LANGUAGES } from '../../src/core/languages';

const CYRILLIC = /\p{Script=Cyrillic}/u;
const THAI = /\p{Script=Thai}/u;
/** A name left as an acronym in every language (NPS, CSAT): Latin capitals only. */
const ACRONYM = /^[A-Z]{2,5}$/;

describe('the function table’s labels', () => {
  it.each(FUNCTIONS.map((f) => [f.name, f]))('%s has a name and a summary in every UI language', (_, f) => {
    expect(Object.keys(f.labels ?? {}).sort()).toEqual([...LANGUAGES].sort());
    for (const lang of LANGUAGES) {
      const { name, summary } = f.labels[lang];
      expect(typeof name).toBe('string');
      expect(typeof summary).toBe('string');
      expect(name.trim()).toBe(name);
      expect(name.length).toBeGreaterThan(0);
      expect(name.length).toBeLessThanOrEqual(32);
      expect(summary.trim().length).toBeGreaterThan(0);
    }
  });

  it.each(LANGUAGES.map((lang) => [lang]))('gives every function its own name in %s', (lang) => {
    const names = FUNCTIONS.map((f) => f.labels[lang].name);
    const repeated = names.filter((n, i) => names.indexOf(n) !== i);
    expect(repeated).toEqual([]);
  });

  it.each(FUNCTIONS.map((f) => [f.name, f]))('%s is written in Cyrillic in Russian and in Thai script in Thai, or is an acronym', (_, f) => {
    const { ru, th } = f.labels;
    expect(CYRILLIC.test(ru.name) || ACRONYM.test(ru.name)).toBe(true);
    expect(THAI.test(th.name) || ACRONYM.test(th.name)).toBe(true);
    expect(CYRILLIC.test(ru.summary)).toBe(true);
    expect(THAI.test(th.summary)).toBe(true);
  });
});
