// Duration metrics in the function table: the unit and mean/median parameters, and the shared computation.

import type { NumberColumn } from '../core/columns';
import { durationAggregate, durationsBetween, DURATION_UNITS, parseDurationUnit, STATISTICS, summariseDurations, type DurationUnit, type Statistic } from '../core/durations';
import { MetricError, messages } from '../core/errors';
import { finiteResult } from './finite';
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
      if (!unit) throw new MetricError(messages.badOption(call.fn, name, Array.isArray(cell) ? 'a range' : cell, DURATION_UNITS));
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
 * A duration metric: each row's time from `starts` to `ends` (blank either: skipped; negative: an error naming
 * the row), over the rows `keep` allows, summarised by `stat` overall (one pass), in a period or as a series by
 * the dates in `datedBy`.
 */
export function durationResult(
  call: CallContext, starts: NumberColumn, ends: NumberColumn, unit: DurationUnit, stat: Statistic,
  period: PeriodArg | undefined, datedBy: NumberColumn, wording: DurationWording, keep?: (i: number) => boolean,
): Result {
  if (!period) {
    const { value } = summariseDurations(call.fn, starts, ends, unit, stat, keep);
    if (value === undefined) throw new MetricError(messages.noData(call.fn, wording.what));
    return finiteResult(call.fn, value);
  }
  const durations = durationsBetween(call.fn, starts, ends, unit);
  return finiteResult(call.fn, aggregateByPeriod(call, durationAggregate(durations, stat, keep), durations.length, period, datedBy, wording));
}
