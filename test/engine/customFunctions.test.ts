// The custom functions registered in HyperFormula and typed into cells as a user would: ranges, spills and errors.

import { DetailedCellError, type HyperFormula } from 'hyperformula';
import { findFunction, FUNCTIONS } from '../../src/functions/catalogue';
import { runFunction } from '../../src/functions/runner';
import type { Arg, Result } from '../../src/functions/spec';
import { buildEngine } from '../../scripts/workbench/engine';

const at = (row: number, col: number, sheet = 0) => ({ sheet, row, col });

/** A sheet holding `columns` side by side from A1, and a formula typed into `cell` afterwards. */
function sheetWith(columns: unknown[][], formula: string, row = 0, col = 5): { hf: HyperFormula; value: unknown } {
  const height = Math.max(0, ...columns.map((c) => c.length));
  const data = Array.from({ length: height }, (_, r) => columns.map((c) => (r < c.length ? c[r] : null)));
  const hf = buildEngine({ Data: data });
  hf.setCellContents(at(row, col), [[formula]]);
  return { hf, value: hf.getCellValue(at(row, col)) };
}

/** Column letters for 0-based index (A..Z, AA..). */
const letters = (i: number): string => (i < 26 ? String.fromCharCode(65 + i) : letters(Math.floor(i / 26) - 1) + letters(i % 26));

/** An example argument typed the way a user would: a scalar as a literal, a range written into cells. */
function typeArgs(args: readonly Arg[]): { data: unknown[][]; refs: string[] } {
  const cols: unknown[][] = [];
  const refs = args.map((arg) => {
    if (Array.isArray(arg)) {
      const first = cols.length;
      const width = arg[0]?.length ?? 1;
      for (let c = 0; c < width; c++) cols.push(arg.map((row) => (row[c] === '' ? null : row[c])));
      return `${letters(first)}1:${letters(first + width - 1)}${arg.length}`;
    }
    if (arg === undefined || arg === null) return '';
    if (typeof arg === 'number') return String(arg);
    if (typeof arg === 'boolean') return arg ? 'TRUE()' : 'FALSE()';
    if (arg instanceof Date) return `DATE(${arg.getUTCFullYear()},${arg.getUTCMonth() + 1},${arg.getUTCDate()})`;
    return `"${arg.replace(/"/g, '""')}"`;
  });
  const height = Math.max(0, ...cols.map((c) => c.length));
  return { data: Array.from({ length: height }, (_, r) => cols.map((c) => (r < c.length ? c[r] : null))), refs };
}

/** The value a formula shows, spilled tables read back as rows × columns. */
function shown(hf: HyperFormula, row: number, col: number, like: Result): unknown {
  if (!Array.isArray(like)) return hf.getCellValue(at(row, col));
  return like.map((r, i) => r.map((_, j) => hf.getCellValue(at(row + i, col + j))));
}

/** HyperFormula exports numbers rounded to 10 significant digits: compare relatively. */
function expectNumber(actual: unknown, expected: number): void {
  expect(typeof actual).toBe('number');
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
}

function expectClose(actual: unknown, expected: Result): void {
  if (typeof expected === 'number') expectNumber(actual, expected);
  else if (typeof expected === 'string') expect(actual).toBe(expected);
  else {
    const rows = actual as unknown[][];
    expected.forEach((row, i) => row.forEach((cell, j) => {
      if (typeof cell === 'number') expectNumber(rows[i][j], cell);
      else expect(rows[i][j]).toBe(cell);
    }));
  }
}

