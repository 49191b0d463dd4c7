// The English-label detector the language tests rely on can fail: planted English is found in every language, the
// language's own words are not (a word list per language: "to" and "data" pass on Czech tabs, not on Russian ones).

import type { Language } from '../../../src/core/languages';
import { tabText } from '../../../src/server/summary/tabText';
import { englishOnTab } from './tab';

const tabOf = (...texts: string[]) => ({ values: [texts], formats: [], charts: [] });
const wordsFound = (language: Language, ...texts: string[]): string[] =>
  englishOnTab(tabOf(...texts), language, new Set()).map((finding) => finding.split(' ')[0]);

it('finds an English chart title planted on a tab in each language', () => {
  // "by" is a Czech and Polish word too ("ze kterých by šla spočítat"): on their tabs the other words give the title away.
  expect(wordsFound('cs', 'Win rate by month')).toEqual(['win', 'rate', 'month', 'metric']);
  expect(wordsFound('pl', 'Win rate by month')).toEqual(['win', 'rate', 'month', 'metric']);
  expect(wordsFound('ru', 'Win rate by month')).toEqual(['win', 'rate', 'by', 'month', 'metric']);
  expect(wordsFound('th', 'Win rate by month')).toEqual(['win', 'rate', 'by', 'month', 'metric']);
});

it('counts words the language itself uses as that language’s, and English words other scripts never use as English', () => {
  // "to" and "data" are Czech words; in a Russian or Thai text they are English.
  expect(wordsFound('cs', 'to data')).toEqual([]);
  expect(wordsFound('ru', 'to data')).toEqual(['to', 'data']);
  expect(wordsFound('th', 'segment model')).toEqual(['segment', 'model']);
});

it('finds nothing in the add-on’s own labels in each language', () => {
  for (const language of ['cs', 'pl', 'ru', 'th'] as const) {
    const labels = Object.values(tabText(language)).filter((v): v is string => typeof v === 'string');
    expect(englishOnTab(tabOf(...labels), language, new Set())).toEqual([]);
  }
});
