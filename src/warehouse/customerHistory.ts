// Metrics counted per customer over its whole history in the scope (cohort assigned before any date filter): the
// compiled pieces of each shape, and the CTEs that stage the history, one row per customer, then the periods.

import type { Role } from '../core/mapping/roles';
import type { Grain } from '../core/periods';
import type { Dialect } from './dialect';
import {
  and, column, compare, count, divide, max, min, notNull, num, oneIf, sum, when, type Expr, type OrderKey,
} from './expr';
import type { EntryReader } from './entryReader';
import type { Measure } from './measures';
import { renderExpr } from './render';
import { periodColumn } from './staged';

/** The purchase rows of a customer: its `rows` (per `key` in a scope, every date included), each in the period `period`. */
interface Purchases {
  key: Expr;
  rows: Expr;
  period: Expr;
}

/**
 * A customer's history, as one row per customer placed in a period; the metric's value and count aggregate these rows.
 * `firstPurchase`: `windows` figured over each customer's rows, then `columns` (aggregates over its rows), placed in
 * the period starting `placedIn`; with `emptyValue`, a period without customers has that value in a scope holding
 * rows (as the function given that period's label). `nextPeriod`: one row per customer and period whose `amount` sum
 * is above 0, placed in the next period, holding `base_revenue` (that sum) and `next_revenue`. Either way, periods
 * after the table's last (or, with `emptyValue`, before its first) period of rows are empty: the whole table's series
 * stops there, and a segment's figure is only asked for within it.
 */
export type CustomerHistory = Purchases & (
  | { kind: 'firstPurchase'; windows: Record<string, Expr>; columns: Record<string, Expr>; placedIn: Expr; emptyValue?: number }
  | { kind: 'nextPeriod'; amount: Expr }
);

export type HistoryPieces = { value: Expr; count: Expr; history: CustomerHistory; rowOrder?: boolean };

type HistoryMeasure = Extract<Measure, { shape: 'upsell' | 'firstPeriodRevenue' | 'nextPeriodRevenue' }>;

/** The pieces of a metric counted per customer over its history. */
export function historyPieces(m: HistoryMeasure, e: EntryReader): HistoryPieces {
  const key = e.requiredKeys(m.customers);
  const date = e.required(m.dates);
  const amount = e.required(m.amounts);
  const period = column(periodColumn(e.role(m.dates) as Role));
  const p: Purchases = { key, period, rows: and(notNull(key), notNull(date), notNull(amount)) };
  const over = (fn: 'min' | 'firstValue', of: Expr, orderBy?: OrderKey[]): Expr => ({ op: 'window', fn, of, partitionBy: [column('scope'), key], ...(orderBy ? { orderBy } : {}) });
  const customers = count(num(1));
  switch (m.shape) {
    case 'nextPeriodRevenue':
      return { value: divide(sum(column('next_revenue')), sum(column('base_revenue'))), count: customers, history: { ...p, kind: 'nextPeriod', amount } };
    case 'firstPeriodRevenue': {
      const revenue = sum(when(compare(period, '=', column('first_period')), amount, num(0)));
      return {
        value: sum(column('revenue')), count: customers,
        history: { ...p, kind: 'firstPurchase', windows: { first_period: over('min', period) }, columns: { revenue }, placedIn: min(period), emptyValue: 0 },
      };
    }
    case 'upsell': {
      // The first purchase: the earliest, then the higher row (where the engine keeps rows in order), then the larger amount.
      const firstAmount = over('firstValue', amount, [{ by: date }, { by: { op: 'rowOrder' } }, { by: amount, descending: true }]);
      const later = compare(date, '>', column('first_at'));
      const columns = { repeat: max(oneIf(later)), upsold: max(oneIf(and(later, compare(amount, '>', column('first_amount'))))) };
      const base = e.fixedOrDefault<string>(m.base) === 'repeat' ? sum(column('repeat')) : customers;
      return {
        value: divide(sum(column('upsold')), base), count: base, rowOrder: true,
        history: { ...p, kind: 'firstPurchase', windows: { first_at: over('min', date), first_amount: firstAmount }, columns, placedIn: min(period) },
      };
    }
  }
}

