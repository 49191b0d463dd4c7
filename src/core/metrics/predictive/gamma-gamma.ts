// The Gamma-Gamma spend model (Fader, Hardie & Lee 2005; Fader & Hardie 2013): fit and expected average spend.

import { MetricError, predictiveMessages as say } from '../../errors';
import { digamma, logGamma } from '../../stats/gamma';
import { negativeLogLikelihoodObjective } from '../../stats/log-parameters';
import { minimise } from '../../stats/optimise';

/** Spend per purchase ~ Gamma(p, ν); ν ~ Gamma(q, γ) across customers. */
export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

export interface GammaGammaFit {
  params: GammaGammaParams;
  logLikelihood: number;
  customers: number;
  iterations: number;
}

export const MIN_SPENDERS = 2;

/** Repeat customers (or cells of customers with the same x and m̄, each weighing its customers) with ln m̄ precomputed. */
interface SpendData {
  x: number[];
  meanSpend: number[];
  logMeanSpend: number[];
  /** How many customers each entry stands for (1 for a customer of its own). */
  weight: number[];
  /** Distinct x values and how many customers have each. */
  distinctX: number[];
  countOfX: number[];
  /** The customers: the sum of the weights. */
  customers: number;
}

function prepare(frequency: ArrayLike<number>, meanSpend: ArrayLike<number>, weight?: ArrayLike<number>): SpendData {
  const data: SpendData = { x: [], meanSpend: [], logMeanSpend: [], weight: [], distinctX: [], countOfX: [], customers: 0 };
  const counts = new Map<number, number>();
  for (let i = 0; i < frequency.length; i++) {
    if (!(frequency[i] > 0 && meanSpend[i] > 0)) continue;
    const w = weight ? weight[i] : 1;
    data.x.push(frequency[i]);
    data.meanSpend.push(meanSpend[i]);
    data.logMeanSpend.push(Math.log(meanSpend[i]));
    data.weight.push(w);
    data.customers += w;
    counts.set(frequency[i], (counts.get(frequency[i]) ?? 0) + w);
  }
  for (const [x, count] of counts) {
    data.distinctX.push(x);
    data.countOfX.push(count);
  }
  return data;
}

/** The log-likelihood of the mean spends and its gradient with respect to (ln p, ln q, ln γ). */
function logLikelihoodWithGradient({ p, q, gamma }: GammaGammaParams, d: SpendData): { value: number; gradient: number[] } {
  let value = 0, dp = 0, dq = 0, dGamma = 0;
  const logGammaQ = logGamma(q), digammaQ = digamma(q), logScale = Math.log(gamma);
  for (let k = 0; k < d.distinctX.length; k++) {
    const x = d.distinctX[k], n = d.countOfX[k];
    value += n * (logGamma(p * x + q) - logGamma(p * x) - logGammaQ + q * logScale + p * x * Math.log(x));
    const shared = digamma(p * x + q);
    dp += n * x * (shared - digamma(p * x) + Math.log(x));
    dq += n * (shared - digammaQ + logScale);
  }
  for (let i = 0; i < d.x.length; i++) {
    const x = d.x[i], w = d.weight[i], total = x * d.meanSpend[i] + gamma, logTotal = Math.log(total);
    value += w * ((p * x - 1) * d.logMeanSpend[i] - (p * x + q) * logTotal);
    dp += w * x * (d.logMeanSpend[i] - logTotal);
    dq -= w * logTotal;
    dGamma += w * (q / gamma - (p * x + q) / total);
  }
  return { value, gradient: [dp * p, dq * q, dGamma * gamma] };
}

/** The Gamma-Gamma log-likelihood of repeat customers' mean spends (customers with x = 0 or m̄ ≤ 0 are left out). */
export function gammaGammaLogLikelihood(params: GammaGammaParams, frequency: ArrayLike<number>, meanSpend: ArrayLike<number>): number {
  return logLikelihoodWithGradient(params, prepare(frequency, meanSpend)).value;
}

/** Its gradient with respect to (ln p, ln q, ln γ), as the optimiser uses it. */
export function gammaGammaLogLikelihoodGradient(params: GammaGammaParams, frequency: ArrayLike<number>, meanSpend: ArrayLike<number>): number[] {
  return logLikelihoodWithGradient(params, prepare(frequency, meanSpend)).gradient;
}

/**
 * Fits the spend model on repeat customers with a positive mean spend; throws when it cannot give finite expectations.
 * With `weight`, each (x, m̄) stands for that many customers (a warehouse's histogram), as if repeated.
 */
export function fitGammaGamma(fn: string, frequency: ArrayLike<number>, meanSpend: ArrayLike<number>, weight?: ArrayLike<number>): GammaGammaFit {
  const d = prepare(frequency, meanSpend, weight);
  const n = d.customers;
  if (n < MIN_SPENDERS) throw new MetricError(say.tooFewSpenders(fn, n, MIN_SPENDERS));
  const fromLog = (theta: number[]): GammaGammaParams => ({ p: Math.exp(theta[0]), q: Math.exp(theta[1]), gamma: Math.exp(theta[2]) });
  const meanOfMeans = d.meanSpend.reduce((s, m, i) => s + d.weight[i] * m, 0) / n;
  if (d.meanSpend.every((m) => m === d.meanSpend[0])) throw new MetricError(say.identicalSpend(fn, n, d.meanSpend[0]));
  const start = [0, Math.log(2), Math.log(meanOfMeans)];
  const objective = negativeLogLikelihoodObjective((theta) => logLikelihoodWithGradient(fromLog(theta), d), n, start);
  const best = minimise(objective, start);
  if (!Number.isFinite(best.value)) throw new MetricError(say.fitFailed(fn, 'Gamma-Gamma spend'));
  const params = fromLog(best.x);
  if (!(params.q > 1)) throw new MetricError(say.spendTooVaried(fn, params.q));
  return { params, logLikelihood: logLikelihoodWithGradient(params, d).value, customers: n, iterations: best.iterations };
}

/** E[M | x, m̄]: a customer's expected spend per purchase, their mean shrunk toward the population mean γp/(q − 1). */
export function expectedAverageSpend({ p, q, gamma }: GammaGammaParams, x: number, meanSpend: number): number {
  const populationMean = (gamma * p) / (q - 1);
  if (!(x > 0)) return populationMean;
  const weight = (p * x) / (p * x + q - 1);
  return (1 - weight) * populationMean + weight * meanSpend;
}
