// CHURN and RETENTION from start | end columns on a warehouse: which periods a customer is active at the start of, and
// which one it ends in, depend only on the period of its start and the period of its end (periods are contiguous and
// half-open), so the SQL counts customers per (start period, end period) and sums those counts for every period.

import type { Role } from '../core/mapping/roles';
import type { Grain } from '../core/periods';
import type { Dialect } from './dialect';
import type { Expr } from './expr';
import { renderExpr } from './render';
import { periodColumn } from './staged';

/** Own CTEs of a metric by period: the last, named `name`, has the columns scope, period_start, value, n. */
export type PeriodCtes = (name: string, range: { first: string; end: string }, grain: Grain, d: Dialect) => string[];

/**
 * The CTEs of CHURN (or RETENTION, 1 − it, with `complement`) over the staged `start` | `end` columns, as `churnSeries`
 * counts with the method "start": active at a period's start = started in an earlier period and not ended in an earlier
 * one; churned = of those, ended in it. n = the customers active at its start, as the series counts.
 * A scope holding a row the function refuses (an end without a start, an end before its start) has no value, as the
 * function then refuses its rows. Periods run to the last period of the whole table's dates, as its series does.
 */
export function spanShareCtes([start, end]: readonly Expr[], startRole: Role, complement: boolean): PeriodCtes {
  return (name, range, grain, d) => {
    const [s, e] = [start, end].map((x) => renderExpr(x, d));
    const startPeriod = d.identifier(periodColumn(startRole));
    const endPeriod = d.periodStart(d.dateOf(e), grain);
    const at = 'periods.period_start';
    const rate = `CAST(churned AS ${d.floatType}) / active`;
    return [
      `${name}_pairs AS (\n  SELECT scope, ${startPeriod} AS start_period, ${endPeriod} AS end_period, COUNT(*) AS customers\n` +
      `  FROM scoped\n  WHERE ${s} IS NOT NULL AND (${e} IS NULL OR ${e} >= ${s})\n  GROUP BY scope, ${startPeriod}, ${endPeriod}\n)`,
      `${name}_refused AS (\n  SELECT scope, COUNT(*) AS refused_rows\n  FROM scoped\n  WHERE (${s} IS NULL AND ${e} IS NOT NULL) OR ${e} < ${s}\n  GROUP BY scope\n)`,
      // The last period of the whole table's dates (its rows' starts and ends): a series stops there.
      `${name}_span AS (\n  SELECT MAX(CASE WHEN end_period > start_period THEN end_period ELSE start_period END) AS last_start\n` +
      `  FROM ${name}_pairs\n  WHERE scope = ''\n)`,
      `${name}_counts AS (\n  SELECT pairs.scope, ${at},\n` +
      `    SUM(CASE WHEN start_period < ${at} AND (end_period IS NULL OR end_period >= ${at}) THEN customers ELSE 0 END) AS active,\n` +
      `    SUM(CASE WHEN end_period = ${at} AND start_period < ${at} THEN customers ELSE 0 END) AS churned\n` +
      `  FROM ${name}_pairs AS pairs\n  CROSS JOIN periods\n  CROSS JOIN ${name}_span AS span\n` +
      `  WHERE ${at} >= ${range.first} AND ${at} < ${range.end} AND ${at} <= span.last_start\n  GROUP BY pairs.scope, ${at}\n)`,
      `${name} AS (\n  SELECT counts.scope, counts.period_start,\n` +
      `    CASE WHEN refused.scope IS NULL AND active > 0 THEN ${complement ? `1 - ${rate}` : rate} END AS value,\n` +
      `    CASE WHEN refused.scope IS NULL THEN active ELSE 0 END AS n\n` +
      `  FROM ${name}_counts AS counts\n  LEFT JOIN ${name}_refused AS refused ON refused.scope = counts.scope\n)`,
    ];
  };
}
