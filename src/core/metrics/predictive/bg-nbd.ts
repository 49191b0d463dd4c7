// The BG/NBD model (Fader, Hardie & Lee 2005): log-likelihood with gradient, fit, and predictions.

import { MetricError, predictiveMessages as say } from '../../errors';
import { logHyp2f1 } from '../../stats/hypergeometric';
import { logAddExp, logisticOfMinus } from '../../stats/log-sum-exp';
import { negativeLogLikelihoodObjective } from '../../stats/log-parameters';
import { minimise } from '../../stats/optimise';

/** Purchase rate λ ~ Gamma(r, α); dropout probability after each purchase p ~ Beta(a, b). */
export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** Calibration histories: repeat purchases x, recency t_x and age T, in one time unit. */
export interface PurchaseHistories {
  frequency: ArrayLike<number>;
  recency: ArrayLike<number>;
  age: ArrayLike<number>;
  /** How many customers each history stands for (a warehouse's histogram cell); 1 each when left out. */
  weight?: ArrayLike<number>;
}

/** Customers with identical histories, stored once with a weight, so each evaluation is cheap. */
interface GroupedHistories {
  x: number[];
  tx: number[];
  T: number[];
  weight: number[];
  maxX: number;
  total: number;
}

export const MIN_REPEAT_CUSTOMERS = 2;

function groupHistories(h: PurchaseHistories): GroupedHistories {
  const index = new Map<string, number>();
  const g: GroupedHistories = { x: [], tx: [], T: [], weight: [], maxX: 0, total: 0 };
  for (let i = 0; i < h.frequency.length; i++) {
    const x = h.frequency[i];
    const tx = x > 0 ? h.recency[i] : 0;
    const w = h.weight ? h.weight[i] : 1;
    g.total += w;
    const key = `${x}|${tx}|${h.age[i]}`;
    const at = index.get(key);
    if (at !== undefined) {
      g.weight[at] += w;
      continue;
    }
    index.set(key, g.x.length);
    g.x.push(x);
    g.tx.push(tx);
    g.T.push(h.age[i]);
    g.weight.push(w);
    g.maxX = Math.max(g.maxX, x);
  }
  return g;
}

/** Σ_{k<x} f(k) for every x up to maxX, so ln Γ(v+x) − ln Γ(v) and ψ(v+x) − ψ(v) become look-ups. */
function partialSums(maxX: number, term: (k: number) => number): Float64Array {
  const sums = new Float64Array(maxX + 1);
  for (let k = 0; k < maxX; k++) sums[k + 1] = sums[k] + term(k);
  return sums;
}

/** The total log-likelihood and its gradient with respect to (ln r, ln α, ln a, ln b). */
function logLikelihoodWithGradient(p: BgNbdParams, g: GroupedHistories): { value: number; gradient: number[] } {
  const { r, alpha, a, b } = p;
  const logR = partialSums(g.maxX, (k) => Math.log(r + k));
  const invR = partialSums(g.maxX, (k) => 1 / (r + k));
  const logB = partialSums(g.maxX, (k) => Math.log(b + k));
  const invB = partialSums(g.maxX, (k) => 1 / (b + k));
  const logAB = partialSums(g.maxX, (k) => Math.log(a + b + k));
  const invAB = partialSums(g.maxX, (k) => 1 / (a + b + k));
  const logAlpha = Math.log(alpha);
  let value = 0;
  let dr = 0, dAlpha = 0, da = 0, db = 0;
  for (let i = 0; i < g.x.length; i++) {
    const x = g.x[i], w = g.weight[i];
    const logAge = Math.log(alpha + g.T[i]);
    const a3 = -(r + x) * logAge;
    let logLast = 0, share4 = 0, a4 = -Infinity;
    if (x > 0) {
      logLast = Math.log(alpha + g.tx[i]);
      a4 = Math.log(a) - Math.log(b + x - 1) - (r + x) * logLast;
      share4 = logisticOfMinus(a3 - a4);
    }
    const share3 = 1 - share4;
    value += w * (logR[x] + r * logAlpha + logB[x] - logAB[x] + logAddExp(a3, a4));
    dr += w * (invR[x] + logAlpha - share3 * logAge - share4 * logLast);
    dAlpha += w * (r / alpha - (r + x) * (share3 / (alpha + g.T[i]) + share4 / (alpha + g.tx[i])));
    da += w * (-invAB[x] + share4 / a);
    db += w * (invB[x] - invAB[x] - (x > 0 ? share4 / (b + x - 1) : 0));
  }
  return { value, gradient: [dr * r, dAlpha * alpha, da * a, db * b] };
}

