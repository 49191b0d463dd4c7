import { churnRate, fitSbg, sbgLogLikelihood, sbgLogLikelihoodGradient, survival } from '../../../../src/core/metrics/predictive/sbg';
import { forecastRetention } from '../../../../src/core/metrics/predictive/retention-forecast';
import { logBeta } from '../../../../src/core/stats/gamma';
import { integrateBetaWeighted } from '../../stats/quadrature';

// Fader & Hardie (2007), "How to project customer retention", Table 1: customers still active after years 0..7.
const REGULAR = [1000, 631, 468, 382, 326, 289, 262, 241];
const HIGH_END = [1000, 869, 743, 653, 593, 551, 517, 491];
// Years 8..12 of the same cohorts, held out in the paper to judge the projections.
const REGULAR_LATER = [223, 207, 194, 183, 173];
const HIGH_END_LATER = [468, 445, 427, 409, 394];

/** P(T = t) = E[θ (1 − θ)^(t−1)] and S(t) = E[(1 − θ)^t] over θ ~ Beta(α, β), by direct integration. */
function integratedLogLikelihood(alpha: number, beta: number, counts: number[]): number {
  const expectation = (g: (theta: number) => number): number => integrateBetaWeighted(alpha, beta, g) / Math.exp(logBeta(alpha, beta));
  let ll = 0;
  for (let t = 1; t < counts.length; t++) ll += (counts[t - 1] - counts[t]) * Math.log(expectation((th) => th * (1 - th) ** (t - 1)));
  const last = counts.length - 1;
  return ll + counts[last] * Math.log(expectation((th) => (1 - th) ** last));
}

describe('sbgLogLikelihood', () => {
  it('equals the likelihood integrated directly over the churn probability θ', () => {
    expect(sbgLogLikelihood({ alpha: 0.9, beta: 2.2 }, REGULAR)).toBeCloseTo(integratedLogLikelihood(0.9, 2.2, REGULAR), 7);
  });
});

describe('sbgLogLikelihoodGradient', () => {
  it('matches central differences of the log-likelihood in ln α and ln β', () => {
    const gradient = sbgLogLikelihoodGradient({ alpha: 0.9, beta: 2.2 }, HIGH_END);
    const h = 1e-6;
    const alphaAt = (s: number) => sbgLogLikelihood({ alpha: 0.9 * Math.exp(s), beta: 2.2 }, HIGH_END);
    const betaAt = (s: number) => sbgLogLikelihood({ alpha: 0.9, beta: 2.2 * Math.exp(s) }, HIGH_END);
    expect(gradient[0]).toBeCloseTo((alphaAt(h) - alphaAt(-h)) / (2 * h), 4);
    expect(gradient[1]).toBeCloseTo((betaAt(h) - betaAt(-h)) / (2 * h), 4);
  });
});

describe('survival and churnRate', () => {
  it('give S(t) = 1 / (t + 1) and churn 1 / (t + 1) when α = β = 1', () => {
    for (const t of [1, 2, 5]) {
      expect(survival({ alpha: 1, beta: 1 }, t)).toBeCloseTo(1 / (t + 1), 14);
      expect(churnRate({ alpha: 1, beta: 1 }, t)).toBeCloseTo(1 / (t + 1), 14);
    }
    expect(survival({ alpha: 1, beta: 1 }, 0)).toBe(1);
  });
});

describe('fitSbg', () => {
  // Table 1's "regular" cohort loses 37% in year 1, the "high end" one 13%: the parameters pair accordingly.
  it('reproduces the published fit α = 0.704, β = 1.182 for the "regular" segment', () => {
    const { params } = fitSbg('TEST', REGULAR);
    expect(params.alpha).toBeCloseTo(0.704, 3);
    expect(params.beta).toBeCloseTo(1.182, 3);
  });

  it('reproduces the published fit α = 0.668, β = 3.806 for the "high end" segment', () => {
    const { params } = fitSbg('TEST', HIGH_END);
    expect(params.alpha).toBeCloseTo(0.668, 3);
    expect(params.beta).toBeCloseTo(3.806, 3);
  });

  it('projects the held-out years 8–12 of both segments within 5% of the actual counts', () => {
    for (const [counts, later] of [[REGULAR, REGULAR_LATER], [HIGH_END, HIGH_END_LATER]]) {
      const { params } = fitSbg('TEST', counts);
      later.forEach((actual, k) => expect(Math.abs((1000 * survival(params, 8 + k)) / actual - 1)).toBeLessThan(0.05));
    }
  });

  it('rejects counts that increase, too few periods, an empty cohort and a cohort with no churn', () => {
    expect(() => fitSbg('RETENTION_FORECAST', [100, 80, 85])).toThrow('RETENTION_FORECAST: active counts must not increase from one period to the next (row 3: 85 after 80)');
    expect(() => fitSbg('RETENTION_FORECAST', [100, 80])).toThrow(/^RETENTION_FORECAST: 2 active counts were given/);
    expect(() => fitSbg('RETENTION_FORECAST', [0, 0, 0])).toThrow(/^RETENTION_FORECAST: the first active count is the cohort size/);
    expect(() => fitSbg('RETENTION_FORECAST', [50, 50, 50])).toThrow('RETENTION_FORECAST: no customer left the cohort, so there is no churn to project from');
    expect(() => fitSbg('RETENTION_FORECAST', [50, -1, 20])).toThrow(/^RETENTION_FORECAST: active counts must be numbers of 0 or more \(row 2/);
  });

  it('accepts shares instead of counts and finds the same parameters', () => {
    const shares = fitSbg('TEST', REGULAR.map((c) => c / 1000)).params;
    const counts = fitSbg('TEST', REGULAR).params;
    expect(shares.alpha).toBeCloseTo(counts.alpha, 6);
    expect(shares.beta).toBeCloseTo(counts.beta, 6);
  });
});

describe('forecastRetention', () => {
  const { periods, fit } = forecastRetention('TEST', REGULAR, 3);

  it('returns the observed periods as fitted, then the requested projected ones', () => {
    expect(periods.map((p) => p.period)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(periods.filter((p) => p.projected).map((p) => p.period)).toEqual([8, 9, 10]);
  });

  it('chains survival from the churn rates and leaves period 0 without a churn rate', () => {
    expect(periods[0]).toMatchObject({ survival: 1, churnRate: undefined });
    for (let t = 1; t < periods.length; t++) {
      expect(periods[t].survival).toBeCloseTo(periods[t - 1].survival * (1 - (periods[t].churnRate as number)), 14);
      expect(periods[t].churnRate).toBeCloseTo(churnRate(fit.params, t), 14);
    }
  });

  it('rejects a fractional or negative number of periods ahead', () => {
    expect(() => forecastRetention('RETENTION_FORECAST', REGULAR, 2.5)).toThrow('RETENTION_FORECAST: periods_ahead must be a whole number, got 2.5');
    expect(() => forecastRetention('RETENTION_FORECAST', REGULAR, -1)).toThrow('RETENTION_FORECAST: periods_ahead must be 0 or more, got -1');
  });
});
