// Compares the long table a query returned with the custom functions' figures, period by period and segment by segment.

import { parsePeriod } from '../../src/core/periods';
import type { Grain } from '../../src/core/periods';
import type { FunctionSpec } from '../../src/functions/spec';
import type { Expected, Figure, SheetRows } from './customFunctions';
import type { LongRow } from './duckdb';

/** Relative tolerance for float sums added in another order (means and ratios of the same numbers). */
export const SUMMATION_TOLERANCE = 1e-12;

/**
 * Each mismatch as one line (empty when the two agree). `range` is the report's civil span [first, end) in ms: every
 * period of the function's series inside it must be in the query's table.
 */
export function mismatches(
  metric: string, segment: string | null, got: readonly LongRow[], want: Expected, range: { first: number; end: number }, tolerance = SUMMATION_TOLERANCE,
): string[] {
  const where = `${metric} ${segment === null ? '(whole)' : `[${segment}]`}`;
  const out: string[] = [];
  const sameValue = (a: number | null, b: number | ''): boolean =>
    b === '' ? a === null : a !== null && Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(b));
  const check = (label: string, row: LongRow, figure: Figure | undefined): void => {
    if (!figure) {
      // A period outside the function's series (before or after its data): the query must say it holds nothing.
      if (row.n !== 0 || row.value !== null) out.push(`${where} ${label}: query has n=${row.n} value=${row.value}, the function no period`);
      return;
    }
    if (!sameValue(row.value, figure.value)) out.push(`${where} ${label}: query ${row.value}, function ${figure.value}`);
    if (figure.n !== '' && row.n !== figure.n) out.push(`${where} ${label}: query n=${row.n}, function n=${figure.n}`);
  };
  if (want.kind === 'refused') {
    // The function refuses these rows (no data, or a cell it cannot read): the query must show no value anywhere.
    for (const row of got) if (row.value !== null) out.push(`${where} ${row.period ?? 'overall'}: query ${row.value}, the function refuses the rows`);
    return out;
  }
  if (want.kind === 'overall') {
    if (got.length !== 1 || got[0].period !== null) out.push(`${where}: expected one overall row, got ${got.length}`);
    else check('overall', got[0], want.figure);
    return out;
  }
  const labels = new Set(got.map((r) => r.period));
  if (labels.size !== got.length) out.push(`${where}: a period appears twice`);
  for (const row of got) check(String(row.period), row, want.periods.get(String(row.period)));
  for (const label of want.periods.keys()) {
    const p = parsePeriod(label);
    if (p && p.start >= range.first && p.start < range.end && !labels.has(label)) out.push(`${where}: period ${label} is missing from the query`);
  }
  return out;
}

/** Each cell where two section tables differ (text exactly, numbers within a relative `tolerance`), one a line. */
export function tableMismatches(metric: string, got: readonly (readonly (string | number)[])[] | undefined, want: readonly (readonly (string | number)[])[] | undefined, tolerance = SUMMATION_TOLERANCE): string[] {
  if (!got || !want) return got === want ? [] : [`${metric}: ${got ? 'a table' : 'no table'} from the warehouse, ${want ? 'a table' : 'no table'} from the function`];
  if (got.length !== want.length || got.some((r, k) => r.length !== want[k].length)) return [`${metric}: shape ${JSON.stringify(got)} vs ${JSON.stringify(want)}`];
  return got.flatMap((r, k) => r.flatMap((v, c) => {
    const w = want[k][c];
    const same = typeof v === 'number' && typeof w === 'number' ? Math.abs(v - w) <= tolerance * Math.max(1, Math.abs(w)) : v === w;
    return same ? [] : [`${metric} [${k}][${c}]: warehouse ${v}, function ${w}`];
  }));
}

/** Each mismatch of a metric's rows, for the whole table and each segment of `segmentColumn`, with the function on the same rows. */
export function scopeMismatches(
  spec: FunctionSpec, got: readonly LongRow[], sheet: SheetRows, segmentColumn: number, grain: Grain, range: { first: number; end: number },
): string[] {
  const segments = sheet.segments(segmentColumn);
  return [null, ...segments.keys()].flatMap((segment) => {
    const rows = segment === null ? null : (segments.get(segment) as number[]);
    return mismatches(spec.name, segment, got.filter((r) => r.segment === segment), sheet.expected(spec, grain, rows), range);
  });
}