const fromLog = (theta: number[]): BgNbdParams => ({
  r: Math.exp(theta[0]), alpha: Math.exp(theta[1]), a: Math.exp(theta[2]), b: Math.exp(theta[3]),
});

/** The BG/NBD log-likelihood of the histories at the given parameters (Fader, Hardie & Lee 2005, eq. 6). */
export function bgNbdLogLikelihood(params: BgNbdParams, histories: PurchaseHistories): number {
  return logLikelihoodWithGradient(params, groupHistories(histories)).value;
}

/** Its gradient with respect to (ln r, ln α, ln a, ln b), as the optimiser uses it. */
export function bgNbdLogLikelihoodGradient(params: BgNbdParams, histories: PurchaseHistories): number[] {
  return logLikelihoodWithGradient(params, groupHistories(histories)).gradient;
}

export interface BgNbdFit {
  params: BgNbdParams;
  logLikelihood: number;
  iterations: number;
}

/** Fits the BG/NBD model by maximum likelihood on log-parameters; throws when the data cannot support a fit. */
export function fitBgNbd(fn: string, histories: PurchaseHistories): BgNbdFit {
  const g = groupHistories(histories);
  let repeat = 0, sumX = 0, sumT = 0;
  for (let i = 0; i < g.x.length; i++) {
    if (g.x[i] > 0) repeat += g.weight[i];
    sumX += g.weight[i] * g.x[i];
    sumT += g.weight[i] * g.T[i];
  }
  if (repeat === 0) throw new MetricError(say.allBoughtOnce(fn, g.total));
  if (repeat < MIN_REPEAT_CUSTOMERS) throw new MetricError(say.tooFewRepeatCustomers(fn, repeat, g.total, MIN_REPEAT_CUSTOMERS));
  const start = [0, Math.log(Math.max(sumT, 1e-9) / Math.max(sumX, 1)), 0, 0];
  const objective = negativeLogLikelihoodObjective((theta) => logLikelihoodWithGradient(fromLog(theta), g), g.total, start);
  const best = minimise(objective, start);
  if (!Number.isFinite(best.value)) throw new MetricError(say.fitFailed(fn, 'BG/NBD'));
  const params = fromLog(best.x);
  return { params, logLikelihood: logLikelihoodWithGradient(params, g).value, iterations: best.iterations };
}

/** P(alive | x, t_x, T): the probability that a customer with this history has not dropped out. */
export function probabilityAlive(p: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  const logOdds = Math.log(p.a) - Math.log(p.b + x - 1) + (p.r + x) * (Math.log(p.alpha + T) - Math.log(p.alpha + tx));
  return logisticOfMinus(logOdds);
}

/**
 * ln S where S = ((α+T)/(α+T+t))^(r+x) 2F1(r+x, b+x; a+b+x−1; z), z = t/(α+T+t), the survivor term of
 * E[Y(t) | alive]. When a + b − 1 ≥ r, Euler's transformation S = (1 − z)^(a−1) 2F1(a+b−1−r, a−1; c; z)
 * gives a series whose parameters do not grow with x and whose terms after the first share one sign;
 * otherwise that series alternates with huge terms, and the original one (all terms positive) is summed,
 * rescaled as it grows.
 */