/** The CTEs of metric `name` counted per customer: its customer rows, and `name` itself (scope | period_start | value | n). */
export function historyCtes(
  name: string, h: CustomerHistory, value: Expr, n: Expr, range: { first: string; end: string }, grain: Grain, d: Dialect,
): string[] {
  const expr = (e: Expr): string => renderExpr(e, d);
  const grouped = `SELECT scope, period_start, ${expr(value)} AS value, ${expr(n)} AS n\n  FROM ${name}_customers\n` +
    `  WHERE period_start >= ${range.first} AND period_start < ${range.end}\n  GROUP BY scope, period_start`;
  if (h.kind === 'nextPeriod') return [...nextPeriodCtes(name, h, grain, d), `${name} AS (\n  ${grouped}\n)`];
  const aliased = (figures: Record<string, Expr>): string => Object.entries(figures).map(([alias, e]) => `,\n    ${expr(e)} AS ${d.identifier(alias)}`).join('');
  const ctes = [
    `${name}_rows AS (\n  SELECT *${aliased(h.windows)}\n  FROM scoped\n  WHERE ${expr(h.rows)}\n)`,
    `${name}_customers AS (\n  SELECT scope, ${expr(h.placedIn)} AS period_start${aliased(h.columns)}\n  FROM ${name}_rows\n  GROUP BY scope, ${expr(h.key)}\n)`,
  ];
  if (h.emptyValue === undefined) return [...ctes, `${name} AS (\n  ${grouped}\n)`];
  return [
    ...ctes,
    `${name}_periods AS (\n  ${grouped}\n)`,
    `${name} AS (\n  SELECT held.scope, periods.period_start, COALESCE(got.value, ${expr(num(h.emptyValue))}) AS value, COALESCE(got.n, 0) AS n\n` +
    `  FROM (SELECT DISTINCT scope FROM ${name}_rows) AS held\n  CROSS JOIN (${wholeSpan(`${name}_rows`, expr(h.period))}) AS span\n  CROSS JOIN periods\n` +
    `  LEFT JOIN ${name}_periods AS got ON got.scope = held.scope AND got.period_start = periods.period_start\n` +
    `  WHERE periods.period_start >= span.first_start AND periods.period_start <= span.last_start\n)`,
  ];
}

/** The first and last period of `from`'s rows over the whole table (scope ''). */
const wholeSpan = (from: string, period: string): string => `SELECT MIN(${period}) AS first_start, MAX(${period}) AS last_start FROM ${from} WHERE scope = ''`;

/** Sums per customer and period, and the rows of each base customer (sum above 0) placed in the next period. */
function nextPeriodCtes(name: string, h: Extract<CustomerHistory, { kind: 'nextPeriod' }>, grain: Grain, d: Dialect): string[] {
  const expr = (e: Expr): string => renderExpr(e, d);
  const next = d.nextPeriodStart('base.period_start', grain);
  return [
    `${name}_sums AS (\n  SELECT scope, ${expr(h.key)} AS customer, ${expr(h.period)} AS period_start, SUM(${expr(h.amount)}) AS revenue\n` +
    `  FROM scoped\n  WHERE ${expr(h.rows)}\n  GROUP BY scope, ${expr(h.key)}, ${expr(h.period)}\n)`,
    `${name}_customers AS (\n  SELECT base.scope, ${next} AS period_start, base.revenue AS base_revenue, COALESCE(later.revenue, 0) AS next_revenue\n` +
    `  FROM ${name}_sums AS base\n  CROSS JOIN (${wholeSpan(`${name}_sums`, 'period_start')}) AS span\n` +
    `  LEFT JOIN ${name}_sums AS later ON later.scope = base.scope AND later.customer = base.customer AND later.period_start = ${next}\n` +
    `  WHERE base.revenue > 0 AND ${next} <= span.last_start\n)`,
  ];
}
