// Duration metrics in the function table: the unit and mean/median parameters, and the shared computation.

import type { NumberColumn } from '../core/columns';
import {
  DurationTotals, durationAggregate, durationsBetween, DURATION_UNITS, MS_PER_UNIT, parseDurationUnit, STATISTICS, summariseDurations, type DurationUnit, type Statistic,
} from '../core/durations';
import { MetricError, messages } from '../core/errors';
import { finiteResult } from './finite';
import { plainDate, PlainDateColumn } from './dateParams';
import { option, withDefault, type PeriodArg } from './params';
import { aggregateByPeriod } from './periodic';
import type { CallContext, Param, Result } from './spec';

/** The unit a duration is returned in: minutes, hours, days or weeks ("h", "min", "day" … are accepted). */
export function durationUnit<N extends string>(name: N, fallback: DurationUnit): Param<N, DurationUnit> {
  return {
    name, type: 'text', optional: true, defaultText: `"${fallback}"`,
    description: 'The unit of the result: minutes, hours, days or weeks.',
    fallback: () => fallback,
    coerce(raw, call) {
      const cell = Array.isArray(raw) && raw.length === 1 && raw[0].length === 1 ? raw[0][0] : raw;
      const unit = typeof cell === 'string' ? parseDurationUnit(cell) : undefined;
      if (!unit) throw new MetricError(messages.badOption(call.fn, name, Array.isArray(cell) ? 'a range' : cell, call.toCivil, DURATION_UNITS));
      return unit;
    },
  };
}

/** The summary statistic of durations: mean (the default) or median. */
export const statistic = withDefault(
  option('statistic', 'Mean or median of the durations.', STATISTICS),
  'mean' as Statistic, '"mean"',
);

/** How a duration metric names its rows in messages and in a series' headers. */
export interface DurationWording {
  what: string;
  valueHeader: string;
  countHeader: string;
}

/**
 * summariseDurations, folding the cells themselves when both date ranges are plain columns: no column is built
 * (two fresh 100k-row arrays cost more than the whole fold).
 */
export function durationSummary(
  fn: string, starts: NumberColumn, ends: NumberColumn, unit: DurationUnit, stat: Statistic, keep?: (i: number) => boolean, target = Infinity,
): { value: number | undefined; n: number; within: number } {
  if (!(starts instanceof PlainDateColumn) || !(ends instanceof PlainDateColumn)) return summariseDurations(fn, starts, ends, unit, stat, keep, target);
  const { range: from, clock } = starts;
  const to = ends.range;
  const count = Math.min(from.length, to.length);
  const unitMs = MS_PER_UNIT[unit];
  const totals = new DurationTotals(target * unitMs, stat === 'median' ? new Float64Array(count) : undefined);
  for (let r = 0; r < count; r++) totals.add(r, plainDate(to[r][0], clock) - plainDate(from[r][0], clock), !keep || keep(r));
  return totals.result(fn, ends, unitMs);
}

/**
 * A duration metric: each row's time from `starts` to `ends` (blank either: skipped; negative: an error naming
 * the row), over the rows `keep` allows, summarised by `stat` overall (one pass), in a period or as a series by
 * the dates in `datedBy`.
 */
export function durationResult(
  call: CallContext, starts: NumberColumn, ends: NumberColumn, unit: DurationUnit, stat: Statistic,
  period: PeriodArg | undefined, datedBy: NumberColumn, wording: DurationWording, keep?: (i: number) => boolean,
): Result {
  if (!period) {
    const { value } = durationSummary(call.fn, starts, ends, unit, stat, keep);
    if (value === undefined) throw new MetricError(messages.noData(call.fn, wording.what));
    return finiteResult(call.fn, value);
  }
  const durations = durationsBetween(call.fn, starts, ends, unit);
  return finiteResult(call.fn, aggregateByPeriod(call, durationAggregate(durations, stat, keep), durations.length, period, datedBy, wording));
}
