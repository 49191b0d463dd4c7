// Custom-function error messages in the sidebar's languages: every key translated (the test lists what a catalogue
// lacks), the same placeholders and numbers as English, plurals by each language's rules, phrases worded too.

import fs from 'node:fs';
import path from 'node:path';
import { MetricError, predictiveMessages } from '../../src/core/errors';
import { ERROR_CATALOGUES, PLURALS, errorIn, missingErrorTexts, phraseIn } from '../../src/core/errorTexts';
import { EN, type ErrorKey } from '../../src/core/errorTexts/en';
import { findFunction } from '../../src/functions/catalogue';
import { runFunction } from '../../src/functions/runner';

const TRANSLATED = Object.entries(ERROR_CATALOGUES);
/** Keys a catalogue may lack (each then shows in English). Pinned: the list may only shrink. */
const MAY_LACK: Record<string, ErrorKey[]> = { cs: [], pl: [], ru: [], th: [] };

const placeholders = (t: string) => Array.from(new Set(Array.from(t.matchAll(/\{(\w+)/g), (m) => m[1]))).sort();
const numbers = (t: string) => (t.match(/\d+(?:[.,]\d+)?/g) ?? []).map((n) => n.replace(',', '.')).sort();
const categories = (t: string) => Array.from(t.matchAll(/\{\w+\|([^{}]*)\}/g), (m) => m[1].split('|').map((f) => f.split(':')[0])).flat();

/** The English phrases src passes as parameters that say what a range should hold or what is missing. */
function phrasesInSource(): string[] {
  const root = path.join(__dirname, '../../src');
  const text = fs.readdirSync(root, { recursive: true }).map(String).filter((f) => f.endsWith('.ts') && !f.startsWith('core/errorTexts'))
    .map((f) => fs.readFileSync(path.join(root, f), 'utf8')).join('\n');
  const patterns = [
    /\b(?:noun|what|aside|both|denominator): '([^']+)'/g, /param: '\w+', label: '([^']+)'/g, /\bmissing: '([^']+)'/g, /'([^']+)' \| '([^']+)' \| '([^']+)'(?= \| 'zero cycle')/g,
    /messages\.(?:noData|noDataInPeriod|zeroDenominator)\(call\.fn, '([^']+)'/g, /single\(raw, call\.fn, name, '([^']+)'\)/g,
    /countOf\('\w+', '[^']*', '([^']+)'\)/g, /costPerCustomer\([^)]*, '([^']+)'\)/g, /badShape\([^,]+, '\w+', '([^']+)'/g,
    /badScalar\(call\.fn, '\w+', '([^']+)'/g, /const (?:statusWords|contactWords) = '([^']+)'/g,
  ];
  const found = patterns.flatMap((p) => Array.from(text.matchAll(p), (m) => m.slice(1).filter(Boolean))).flat();
  return Array.from(new Set(found)).filter((p) => p !== 'zero cycle').sort();
}

describe('src/core/errorTexts', () => {
  it.each(TRANSLATED)('translates every message key in %s, or lists what it lacks', (language) => {
    const missing = missingErrorTexts(language as never);
    if (missing.length) console.log(`${language} lacks function error texts: ${missing.join(', ')}`);
    expect(missing.filter((k) => !MAY_LACK[language].includes(k))).toEqual([]);
  });

  it.each(TRANSLATED)('keeps the English placeholders and numbers in %s', (_, catalogue) => {
    const differing = Object.entries(catalogue.templates).filter(([key, t]) =>
      placeholders(t!).join() !== placeholders(EN[key as ErrorKey]).join() || numbers(t!).join() !== numbers(EN[key as ErrorKey]).join());
    expect(differing.map(([key]) => key)).toEqual([]);
  });

  it.each(TRANSLATED)('uses only the plural categories of %s', (language, catalogue) => {
    const allowed = new Set(language === 'th' ? ['other'] : language === 'cs' ? ['one', 'few', 'other'] : ['one', 'few', 'many', 'other']);
    expect(Object.values(catalogue.templates).flatMap((t) => categories(t!)).filter((c) => !allowed.has(c))).toEqual([]);
  });

  it.each(TRANSLATED)('fills every %s template completely, for one, a few and many', (language) => {
    const unfilled = (Object.keys(EN) as ErrorKey[]).flatMap((key) => [1, 3, 5].map((n) => {
      const params = Object.fromEntries(placeholders(EN[key]).map((name) => [name, n]));
      return errorIn({ key, params, message: '' }, language as never);
    })).filter((text) => /[{}]/.test(text));
    expect(unfilled).toEqual([]);
  });

  it('picks plural categories by each language’s rules', () => {
    expect([1, 2, 5, 22].map(PLURALS.cs)).toEqual(['one', 'few', 'other', 'other']);
    expect([1, 3, 5, 12, 22, 25].map(PLURALS.pl)).toEqual(['one', 'few', 'many', 'many', 'few', 'many']);
    expect([1, 3, 11, 21, 24, 25].map(PLURALS.ru)).toEqual(['one', 'few', 'many', 'one', 'few', 'many']);
  });

  const phrases = phrasesInSource();
  it('finds the phrases src passes as parameters', () => {
    expect(phrases).toEqual(expect.arrayContaining(['scores', 'won deals with an amount', 'a whole number', 'the total of visitors']));
  });

  it.each(TRANSLATED)('words every phrase src passes in %s, or lists what it lacks', (language, catalogue) => {
    const missing = phrases.filter((p) => phraseIn(catalogue, p) === p);
    if (missing.length) console.log(`${language} lacks phrases: ${missing.map((p) => JSON.stringify(p)).join(', ')}`);
    expect(missing).toEqual([]);
  });

  it.each(TRANSLATED)('words number bounds and dated nouns in %s', (_, catalogue) => {
    for (const text of ['scores from 0 to 10', 'counts of 0 or more', 'a fraction from 0 to 1 (70% or 0.7)', 'dated deals']) {
      expect(phraseIn(catalogue, text)).not.toMatch(/\b(from|of|or more|dated|scores|deals|fraction)\b/);
    }
  });
});

describe('errorIn', () => {
  const env = { timeZone: () => 'UTC', nowMs: () => Date.UTC(2025, 5, 1) };
  const failure = (name: string, ...args: unknown[]): MetricError => {
    try {
      runFunction(findFunction(name)!, args as never, env);
    } catch (e) {
      if (e instanceof MetricError) return e;
    }
    throw new Error(`${name} did not fail`);
  };

  it('keeps the cell’s English text for English readers', () => {
    const e = failure('NPS', [['abc'], [5], ['x']]);
    expect(errorIn(e.said, 'en')).toBe('NPS: 2 values are not scores from 0 to 10 (first: "abc" in row 1 of scores)');
    expect(e.message).toBe(errorIn(e.said, 'en'));
  });

  it.each([
    ['cs', 'NPS: 2 hodnoty jsou neplatné (očekáváno: skóre od 0 do 10; první: "abc" v řádku 1 argumentu scores)'],
    ['pl', 'NPS: 2 wartości są nieprawidłowe (oczekiwano: oceny od 0 do 10; pierwsza: "abc" w wierszu 1 argumentu scores)'],
    ['ru', 'NPS: 2 значения не подходят (ожидается: оценки от 0 до 10; первое: "abc" в строке 1 аргумента scores)'],
    ['th', 'NPS: มี 2 ค่าที่ไม่ถูกต้อง (ต้องเป็น: คะแนนตั้งแต่ 0 ถึง 10; ค่าแรก: "abc" ที่แถว 1 ของ scores)'],
  ] as const)('says in %s which cells are wrong and where', (language, expected) => {
    expect(errorIn(failure('NPS', [['abc'], [5], ['x']]).said, language)).toBe(expected);
  });

  it('translates a message nested in another (METRIC_BY’s segment) and a hint after one', () => {
    expect(errorIn(failure('METRIC_BY', 'NPS', [['a'], ['b']], [['x'], [5]]).said, 'ru'))
      .toBe('METRIC_BY: NPS: 1 значение не подходит (ожидается: оценки от 0 до 10; первое: "x" в строке 1 аргумента scores)');
    expect(errorIn(failure('NPS', [['1,234']]).said, 'cs')).toMatch(/\. "1,234" může obsahovat oddělovač tisíců i desetinnou čárku/);
  });

  it('words the phrase a message carries', () => {
    expect(errorIn(failure('TRAFFIC_TO_LEAD', [[1]], [[0]]).said, 'pl'))
      .toBe('TRAFFIC_TO_LEAD: łączna liczba odwiedzających wynosi zero, więc nie można obliczyć wskaźnika');
  });

  it('falls back to the English text for a message a catalogue lacks, or one raised as bare text', () => {
    const said = { ...predictiveMessages.noChurn('X'), key: 'notInAnyCatalogue' };
    expect(errorIn(said, 'cs')).toBe('X: no customer left the cohort, so there is no churn to project from');
    expect(errorIn(new MetricError('X: something else').said, 'th')).toBe('X: something else');
  });
});
