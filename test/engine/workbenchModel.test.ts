// The workbench's spreadsheet: formulas computed by HyperFormula, results written back for the add-on's handlers to read.

import { InMemoryWorkbook } from '../../src/server/sheets/inMemory';
import { parseInput, WorkbenchModel } from '../../scripts/workbench/model';
import { chartData } from '../../scripts/workbench/charts';

function model(): WorkbenchModel {
  return new WorkbenchModel(new InMemoryWorkbook([{ name: 'Data', values: [['Score', 'Segment'], [10, '=1+1'], [9, 'true'], [8, '0012'], [3, 'Plain']] }]));
}

describe('the workbench model', () => {
  it('reads typing as Sheets does: formulas, numbers, dates, booleans, and text forced with an apostrophe', () => {
    expect(parseInput('=NPS(A1:A4)')).toEqual({ formula: '=NPS(A1:A4)' });
    expect(parseInput('42')).toEqual({ value: 42 });
    expect(parseInput('12.5%')).toEqual({ value: 0.125 });
    expect(parseInput('2025-03-01')).toEqual({ value: new Date(Date.UTC(2025, 2, 1)) });
    expect(parseInput('TRUE')).toEqual({ value: true });
    expect(parseInput("'=1+1")).toEqual({ value: '=1+1' });
    expect(parseInput('hello')).toEqual({ value: 'hello' });
  });

  it('computes a typed formula and writes its value into the workbook, where the handlers read it', () => {
    const m = model();
    m.setCell(0, 1, 4, '=NPS(A2:A5)');
    expect(m.workbook.readValues(0, { row: 1, column: 4, rows: 1, columns: 1 })).toEqual([[25]]);
    expect(m.view(0)?.formulas).toEqual({ '1,4': '=NPS(A2:A5)' });
  });

  it('recomputes when a cell the formula reads changes', () => {
    const m = model();
    m.setCell(0, 1, 4, '=NPS(A2:A5)');
    m.setCell(0, 5, 1, '10');
    expect(m.cellValue(0, 1, 4)).toBe(75);
  });

  it('keeps text that looks like a formula, a boolean or a number as text', () => {
    const m = model();
    m.setCell(0, 1, 4, '=COUNTA(B2:B5)');
    expect(m.cellValue(0, 2, 2)).toBe('=1+1');
    expect(m.view(0)?.rows[1][1]).toBe('=1+1');
    expect(m.view(0)?.rows[3][1]).toBe('0012');
    expect(m.cellValue(0, 1, 4)).toBe(4);
  });

  it('spills a series into the cells below, grows it with the data, and clears it when the formula goes', () => {
    const m = new WorkbenchModel(new InMemoryWorkbook([{ name: 'S', values: [[10, new Date(Date.UTC(2025, 0, 5))], [0, new Date(Date.UTC(2025, 1, 5))]] }]));
    m.setCell(0, 1, 4, '=NPS(A1:A3, "month", B1:B3)');
    expect(m.view(0)?.rows.slice(0, 3).map((r) => r.slice(3, 6))).toEqual([['period', 'NPS', 'responses'], ['2025-01', 100, 1], ['2025-02', -100, 1]]);
    m.setCell(0, 3, 1, '9');
    m.setCell(0, 3, 2, '2025-04-10');
    expect(m.view(0)?.rows.slice(0, 5).map((r) => r.slice(3, 6))).toEqual([
      ['period', 'NPS', 'responses'], ['2025-01', 100, 1], ['2025-02', -100, 1], ['2025-03', '', 0], ['2025-04', 100, 1]]);
    m.setCell(0, 1, 4, '');
    expect(m.view(0)?.rows.slice(0, 5).map((r) => r.slice(3, 6).filter((v) => v !== ''))).toEqual([[], [], [], [], []]);
  });

  it('shows an error cell as #ERROR! with the function’s message', () => {
    const m = model();
    m.setCell(0, 1, 4, '=NPS(B2:B5)');
    expect(m.cellValue(0, 1, 4)).toBe('#ERROR!');
    expect(m.view(0)?.errors['1,4']).toMatch(/^NPS: 4 values are not scores from 0 to 10/);
  });
});

describe('chart data', () => {
  it('reads labels from the domain range and one series per further column, header first', () => {
    const rows = [['Period', 'NPS', 'CSAT'], ['2025-Q1', 10, 0.8], ['2025-Q2', '', 0.9]];
    const spec = { type: 'line' as const, title: 't', anchor: { row: 1, column: 5 }, width: 400, height: 200,
      ranges: [{ row: 1, column: 1, rows: 3, columns: 1 }, { row: 1, column: 2, rows: 3, columns: 2 }] };
    const data = chartData(spec, rows);
    expect(data.labels).toEqual(['2025-Q1', '2025-Q2']);
    expect(data.series.map((s) => s.name)).toEqual(['NPS', 'CSAT']);
    expect(data.series[0].values[0]).toBe(10);
    expect(data.series[0].values[1]).toBeNaN();
  });
});
