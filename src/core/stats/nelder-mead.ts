// Nelder–Mead simplex minimisation: derivative-free, the fallback when gradients mislead.

import type { Minimum } from './objective';

const MAX_ITERATIONS = 2000;
const TOLERANCE = 1e-10;

/** Minimises f from `start` with a simplex of side 0.5 (suited to log-parameters). */
export function minimiseNelderMead(f: (x: number[]) => number, start: number[]): Minimum {
  const n = start.length;
  const evaluate = (x: number[]): number => {
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  let points = [start.slice(), ...start.map((_, i) => start.map((s, j) => (i === j ? s + 0.5 : s)))];
  let values = points.map(evaluate);
  const towards = (from: number[], to: number[], t: number): number[] => from.map((fi, i) => fi + t * (to[i] - fi));
  for (let iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
    const order = values.map((_, i) => i).sort((i, j) => values[i] - values[j]);
    points = order.map((i) => points[i]);
    values = order.map((i) => values[i]);
    const spread = Math.max(...points.map((p) => Math.max(...p.map((pj, j) => Math.abs(pj - points[0][j])))));
    if (Math.abs(values[n] - values[0]) <= TOLERANCE * (Math.abs(values[0]) + TOLERANCE) && spread <= 1e-8) {
      return { x: points[0], value: values[0], iterations: iteration, converged: Number.isFinite(values[0]) };
    }
    const centroid = start.map((_, j) => points.slice(0, n).reduce((sum, p) => sum + p[j], 0) / n);
    const reflected = towards(centroid, points[n], -1);
    const reflectedValue = evaluate(reflected);
    if (reflectedValue < values[0]) {
      const expanded = towards(centroid, points[n], -2);
      const expandedValue = evaluate(expanded);
      [points[n], values[n]] = expandedValue < reflectedValue ? [expanded, expandedValue] : [reflected, reflectedValue];
    } else if (reflectedValue < values[n - 1]) {
      [points[n], values[n]] = [reflected, reflectedValue];
    } else {
      const contracted = towards(centroid, reflectedValue < values[n] ? reflected : points[n], 0.5);
      const contractedValue = evaluate(contracted);
      if (contractedValue < Math.min(reflectedValue, values[n])) {
        [points[n], values[n]] = [contracted, contractedValue];
      } else {
        points = points.map((p, i) => (i === 0 ? p : towards(points[0], p, 0.5)));
        values = points.map((p, i) => (i === 0 ? values[0] : evaluate(p)));
      }
    }
  }
  const best = values.indexOf(Math.min(...values));
  return { x: points[best], value: values[best], iterations: MAX_ITERATIONS, converged: false };
}
