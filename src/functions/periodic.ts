// Shared shaping for dated metrics: one figure overall, one for a labelled period, or a spilled series by grain.

import { aggregateAll, aggregateInPeriod, aggregateSeries, dateSpan, type Aggregate } from '../core/aggregate';
import type { NumberColumn } from '../core/columns';
import { MetricError, messages } from '../core/errors';
import { countPeriods, periodSeries, type Grain, type Period } from '../core/periods';
import type { PeriodArg } from './params';
import type { CallContext, Result } from './spec';

/** The longest series a grain may spill. */
export const MAX_SERIES_PERIODS = 5000;

/** How a dated metric names what it counts, for headers and "no data" messages. */
export interface SeriesWording {
  /** Plural noun for "no … to compute on": "scores", "deals". */
  what: string;
  /** Header of the value column: "NPS". */
  valueHeader: string;
  /** Header of the count column: "responses". */
  countHeader: string;
}

/** The periods of `grain` spanning min..max, refusing series too long to spill. */
export function boundedSeries(fn: string, min: number, max: number, grain: Grain): Period[] {
  const count = countPeriods(min, max, grain);
  if (count > MAX_SERIES_PERIODS) throw new MetricError(messages.spanTooLong(fn, count, MAX_SERIES_PERIODS));
  return periodSeries(min, max, grain);
}

/** The dates column a period needs, or an error saying it is missing. */
export function requireDates(call: CallContext, dates: NumberColumn | undefined, datesParam = 'dates'): Float64Array {
  if (!dates) throw new MetricError(messages.periodNeedsDates(call.fn, datesParam));
  return dates.values;
}

/** Evaluates `agg` overall, in a period, or as a spilled `period | value | count` series. */
export function aggregateByPeriod<A>(
  call: CallContext, agg: Aggregate<A>, rows: number, period: PeriodArg | undefined,
  dates: NumberColumn | undefined, wording: SeriesWording,
): Result {
  if (!period) {
    const value = agg.value(aggregateAll(agg, rows));
    if (value === undefined) throw new MetricError(messages.noData(call.fn, wording.what));
    return value;
  }
  const dateValues = requireDates(call, dates);
  if (period.kind === 'period') {
    const value = agg.value(aggregateInPeriod(agg, dateValues, period.period));
    if (value === undefined) throw new MetricError(messages.noDataInPeriod(call.fn, wording.what, period.period.label));
    return value;
  }
  const span = dateSpan(dateValues, agg.uses);
  if (!span) throw new MetricError(messages.noData(call.fn, `dated ${wording.what}`));
  const series = boundedSeries(call.fn, span.min, span.max, period.grain);
  const accs = aggregateSeries(agg, dateValues, series);
  const table: (string | number)[][] = [['period', wording.valueHeader, wording.countHeader]];
  series.forEach((p, k) => table.push([p.label, agg.value(accs[k]) ?? '', agg.count(accs[k])]));
  return table;
}
