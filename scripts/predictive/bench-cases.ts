// The predictive benchmark's workloads: the CDNOW fits and CLV_PREDICT on synthetic customers.

import { fitBgNbd } from '../../src/core/metrics/predictive/bg-nbd';
import { predictCustomerValues } from '../../src/core/metrics/predictive/customer-value';
import { fitGammaGamma } from '../../src/core/metrics/predictive/gamma-gamma';
import { summariseCustomers, type Transactions } from '../../src/core/metrics/predictive/rfm';
import { runFunction } from '../../src/functions/runner';
import { CLV_PREDICT } from '../../src/functions/table/predictive';
import { CALIBRATION_END, loadCdnowTransactions } from './cdnow';

const WEEK_MS = 7 * 86400000;

/** A seeded uniform source in [0, 1). */
function uniform(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/** Gamma(shape, 1) variate (Marsaglia–Tsang, boosted for shape < 1). */
function gammaVariate(shape: number, random: () => number): number {
  if (shape < 1) return gammaVariate(shape + 1, random) * Math.pow(random(), 1 / shape);
  const d = shape - 1 / 3, c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const u1 = random(), u2 = random();
    const x = Math.sqrt(-2 * Math.log(u1 || 1e-300)) * Math.cos(2 * Math.PI * u2);
    const v = (1 + c * x) ** 3;
    if (v > 0 && Math.log(random() || 1e-300) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

/** Customers drawn from the BG/NBD process with CDNOW's parameters: first purchases over 12 weeks, 52 weeks observed. */
export function syntheticTransactions(customers: number, seed = 1): Transactions & { calibrationEnd: number } {
  const random = uniform(seed);
  const start = Date.UTC(2024, 0, 1);
  const end = start + 52 * WEEK_MS;
  const customerIds: string[] = [], dates: number[] = [], amounts: number[] = [];
  for (let c = 0; c < customers; c++) {
    const id = `C${c + 1}`;
    const rate = gammaVariate(0.243, random) / 4.414;
    const a = gammaVariate(0.793, random), b = gammaVariate(2.426, random);
    const dropout = a / (a + b);
    const spend = 10 + 40 * gammaVariate(2, random);
    let t = start + random() * 12 * WEEK_MS;
    for (;;) {
      customerIds.push(id);
      dates.push(t);
      amounts.push(Math.round(spend * (0.5 + random()) * 100) / 100);
      if (random() < dropout) break;
      t += (-Math.log(1 - random()) / rate) * WEEK_MS;
      if (!(t <= end)) break;
    }
  }
  return { customerIds, dates, amounts, calibrationEnd: end };
}

/** The CDNOW summary in weeks through 1997-09-30, and both fits on it (the ≤ 100 ms budget). */
export function fitCdnow(dataDir: string, transactions = loadCdnowTransactions(dataDir)) {
  const summary = summariseCustomers('BENCH', transactions, 'weeks', CALIBRATION_END);
  return { summary, purchases: fitBgNbd('BENCH', summary), spend: fitGammaGamma('BENCH', summary.frequency, summary.meanRepeatSpend) };
}

export { loadCdnowTransactions, summariseCustomers, fitBgNbd, fitGammaGamma, predictCustomerValues, runFunction, CLV_PREDICT, CALIBRATION_END };
