// The summary's "Customer outlook": top customers by predicted CLV, and valuable customers who may have left.

import type { CustomerValue } from './customer-value';

export interface OutlookOptions {
  /** How many customers each list shows. */
  limit: number;
  /** "Valuable": past spend at or above this quantile of all customers' past spend (0.75 = top quarter). */
  valueQuantile: number;
  /** "At risk": P(alive) below this. */
  aliveBelow: number;
}

export const DEFAULT_OUTLOOK: OutlookOptions = { limit: 10, valueQuantile: 0.75, aliveBelow: 0.5 };

export interface CustomerOutlook {
  /** Highest predicted CLV first. */
  top: CustomerValue[];
  /** Valuable customers with a low P(alive), highest past spend first. */
  atRisk: CustomerValue[];
  /** The past spend a customer needs to count as valuable. */
  valueThreshold: number;
}

/** The value at quantile q of the sorted values (linear interpolation between neighbours). */
function quantile(sorted: number[], q: number): number {
  const at = q * (sorted.length - 1);
  const low = Math.floor(at);
  return low + 1 < sorted.length ? sorted[low] + (at - low) * (sorted[low + 1] - sorted[low]) : sorted[low];
}

/** Picks both lists from CLV_PREDICT's per-customer values (in any order). */
export function customerOutlook(values: CustomerValue[], options: OutlookOptions = DEFAULT_OUTLOOK): CustomerOutlook {
  if (!values.length) return { top: [], atRisk: [], valueThreshold: 0 };
  const top = [...values].sort((p, q) => q.lifetimeValue - p.lifetimeValue).slice(0, options.limit);
  const valueThreshold = quantile(values.map((v) => v.pastSpend).sort((p, q) => p - q), options.valueQuantile);
  const atRisk = values
    .filter((v) => v.pastSpend >= valueThreshold && v.probabilityAlive < options.aliveBelow)
    .sort((p, q) => q.pastSpend - p.pastSpend)
    .slice(0, options.limit);
  return { top, atRisk, valueThreshold };
}
