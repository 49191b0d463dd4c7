// Net revenue retention: revenue this period from the customers who paid last period, over what they paid then.

import { bucketsOf } from './revenue';
import type { Period } from '../periods';

/** Purchase rows with customers as text ("" blank), read only for rows inside the periods. */
export interface TextPurchases {
  id(i: number): string;
  dates: Float64Array;
  amounts: Float64Array;
}

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
 * period's predecessor is outside the list, so its figures are zero (a labelled period passes [previous, it]).
 * Rows need a customer, a date and an amount; rows outside the periods are never looked up.
 */
export function nrrFigures(p: TextPurchases, periods: readonly Period[], denseLimit = DENSE_LIMIT): NrrFigures {
  const { count: k, of: bucketOf } = bucketsOf(periods);
  const n = p.dates.length;
  const rowBucket = new Int32Array(n);
  const rowCustomer = new Int32Array(n);
  const codes = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    let b = p.amounts[i] === p.amounts[i] ? bucketOf(p.dates[i]) : -1;
    const id = b < 0 ? '' : p.id(i);
    if (id === '') b = -1;
    rowBucket[i] = b;
    if (b < 0) continue;
    let c = codes.get(id);
    if (c === undefined) codes.set(id, (c = codes.size));
    rowCustomer[i] = c;
  }
  const sums = codes.size * k <= denseLimit ? denseSums(codes.size, k) : sparseSums(k);
  for (let i = 0; i < n; i++) if (rowBucket[i] >= 0) sums.add(rowCustomer[i], rowBucket[i], p.amounts[i]);
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
  add(customer: number, period: number, amount: number): void;
  get(customer: number, period: number): number;
  forEachPositive(visit: (customer: number, period: number) => void): void;
}

function denseSums(customers: number, k: number): CustomerPeriodSums {
  const sums = new Float64Array(customers * k);
  return {
    add: (c, b, a) => {
      sums[c * k + b] += a;
    },
    get: (c, b) => sums[c * k + b],
    forEachPositive(visit) {
      for (let j = 0; j < sums.length; j++) if (sums[j] > 0) visit(Math.floor(j / k), j % k);
    },
  };
}

function sparseSums(k: number): CustomerPeriodSums {
  const sums = new Map<number, number>();
  return {
    add: (c, b, a) => {
      const key = c * k + b;
      sums.set(key, (sums.get(key) ?? 0) + a);
    },
    get: (c, b) => sums.get(c * k + b) ?? 0,
    forEachPositive(visit) {
      for (const [key, sum] of sums) if (sum > 0) visit(Math.floor(key / k), key % k);
    },
  };
}
