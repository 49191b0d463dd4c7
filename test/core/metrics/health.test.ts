import { healthScores, type HealthInput } from '../../../src/core/metrics/health';

/** A signals table from its rows (NaN blank), equal weights and every column "higher is better" unless given. */
function input(rows: number[][], weights?: number[], lower?: number[]): HealthInput {
  const columns = rows[0].length;
  return {
    values: Float64Array.from(rows.flat()), rows: rows.length, columns,
    weights: Float64Array.from(weights ?? rows[0].map(() => 1)), lowerIsBetter: Uint8Array.from(lower ?? rows[0].map(() => 0)),
  };
}

describe('the health score', () => {
  it('scales a single column to 0, 50 and 100 over its range', () => {
    expect(Array.from(healthScores(input([[10], [20], [30]])).scores)).toEqual([0, 50, 100]);
  });

  it('reverses a "lower is better" column and weights the mean: 0, 62.5, 87.5', () => {
    const { scores } = healthScores(input([[10, 2], [20, 0], [30, 1]], [3, 1], [0, 1]));
    expect(Array.from(scores)).toEqual([0, 62.5, 87.5]);
  });

  it('leaves a blank cell out of its row and renormalises the weights', () => {
    const { scores } = healthScores(input([[10, 0], [30, NaN], [20, 4]]));
    expect(Array.from(scores)).toEqual([0, 100, 75]);
  });

  it('leaves a constant column out, so it does not shift anyone’s score', () => {
    const { scores, used } = healthScores(input([[10, 5], [30, 5]]));
    expect(Array.from(scores)).toEqual([0, 100]);
    expect(Array.from(used)).toEqual([1, 0]);
  });

  it('gives no score (NaN) to a row with no usable signal', () => {
    const { scores } = healthScores(input([[10, NaN], [NaN, NaN], [30, NaN]]));
    expect(Number.isNaN(scores[1])).toBe(true);
  });

  it('gives no score to a row whose only signals have weight 0', () => {
    const { scores } = healthScores(input([[1, 1], [2, NaN], [3, 3]], [0, 1]));
    expect(Number.isNaN(scores[1])).toBe(true);
    expect(Array.from(scores).filter((s) => s === s)).toEqual([0, 100]);
  });

  it('stays finite for extreme values and weights', () => {
    const { scores } = healthScores(input([[-1e308, 5e-324], [1e308, 0]], [1e308, 1e308]));
    expect(Array.from(scores)).toEqual([50, 50]);
  });
});
