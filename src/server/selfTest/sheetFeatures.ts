// Self-test checks of what a summary build does to its tab, done on the scratch sheet through the add-on's own
// workbook (src/server/sheets/appsScript.ts) and read back through Apps Script: developer metadata, a warning-only
// protection, native charts, conditional colours and number formats.

import type { ChartSpec, ColourRule } from '../sheets/workbook';
import { SELF_TEST_TAG, type Scratch } from './scratch';

export function checkMetadata(scratch: Scratch): string {
  const { id } = scratch.sheet();
  const sheets = scratch.wb.listSheets();
  const found = sheets.filter((s) => s.tags[SELF_TEST_TAG] === scratch.runId);
  if (found.length !== 1 || found[0].id !== id) throw new Error(`the tag ${SELF_TEST_TAG} = ${scratch.runId} was found on ${found.length} sheets, not on the scratch sheet alone`);
  return `the scratch sheet was found by its tag among ${sheets.length} sheets`;
}

export function checkProtection(scratch: Scratch): string {
  const { id, sheet } = scratch.sheet();
  const description = 'CRM Metrics self-test';
  scratch.wb.protectWarningOnly(id, description);
  const got = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET);
  if (got.length !== 1) throw new Error(`the sheet has ${got.length} protections, not 1`);
  if (!got[0].isWarningOnly()) throw new Error('the protection is not warning-only');
  if (got[0].getDescription() !== description) throw new Error(`the protection's description is ${JSON.stringify(got[0].getDescription())}`);
  return 'the sheet is protected with a warning only';
}

/** The chart kinds summaries draw (src/server/summary/layout.ts): trends as lines or columns, breakdowns as bars. */
const CHART_KINDS = ['line', 'column', 'bar'] as const;

export function checkCharts(scratch: Scratch): string {
  const { id, sheet } = scratch.sheet();
  scratch.wb.writeBlock(id, { row: 1, column: 9, values: [['Month', 'Deals', 'Win rate'], ['Jan', 4, 0.25], ['Feb', 6, 0.5], ['Mar', 5, 0.4]] });
  const label = { row: 1, column: 9, rows: 4, columns: 1 };
  const specs: ChartSpec[] = CHART_KINDS.map((type, k) => ({
    type, title: `Self-test ${type}`, ranges: [label, { row: 1, column: 10 + (k === 2 ? 1 : 0), rows: 4, columns: 1 }],
    anchor: { row: 1 + 12 * k, column: 14 }, width: 320, height: 200, percent: type === 'bar',
  }));
  scratch.wb.addCharts(id, specs);
  const charts = sheet.getCharts();
  if (charts.length !== specs.length) throw new Error(`the sheet has ${charts.length} charts, not ${specs.length}`);
  const want = { line: Charts.ChartType.LINE, column: Charts.ChartType.COLUMN, bar: Charts.ChartType.BAR };
  // Enums compared by name ("LINE"): an Apps Script enum value need not be the same object each time it is read.
  const got = charts.map((c) => String(c.modify().getChartType()));
  for (const type of CHART_KINDS) if (!got.includes(String(want[type]))) throw new Error(`no ${type} chart among the charts inserted (${got.join(', ')})`);
  return `${CHART_KINDS.join(', ')} charts inserted`;
}

/** One rule of each kind the summaries use (src/server/summary/layout.ts). */
const COLOUR_RULES: ColourRule[] = [
  { range: { row: 20, column: 1, rows: 4, columns: 1 }, when: 'lessThan', value: 0.2, background: '#f4c7c3' },
  { range: { row: 20, column: 1, rows: 4, columns: 1 }, when: 'between', value: 0.2, to: 0.5, background: '#fce8b2' },
  { range: { row: 20, column: 1, rows: 4, columns: 1 }, when: 'greaterThanOrEqual', value: 0.5, background: '#b7e1cd' },
  { range: { row: 20, column: 2, rows: 4, columns: 3 }, when: 'gradient', min: '#ffffff', max: '#57bb8a' },
];

export function checkColours(scratch: Scratch): string {
  const { id, sheet } = scratch.sheet();
  scratch.wb.setColourRules(id, COLOUR_RULES);
  const rules = sheet.getConditionalFormatRules();
  if (rules.length !== COLOUR_RULES.length) throw new Error(`the sheet has ${rules.length} conditional format rules, not ${COLOUR_RULES.length}`);
  const C = SpreadsheetApp.BooleanCriteria;
  const want = { lessThan: C.NUMBER_LESS_THAN, between: C.NUMBER_BETWEEN, greaterThanOrEqual: C.NUMBER_GREATER_THAN_OR_EQUAL_TO };
  COLOUR_RULES.forEach((rule, k) => {
    if (rule.when === 'gradient') {
      if (!rules[k].getGradientCondition()) throw new Error(`rule ${k + 1} is not a colour gradient`);
      return;
    }
    const condition = rules[k].getBooleanCondition();
    if (!condition || String(condition.getCriteriaType()) !== String(want[rule.when])) throw new Error(`rule ${k + 1} is ${String(condition?.getCriteriaType())}, not ${String(want[rule.when])}`);
    if (condition.getBackground()?.toLowerCase() !== rule.background) throw new Error(`rule ${k + 1} colours ${condition.getBackground()}, not ${rule.background}`);
  });
  return 'less-than, between, at-least and gradient rules applied';
}

/** Percent, money, date and plain text: the formats summary tabs write (plain text keeps "=1+1" a string). */
const FORMATS = ['0.0%', '#,##0.00', 'yyyy-mm-dd', '@'];

export function checkNumberFormats(scratch: Scratch): string {
  const { id, sheet } = scratch.sheet();
  const range = { row: 1, column: 4, rows: 1, columns: FORMATS.length };
  scratch.wb.writeBlock(id, { ...range, values: [[0.25, 1234.5, new Date(Date.UTC(2025, 0, 15, 12)), '=1+1']], formats: [FORMATS] });
  const cells = sheet.getRange(range.row, range.column, 1, range.columns);
  const formats = cells.getNumberFormats()[0];
  FORMATS.forEach((f, k) => {
    if (formats[k] !== f) throw new Error(`the format ${f} came back as ${formats[k]}`);
  });
  const text = cells.getValues()[0][3];
  const formula = cells.getFormulas()[0][3];
  if (text !== '=1+1' || formula !== '') throw new Error(`"=1+1" written as plain text came back as ${JSON.stringify(text)} with formula ${JSON.stringify(formula)}`);
  return `${FORMATS.join(', ')} applied; "=1+1" stayed text`;
}
