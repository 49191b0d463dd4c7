// Row aggregates computed over all rows, over the rows dated in one period, or per period of a grain.

import { indexInSeries, periodSeries, type Grain, type Period } from './periods';

/** The rows a fold visits: rows 0..count-1, or the first `count` entries of `rows`. */
export interface RowSelection {
  count: number;
  rows?: Int32Array;
}

/**
 * A metric as a fold over rows. `addRows` owns the loop (one tight loop per metric, no call per row) and skips
 * rows it cannot use; `value` is undefined when nothing went in.
 */
export interface Aggregate<A> {
  create(): A;
  /** True when row `i` holds a value this aggregate uses (blank rows are not). */
  uses(i: number): boolean;
  /** Adds the selected rows: `for (k < count) { const i = rows ? rows[k] : k; … }`. */
  addRows?(acc: A, selection: RowSelection): void;
  /** Adds one used row (for aggregates without `addRows`). */
  add?(acc: A, i: number): void;
  value(acc: A): number | undefined;
  /** How many rows went in (responses, deals, orders). */
  count(acc: A): number;
  /** The accumulator over every row, when the input was already folded while it was read (no second pass). */
  total?(): A;
}

/** Folds a selection through the aggregate's own loop, or row by row. */
function addSelection<A>(agg: Aggregate<A>, acc: A, selection: RowSelection): void {
  if (agg.addRows) return agg.addRows(acc, selection);
  const { count, rows } = selection;
  for (let k = 0; k < count; k++) {
    const i = rows ? rows[k] : k;
    if (agg.uses(i)) agg.add!(acc, i);
  }
}

/** Folds every used row. */
export function aggregateAll<A>(agg: Aggregate<A>, rows: number): A {
  if (agg.total) return agg.total();
  const acc = agg.create();
  addSelection(agg, acc, { count: rows });
  return acc;
}

/** Folds the used rows whose date lies in `period` (rows without a date are left out). */
export function aggregateInPeriod<A>(agg: Aggregate<A>, dates: Float64Array, period: Period): A {
  const { start, end } = period;
  const rows = new Int32Array(dates.length);
  let count = 0;
  for (let i = 0; i < dates.length; i++) {
    const t = dates[i];
    if (t >= start && t < end) rows[count++] = i;
  }
  const acc = agg.create();
  addSelection(agg, acc, { count, rows });
  return acc;
}

/** The span of dates over the used rows, or undefined when no used row has a date. */
export function dateSpan(dates: Float64Array, uses: (i: number) => boolean): { min: number; max: number } | undefined {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < dates.length; i++) {
    const t = dates[i];
    if (t === t && (t < min || t > max) && uses(i)) {
      if (t < min) min = t;
      if (t > max) max = t;
    }
  }
  return min <= max ? { min, max } : undefined;
}

/** One accumulator per period of the series (ascending, contiguous); rows are grouped by a counting sort. */
export function aggregateSeries<A>(agg: Aggregate<A>, dates: Float64Array, series: Period[]): A[] {
  const k = series.length;
  const bucket = new Int32Array(dates.length);
  const sizes = new Int32Array(k + 1);
  let cursor = 0;
  for (let i = 0; i < dates.length; i++) {
    const t = dates[i];
    let b = -1;
    if (t === t && k) {
      const s = series[cursor];
      if (!(t >= s.start && t < s.end)) cursor = Math.max(0, indexInSeries(series, t));
      if (t >= series[cursor].start && t < series[cursor].end) b = cursor;
    }
    bucket[i] = b;
    sizes[b + 1]++;
  }
  const offsets = new Int32Array(k + 1);
  for (let p = 1; p <= k; p++) offsets[p] = offsets[p - 1] + sizes[p];
  const rows = new Int32Array(offsets[k]);
  const fill = offsets.slice(0, k);
  for (let i = 0; i < dates.length; i++) if (bucket[i] >= 0) rows[fill[bucket[i]]++] = i;
  return series.map((_, p) => {
    const acc = agg.create();
    addSelection(agg, acc, { count: offsets[p + 1] - offsets[p], rows: rows.subarray(offsets[p]) });
    return acc;
  });
}

/** The series of `grain` covering the used rows' dates, or an empty list when none has a date. */
export function seriesForData(dates: Float64Array, uses: (i: number) => boolean, grain: Grain): Period[] {
  const span = dateSpan(dates, uses);
  return span ? periodSeries(span.min, span.max, grain) : [];
}
