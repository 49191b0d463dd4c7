// CLV and P(alive) in warehouse mode: SQL returns the customers' (frequency, recency, T) histogram in days, and BG/NBD is
// fitted in TypeScript on it, each cell weighing as many customers as it holds (the core groups identical histories).

import { fitBgNbd, probabilityAlive, type BgNbdFit, type PurchaseHistories } from '../core/metrics/predictive/bg-nbd';
import { daysPerUnit, type TimeUnit } from '../core/metrics/predictive/time-units';
import type { Dialect } from './dialect';
import { column, textKey } from './expr';
import { renderExpr } from './render';

/** Where the purchases are: one row per purchase, a customer id and a date-time. */
export interface HistoriesReport {
  table: string;
  timeZone: string;
  columns: { customer: string; date: string };
  /** The last day of the calibration period (YYYY-MM-DD, inclusive); default: the last purchase day. */
  calibrationEnd?: string;
}

/** One cell of the histogram: customers with the same repeat purchase days, recency and age (in days). */
export interface HistoryCell {
  frequency: number;
  recencyDays: number;
  ageDays: number;
  customers: number;
}

/**
 * The histogram query, as `summariseCustomers` counts: purchases on one civil day count once, rows without a customer
 * are skipped, recency runs from the first to the last purchase day and T from the first purchase day to the end.
 */
export function historiesQuery(r: HistoriesReport, d: Dialect): string {
  const day = d.dateOf(d.localDateTime(d.identifier(r.columns.date), r.timeZone));
  const ends = r.calibrationEnd ? `SELECT ${d.date(r.calibrationEnd)} AS end_day` : 'SELECT MAX(day) AS end_day FROM purchases WHERE customer IS NOT NULL';
  return `WITH purchases AS (
  SELECT DISTINCT ${renderExpr(textKey(column(r.columns.customer)), d)} AS customer, ${day} AS day
  FROM ${d.table(r.table)}
),
ends AS (${ends}),
customers AS (
  SELECT customer, COUNT(*) - 1 AS frequency, ${d.daysBetween('MIN(day)', 'MAX(day)')} AS recency_days, MIN(day) AS first_day
  FROM purchases CROSS JOIN ends
  WHERE customer IS NOT NULL AND day IS NOT NULL AND day <= end_day
  GROUP BY customer
)
SELECT frequency, recency_days, ${d.daysBetween('first_day', 'end_day')} AS age_days, COUNT(*) AS customers
FROM customers CROSS JOIN ends
GROUP BY frequency, recency_days, age_days
ORDER BY frequency, recency_days, age_days
`;
}

/** The histories the histogram stands for, in `unit`: each cell repeated for its customers. */
export function historiesOf(cells: readonly HistoryCell[], unit: TimeUnit): PurchaseHistories {
  const perUnit = daysPerUnit(unit);
  const frequency: number[] = [];
  const recency: number[] = [];
  const age: number[] = [];
  for (const c of cells) {
    for (let k = 0; k < c.customers; k++) {
      frequency.push(c.frequency);
      recency.push(c.recencyDays / perUnit);
      age.push(c.ageDays / perUnit);
    }
  }
  return { frequency, recency, age };
}

/** BG/NBD fitted on the histogram, and P(alive) of each of its cells. */
export function fitHistogram(fn: string, cells: readonly HistoryCell[], unit: TimeUnit): { fit: BgNbdFit; alive: number[] } {
  const fit = fitBgNbd(fn, historiesOf(cells, unit));
  const perUnit = daysPerUnit(unit);
  return { fit, alive: cells.map((c) => probabilityAlive(fit.params, c.frequency, c.recencyDays / perUnit, c.ageDays / perUnit)) };
}
