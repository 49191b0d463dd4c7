// Reading a built summary tab in tests: rows of the headline table, the title block's values, and the English left on
// a tab in another language (shared by the server-level and the browser language tests).

import type { Language } from '../../../src/core/languages';
import { FUNCTIONS } from '../../../src/functions/catalogue';
import { definitionIn } from '../../../src/functions/definitions';
import { tabText } from '../../../src/server/summary/tabText';

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

/**
 * Words that are English and no word of Czech, Polish, Russian or Thai text. ("by", "to", "data", "model", "segment"
 * are Czech or Polish words too: see ENGLISH_IN_OTHER_SCRIPTS.)
 */
const ENGLISH = new Set(('the of and with rate rows all sample small how each every figure computed columns used goal change latest ' +
  'previous progress period trend source refreshed headline metric note notes customer customers outlook expected purchases predicted spend past ' +
  'none group count share promoters passives detractors total cohort size month months quarter week year day days mean median over ' +
  'between language english value stage deals low high after in is are uses answers won lost open churn retention score time ' +
  'conversion response resolution satisfaction effort chart generated refresh').split(' '));
/** English words that are Czech or Polish words too: English only on a tab in a language written in another script. */
const ENGLISH_IN_OTHER_SCRIPTS = new Set(['by', 'to', 'data', 'model', 'segment']);
const isEnglishIn = (language: Language) => (word: string): boolean =>
  ENGLISH.has(word) || ((language === 'ru' || language === 'th') && ENGLISH_IN_OTHER_SCRIPTS.has(word));

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
