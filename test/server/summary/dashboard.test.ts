// The dashboard at first glance: axes that fit their values, formats in the reader's currency, changes coloured by
// direction, cards and the main chart on the first screen, goal lines, NPS colours, headers that show whole.

import { sampleTables } from '../../../src/core/sample/generate';
import { findFunction } from '../../../src/functions/catalogue';
import { chartOptions } from '../../../src/server/sheets/appsScript';
import { fitAxis } from '../../../src/server/summary/axis';
import { buildSummary } from '../../../src/server/summary/build';
import { BAD, changeColours, GOOD } from '../../../src/server/summary/cards';
import { DETRACTORS, PASSIVES, PROMOTERS } from '../../../src/server/summary/chartSpecs';
import { hasCurrency, tabFormats } from '../../../src/server/summary/formats';
import { tabText } from '../../../src/server/summary/tabText';
import { columnWidths, textPixels } from '../../../src/server/summary/widths';
import { NOW, reportFor, specFor, surveysTable, workbookWith } from '../helpers';

describe('a chart axis', () => {
  it('gives an all-zero share 0–100%, not five labels of 0%', () => expect(fitAxis([0, 0, 0], 'fraction')).toEqual({ min: 0, max: 1 }));
  it('starts shares at zero and ends at the next round step: 20%–45% → 0–60%', () => expect(fitAxis([0.2, 0.45, ''], 'fraction')).toEqual({ min: 0, max: 0.6 }));
  it('zooms in on shares that huddle near 100%: 94%–100% → 94–100%', () => expect(fitAxis([0.94, 0.97, 1], 'fraction')).toEqual({ min: 0.94, max: 1 }));
  it('spans negative and positive points in steps of 50: −38..66 → −50..100', () => expect(fitAxis([-38, 66], 'points')).toEqual({ min: -50, max: 100 }));
  it('keeps the goal in view: 10–20 days with a goal of 30 → 0–30', () => expect(fitAxis([10, 20], 'days', 30)).toEqual({ min: 0, max: 30 }));
  it('gives a flat series room around it: 5 → 0–8', () => expect(fitAxis([5, 5], 'money')).toEqual({ min: 0, max: 8 }));
});

describe('the tab’s number formats', () => {
  it('use the locale’s currency when the source shows none', () => {
    expect(tabFormats(tabText('cs'), 'cs_CZ').value('money')).toBe('#,##0.00" Kč"');
    expect(tabFormats(tabText('en'), 'en_US').value('money')).toBe('"$"#,##0.00');
    expect(tabFormats(tabText('th'), 'th').value('money')).toBe('"฿"#,##0.00');
    expect(tabFormats(tabText('en'), 'xx').value('money')).toBe('#,##0.00');
  });
  it('use the source amount column’s own currency format', () => {
    expect(tabFormats(tabText('cs'), 'cs_CZ', '[$€-407]#,##0.00').value('money')).toBe('[$€-407]#,##0.00');
    expect(tabFormats(tabText('cs'), 'cs_CZ', '#,##0.00').value('money')).toBe('#,##0.00" Kč"');
    expect([hasCurrency('"$"#,##0'), hasCurrency('#,##0.00 "zł"'), hasCurrency('[Red]0.00'), hasCurrency('0.0%')]).toEqual([true, true, false, false]);
  });
  it('show a change with an arrow, units in the language', () => {
    const f = tabFormats(tabText('pl'), 'pl_PL');
    expect(f.change('fraction')).toBe('"▲ +"0.0%;"▼ -"0.0%;0.0%');
    expect(f.change('days')).toBe('"▲ +"0.0" dni";"▼ -"0.0" dni";0.0" dni"');
    expect(f.value('days')).toBe('0.0" dni"');
  });
});

describe('a change', () => {
  const range = { row: 7, column: 2, rows: 1, columns: 1 };
  it('is green when up and red when down where higher is better', () => {
    const { colours } = changeColours('higher', range);
    expect(colours.map((c) => [c.when, 'fontColour' in c ? c.fontColour : ''])).toEqual([['greaterThanOrEqual', GOOD.font], ['lessThan', BAD.font]]);
  });
  it('is red when up where lower is better', () => expect(changeColours('lower', range).colours.map((c) => ('fontColour' in c ? c.fontColour : ''))).toEqual([BAD.font, GOOD.font]));
  it('is grey where neither way is better', () => {
    const { colours, styles } = changeColours('neither', range);
    expect(colours).toEqual([]);
    expect(styles[0].fontColour).toBe('#5f6368');
  });
});