function logSurvivorTerm(p: BgNbdParams, t: number, x: number, T: number, aMinusOne: number): number {
  const c = aMinusOne + p.b + x;
  const logOneMinusZ = -Math.log1p(t / (p.alpha + T));
  const z = t / (p.alpha + T + t);
  if (c - p.r - x >= 0) return aMinusOne * logOneMinusZ + logHyp2f1(c - p.r - x, aMinusOne, c, z);
  return (p.r + x) * logOneMinusZ + logHyp2f1(p.r + x, p.b + x, c, z);
}

/**
 * E[Y(t) | x, T, alive] = c/(a − 1) · (1 − S): expected purchases in (T, T + t] for a customer known to be
 * alive at T. It must lie between 0 and (r + x) t / (α + T), the purchases expected if nobody ever dropped
 * out; when the series cannot deliver that (a and b driven towards infinity by tiny data sets), the
 * expectation is integrated over p ~ Beta(a, b + x) instead.
 */
function expectedPurchasesIfAlive(p: BgNbdParams, t: number, x: number, T: number): number {
  if (t <= 0) return 0;
  const aMinusOne = Math.abs(p.a - 1) < 1e-7 ? 1e-7 : p.a - 1;
  const rateTime = t / (p.alpha + T);
  const ceiling = (p.r + x) * rateTime;
  let expected = NaN;
  try {
    expected = ((aMinusOne + p.b + x) / aMinusOne) * -Math.expm1(logSurvivorTerm(p, t, x, T, aMinusOne));
  } catch {
    // the series did not converge: integrate below
  }
  if (expected >= 0 && expected <= ceiling * (1 + 1e-9)) return expected;
  // Given alive, λ ~ Gamma(r + x, α + T) and p ~ Beta(a, b + x); E[Y | λ, p] = (1 − e^(−λpt)) / p, whose mean over λ is below.
  return integrateOverDropout(p.a, p.b + x, (q) => (q > 0 ? -Math.expm1(-(p.r + x) * Math.log1p(q * rateTime)) / q : ceiling));
}

/**
 * E[g(p)] for p ~ Beta(a, b): g at the mean when the distribution is a spike (variance below 1e-14, as when
 * a + b is huge), otherwise the trapezoid rule in u = logit(p), where the density is a smooth bell
 * (exponentially accurate), with weights normalised numerically so no Beta function is needed.
 */
function integrateOverDropout(a: number, b: number, g: (p: number) => number): number {
  const mean = a / (a + b);
  if ((mean * (1 - mean)) / (a + b + 1) < 1e-14) return g(mean);
  const mode = Math.log(a / b);
  const width = Math.sqrt(1 / a + 1 / b);
  const lo = mode - Math.max(10 * width, 40 / a);
  const hi = mode + Math.max(10 * width, 40 / b);
  const steps = Math.min(4000, Math.ceil((hi - lo) / (width / 4)));
  const softplus = (v: number): number => (v > 0 ? v + Math.log1p(Math.exp(-v)) : Math.log1p(Math.exp(v)));
  const logDensity = (u: number): number => -a * softplus(-u) - b * softplus(u);
  const peak = logDensity(mode);
  let total = 0, weighted = 0;
  for (let k = 0; k <= steps; k++) {
    const u = lo + ((hi - lo) * k) / steps;
    const w = Math.exp(logDensity(u) - peak);
    if (w === 0) continue;
    total += w;
    weighted += w * g(1 / (1 + Math.exp(-u)));
  }
  return weighted / total;
}

/** E[Y(t) | x, t_x, T]: expected repeat purchases in the next t units for a customer with this history. */
export function expectedPurchases(p: BgNbdParams, t: number, x: number, tx: number, T: number): number {
  return probabilityAlive(p, x, tx, T) * expectedPurchasesIfAlive(p, t, x, T);
}

/** E[X(t)]: expected repeat purchases of a new customer in the first t units after the first purchase. */
export function populationExpectedPurchases(p: BgNbdParams, t: number): number {
  return expectedPurchasesIfAlive(p, t, 0, 0);
}
