// Shared pieces of rate entries: the period and dates parameters, counts given as numbers or ranges, ratios of totals.

import type { NumberColumn } from '../core/columns';
import { MetricError, messages } from '../core/errors';
import { ratioOfSumsAggregate, shareAggregate, shareOf } from '../core/ratios';
import { finiteResult } from './finite';
import { dates } from './dateParams';
import { optional, period, type PeriodArg } from './params';
import type { Amounts } from './sums';
import { aggregateByPeriod, requireDates, type SeriesWording } from './periodic';
import type { CallContext, Result } from './spec';

export const periodParam = optional(period('period', 'A period label (2025-Q1, 2025-03, …) to keep only rows dated in it, or a grain (month, quarter, …) for a series.'));
export const datesBeside = (what: string, of: string) => optional(dates('dates', `The date of each ${what}, beside ${of}; needed with period.`, of));

/** Total of `top` ÷ total of `bottom` overall, or per period when both are ranges beside dates. */
export function ratioOfTotals(
  call: CallContext, top: Amounts, bottom: Amounts, period: PeriodArg | undefined, dates: NumberColumn | undefined,
  wording: { both: string; denominator: string; what: string; header: string },
): Result {
  if (!period) {
    if (!bottom.total) throw new MetricError(messages.zeroDenominator(call.fn, wording.denominator));
    return finiteResult(call.fn, top.total / bottom.total);
  }
  const n = requireDates(call, dates).length;
  const tops = top.column().values;
  const bottoms = bottom.column().values;
  if (tops.length !== n || bottoms.length !== n) throw new MetricError(messages.rangesForPeriod(call.fn, wording.both));
  return finiteResult(call.fn, aggregateByPeriod(call, ratioOfSumsAggregate(tops, bottoms), n, period, dates,
    { what: wording.what, valueHeader: wording.header, countHeader: 'rows' }));
}

/**
 * The share of rows coded `hit` among the non-blank rows (or those coded as one of `base`): overall in one
 * direct loop, or in a period / as a series through aggregateByPeriod.
 */
export function shareByPeriod(
  call: CallContext, codes: Int8Array, hit: number, base: readonly number[] | undefined,
  period: PeriodArg | undefined, dates: NumberColumn | undefined, wording: SeriesWording,
): Result {
  if (period) return aggregateByPeriod(call, shareAggregate(codes, hit, base), codes.length, period, dates, wording);
  const { hits, base: n } = shareOf(codes, hit, base);
  if (!n) throw new MetricError(messages.noData(call.fn, wording.what));
  return hits / n;
}
