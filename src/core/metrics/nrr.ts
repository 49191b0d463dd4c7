// Net revenue retention: revenue this period from the customers who paid last period, over what they paid then.

import { bucketsOf, isPurchase, type Purchases } from './revenue';
import type { Period } from '../periods';

/** Per period: the base customers (paid more than 0 in the period before), their revenue then, and their revenue now. */
export interface NrrFigures {
  customers: Float64Array;
  baseRevenue: Float64Array;
  retainedRevenue: Float64Array;
}

/** Dense per-customer sums are used while customers × periods stays below this many cells. */
const DENSE_LIMIT = 1 << 21;

/**
 * NRR figures for each period of `periods` (contiguous, ascending) against the period before it; the first
 * period's predecessor is outside the list, so its figures are zero unless the caller prepends it.
 */
export function nrrFigures(p: Purchases, periods: readonly Period[], denseLimit = DENSE_LIMIT): NrrFigures {
  const buckets = bucketsOf(periods);
  const k = buckets.count;
  const sums = p.customerCount * k <= denseLimit ? denseSums(p, buckets.of, k) : sparseSums(p, buckets.of, k);
  const out: NrrFigures = { customers: new Float64Array(k), baseRevenue: new Float64Array(k), retainedRevenue: new Float64Array(k) };
  sums.forEachPositive((c, b) => {
    if (b + 1 >= k) return;
    out.customers[b + 1]++;
    out.baseRevenue[b + 1] += sums.get(c, b);
    out.retainedRevenue[b + 1] += sums.get(c, b + 1);
  });
  return out;
}

/** Revenue per (customer, period), and a walk over the pairs whose revenue is above zero. */
interface CustomerPeriodSums {
  get(customer: number, period: number): number;
  forEachPositive(visit: (customer: number, period: number) => void): void;
}

function denseSums(p: Purchases, bucketOf: (t: number) => number, k: number): CustomerPeriodSums {
  const sums = new Float64Array(p.customerCount * k);
  for (let i = 0; i < p.customers.length; i++) {
    if (!isPurchase(p, i)) continue;
    const b = bucketOf(p.dates[i]);
    if (b >= 0) sums[p.customers[i] * k + b] += p.amounts[i];
  }
  return {
    get: (c, b) => sums[c * k + b],
    forEachPositive(visit) {
      for (let j = 0; j < sums.length; j++) if (sums[j] > 0) visit(Math.floor(j / k), j % k);
    },
  };
}

function sparseSums(p: Purchases, bucketOf: (t: number) => number, k: number): CustomerPeriodSums {
  const sums = new Map<number, number>();
  for (let i = 0; i < p.customers.length; i++) {
    if (!isPurchase(p, i)) continue;
    const b = bucketOf(p.dates[i]);
    if (b < 0) continue;
    const key = p.customers[i] * k + b;
    sums.set(key, (sums.get(key) ?? 0) + p.amounts[i]);
  }
  return {
    get: (c, b) => sums.get(c * k + b) ?? 0,
    forEachPositive(visit) {
      for (const [key, sum] of sums) if (sum > 0) visit(Math.floor(key / k), key % k);
    },
  };
}
