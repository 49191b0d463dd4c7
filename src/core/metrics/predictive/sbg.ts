// The shifted-beta-geometric retention model (Fader & Hardie 2007): fit on a cohort's survivors, project churn.

import { MetricError, predictiveMessages as say } from '../../errors';
import { digamma, logBeta } from '../../stats/gamma';
import { negativeLogLikelihoodObjective } from '../../stats/log-parameters';
import { minimise } from '../../stats/optimise';

/** Each customer's churn probability per period θ ~ Beta(α, β). */
export interface SbgParams {
  alpha: number;
  beta: number;
}

export interface SbgFit {
  params: SbgParams;
  logLikelihood: number;
  iterations: number;
}

/** Throws unless the counts are a usable cohort: cohort size first, then non-increasing survivors with some churn. */
function validateCounts(fn: string, counts: number[]): void {
  const bad = counts.findIndex((c) => !(Number.isFinite(c) && c >= 0));
  if (bad >= 0) throw new MetricError(say.badCount(fn, counts[bad], bad + 1));
  if (counts.length < 3) throw new MetricError(say.tooFewPeriods(fn, counts.length));
  if (!(counts[0] > 0)) throw new MetricError(say.firstCountNotPositive(fn, counts[0]));
  const rise = counts.findIndex((c, i) => i > 0 && c > counts[i - 1]);
  if (rise > 0) throw new MetricError(say.countsIncrease(fn, rise + 1, counts[rise], counts[rise - 1]));
  if (counts[counts.length - 1] === counts[0]) throw new MetricError(say.noChurn(fn));
}

/**
 * LL = Σ_t (n_{t−1} − n_t) ln P(T = t) + n_last ln S(last), with P(T = t) = B(α+1, β+t−1)/B(α, β) and
 * S(t) = B(α, β+t)/B(α, β); returned with its gradient with respect to (ln α, ln β).
 */
function logLikelihoodWithGradient({ alpha, beta }: SbgParams, counts: number[]): { value: number; gradient: number[] } {
  const base = logBeta(alpha, beta);
  const dBaseA = digamma(alpha) - digamma(alpha + beta);
  const dBaseB = digamma(beta) - digamma(alpha + beta);
  let value = 0, dA = 0, dB = 0;
  for (let t = 1; t < counts.length; t++) {
    const lost = counts[t - 1] - counts[t];
    if (lost === 0) continue;
    const shared = digamma(alpha + beta + t);
    value += lost * (logBeta(alpha + 1, beta + t - 1) - base);
    dA += lost * (digamma(alpha + 1) - shared - dBaseA);
    dB += lost * (digamma(beta + t - 1) - shared - dBaseB);
  }
  const last = counts.length - 1, survivors = counts[last];
  if (survivors > 0) {
    const shared = digamma(alpha + beta + last);
    value += survivors * (logBeta(alpha, beta + last) - base);
    dA += survivors * (digamma(alpha) - shared - dBaseA);
    dB += survivors * (digamma(beta + last) - shared - dBaseB);
  }
  return { value, gradient: [dA * alpha, dB * beta] };
}

/** The sBG log-likelihood of a cohort's active counts (cohort size first) at the given parameters. */
export function sbgLogLikelihood(params: SbgParams, counts: number[]): number {
  return logLikelihoodWithGradient(params, counts).value;
}

/** Its gradient with respect to (ln α, ln β), as the optimiser uses it. */
export function sbgLogLikelihoodGradient(params: SbgParams, counts: number[]): number[] {
  return logLikelihoodWithGradient(params, counts).gradient;
}

/** Fits α and β by maximum likelihood on log-parameters. */
export function fitSbg(fn: string, counts: number[]): SbgFit {
  validateCounts(fn, counts);
  const fromLog = (theta: number[]): SbgParams => ({ alpha: Math.exp(theta[0]), beta: Math.exp(theta[1]) });
  const start = [0, 0];
  const objective = negativeLogLikelihoodObjective((theta) => logLikelihoodWithGradient(fromLog(theta), counts), counts[0], start);
  const best = minimise(objective, start);
  if (!Number.isFinite(best.value)) throw new MetricError(say.fitFailed(fn, 'shifted-beta-geometric'));
  const params = fromLog(best.x);
  return { params, logLikelihood: logLikelihoodWithGradient(params, counts).value, iterations: best.iterations };
}

/** The churn rate of period t ≥ 1: the share of customers active at t − 1 who leave, α / (α + β + t − 1). */
export function churnRate({ alpha, beta }: SbgParams, t: number): number {
  return alpha / (alpha + beta + t - 1);
}

/** S(t): the share of the cohort still active after t periods, a product of the retention rates. */
export function survival(params: SbgParams, t: number): number {
  let s = 1;
  for (let i = 1; i <= t; i++) s *= 1 - churnRate(params, i);
  return s;
}
