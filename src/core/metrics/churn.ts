// Churn and retention from customer spans (start date, optional end date) over half-open periods.

import { indexInSeries, type Period } from '../periods';

/** Customer spans as civil ms; a NaN start is a blank row, a NaN end a customer still active. */
export interface Spans {
  starts: Float64Array;
  ends: Float64Array;
}

/** Customers active at a period's start and those of them (plus, inclusively, newcomers) who ended within it. */
export interface ChurnCounts {
  activeAtStart: number;
  churned: number;
}

/**
 * Active at the start of [S, E): started before S and not ended before S. Churned: of those, ended in [S, E);
 * with `inclusive`, customers who both started and ended in [S, E) are added to the churned count.
 */
export function churnInPeriod({ starts, ends }: Spans, period: Period, inclusive: boolean): ChurnCounts {
  const { start: S, end: E } = period;
  const newcomers = inclusive ? 1 : 0;
  let activeAtStart = 0;
  let churned = 0;
  // Branch-free (start and end dates are random to the CPU): every comparison with NaN is false, so a blank row
  // (NaN start) counts nowhere and a customer still active (NaN end) is never "ended before S" nor "ended by E".
  for (let i = 0; i < starts.length; i++) {
    const s = starts[i];
    const e = ends[i];
    const active = +(s < S) & +!(e < S);
    const endsBy = +(e < E);
    activeAtStart += active;
    churned += (active & endsBy) | (newcomers & +(s >= S) & +(s < E) & endsBy);
  }
  return { activeAtStart, churned };
}

/** The same counts for every period of a contiguous ascending series, in one pass (difference arrays). */
export function churnSeries({ starts, ends }: Spans, series: readonly Period[], inclusive: boolean): ChurnCounts[] {
  const k = series.length;
  const activeDelta = new Float64Array(k + 1);
  const churned = new Float64Array(k);
  const first = series[0].start;
  const last = series[k - 1].end;
  const indexOf = (t: number): number => (t < first ? -1 : t >= last ? k : indexInSeries(series, t));
  for (let i = 0; i < starts.length; i++) {
    const s = starts[i];
    if (s !== s) continue;
    const e = ends[i];
    const si = indexOf(s);
    const ei = e === e ? indexOf(e) : k;
    // Active at the start of every period after the one it started in, up to and including the one it ended in.
    const from = si + 1;
    const to = Math.min(ei, k - 1);
    if (from <= to) {
      activeDelta[Math.max(from, 0)]++;
      activeDelta[to + 1]--;
    }
    if (ei < k && ei >= 0 && (si < ei || (inclusive && si === ei))) churned[ei]++;
  }
  const counts: ChurnCounts[] = [];
  for (let p = 0, active = 0; p < k; p++) {
    active += activeDelta[p];
    counts.push({ activeAtStart: active, churned: churned[p] });
  }
  return counts;
}

/** Share of `true` among the non-blank flags (1 yes, 0 no, -1 blank); undefined when all are blank. */
export function shareOfYes(flags: Int8Array): { yes: number; n: number } {
  let yes = 0;
  let n = 0;
  for (let i = 0; i < flags.length; i++) {
    const f = flags[i];
    if (f >= 0) {
      n++;
      yes += f;
    }
  }
  return { yes, n };
}