describe('custom functions in HyperFormula', () => {
  it('returns 25 for =NPS(A1:A4) over 10, 9, 8, 3', () => {
    expect(sheetWith([[10, 9, 8, 3]], '=NPS(A1:A4)').value).toBe(25);
  });

  it('skips blank cells inside the range', () => {
    expect(sheetWith([[10, null, 9, 8, null, 3]], '=NPS(A1:A6)').value).toBe(25);
  });

  it('shows #ERROR! with the message naming the function, the count and the first bad cell', () => {
    const { value } = sheetWith([[10, 9, 'abc', 3, 11]], '=NPS(A1:A5)');
    expect(value).toBeInstanceOf(DetailedCellError);
    const error = value as DetailedCellError;
    expect(error.value).toBe('#ERROR!');
    expect(error.message).toBe('NPS: 2 values are not scores from 0 to 10 (first: "abc" in row 3 of scores)');
  });

  it('passes an error inside the range through, as Sheets does', () => {
    const { value } = sheetWith([[10, '=1/0', 9]], '=NPS(A1:A3)');
    expect((value as DetailedCellError).value).toBe('#DIV/0!');
  });

  it('keeps only the period asked for, with dates typed as ISO text and as dates', () => {
    const dates = ['2025-03-02', new Date(Date.UTC(2025, 2, 30)), null, '2025-04-01'];
    expect(sheetWith([[10, 6, null, 9], dates], '=NPS(A1:A4, "2025-03", B1:B4)').value).toBe(0);
  });

  it('spills a monthly series with a header row when given a grain', () => {
    const dates = ['2025-01-05', '2025-01-20', '2025-03-02'];
    const { hf } = sheetWith([[10, 0, 9], dates], '=NPS(A1:A3, "month", B1:B3)');
    expect(shown(hf, 0, 5, [['', '', ''], ['', '', ''], ['', '', ''], ['', '', '']])).toEqual([
      ['period', 'NPS', 'responses'],
      ['2025-01', 0, 2],
      ['2025-02', '', 0],
      ['2025-03', 100, 1],
    ]);
  });

  it('passes every argument of a variadic function on: METRIC_BY over NPS with a period and dates', () => {
    const segments = ['EU', 'US', 'EU', 'US'];
    const scores = [10, 9, 3, 10];
    const dates = ['2025-03-02', '2025-03-05', '2025-04-01', '2025-03-30'];
    const { hf } = sheetWith([segments, scores, dates], '=METRIC_BY("NPS", A1:A4, B1:B4, "2025-03", C1:C4)');
    const col = (xs: unknown[]) => xs.map((x) => [x]) as Arg;
    const core = runFunction(findFunction('METRIC_BY')!, ['NPS', col(segments), col(scores), '2025-03', col(dates.map((d) => new Date(`${d}T00:00:00Z`)))]);
    expectClose(shown(hf, 0, 5, core), core);
  });

  it('reports a missing required argument', () => {
    const { value } = sheetWith([[1]], '=NPS()');
    expect(value).toBeInstanceOf(DetailedCellError);
  });

  it('recalculates when a cell in the range changes', () => {
    const { hf } = sheetWith([[10, 9, 8, 3]], '=NPS(A1:A4)');
    hf.setCellContents(at(3, 0), [[10]]);
    expect(hf.getCellValue(at(0, 5))).toBe(75);
  });

  describe('every example in the function table, typed into cells, gives what the core gives', () => {
    const cases = FUNCTIONS.flatMap((spec) => spec.examples.map((example, k) => ({ spec, example, k })));
    it.each(cases.map((c) => [`${c.spec.name} example ${c.k + 1}`, c] as const))('%s', (_, { spec, example }) => {
      const { data, refs } = typeArgs(example.args);
      while (refs.length && refs[refs.length - 1] === '') refs.pop();
      const col = Math.max(5, (data[0]?.length ?? 0) + 1);
      const { hf, value } = sheetWith(data[0] ? data[0].map((_, c) => data.map((r) => r[c])) : [], `=${spec.name}(${refs.join(', ')})`, 0, col);
      if (value instanceof DetailedCellError) throw new Error(`${spec.name}: ${value.value} ${value.message}`);
      const core = runFunction(spec, example.args);
      expectClose(shown(hf, 0, col, core), core);
    });
  });

  it('registers every function of the table', () => {
    const hf = buildEngine();
    const registered = new Set(hf.getRegisteredFunctionNames());
    expect(FUNCTIONS.filter((f) => !registered.has(f.name)).map((f) => f.name)).toEqual([]);
  });
});
