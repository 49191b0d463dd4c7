// The BG/NBD holdout check: predicted vs actual repeat purchases after the calibration end, by calibration frequency.

import { expectedPurchases, fitBgNbd, type BgNbdFit } from './bg-nbd';
import { civilDay, summariseCustomers, type Transactions } from './rfm';
import { daysPerUnit, type TimeUnit } from './time-units';

export interface HoldoutGroup {
  /** "0", "1", … or "7+": repeat purchase days in the calibration period. */
  label: string;
  customers: number;
  actual: number;
  predicted: number;
}

export interface HoldoutComparison {
  groups: HoldoutGroup[];
  total: HoldoutGroup;
  fit: BgNbdFit;
  /** Length of the holdout period in `unit`. */
  holdoutLength: number;
}

/**
 * Fits BG/NBD up to `calibrationEnd` and compares, for each number of calibration repeat purchases
 * (the last group open-ended at `openGroupFrom`+), the repeat purchase days actually made in
 * (calibrationEnd, holdoutEnd] with the model's conditional expectation for the same span.
 */
export function compareWithHoldout(
  fn: string,
  transactions: Transactions,
  options: { calibrationEnd: number; holdoutEnd: number; unit: TimeUnit; openGroupFrom: number },
): HoldoutComparison {
  const summary = summariseCustomers(fn, transactions, options.unit, options.calibrationEnd);
  const fit = fitBgNbd(fn, summary);
  const endDay = civilDay(options.holdoutEnd);
  const holdoutDays = new Map<string, Set<number>>();
  for (let i = 0; i < transactions.customerIds.length; i++) {
    const day = civilDay(transactions.dates[i]);
    if (day <= summary.calibrationEndDay || day > endDay) continue;
    const id = transactions.customerIds[i];
    if (!holdoutDays.has(id)) holdoutDays.set(id, new Set());
    (holdoutDays.get(id) as Set<number>).add(day);
  }
  const holdoutLength = (endDay - summary.calibrationEndDay) / daysPerUnit(options.unit);
  const groups: HoldoutGroup[] = Array.from({ length: options.openGroupFrom + 1 }, (_, k) => ({
    label: k < options.openGroupFrom ? String(k) : `${k}+`, customers: 0, actual: 0, predicted: 0,
  }));
  const total: HoldoutGroup = { label: 'total', customers: 0, actual: 0, predicted: 0 };
  summary.ids.forEach((id, i) => {
    const actual = holdoutDays.get(id)?.size ?? 0;
    const predicted = expectedPurchases(fit.params, holdoutLength, summary.frequency[i], summary.recency[i], summary.age[i]);
    for (const group of [groups[Math.min(summary.frequency[i], options.openGroupFrom)], total]) {
      group.customers += 1;
      group.actual += actual;
      group.predicted += predicted;
    }
  });
  return { groups, total, fit, holdoutLength };
}
