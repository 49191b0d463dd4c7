import { minimiseBfgs } from '../../../src/core/stats/bfgs';
import { minimiseNelderMead } from '../../../src/core/stats/nelder-mead';
import { minimise } from '../../../src/core/stats/optimise';

/** Rosenbrock's banana: minimum 0 at (1, 1). */
const rosenbrock = ([x, y]: number[]) => ({
  value: (1 - x) ** 2 + 100 * (y - x * x) ** 2,
  gradient: [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)],
});

describe('minimiseBfgs', () => {
  it("finds Rosenbrock's minimum at (1, 1) from (−1.2, 1)", () => {
    const result = minimiseBfgs(rosenbrock, [-1.2, 1]);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 6);
    expect(result.x[1]).toBeCloseTo(1, 6);
  });

  it('reports no convergence when the start is outside the domain', () => {
    const result = minimiseBfgs(() => ({ value: Infinity, gradient: [0] }), [0]);
    expect(result.converged).toBe(false);
  });
});

describe('minimiseNelderMead', () => {
  it('finds the minimum of a shifted quadratic without gradients', () => {
    const result = minimiseNelderMead(([x, y]) => (x - 3) ** 2 + 2 * (y + 1) ** 2, [0, 0]);
    expect(result.x[0]).toBeCloseTo(3, 4);
    expect(result.x[1]).toBeCloseTo(-1, 4);
  });
});

describe('minimise', () => {
  it('still finds the minimum when the gradient it is given is wrong', () => {
    const misleading = ([x]: number[]) => ({ value: (x - 2) ** 2, gradient: [x - 2 > 0 ? -1 : 1] });
    const result = minimise(misleading, [0]);
    expect(result.x[0]).toBeCloseTo(2, 4);
  });
});
