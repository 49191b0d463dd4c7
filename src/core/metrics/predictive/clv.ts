// Discounted customer lifetime value: BG/NBD purchases times Gamma-Gamma spend, discounted monthly.

import { expectedPurchases, type BgNbdParams } from './bg-nbd';
import { DAYS_PER_MONTH } from './time-units';

export interface DiscountedValue {
  /** Expected repeat purchases over the whole horizon. */
  expectedPurchases: number;
  /** Expected spend over the horizon, each month's purchases discounted at (1 + rate)^months. */
  value: number;
}

/**
 * Like lifetimes' customer_lifetime_value: the horizon is cut into months (the last one possibly
 * partial); purchases expected in month k are valued at the expected spend per purchase and divided
 * by (1 + monthlyRate)^k. `unitDays` is the length of the model's time unit in days.
 */
export function discountedValue(
  params: BgNbdParams,
  history: { x: number; tx: number; T: number },
  spendPerPurchase: number,
  horizonMonths: number,
  monthlyRate: number,
  unitDays: number,
): DiscountedValue {
  const unitsPerMonth = DAYS_PER_MONTH / unitDays;
  let value = 0;
  let previous = 0;
  for (let k = 1; k - 1 < horizonMonths; k++) {
    const months = Math.min(k, horizonMonths);
    const cumulative = expectedPurchases(params, months * unitsPerMonth, history.x, history.tx, history.T);
    value += (spendPerPurchase * (cumulative - previous)) / Math.pow(1 + monthlyRate, months);
    previous = cumulative;
  }
  return { expectedPurchases: previous, value };
}
