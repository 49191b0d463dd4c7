// Durations between two date columns: units, the per-row duration with negative rows rejected, mean/median folds.

import type { Aggregate } from './aggregate';
import { positionOf, type NumberColumn } from './columns';
import { MetricError, messages } from './errors';
import { MS_PER_DAY } from './timezone';

export const DURATION_UNITS = ['minutes', 'hours', 'days', 'weeks'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

export const MS_PER_UNIT: Record<DurationUnit, number> = {
  minutes: 60_000,
  hours: 3_600_000,
  days: MS_PER_DAY,
  weeks: 7 * MS_PER_DAY,
};

const UNIT_WORDS: Record<string, DurationUnit> = {
  m: 'minutes', min: 'minutes', mins: 'minutes', minute: 'minutes', minutes: 'minutes',
  h: 'hours', hr: 'hours', hrs: 'hours', hour: 'hours', hours: 'hours',
  d: 'days', day: 'days', days: 'days',
  w: 'weeks', wk: 'weeks', wks: 'weeks', week: 'weeks', weeks: 'weeks',
};

/** A unit from its name or abbreviation ("hours", "Hour", "h", "mins"), or undefined. */
export function parseDurationUnit(text: string): DurationUnit | undefined {
  return UNIT_WORDS[text.trim().toLowerCase()];
}

/**
 * Each row's duration from `starts` to `ends` in `unit`; NaN where either date is blank.
 * Throws one error naming the first row (of `ends`) that ends before it starts, with how many do.
 */
export function durationsBetween(fn: string, starts: NumberColumn, ends: NumberColumn, unit: DurationUnit): Float64Array {
  const s = starts.values;
  const e = ends.values;
  const n = Math.min(s.length, e.length);
  const out = new Float64Array(n);
  const unitMs = MS_PER_UNIT[unit];
  let negative = 0;
  let first = -1;
  for (let i = 0; i < n; i++) {
    const d = e[i] - s[i];
    if (d < 0) {
      if (negative++ === 0) first = i;
    }
    out[i] = d / unitMs;
  }
  if (negative) throw new MetricError(messages.negativeDuration(fn, negative, positionOf(ends, first)));
  return out;
}

export type Statistic = 'mean' | 'median';
export const STATISTICS: readonly Statistic[] = ['mean', 'median'];

/** Running sum and count; with the median, the values themselves. */
export interface DurationAcc {
  sum: number;
  n: number;
  values: number[] | undefined;
}

/** The median of a small list, sorted in place. */
function medianOf(values: number[]): number {
  values.sort((a, b) => a - b);
  const n = values.length;
  return n % 2 ? values[(n - 1) / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/** Folds the non-blank durations (optionally only where `keep(i)`) into their mean or median. */
export function durationAggregate(durations: Float64Array, statistic: Statistic, keep?: (i: number) => boolean): Aggregate<DurationAcc> {
  const median = statistic === 'median';
  return {
    create: () => ({ sum: 0, n: 0, values: median ? [] : undefined }),
    uses: keep ? (i) => durations[i] === durations[i] && keep(i) : (i) => durations[i] === durations[i],
    add: (acc, i) => {
      const d = durations[i];
      acc.sum += d;
      acc.n++;
      if (acc.values) acc.values.push(d);
    },
    value: (acc) => (acc.n === 0 ? undefined : acc.values ? medianOf(acc.values) : acc.sum / acc.n),
    count: (acc) => acc.n,
  };
}

/** Running totals of row durations in ms: the counted rows' sum and number, how many last at most `limit`, the negative rows. */
export class DurationTotals {
  sum = 0;
  n = 0;
  within = 0;
  negative = 0;
  firstNegative = -1;

  constructor(private readonly limit: number, private readonly kept?: Float64Array) {}

  /** Row i lasting d ms (NaN when a date is blank: skipped); a row that does not `count` is still checked. */
  add(i: number, d: number, count = true): void {
    if (d < 0) {
      if (this.negative++ === 0) this.firstNegative = i;
    } else if (d === d && count) {
      this.sum += d;
      if (d <= this.limit) this.within++;
      if (this.kept) this.kept[this.n] = d;
      this.n++;
    }
  }

  /** The mean (or, with kept rows, the median) in units of `unitMs`; throws naming the first negative row of `ends`. */
  result(fn: string, ends: Pick<NumberColumn, 'param' | 'columns'>, unitMs: number): { value: number | undefined; n: number; within: number } {
    const { n, within, kept } = this;
    if (this.negative) throw new MetricError(messages.negativeDuration(fn, this.negative, positionOf(ends, this.firstNegative)));
    if (!n) return { value: undefined, n, within };
    if (!kept) return { value: this.sum / n / unitMs, n, within };
    const sorted = kept.subarray(0, n).sort();
    return { value: (n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2) / unitMs, n, within };
  }
}

/**
 * The mean or median duration from `starts` to `ends` over the rows with both dates (and `keep(i)`), and how
 * many of them last at most `target` units, in one pass with no array for the mean; the value is undefined when
 * no row counts. Negative rows are rejected as in durationsBetween.
 */
export function summariseDurations(
  fn: string, starts: NumberColumn, ends: NumberColumn, unit: DurationUnit, statistic: Statistic, keep?: (i: number) => boolean, target = Infinity,
): { value: number | undefined; n: number; within: number } {
  const s = starts.values;
  const e = ends.values;
  const count = Math.min(s.length, e.length);
  const unitMs = MS_PER_UNIT[unit];
  const totals = new DurationTotals(target * unitMs, statistic === 'median' ? new Float64Array(count) : undefined);
  for (let i = 0; i < count; i++) totals.add(i, e[i] - s[i], !keep || keep(i));
  return totals.result(fn, ends, unitMs);
}
