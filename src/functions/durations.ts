// Parameter kinds for duration metrics: a time unit (with abbreviations) and the mean/median choice.

import { MetricError, messages } from '../core/errors';
import { DURATION_UNITS, parseDurationUnit, STATISTICS, type DurationUnit, type Statistic } from '../core/durations';
import { option, withDefault } from './params';
import type { Param } from './spec';

/** The unit a duration is returned in: minutes, hours, days or weeks ("h", "min", "day" … are accepted). */
export function durationUnit<N extends string>(name: N, fallback: DurationUnit): Param<N, DurationUnit> {
  return {
    name, type: 'text', optional: true, defaultText: `"${fallback}"`,
    description: `The unit of the result: minutes, hours, days or weeks. Default: ${fallback}.`,
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
  option('statistic', 'mean or median of the durations. Default: mean.', STATISTICS),
  'mean' as Statistic, '"mean"',
);
