// The comparison the warehouse tests rest on reports every kind of disagreement (so a green run means agreement).

import { mismatches } from './compare';
import type { Expected } from './customFunctions';
import type { LongRow } from './duckdb';

const row = (period: string | null, value: number | null, n: number): LongRow => ({ period, segment: null, metric: 'NPS', value, n });
const series = (entries: [string, number | '', number][]): Expected => ({ kind: 'series', periods: new Map(entries.map(([l, value, n]) => [l, { value, n }])) });
const MARCH_TO_MAY = { first: Date.UTC(2025, 2, 1), end: Date.UTC(2025, 5, 1) };

describe('mismatches', () => {
  it('finds none when every period agrees, empty periods outside the series included', () => {
    const got = [row('2025-03', 50, 4), row('2025-04', null, 0), row('2025-05', null, 0)];
    expect(mismatches('NPS', null, got, series([['2025-03', 50 + 1e-14, 4], ['2025-04', '', 0]]), MARCH_TO_MAY)).toEqual([]);
  });

  it('reports a different value, a different count, data outside the series and a missing period', () => {
    const got = [row('2025-03', 40, 4), row('2025-04', 10, 3), row('2025-05', 5, 1)];
    const want = series([['2025-03', 50, 4], ['2025-04', 10, 2], ['2025-06', 1, 1], ['2025-02', 3, 1]]);
    const found = mismatches('NPS', null, got, want, { first: Date.UTC(2025, 1, 1), end: Date.UTC(2025, 5, 1) });
    expect(found).toEqual([
      'NPS (whole) 2025-03: query 40, function 50',
      'NPS (whole) 2025-04: query n=3, function n=2',
      'NPS (whole) 2025-05: query has n=1 value=5, the function no period',
      'NPS (whole): period 2025-02 is missing from the query',
    ]);
  });

  it('wants no value anywhere when the function refuses the rows', () => {
    expect(mismatches('NPS', null, [row('2025-03', null, 0), row(null, null, 2)], { kind: 'refused' }, MARCH_TO_MAY)).toEqual([]);
    expect(mismatches('NPS', null, [row('2025-03', 7, 1)], { kind: 'refused' }, MARCH_TO_MAY)).toEqual(['NPS (whole) 2025-03: query 7, the function refuses the rows']);
  });

  it('compares a figure over all rows, blank when the function has nothing to compute on', () => {
    expect(mismatches('CAC', 'North', [row(null, null, 0)], { kind: 'overall', figure: { value: '', n: '' } }, MARCH_TO_MAY)).toEqual([]);
    expect(mismatches('CAC', 'North', [row(null, 2, 1)], { kind: 'overall', figure: { value: '', n: '' } }, MARCH_TO_MAY)).toEqual(['CAC [North] overall: query 2, function ']);
  });
});
