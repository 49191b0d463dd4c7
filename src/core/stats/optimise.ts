// Unconstrained minimisation: BFGS with analytic gradients, falling back to Nelder–Mead.

import { minimiseBfgs } from './bfgs';
import { minimiseNelderMead } from './nelder-mead';
import type { Minimum, Objective } from './objective';

export type { Minimum, Objective } from './objective';

/**
 * Minimises `objective` from `start`. BFGS runs first; when it stops without converging (a rough
 * surface, a non-finite value), Nelder–Mead restarts from the best point so far and BFGS polishes.
 */
export function minimise(objective: Objective, start: number[]): Minimum {
  const first = minimiseBfgs(objective, start);
  if (first.converged) return first;
  const simplex = minimiseNelderMead((x) => objective(x).value, first.value < Infinity ? first.x : start);
  const polished = minimiseBfgs(objective, simplex.x);
  const best = polished.value <= simplex.value ? polished : simplex;
  const iterations = first.iterations + simplex.iterations + polished.iterations;
  return { ...best, iterations, converged: polished.converged || simplex.converged };
}
