// Transactions to a per-customer calibration summary: frequency, recency, age T and mean repeat spend.

import { MetricError, predictiveMessages as say } from '../../errors';
import { DAY_MS, daysPerUnit, type TimeUnit } from './time-units';

/** Purchase records as the core receives them: parallel columns, dates in civil milliseconds. */
export interface Transactions {
  customerIds: ArrayLike<string>;
  dates: ArrayLike<number>;
  /** Optional: only the spend model needs amounts. */
  amounts?: ArrayLike<number>;
}

/** Each customer's calibration history; times are in `unit`, counted from the customer's first purchase day. */
export interface CustomerSummary {
  ids: string[];
  /** Repeat purchase days: the number of distinct purchase days after the first one. */
  frequency: number[];
  /** From the first to the last purchase day. */
  recency: number[];
  /** Age: from the first purchase day to the calibration end. */
  age: number[];
  /** The mean of the repeat purchase days' amounts (0 when there is none). */
  meanRepeatSpend: number[];
  /** Everything the customer spent up to the calibration end, first purchase included. */
  totalSpend: number[];
  /** Civil day number (days since 1970-01-01) of the first purchase. */
  firstDay: number[];
  /** Civil day number of the calibration end (inclusive). */
  calibrationEndDay: number;
  unit: TimeUnit;
}

/** The indices of rows with a customer id (rows with a blank id are skipped). */
function filledRows(customerIds: ArrayLike<string>): number[] {
  const rows: number[] = [];
  for (let i = 0; i < customerIds.length; i++) if (customerIds[i] !== '') rows.push(i);
  return rows;
}

/** Throws unless dates (and amounts, when given) are usable numbers of the same length as the ids. */
function validate(fn: string, { customerIds, dates, amounts }: Transactions): void {
  if (dates.length !== customerIds.length) throw new MetricError(say.lengthMismatch(fn, 'dates', dates.length, 'customer_ids', customerIds.length));
  if (amounts && amounts.length !== customerIds.length) {
    throw new MetricError(say.lengthMismatch(fn, 'amounts', amounts.length, 'customer_ids', customerIds.length));
  }
  const rows = filledRows(customerIds);
  const badDates = rows.filter((i) => !Number.isFinite(dates[i]));
  if (badDates.length) throw new MetricError(say.badDates(fn, badDates.length, badDates[0] + 1));
  if (!amounts) return;
  const badAmounts = rows.filter((i) => !Number.isFinite(amounts[i]));
  if (badAmounts.length) throw new MetricError(say.badAmounts(fn, badAmounts.length, badAmounts[0] + 1));
  const negative = rows.filter((i) => amounts[i] < 0);
  if (negative.length) throw new MetricError(say.negativeAmounts(fn, negative.length, amounts[negative[0]], negative[0] + 1));
}

/** The civil day number holding a civil-milliseconds time. */
export const civilDay = (ms: number): number => Math.floor(ms / DAY_MS);

/**
 * Summarises purchases up to and including the calibration end's day (default: the last purchase day).
 * Rows with an empty customer id are skipped; customers whose first purchase is later are left out.
 * Several purchases on one day count as one, their amounts added.
 */
export function summariseCustomers(fn: string, transactions: Transactions, unit: TimeUnit, calibrationEnd?: number): CustomerSummary {
  validate(fn, transactions);
  const { customerIds, dates, amounts } = transactions;
  const rows = filledRows(customerIds);
  if (!rows.length) throw new MetricError(say.noPurchases(fn));
  const endDay = calibrationEnd === undefined ? rows.reduce((last, i) => Math.max(last, civilDay(dates[i])), -Infinity) : civilDay(calibrationEnd);
  const spendByDay = new Map<string, Map<number, number>>();
  for (const i of rows) {
    const day = civilDay(dates[i]);
    if (day > endDay) continue;
    let days = spendByDay.get(customerIds[i]);
    if (!days) spendByDay.set(customerIds[i], (days = new Map()));
    days.set(day, (days.get(day) ?? 0) + (amounts ? amounts[i] : 0));
  }
  if (!spendByDay.size) throw new MetricError(say.noneBeforeCalibrationEnd(fn, new Date(endDay * DAY_MS).toISOString().slice(0, 10)));
  const perUnit = daysPerUnit(unit);
  const summary: CustomerSummary = {
    ids: [], frequency: [], recency: [], age: [], meanRepeatSpend: [], totalSpend: [], firstDay: [], calibrationEndDay: endDay, unit,
  };
  for (const [id, days] of spendByDay) {
    const ordered = [...days.keys()].sort((p, q) => p - q);
    const first = ordered[0];
    const repeatSpend = ordered.slice(1).reduce((sum, day) => sum + (days.get(day) as number), 0);
    summary.ids.push(id);
    summary.frequency.push(ordered.length - 1);
    summary.recency.push((ordered[ordered.length - 1] - first) / perUnit);
    summary.age.push((endDay - first) / perUnit);
    summary.meanRepeatSpend.push(ordered.length > 1 ? repeatSpend / (ordered.length - 1) : 0);
    summary.totalSpend.push(repeatSpend + (days.get(first) as number));
    summary.firstDay.push(first);
  }
  return summary;
}
