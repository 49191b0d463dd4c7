// The message catalogue: every key in every language, the same placeholders, real translations.

import fs from 'node:fs';
import path from 'node:path';
import { ERROR_KEYS, ISSUE_KINDS, WARNING_KEYS } from '../../src/server/rpc/contract';
import { CATALOGUES, format, lookup, pickLanguage, placeholdersOf, translator, type Language } from '../../sidebar/i18n/catalogue';

const languages = Object.keys(CATALOGUES) as Language[];
const englishKeys = Object.keys(CATALOGUES.en).sort();

describe('message catalogue', () => {
  it('has English, Czech, Polish, Russian and Thai', () => {
    expect(languages.sort()).toEqual(['cs', 'en', 'pl', 'ru', 'th']);
  });

  it.each(languages)('%s has exactly the English keys', (lang) => {
    expect(Object.keys(CATALOGUES[lang]).sort()).toEqual(englishKeys);
  });

  it.each(languages)('%s uses the same placeholders as English in every message', (lang) => {
    const mismatched = englishKeys.filter((key) => {
      const mine = placeholdersOf((CATALOGUES[lang] as Record<string, string>)[key]);
      return JSON.stringify(mine) !== JSON.stringify(placeholdersOf((CATALOGUES.en as Record<string, string>)[key]));
    });
    expect(mismatched).toEqual([]);
  });

  it.each(languages)('%s has no empty message', (lang) => {
    expect(Object.entries(CATALOGUES[lang]).filter(([, m]) => !m.trim()).map(([k]) => k)).toEqual([]);
  });

  it.each(languages.filter((l) => l !== 'en'))('%s is translated, not copied from English', (lang) => {
    const same = englishKeys.filter((k) => (CATALOGUES[lang] as Record<string, string>)[k] === (CATALOGUES.en as Record<string, string>)[k]);
    // A few words are the same in both languages (“Segment”, “Status”): at most 5% may match.
    expect(same.length).toBeLessThanOrEqual(Math.ceil(englishKeys.length * 0.05));
  });

  it('has a message for every error, warning and data issue the server can send', () => {
    const needed = [
      ...ERROR_KEYS.map((k) => `error.${k}`), ...WARNING_KEYS.map((k) => `warning.${k}`),
      ...ISSUE_KINDS.map((k) => `issue.${k}`),
    ];
    expect(needed.filter((key) => !(key in CATALOGUES.en))).toEqual([]);
  });

  it('has no message the sidebar never shows (keys built at run time excepted)', () => {
    const dir = path.resolve(__dirname, '../../sidebar');
    const code = fs.readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('\n');
    const dynamic = /^(error|warning|issue|grain|kind)\./;
    expect(englishKeys.filter((k) => !dynamic.test(k) && !code.includes(`'${k}'`))).toEqual([]);
  });

  it('writes Russian in Cyrillic and Thai in Thai script', () => {
    expect(CATALOGUES.ru['action.build']).toMatch(/[\u0400-\u04FF]/);
    expect(CATALOGUES.th['action.build']).toMatch(/[\u0E00-\u0E7F]/);
  });

  it('picks the language from the locale, English otherwise', () => {
    expect(pickLanguage('cs')).toBe('cs');
    expect(pickLanguage('pl_PL')).toBe('pl');
    expect(pickLanguage('ru-RU')).toBe('ru');
    expect(pickLanguage('th-TH-u-nu-thai')).toBe('th');
    expect(pickLanguage('de_DE')).toBe('en');
    expect(pickLanguage('')).toBe('en');
    expect(pickLanguage(undefined)).toBe('en');
  });

  it('fills placeholders as plain text and leaves unknown ones visible', () => {
    expect(format('Tab “{sheet}”', { sheet: '<img src=x>' })).toBe('Tab “<img src=x>”');
    expect(format('{a} and {b}', { a: 1 })).toBe('1 and {b}');
    expect(translator('cs')('build.done', { sheet: 'Přehled' })).toBe('Souhrn je připraven na listu „Přehled“.');
  });

  it('looks up run-time keys and says when there is none', () => {
    expect(lookup('pl', 'grain.month')).toBe('Miesiąc');
    expect(lookup('pl', 'grain.unknown')).toBeUndefined();
  });
});
