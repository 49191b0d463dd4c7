// Revenue and customer value: average purchase value, revenue per customer, the CLV formula, cross-sell, upsell, net new revenue.

import type { Aggregate } from '../aggregate';
import { indexInSeries, type Period } from '../periods';

/** Purchase rows: customer code (-1 blank), civil date (NaN blank) and amount (NaN blank); a purchase needs all three. */
export interface Purchases {
  customers: Int32Array;
  /** How many distinct customer codes there are (codes run 0..customerCount-1). */
  customerCount: number;
  dates: Float64Array;
  amounts: Float64Array;
}

/** True when row `i` is a purchase: it has a customer, a date and an amount. */
export const isPurchase = (p: Purchases, i: number): boolean =>
  p.customers[i] >= 0 && p.dates[i] === p.dates[i] && p.amounts[i] === p.amounts[i];

/**
 * Where a date falls among `periods` (contiguous, ascending): its index, or -1 outside them.
 * Without periods every date falls in bucket 0 (one figure over all the data).
 */
export interface Buckets {
  count: number;
  of(t: number): number;
}

export function bucketsOf(periods: readonly Period[] | undefined): Buckets {
  if (!periods) return { count: 1, of: () => 0 };
  const first = periods[0].start;
  const last = periods[periods.length - 1].end;
  return { count: periods.length, of: (t) => (t >= first && t < last ? indexInSeries(periods, t) : -1) };
}

/** Revenue and orders; `ids` remembers the order ids already counted. */
export interface ApvAcc {
  revenue: number;
  orders: number;
  ids: Set<number> | undefined;
}

/**
 * Average purchase value: revenue ÷ orders over rows with an amount. With order codes, rows of one order
 * count once; a row with an amount but no order id is an order of its own.
 */
export function apvAggregate(amounts: Float64Array, orders?: Int32Array): Aggregate<ApvAcc> {
  return {
    create: () => ({ revenue: 0, orders: 0, ids: orders ? new Set<number>() : undefined }),
    uses: (i) => amounts[i] === amounts[i],
    add: (acc, i) => {
      acc.revenue += amounts[i];
      const id = orders ? orders[i] : -1;
      if (id < 0) acc.orders++;
      else if (!acc.ids!.has(id)) {
        acc.ids!.add(id);
        acc.orders++;
      }
    },
    value: (acc) => (acc.orders ? acc.revenue / acc.orders : undefined),
    count: (acc) => acc.orders,
  };
}

/** APV over all rows with order codes (0..orderCount-1, -1 blank), marking seen orders in a byte array instead of a Set. */
export function apvOverOrders(amounts: Float64Array, orders: Int32Array, orderCount: number): { revenue: number; orders: number } {
  const seen = new Uint8Array(orderCount);
  let revenue = 0;
  let count = 0;
  for (let i = 0; i < amounts.length; i++) {
    const a = amounts[i];
    if (a !== a) continue;
    revenue += a;
    const id = orders[i];
    if (id < 0) count++;
    else if (!seen[id]) {
      seen[id] = 1;
      count++;
    }
  }
  return { revenue, orders: count };
}

/** Revenue over the rows with both a customer and an amount, and how many distinct customers they hold. */
export function revenuePerCustomer(customers: Int32Array, customerCount: number, amounts: Float64Array): { revenue: number; customers: number } {
  const seen = new Uint8Array(customerCount);
  let revenue = 0;
  let count = 0;
  for (let i = 0; i < customers.length; i++) {
    const c = customers[i];
    const a = amounts[i];
    if (c < 0 || a !== a) continue;
    revenue += a;
    if (!seen[c]) {
      seen[c] = 1;
      count++;
    }
  }
  return { revenue, customers: count };
}

/** Customer lifetime value by the standard formula: ARPA × gross margin ÷ churn rate (all per the same period). */
export const clvFormula = (arpa: number, grossMargin: number, churnRate: number): number => (arpa * grossMargin) / churnRate;

