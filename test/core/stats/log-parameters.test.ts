import { negativeLogLikelihoodObjective, RIDGE_WEIGHT } from '../../../src/core/stats/log-parameters';

describe('negativeLogLikelihoodObjective', () => {
  const logLikelihood = (theta: number[]) => ({ value: -(theta[0] ** 2) * 10, gradient: [-20 * theta[0]] });

  it('divides the negative log-likelihood by the number of observations and adds the ridge around the start', () => {
    const objective = negativeLogLikelihoodObjective(logLikelihood, 5, [1]);
    const { value, gradient } = objective([3]);
    expect(value).toBeCloseTo(90 / 5 + RIDGE_WEIGHT * 4, 12);
    expect(gradient[0]).toBeCloseTo(60 / 5 + 2 * RIDGE_WEIGHT * 2, 12);
  });

  it('is infinite outside |ln θ| ≤ 30', () => {
    expect(negativeLogLikelihoodObjective(logLikelihood, 1, [0])([31]).value).toBe(Infinity);
    expect(negativeLogLikelihoodObjective(logLikelihood, 1, [0])([NaN]).value).toBe(Infinity);
  });
});
