// Reading a built summary tab in tests: rows of the headline table, the title block's values, and the English left on
// a tab in another language (shared by the server-level and the browser language tests).

import type { Language } from '../../../src/core/languages';
import { FUNCTIONS } from '../../../src/functions/catalogue';
import { definitionIn } from '../../../src/functions/definitions';
import { tabText } from '../../../src/server/summary/tabText';
import { ROLE_NAMES } from '../../../src/core/mapping/roleNames';

const EN = tabText('en');

/** The headline table's row of a metric (by its display name), under the table's header row. */
export function headlineRow(values: unknown[][], name: string, metricHeader = EN.metric): unknown[] | undefined {
  const top = values.findIndex((r) => r && r[0] === metricHeader);
  if (top < 0) return undefined;
  for (let r = top + 1; values[r] && values[r][0] !== ''; r++) if (values[r][0] === name) return values[r];
  return undefined;
}

/** The value beside a label of the title block ("Headline period" → "month: 2025-06"). */
export function titleValue(values: unknown[][], label: string): unknown {
  const row = values.slice(0, 4).find((r) => r && r[0] === label);
  return row?.[1];
}

/** Every string inside a value (objects and arrays walked; functions and numbers skipped). */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

const NO_DATA: ReadonlySet<string> = new Set();

/**
 * The lower-case words of the texts the add-on writes in `language`: tab labels, role names, the names and definitions
 * of the metrics a summary shows (the others' definitions are English in every language). Error texts are left out:
 * they name formula keywords (month, quarter) that are English on any tab.
 */
function vocabularyOf(language: Language): Set<string> {
  const texts = [
    ...stringsIn(tabText(language)), ...stringsIn(ROLE_NAMES[language]),
    ...FUNCTIONS.filter((f) => f.kinds.length).flatMap((f) => [withoutParameters(definitionIn(f, language), language), ...stringsIn(f.labels[language])]),
  ];
  return new Set(texts.flatMap((t) => wordsOf(t, NO_DATA)));
}

/** English words a reader could meet on a tab, beyond the add-on's own English texts. */
const MORE_ENGLISH = ('the of and with rate rows all sample small how each every figure computed columns used goal change latest ' +
  'previous progress period trend source refreshed headline metric note notes customer customers outlook expected purchases predicted spend past ' +
  'none group count share promoters passives detractors total cohort size month months quarter week year day days mean median over ' +
  'between language english value stage deals low high after in is are uses answers won lost open churn retention score time ' +
  'conversion response resolution satisfaction effort chart generated refresh by to data model segment').split(' ');
const ENGLISH = new Set([...vocabularyOf('en'), ...MORE_ENGLISH]);
const VOCABULARY = new Map<Language, Set<string>>();

/**
 * An English word is a finding on a tab in `language` unless that language's own texts use the word too ("to", "by",
 * "data" and "model" are Czech or Polish words as well; "a" is Czech and Polish): a word list per language.
 */
const isEnglishIn = (language: Language) => {
  // On an English tab every English word is a finding: that is how a test shows the detector can fail.
  if (!VOCABULARY.has(language)) VOCABULARY.set(language, language === 'en' ? new Set() : vocabularyOf(language));
  const own = VOCABULARY.get(language) as Set<string>;
  return (word: string): boolean => ENGLISH.has(word) && !own.has(word);
};

/**
 * What a test needs of a built tab, as the server's MemorySheet and the workbench's sheet JSON both hold it: cell
 * values by row, number formats by row, charts with titles.
 */
export interface TabContent {
  values: readonly (readonly unknown[] | null | undefined)[];
  formats: readonly (readonly (string | null | undefined)[] | null | undefined)[];
  charts: readonly { title: string }[];
}

/** The texts a reader sees on a tab: cell strings, captions inside number formats, chart titles. */
export function textsOf(tab: TabContent): string[] {
  const cells = tab.values.flatMap((r) => (r ?? []).filter((v): v is string => typeof v === 'string' && v !== ''));
  const captions = tab.formats.flatMap((r) => (r ?? []).flatMap((f) => [...String(f ?? '').matchAll(/"([^"]*)"/g)].map((m) => m[1])));
  return [...cells, ...captions, ...tab.charts.map((c) => c.title)];
}

/** A translated definition without its function's parameter names (identifiers such as won, new_customers, as typed in formulas). */
function withoutParameters(text: string, language: Language): string {
  const f = FUNCTIONS.find((x) => text.startsWith(definitionIn(x, language)));
  if (!f) return text;
  const names = f.params.map((p) => p.name).sort((a, b) => b.length - a.length);
  return names.reduce((t, name) => t.replace(new RegExp(`(?<![\\p{L}_])${name}(?![\\p{L}_])`, 'gu'), ' '), text);
}

/** A text without what comes from the data or is not a word of any language: quoted words, function names, data values, periods, formulas. */
function wordsOf(text: string, data: ReadonlySet<string>): string[] {
  if (text.startsWith('=') || text.startsWith("'") || data.has(text)) return [];
  // Quoted words are data: headers (“Amount”) and the values a column may hold ("won", „closed won“, «lost»).
  let t = text.replace(/“[^”]*”|"[^"]*"|„[^“”]*[“”]|«[^»]*»/g, ' ').replace(/'[^']*'![A-Z]+\d+:[A-Z]+\d+/g, ' ');
  for (const d of data) if (d.length > 2 && t.includes(d)) t = t.split(d).join(' ');
  return t.split(/[^\p{L}]+/u).filter((w) => w && !/^[A-Z][A-Z0-9_]+$/.test(w) && !/^\p{Lu}$/u.test(w)).map((w) => w.toLowerCase());
}

/** The strings of a source sheet (its name, headers and text values): data, which a tab may quote in any language. */
export function dataStrings(name: string, rows: readonly (readonly unknown[] | null | undefined)[]): Set<string> {
  return new Set<string>([name, ...rows.flatMap((r) => (r ?? []).filter((v): v is string => typeof v === 'string'))]);
}

/**
 * The English a tab written in `language` shows, one line per finding ("rate in "Win rate by month""): English words
 * outside the data (`data`: the source's name, headers and text values), and English metric names where the language
 * names the metric otherwise. Empty for a tab in cs, pl, ru or th; an English tab is full of findings (that is how a
 * test shows the detector can fail).
 */
export function englishOnTab(tab: TabContent, language: Language, data: ReadonlySet<string>): string[] {
  const texts = textsOf(tab);
  const words = texts.flatMap((text) => wordsOf(withoutParameters(text, language), data).filter(isEnglishIn(language)).map((w) => `${w} in "${text.slice(0, 60)}"`));
  const names = FUNCTIONS.filter((f) => f.labels.en.name !== f.labels[language].name)
    .flatMap((f) => texts.filter((t) => t.includes(f.labels.en.name)).map((t) => `metric name ${f.labels.en.name} in "${t.slice(0, 60)}"`));
  return [...new Set([...words, ...names])];
}
