// Function table entries for churn and retention: CHURN and RETENTION on statuses or start/end dates.

import { MetricError, messages } from '../../core/errors';
import { churnInPeriod, churnSeries, shareOfYes, type ChurnCounts, type Spans } from '../../core/metrics/churn';
import { customerTable, type CustomerTable } from '../customerTable';
import { option, optional, period, withDefault, type PeriodArg } from '../params';
import { boundedSeries } from '../periodic';
import { rows } from '../examples';
import { defineFunction, type CallContext, type Result } from '../spec';

/** The date-form churn figures: one period's counts, or a series by grain over the table's span. */
function spanCounts(call: CallContext, spans: Spans, p: PeriodArg, inclusive: boolean): { label: string; counts: ChurnCounts }[] {
  if (p.kind === 'period') return [{ label: p.period.label, counts: churnInPeriod(spans, p.period, inclusive) }];
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < spans.starts.length; i++) {
    const s = spans.starts[i];
    if (s !== s) continue;
    const e = spans.ends[i];
    min = Math.min(min, s);
    max = Math.max(max, s, e === e ? e : s);
  }
  if (min > max) throw new MetricError(messages.noData(call.fn, 'customers'));
  const series = boundedSeries(call.fn, min, max, p.grain);
  return churnSeries(spans, series, inclusive).map((counts, k) => ({ label: series[k].label, counts }));
}

/** Churn (or retention, its complement) in the shape the arguments ask for. */
function churnResult(call: CallContext, table: CustomerTable, p: PeriodArg | undefined, inclusive: boolean, retention: boolean): Result {
  const rate = (lost: number, base: number): number => (retention ? 1 - lost / base : lost / base);
  if (table.form === 'statuses') {
    const { yes, n } = shareOfYes(table.flags.values);
    if (!n) throw new MetricError(messages.noData(call.fn, 'statuses'));
    return rate(yes, n);
  }
  if (!p) throw new MetricError(messages.spansNeedPeriod(call.fn));
  const figures = spanCounts(call, table.spans, p, inclusive);
  if (p.kind === 'period') {
    const { activeAtStart, churned } = figures[0].counts;
    if (!activeAtStart) throw new MetricError(messages.noneActiveAtStart(call.fn, p.period.label));
    return rate(churned, activeAtStart);
  }
  const header = retention ? ['period', 'active at start', 'retained', 'retention rate'] : ['period', 'active at start', 'churned', 'churn rate'];
  return [header, ...figures.map(({ label, counts: { activeAtStart: a, churned: c } }) =>
    [label, a, retention ? a - c : c, a ? rate(c, a) : ''])];
}

const churnPeriod = optional(period('period', 'With start/end dates: a period label (2025-Q1, 2025-03) or a grain (month, quarter, …) for a series.'));
const subscriptions = rows(
  ['2024-11-15', ''], ['2024-12-01', '2025-01-20'], ['2024-12-10', '2025-02-01'], ['2025-01-05', '2025-01-25'], ['2024-10-01', '2024-12-31'],
  ['2024-06-01', '2025-01-01'],
);

export const CHURN = defineFunction({
  name: 'CHURN',
  category: 'Retention',
  summary: 'Churn rate as a fraction, from churn statuses or from start/end dates in a period.',
  definition: 'Statuses: churned ÷ all non-blank statuses. Dates: of the customers active at the period’s start (started before it, ' +
    'not ended before it), the share whose end date falls within the period. Periods are half-open: an end on the first day of the ' +
    'next period counts there. method "inclusive" also counts customers who started and ended within the period as churned.',
  format: 'fraction',
  returns: 'The churn rate, or a series period | active at start | churned | churn rate when period is a grain.',
  params: [customerTable(), churnPeriod, withDefault(option('method', 'start: customers active at the start only; inclusive: also count those who joined and left within the period.', ['start', 'inclusive'] as const), 'start' as 'start' | 'inclusive', '"start"')],
  examples: [
    { args: [rows(['churned'], ['active'], ['active'], ['yes'])], result: 0.5, note: 'statuses' },
    { args: [subscriptions, '2025-01'], result: 0.5, note: 'two of the four customers active on 1 January left in January' },
    { args: [subscriptions, '2025-01', 'inclusive'], result: 0.75, note: 'the customer who joined and left in January counts too' },
  ],
  compute: ({ range, period, method }, call) => churnResult(call, range, period, method === 'inclusive', false),
});

export const RETENTION = defineFunction({
  name: 'RETENTION',
  category: 'Retention',
  summary: 'Retention rate (1 − churn) as a fraction, from start/end dates in a period.',
  definition: '1 − CHURN with the same rules: of the customers active at the period’s start, the share still a customer at its end.',
  format: 'fraction',
  returns: 'The retention rate, or a series period | active at start | retained | retention rate when period is a grain.',
  params: [customerTable(), churnPeriod],
  examples: [{ args: [subscriptions, '2025-01'], result: 0.5 }],
  compute: ({ range, period }, call) => churnResult(call, range, period, false, true),
});