/** Customers with at least one product, and those of them with two or more distinct products. */
export function crossSellCounts(customers: Int32Array, customerCount: number, products: Int32Array): { customers: number; crossSold: number } {
  const firstProduct = new Int32Array(customerCount).fill(-1);
  const multi = new Uint8Array(customerCount);
  let count = 0;
  let crossSold = 0;
  for (let i = 0; i < customers.length; i++) {
    const c = customers[i];
    const p = products[i];
    if (c < 0 || p < 0) continue;
    const f = firstProduct[c];
    if (f < 0) {
      firstProduct[c] = p;
      count++;
    } else if (f !== p && !multi[c]) {
      multi[c] = 1;
      crossSold++;
    }
  }
  return { customers: count, crossSold };
}

/** Each customer's first purchase date (Infinity when the customer has no purchase row). */
export function firstPurchaseDates(p: Purchases): Float64Array {
  const first = new Float64Array(p.customerCount).fill(Infinity);
  for (let i = 0; i < p.customers.length; i++) {
    if (!isPurchase(p, i)) continue;
    const c = p.customers[i];
    if (p.dates[i] < first[c]) first[c] = p.dates[i];
  }
  return first;
}

/** Per bucket: revenue from customers whose first purchase falls in the same bucket, and how many such customers. */
export interface NewRevenue {
  revenue: Float64Array;
  customers: Float64Array;
}

/** Net new revenue: in each bucket, the revenue of purchases made by customers who first bought in that bucket. */
export function netNewRevenue(p: Purchases, buckets: Buckets): NewRevenue {
  const first = firstPurchaseDates(p);
  const firstBucket = new Int32Array(p.customerCount);
  const revenue = new Float64Array(buckets.count);
  const customers = new Float64Array(buckets.count);
  for (let c = 0; c < p.customerCount; c++) {
    const b = first[c] === Infinity ? -1 : buckets.of(first[c]);
    firstBucket[c] = b;
    if (b >= 0) customers[b]++;
  }
  for (let i = 0; i < p.customers.length; i++) {
    if (!isPurchase(p, i)) continue;
    const b = firstBucket[p.customers[i]];
    if (b >= 0 && buckets.of(p.dates[i]) === b) revenue[b] += p.amounts[i];
  }
  return { revenue, customers };
}

/** Per bucket of first purchase: customers, those who bought again later, and those whose later order beat the first. */
export interface UpsellCounts {
  customers: Float64Array;
  repeat: Float64Array;
  upsold: Float64Array;
}

/**
 * Upsell by customer: the first order is the earliest-dated purchase row (the highest row on a tie); a later
 * order is a purchase dated after that day's order, and it upsells when its amount is larger. Customers are
 * counted in the bucket of their first purchase.
 */
export function upsellCounts(p: Purchases, buckets: Buckets): UpsellCounts {
  const n = p.customerCount;
  const firstDate = new Float64Array(n).fill(Infinity);
  const firstAmount = new Float64Array(n);
  for (let i = 0; i < p.customers.length; i++) {
    if (!isPurchase(p, i)) continue;
    const c = p.customers[i];
    if (p.dates[i] < firstDate[c]) {
      firstDate[c] = p.dates[i];
      firstAmount[c] = p.amounts[i];
    }
  }
  const state = new Uint8Array(n); // 1: bought again later, 2: a later order was larger
  for (let i = 0; i < p.customers.length; i++) {
    if (!isPurchase(p, i)) continue;
    const c = p.customers[i];
    if (p.dates[i] > firstDate[c]) state[c] |= p.amounts[i] > firstAmount[c] ? 3 : 1;
  }
  const counts: UpsellCounts = { customers: new Float64Array(buckets.count), repeat: new Float64Array(buckets.count), upsold: new Float64Array(buckets.count) };
  for (let c = 0; c < n; c++) {
    if (firstDate[c] === Infinity) continue;
    const b = buckets.of(firstDate[c]);
    if (b < 0) continue;
    counts.customers[b]++;
    if (state[c] & 1) counts.repeat[b]++;
    if (state[c] & 2) counts.upsold[b]++;
  }
  return counts;
}
