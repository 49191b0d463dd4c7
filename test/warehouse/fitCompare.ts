// Compares what the warehouse fits with what the functions fit on the same rows: MODEL_FIT's table and the customer
// outlook (the summary's CLV_PREDICT section) — texts, counts and customers exact, fitted numbers within a tolerance.

import type { CustomerOutlook } from '../../src/core/metrics/predictive/customer-outlook';
import type { CustomerValue } from '../../src/core/metrics/predictive/customer-value';
import { tableMismatches } from './compare';

/**
 * Relative tolerance of what is fitted (MODEL_FIT's parameters and log-likelihoods, each customer's predicted figures):
 * the warehouse sums the same terms in another order (histogram cells in the query's order, customers by id, spends
 * added by the engine) and the optimiser stops within its own tolerance, so the fits agree closely but not to the last
 * bit (measured: CDNOW's parameters to 8e-14, its outlook to 1.5e-8; the sample orders' outlook to 2.5e-7).
 */
export const FIT_TOLERANCE = 1e-6;

/** The largest relative difference of a fitted number seen by the comparisons (outside a ridge), for the report. */
export const largest = { fitted: 0 };

const relative = (a: number, b: number): number => Math.abs(a - b) / Math.max(1, Math.abs(b));

/**
 * Gamma-Gamma's q beyond which the likelihood is flat along q and γ together: the spend rate ν ~ Gamma(q, γ) then varies
 * by under 1% between customers (its coefficient of variation is 1/√q), and the optimiser stops anywhere along that
 * ridge, moved by the last bits of the sums (the sample orders: q ≈ 4.6e5, the two fits' q differ by up to 1.6%, while
 * their log-likelihoods agree to 4e-10). There q and γ are compared by what the data determine: their ratio γ/q (the
 * scale of the spend rate) within RIDGE_TOLERANCE, the log-likelihood and p within FIT_TOLERANCE, and the outlook's
 * predictions (outlookMismatches) within FIT_TOLERANCE.
 */
export const RIDGE_Q = 1e4;
export const RIDGE_TOLERANCE = 1e-4;

/** Each difference between two MODEL_FIT tables as one line: texts and counts exact, fitted numbers within `tolerance`. */
export function modelFitMismatches(metric: string, got: (string | number)[][] | undefined, want: (string | number)[][] | undefined, tolerance = FIT_TOLERANCE): string[] {
  if (!got || !want) return tableMismatches(metric, got, want);
  const out = tableMismatches(metric, got.map((r) => r.slice(0, 2)), want.map((r) => r.slice(0, 2)), 0);
  if (out.length) return out;
  const at = (t: (string | number)[][], model: string, parameter: string): number => t.find((r) => r[0] === model && r[1] === parameter)?.[2] as number;
  const ridge = at(want, 'Gamma-Gamma', 'q') > RIDGE_Q;
  const near = (where: string, v: number, w: number, within: number): void => {
    const d = relative(v, w);
    largest.fitted = Math.max(largest.fitted, d);
    if (!(d <= within)) out.push(`${metric} ${where}: warehouse ${v}, function ${w}`);
  };
  want.forEach((r, k) => {
    const [w, v] = [r[2], got[k][2]];
    if (r[0] === 'data' || typeof w !== 'number' || typeof v !== 'number') {
      if (v !== w) out.push(`${metric} ${r[0]} ${r[1]}: warehouse ${v}, function ${w}`);
    } else if (!(ridge && r[0] === 'Gamma-Gamma' && (r[1] === 'q' || r[1] === 'gamma'))) near(`${r[0]} ${r[1]}`, v, w, tolerance);
  });
  if (ridge) {
    const scale = (t: (string | number)[][]): number => at(t, 'Gamma-Gamma', 'gamma') / at(t, 'Gamma-Gamma', 'q');
    const d = relative(scale(got), scale(want));
    if (!(d <= RIDGE_TOLERANCE)) out.push(`${metric} Gamma-Gamma gamma/q on a ridge: warehouse ${scale(got)}, function ${scale(want)}`);
  }
  return out;
}

const FIELDS = ['frequency', 'recency', 'age', 'probabilityAlive', 'expectedPurchases', 'expectedSpend', 'lifetimeValue', 'pastSpend'] as const;

/** Each difference between two outlooks as one line (empty when they agree). */
export function outlookMismatches(metric: string, got: CustomerOutlook | undefined, want: CustomerOutlook | undefined, tolerance = FIT_TOLERANCE): string[] {
  if (!got || !want) return got === want ? [] : [`${metric}: ${got ? 'an outlook' : 'no outlook'} from the warehouse, ${want ? 'an outlook' : 'no outlook'} from the function`];
  const out: string[] = [];
  const near = (where: string, a: number, b: number): void => {
    const d = relative(a, b);
    largest.fitted = Math.max(largest.fitted, d);
    if (!(d <= tolerance)) out.push(`${metric} ${where}: warehouse ${a}, function ${b}`);
  };
  near('value threshold', got.valueThreshold, want.valueThreshold);
  for (const list of ['top', 'atRisk'] as const) {
    const ids = (values: CustomerValue[]): string[] => values.map((v) => v.customer);
    if (ids(got[list]).join('|') !== ids(want[list]).join('|')) {
      out.push(`${metric} ${list}: warehouse ${ids(got[list]).join(', ')}; function ${ids(want[list]).join(', ')}`);
      continue;
    }
    got[list].forEach((v, k) => {
      for (const field of FIELDS) near(`${list}[${k}] ${v.customer} ${field}`, v[field], want[list][k][field]);
    });
  }
  return out;
}
