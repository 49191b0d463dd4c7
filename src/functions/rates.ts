// Shared pieces of rate entries: the period and dates parameters, counts given as numbers or ranges, ratios of totals.

import type { NumberColumn } from '../core/columns';
import { MetricError, messages } from '../core/errors';
import { ratioOfSumsAggregate, sumOf } from '../core/ratios';
import { finiteResult } from './finite';
import { dates, numbers, optional, period, type PeriodArg } from './params';
import { aggregateByPeriod, requireDates } from './periodic';
import type { CallContext, Result } from './spec';

export const periodParam = optional(period('period', 'A period label (2025-Q1, 2025-03, …) to keep only rows dated in it, or a grain (month, quarter, …) for a series.'));
export const datesBeside = (what: string, of: string) => optional(dates('dates', `The date of each ${what}, beside ${of}; needed with period.`, of));

/** Total of `top` ÷ total of `bottom` overall, or per period when both are ranges beside dates. */
export function ratioOfTotals(
  call: CallContext, top: NumberColumn, bottom: NumberColumn, period: PeriodArg | undefined, dates: NumberColumn | undefined,
  wording: { both: string; denominator: string; what: string; header: string },
): Result {
  if (!period) {
    const denominator = sumOf(bottom.values);
    if (!denominator) throw new MetricError(messages.zeroDenominator(call.fn, wording.denominator));
    return finiteResult(call.fn, sumOf(top.values) / denominator);
  }
  const n = requireDates(call, dates).length;
  if (top.values.length !== n || bottom.values.length !== n) throw new MetricError(messages.rangesForPeriod(call.fn, wording.both));
  return finiteResult(call.fn, aggregateByPeriod(call, ratioOfSumsAggregate(top.values, bottom.values), n, period, dates, { what: wording.what, valueHeader: wording.header, countHeader: 'rows' }));
}

/** A count given as one number or a range of numbers to add up; with a period, a range beside the dates. */
export const countsParam = <N extends string>(name: N, description: string, what: string) =>
  ({ ...numbers(name, description, { what, min: 0 }), type: 'number or range' });