describe('a summary tab’s first screen', () => {
  const deals = sampleTables({ rows: 1500, dates: 'date' })[1];
  const dealSpec = (sheetId: number) => ({
    title: 'Deals', grain: 'month' as const, metrics: ['CLOSE_RATE', 'WIN_RATE', 'PIPELINE_VALUE', 'SALES_CYCLE'], goals: { WIN_RATE: 0.5 },
    mapping: { dealId: 0, dealCreated: 1, customer: 2, segment: 3, product: 4, stage: 5, dealOutcome: 6, amount: 7, dealClosed: 8, probability: 9 },
    source: { sheetId, sheetName: 'Deals', hasHeader: true, range: 'A1:J1501' },
  });

  it('shows a card per metric in B–E from row 5, its rows named in A, and the goal’s metric charted beside them with its goal as a dashed line', () => {
    const { wb, sheetId } = workbookWith(deals);
    const tab = wb.sheetById(buildSummary(wb, { report: reportFor(dealSpec(sheetId)), now: NOW }).sheetId)!;
    expect(tab.values[4].slice(0, 5)).toEqual(['', 'Close rate', 'Win rate', 'Pipeline value', 'Sales cycle length']);
    expect(tab.values.slice(4, 9).map((r) => r[0])).toEqual(['', expect.stringMatching(/^Latest \(\d{4}-\d{2}\)$/), expect.stringMatching(/^Change \(vs \d{4}-\d{2}\)$/), 'Goal', 'Progress to goal']);
    // The card's figures are the headline table's: value, change, goal, progress.
    const head = tab.values.findIndex((r) => r && r[0] === 'Metric');
    const win = tab.values.slice(head).find((r) => r[0] === 'Win rate')!;
    expect([tab.values[5][2], tab.values[6][2], tab.values[7][2], tab.values[8][2]]).toEqual([win[1], win[3], 0.5, win[5]]);
    expect(tab.formats[6][2]).toBe('"▲ +"0.0%;"▼ -"0.0%;0.0%');
    const main = tab.charts[0];
    expect(main.anchor).toEqual({ row: 5, column: 6 });
    expect(main.title).toBe('Win rate by month');
    expect(main.goalSeries).toEqual([1]);
    const goal = main.ranges[2];
    for (let r = goal.row + 1; r < goal.row + goal.rows; r++) expect(tab.values[r - 1][goal.column - 1]).toBe(0.5);
    expect(main.axis).toMatchObject({ format: '#,##0.#%', min: 0 });
    expect(main.axis!.max).toBeGreaterThanOrEqual(0.5);
  });

  it('writes money in the source amount column’s currency', () => {
    const { wb, sheetId } = workbookWith(deals);
    const source = wb.sheetById(sheetId)!;
    for (let r = 1; r <= deals.rows.length; r++) (source.formats[r] ??= [])[7] = '[$€-407]#,##0.00';
    const tab = wb.sheetById(buildSummary(wb, { report: reportFor(dealSpec(sheetId)), now: NOW }).sheetId)!;
    expect(tab.formats[5][3]).toBe('[$€-407]#,##0.00');
  });

  it('colours the NPS breakdown by meaning and widens every column to its header or wraps it', () => {
    const t = surveysTable(1000);
    const { wb, sheetId } = workbookWith(t);
    const spec = specFor(t, sheetId, { metrics: ['NPS', 'NPS_BREAKDOWN', 'CSAT'] });
    const tab = wb.sheetById(buildSummary(wb, { report: reportFor(spec), now: NOW, language: 'ru' }).sheetId)!;
    const breakdown = tab.charts.find((c) => c.type === 'stackedBar')!;
    expect(breakdown.colours).toEqual([PROMOTERS, PASSIVES, DETRACTORS]);
    const header = breakdown.ranges[1];
    expect(tab.values[header.row - 1].slice(header.column - 1, header.column + 2)).toEqual(['промоутеры', 'нейтралы', 'критики']);
    const wrapped = tab.styles.filter((s) => s.wrap).flatMap((s) => s.ranges);
    const header0 = tab.values.findIndex((r) => r && r[0] === tabText('ru').metric);
    tab.values[header0].forEach((text, c) => {
      const fits = tab.columnWidths[c + 1] >= Math.min(240, textPixels(String(text)));
      const wraps = wrapped.some((g) => g.row === header0 + 1 && c + 1 >= g.column && c + 1 < g.column + g.columns);
      expect({ text, fits, wraps }).toEqual({ text, fits: true, wraps: true });
    });
  });

  it('widens a card column to its 18-point figure', () => {
    const block = { id: 'cards:0', row: 5, column: 1, values: [['Pipeline value', 1_470_047.97], ['Previous', 12]], formats: [] };
    const [, card] = columnWidths([block], []);
    // The widest a figure shows: sign, currency, separators, two decimals and a unit; 18 points is 1.8 times 10.
    expect(card.width).toBe(Math.ceil(1.8 * textPixels('−1,470,047.97 Kč /den')));
    expect(card.width).toBe(308);
    const [, small] = columnWidths([{ ...block, values: [['NPS', 7]] }], []);
    // A small figure still leaves room for the longest currency and unit beside it.
    expect(small.width).toBe(Math.ceil(1.8 * textPixels('−7.00 Kč /den')));
    expect(small.width).toBeGreaterThan(150);
  });

  it('writes each figure’s formula as the reader’s Sheets does: ";" between arguments in cs, "," in en', () => {
    const t = surveysTable(300);
    const { wb, sheetId } = workbookWith(t);
    const report = reportFor(specFor(t, sheetId, { metrics: ['NPS'] }));
    const formulaOf = (locale: string): string => {
      wb.locale = locale;
      const tab = wb.sheetById(buildSummary(wb, { report, now: NOW }).sheetId)!;
      return String(tab.values.flat().find((v) => typeof v === 'string' && v.startsWith('=NPS(')));
    };
    expect(formulaOf('en_US')).toMatch(/^=NPS\('Surveys'!D2:D301, "\d{4}-\d\d", 'Surveys'!A2:A301\)$/);
    expect(formulaOf('cs_CZ')).toMatch(/^=NPS\('Surveys'!D2:D301; "\d{4}-\d\d"; 'Surveys'!A2:A301\)$/);
  });

  it('writes formulas in the spreadsheet’s locale and words in the reader’s, where the two differ', () => {
    const t = surveysTable(300);
    const { wb, sheetId } = workbookWith(t);
    wb.locale = 'en_US';
    wb.spreadsheetLocale = 'cs_CZ';
    const tab = wb.sheetById(buildSummary(wb, { report: reportFor(specFor(t, sheetId, { metrics: ['NPS'] })), now: NOW }).sheetId)!;
    expect(tab.values.flat().find((v) => typeof v === 'string' && v.startsWith('=NPS('))).toMatch(/^=NPS\('Surveys'!D2:D301; "\d{4}-\d\d"; /);
    expect(tab.values[1]).toContain(tabText('en').languageName);
  });

  it('re-renders in the language of whoever refreshes, and says which', () => {
    const t = surveysTable(600);
    const { wb, sheetId } = workbookWith(t);
    const report = reportFor(specFor(t, sheetId, { metrics: ['NPS'] }));
    buildSummary(wb, { report, now: NOW, language: 'en' });
    const again = buildSummary(wb, { report, now: NOW, language: 'pl' });
    const tab = wb.sheetById(again.sheetId)!;
    expect(tab.values[1]).toEqual(expect.arrayContaining(['Język', 'polski']));
    expect(tab.values[2][0]).toBe('Okres główny');
    expect(tab.values[4][1]).toBe(findFunction('NPS')!.labels.pl.name);
  });
});

describe('the Apps Script chart options', () => {
  it('set the axis, the colours and a dashed goal line (a combo chart for columns)', () => {
    const options = new Map(chartOptions({
      type: 'column', title: 't', ranges: [], anchor: { row: 1, column: 1 }, width: 400, height: 200,
      axis: { format: '#,##0', min: 0, max: 80 }, colours: ['#1a73e8', '#5f6368'], goalSeries: [1],
    }));
    expect(options.get('vAxis.viewWindow.min')).toBe(0);
    expect(options.get('vAxis.viewWindow.max')).toBe(80);
    expect(options.get('vAxis.format')).toBe('#,##0');
    expect(options.get('colors')).toEqual(['#1a73e8', '#5f6368']);
    expect(options.get('series')).toEqual({ 1: expect.objectContaining({ type: 'line', lineDashStyle: [6, 4] }) });
    expect(options.get('seriesType')).toBe('bars');
  });
  it('put a bar chart’s axis horizontal and stack a stacked bar', () => {
    const options = new Map(chartOptions({ type: 'stackedBar', title: 't', ranges: [], anchor: { row: 1, column: 1 }, width: 400, height: 150, axis: { format: '#,##0%', min: 0, max: 1 } }));
    expect([options.get('hAxis.viewWindow.max'), options.get('isStacked'), options.has('vAxis.format')]).toEqual([1, true, false]);
  });
});
