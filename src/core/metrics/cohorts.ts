// Cohort retention: customers grouped by the period they started in, and how many remain after each period.

import { indexInSeries, type Period } from '../periods';
import type { Spans } from './churn';

/** Cohort sizes and, row by row, how many of each cohort are still customers at the end of its j-th period. */
export interface CohortMatrix {
  /** The number of periods (cohorts and offsets alike). */
  periods: number;
  sizes: Float64Array;
  /** active[c * periods + j]: cohort c's customers still active at the end of period c + j (0 where c + j is past the data). */
  active: Float64Array;
}

/**
 * Groups customers by the period holding their start date. A customer counts as active at the end of period
 * c + j when its end date is blank or falls on or after that period's end (periods are half-open, as in CHURN).
 * `series` must cover every start and end date. Blank starts are skipped. With `weights`, span i stands for
 * weights[i] customers (a warehouse's counts of customers sharing a cohort and an end period).
 */
export function cohortMatrix({ starts, ends }: Spans, series: readonly Period[], weights?: ArrayLike<number>): CohortMatrix {
  const k = series.length;
  const sizes = new Float64Array(k);
  // lasting[c * (k + 1) + m]: customers of cohort c active at the end of exactly m periods (offsets 0..m-1).
  const lasting = new Float64Array(k * (k + 1));
  for (let i = 0; i < starts.length; i++) {
    const s = starts[i];
    if (s !== s) continue;
    const c = indexInSeries(series, s);
    if (c < 0) continue;
    const e = ends[i];
    const m = e === e ? Math.max(0, indexInSeries(series, e) - c) : k - c;
    const w = weights ? weights[i] : 1;
    sizes[c] += w;
    lasting[c * (k + 1) + m] += w;
  }
  const active = new Float64Array(k * k);
  for (let c = 0; c < k; c++) {
    let still = 0;
    for (let j = k - c - 1; j >= 0; j--) {
      still += lasting[c * (k + 1) + j + 1];
      active[c * k + j] = still;
    }
  }
  return { periods: k, sizes, active };
}
