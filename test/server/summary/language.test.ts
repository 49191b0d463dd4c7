// A summary tab speaks its reader's language: for every sample sheet and every language, no English label is left on
// a non-English tab (cells, number-format captions, chart titles and legends), and every chart lies within columns A–L.

import { LANGUAGES, type Language } from '../../../src/core/languages';
import { crmExport, sampleTables, type SampleTable } from '../../../src/core/sample/generate';
import { FUNCTIONS } from '../../../src/functions/catalogue';
import { TAB_TEXTS } from '../../../src/server/summary/tabText';
import { pixelsBetween } from '../../../src/server/summary/widths';
import { detectedSample } from '../helpers';
import { dataStrings, englishOnTab, textsOf } from './tab';

const NOW = Date.UTC(2026, 0, 15, 9, 30);
const TABLES: SampleTable[] = [...sampleTables({ rows: 600, end: Date.UTC(2026, 0, 14), dates: 'date', seed: 11 }), crmExport({ rows: 600, dates: 'date' })];
const LOCALES: Record<Language, string> = { en: 'en_US', cs: 'cs_CZ', pl: 'pl_PL', ru: 'ru_RU', th: 'th_TH' };

/** English definitions (a test below checks the notes hold translated ones instead). */
const DEFINITIONS = FUNCTIONS.map((f) => f.definition);
const isDefinition = (text: string): boolean => DEFINITIONS.some((d) => text.startsWith(d));

describe.each(TABLES.map((t) => [t.name, t] as const))('the summary of the sample %s sheet', (_name, table) => {
  const data = dataStrings(table.name, [table.headers, ...table.rows]);

  it.each(LANGUAGES.map((l) => [l]))('in %s: has no label in another language, and every chart within columns A–L', (language) => {
    const { wb, rpc, detected } = detectedSample(table, NOW);
    wb.locale = LOCALES[language];
    const metrics = detected.metrics.filter((m) => m.available).map((m) => m.name);
    const goals = Object.fromEntries(metrics.slice(0, 2).map((m) => [m, 0.5]));
    const built = rpc.buildSummary({ spec: { title: table.name, source: detected.source, mapping: detected.mapping, metrics, grain: 'month', goals } });
    if (!built.ok) throw new Error(built.error.message);
    const tab = wb.sheetById(built.data.sheetId)!;

    // No English word, and every metric on the tab named in the language (the English name nowhere, where the names differ).
    expect(language === 'en' ? [] : englishOnTab(tab, language, data)).toEqual([]);
    // The tab records its language.
    expect(tab.values[1]).toContain(TAB_TEXTS[language].languageName);
    // When: a date-time cell in the automatic format (Sheets shows it as the spreadsheet's locale shows dates), the zone in its label.
    expect(tab.values[1][3]).toBe(`${TAB_TEXTS[language].refreshedAt} (${wb.timeZone})`);
    expect(tab.values[1][4]).toEqual(new Date(NOW));
    expect(tab.formats[1]?.[4] ?? '').toMatch(/^(General)?$/);

    expect(tab.charts.length).toBeGreaterThan(0);
    for (const c of tab.charts) {
      expect({ title: c.title, column: c.anchor.column }).toEqual({ title: c.title, column: expect.any(Number) });
      expect(c.anchor.column).toBeLessThanOrEqual(12);
      expect(c.anchor.row).toBeLessThanOrEqual(tab.maxRows);
      // Its right edge is left of column L's.
      const widths = Object.entries(tab.columnWidths).map(([column, width]) => ({ column: Number(column), width }));
      expect(c.width).toBeLessThanOrEqual(pixelsBetween(widths, c.anchor.column, 12));
    }
  });
});

it('writes the notes’ definitions in the reader’s language', () => {
  const { wb, rpc, detected } = detectedSample(TABLES[0], NOW);
  wb.locale = 'cs_CZ';
  const metrics = detected.metrics.filter((m) => m.available).map((m) => m.name);
  const built = rpc.buildSummary({ spec: { title: 'Surveys', source: detected.source, mapping: detected.mapping, metrics, grain: 'month' } });
  if (!built.ok) throw new Error(built.error.message);
  expect(textsOf(wb.sheetById(built.data.sheetId)!).filter(isDefinition)).toEqual([]);
});
