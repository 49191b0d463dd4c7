// BFGS quasi-Newton minimisation with a backtracking Armijo line search.

import type { Minimum, Objective } from './objective';

const GRADIENT_TOLERANCE = 1e-9;
const MAX_ITERATIONS = 500;

const dot = (u: number[], v: number[]): number => u.reduce((sum, ui, i) => sum + ui * v[i], 0);
const isFinitePoint = (value: number, gradient: number[]): boolean => Number.isFinite(value) && gradient.every(Number.isFinite);

function identity(n: number): number[][] {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
}

/** Applies the BFGS update to the inverse Hessian estimate H given step s and gradient change y. */
function updateInverseHessian(h: number[][], s: number[], y: number[]): void {
  const sy = dot(s, y);
  if (!(sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y)))) return;
  const hy = h.map((row) => dot(row, y));
  const yhy = dot(y, hy);
  const n = s.length;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      h[i][j] += ((sy + yhy) * s[i] * s[j]) / (sy * sy) - (hy[i] * s[j] + s[i] * hy[j]) / sy;
    }
  }
}

/** Minimises from `start`; converged when the largest gradient component is below 1e-9 (scale the objective to ~1). */
export function minimiseBfgs(objective: Objective, start: number[]): Minimum {
  let x = start.slice();
  let { value, gradient } = objective(x);
  if (!isFinitePoint(value, gradient)) return { x, value: Infinity, iterations: 0, converged: false };
  const h = identity(x.length);
  for (let iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
    if (Math.max(...gradient.map(Math.abs)) < GRADIENT_TOLERANCE) return { x, value, iterations: iteration - 1, converged: true };
    let direction = h.map((row) => -dot(row, gradient));
    let slope = dot(direction, gradient);
    if (!(slope < 0)) {
      h.forEach((row, i) => row.forEach((_, j) => (row[j] = i === j ? 1 : 0)));
      direction = gradient.map((g) => -g);
      slope = dot(direction, gradient);
    }
    const longest = Math.max(...direction.map(Math.abs));
    let step = longest > 1 ? 1 / longest : 1;
    let next: { value: number; gradient: number[] } | undefined;
    let trial: number[] = x;
    for (let halving = 0; halving < 60; halving++, step /= 2) {
      trial = x.map((xi, i) => xi + step * direction[i]);
      const candidate = objective(trial);
      if (isFinitePoint(candidate.value, candidate.gradient) && candidate.value <= value + 1e-4 * step * slope) {
        next = candidate;
        break;
      }
    }
    if (!next) return { x, value, iterations: iteration, converged: false };
    const s = trial.map((ti, i) => ti - x[i]);
    const y = next.gradient.map((gi, i) => gi - gradient[i]);
    const improvement = value - next.value;
    x = trial;
    value = next.value;
    gradient = next.gradient;
    updateInverseHessian(h, s, y);
    if (improvement <= 1e-15 * Math.max(1, Math.abs(value)) && Math.max(...gradient.map(Math.abs)) < 1e-6) {
      return { x, value, iterations: iteration, converged: true };
    }
  }
  return { x, value, iterations: MAX_ITERATIONS, converged: false };
}
