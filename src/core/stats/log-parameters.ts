// Maximum likelihood on log-parameters: keeps parameters positive and bounded, with a very weak ridge penalty.

import type { Objective } from './objective';

/** |ln θ| beyond this (θ outside e^±30) counts as outside the domain. */
const LOG_LIMIT = 30;
/**
 * Per-observation weight of the ridge penalty Σ (ln θ − ln θ₀)² around the starting point θ₀. On data that pin
 * the parameters down it moves them by a few millionths; on data that do not (a handful of customers) it stops
 * them drifting to infinity, so the optimiser converges to a finite, usable fit instead of wandering along a
 * flat ridge. Centred on a start that scales with the data's units, it leaves the fit unit-free.
 */
export const RIDGE_WEIGHT = 1e-8;

/**
 * Turns a log-likelihood on log-parameters (value and gradient with respect to ln θ) into the objective the
 * optimisers minimise: −LL / observations + RIDGE_WEIGHT · Σ (ln θ − ln θ₀)², and Infinity outside |ln θ| ≤ 30.
 */
export function negativeLogLikelihoodObjective(
  logLikelihood: (theta: number[]) => { value: number; gradient: number[] },
  observations: number,
  start: number[],
): Objective {
  return (theta) => {
    if (theta.some((t) => !(Math.abs(t) <= LOG_LIMIT))) return { value: Infinity, gradient: theta.map(() => 0) };
    const { value, gradient } = logLikelihood(theta);
    const ridge = theta.reduce((sum, t, i) => sum + (t - start[i]) ** 2, 0);
    return {
      value: -value / observations + RIDGE_WEIGHT * ridge,
      gradient: gradient.map((g, i) => -g / observations + 2 * RIDGE_WEIGHT * (theta[i] - start[i])),
    };
  };
}
