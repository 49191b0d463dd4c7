// The formula the summary tab shows beside each headline figure, typed into a real formula engine over the same
// sheet, gives that figure: for every sample sheet, with the metrics the sidebar ticks by default.

import { DetailedCellError } from 'hyperformula';
import { sampleTables } from '../../src/core/sample/generate';
import { tabText } from '../../src/server/summary/tabText';
import { detectedSample } from '../server/helpers';
import { buildEngine } from '../../scripts/workbench/engine';

const TAB_TEXT = tabText('en');

const NOW = Date.UTC(2026, 0, 15, 9, 30);
const TABLES = sampleTables({ rows: 300, end: Date.UTC(2026, 0, 14), dates: 'date', seed: 5 });

/** A cell as the engine takes it: text stays text, blanks are empty. */
const content = (v: unknown): unknown => (v === '' || v === undefined ? null : typeof v === 'string' ? `'${v}` : v);

describe.each(TABLES.map((t) => [t.name, t] as const))('the formulas on the summary of the sample %s sheet', (_name, table) => {
  it('give, typed into cells, the headline figures beside them', () => {
    const { wb, rpc, detected } = detectedSample(table, NOW);
    const { source, mapping, metrics } = detected;
    const ticked = metrics.filter((m) => m.available && m.ofKind).map((m) => m.name);
    const built = rpc.buildSummary({ spec: { title: 'Summary', source, mapping, metrics: ticked, grain: 'month' } });
    if (!built.ok) throw new Error(built.error.message);
    const tab = wb.sheetById(built.data.sheetId)!.values as unknown[][];
    const top = tab.findIndex((r) => r && r[0] === TAB_TEXT.metric);
    const formulaAt = (tab[top] as unknown[]).indexOf(TAB_TEXT.formula);
    expect(formulaAt).toBeGreaterThan(0);
    const rows: unknown[][] = [];
    for (let r = top + 1; tab[r] && tab[r][0]; r++) rows.push(tab[r]);
    expect(rows.length).toBeGreaterThan(0);

    const hf = buildEngine({ [table.name]: [table.headers, ...table.rows].map((r) => r.map(content)), Check: [] });
    const check = hf.getSheetId('Check')!;
    rows.forEach((row, k) => {
      // The tab writes a formula as text with Sheets' leading apostrophe; a user types it without.
      const formula = String(row[formulaAt]).replace(/^'/, '');
      expect(formula).toMatch(/^=[A-Z_]+\(/);
      hf.setCellContents({ sheet: check, row: k, col: 0 }, [[formula]]);
      const got = hf.getCellValue({ sheet: check, row: k, col: 0 });
      if (row[1] === '') expect({ formula, error: got instanceof DetailedCellError }).toEqual({ formula, error: true });
      else {
        expect({ formula, type: typeof got }).toEqual({ formula, type: 'number' });
        expect({ formula, close: Math.abs((got as number) - (row[1] as number)) <= 1e-9 * Math.max(1, Math.abs(row[1] as number)) }).toEqual({ formula, close: true });
      }
    });
  });
});
