// Row aggregates computed over all rows, over the rows dated in one period, or per period of a grain.

import { indexInSeries, periodSeries, type Grain, type Period } from './periods';

/** A metric as a fold over row indices: `add` skips rows it cannot use, `value` is undefined when empty. */
export interface Aggregate<A> {
  create(): A;
  /** True when row `i` holds a value this aggregate uses (blank rows are not). */
  uses(i: number): boolean;
  add(acc: A, i: number): void;
  value(acc: A): number | undefined;
  /** How many rows went in (responses, deals, orders). */
  count(acc: A): number;
}

/** Folds every used row. */
export function aggregateAll<A>(agg: Aggregate<A>, rows: number): A {
  const acc = agg.create();
  for (let i = 0; i < rows; i++) if (agg.uses(i)) agg.add(acc, i);
  return acc;
}

/** Folds the used rows whose date lies in `period` (rows without a date are left out). */
export function aggregateInPeriod<A>(agg: Aggregate<A>, dates: Float64Array, period: Period): A {
  const acc = agg.create();
  const { start, end } = period;
  for (let i = 0; i < dates.length; i++) {
    const t = dates[i];
    if (t >= start && t < end && agg.uses(i)) agg.add(acc, i);
  }
  return acc;
}

/** The span of dates over the used rows, or undefined when no used row has a date. */
export function dateSpan(dates: Float64Array, uses: (i: number) => boolean): { min: number; max: number } | undefined {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < dates.length; i++) {
    const t = dates[i];
    if (t === t && uses(i)) {
      if (t < min) min = t;
      if (t > max) max = t;
    }
  }
  return min <= max ? { min, max } : undefined;
}

/** One accumulator per period of `grain` over the data's span, ascending, empty periods included. */
export function aggregateSeries<A>(agg: Aggregate<A>, dates: Float64Array, series: Period[]): A[] {
  const accs = series.map(() => agg.create());
  let cursor = 0;
  for (let i = 0; i < dates.length; i++) {
    const t = dates[i];
    if (t !== t || !agg.uses(i)) continue;
    const s = series[cursor];
    if (!(t >= s.start && t < s.end)) cursor = indexInSeries(series, t);
    if (cursor >= 0) agg.add(accs[cursor], i);
    else cursor = 0;
  }
  return accs;
}

/** The series of `grain` covering the used rows' dates, or an empty list when none has a date. */
export function seriesForData(dates: Float64Array, uses: (i: number) => boolean, grain: Grain): Period[] {
  const span = dateSpan(dates, uses);
  return span ? periodSeries(span.min, span.max, grain) : [];
}
