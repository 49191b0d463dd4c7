// The types shared by the optimisers: an objective with its gradient, and the minimum found.

/** A function to minimise, returning its value and gradient at x (value may be Infinity outside its domain). */
export type Objective = (x: number[]) => { value: number; gradient: number[] };

/** Where a minimiser stopped. */
export interface Minimum {
  x: number[];
  value: number;
  iterations: number;
  converged: boolean;
}
