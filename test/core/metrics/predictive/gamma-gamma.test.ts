import { expectedAverageSpend, fitGammaGamma, gammaGammaLogLikelihood, gammaGammaLogLikelihoodGradient } from '../../../../src/core/metrics/predictive/gamma-gamma';
import { summariseCustomers } from '../../../../src/core/metrics/predictive/rfm';
import { logGamma } from '../../../../src/core/stats/gamma';
import { integrateExpOverHalfLine } from '../../stats/quadrature';
import { CALIBRATION_END, loadCdnowTransactions } from './cdnow';

const params = { p: 4, q: 3, gamma: 12 };

/** ln f(m̄ | x): m̄ ~ Gamma(shape p x, rate ν x) mixed over ν ~ Gamma(shape q, rate γ), integrated directly. */
function integratedLogDensity({ p, q, gamma }: typeof params, x: number, mean: number): number {
  const logDensity = (nu: number): number =>
    p * x * Math.log(nu * x) + (p * x - 1) * Math.log(mean) - nu * x * mean - logGamma(p * x) +
    q * Math.log(gamma) + (q - 1) * Math.log(nu) - gamma * nu - logGamma(q);
  return Math.log(integrateExpOverHalfLine(logDensity, q / gamma));
}

describe('gammaGammaLogLikelihood', () => {
  it('equals the log of the spend density integrated directly over ν', () => {
    const frequency = [1, 3, 3, 10];
    const meanSpend = [20, 35.5, 9.99, 61];
    const expected = frequency.reduce((sum, x, i) => sum + integratedLogDensity(params, x, meanSpend[i]), 0);
    expect(gammaGammaLogLikelihood(params, frequency, meanSpend)).toBeCloseTo(expected, 8);
  });

  it('leaves out customers without repeat purchases or without spend', () => {
    expect(gammaGammaLogLikelihood(params, [0, 2, 4], [0, 10, 0])).toBeCloseTo(integratedLogDensity(params, 2, 10), 8);
  });
});

describe('gammaGammaLogLikelihoodGradient', () => {
  it('matches central differences of the log-likelihood in ln p, ln q, ln γ', () => {
    const frequency = [1, 3, 3, 10];
    const meanSpend = [20, 35.5, 9.99, 61];
    const gradient = gammaGammaLogLikelihoodGradient(params, frequency, meanSpend);
    (['p', 'q', 'gamma'] as const).forEach((name, i) => {
      const h = 1e-6;
      const at = (s: number) => gammaGammaLogLikelihood({ ...params, [name]: params[name] * Math.exp(s) }, frequency, meanSpend);
      expect(gradient[i]).toBeCloseTo((at(h) - at(-h)) / (2 * h), 5);
    });
  });
});

describe('expectedAverageSpend', () => {
  it("weighs a customer's own mean against the population mean γp/(q − 1) by px / (px + q − 1)", () => {
    // population mean 12 · 4 / 2 = 24; weight 4·2 / (8 + 2) = 0.8.
    expect(expectedAverageSpend(params, 2, 50)).toBeCloseTo(0.2 * 24 + 0.8 * 50, 12);
  });

  it('gives the population mean to a customer who never bought again', () => {
    expect(expectedAverageSpend(params, 0, 0)).toBeCloseTo(24, 12);
  });
});

describe('fitGammaGamma', () => {
  it('reproduces the published p = 6.25, q = 3.74, γ = 15.44 on CDNOW repeat customers within 0.5%', () => {
    const summary = summariseCustomers('TEST', loadCdnowTransactions(), 'weeks', CALIBRATION_END);
    const fit = fitGammaGamma('TEST', summary.frequency, summary.meanRepeatSpend);
    const published = { p: 6.25, q: 3.74, gamma: 15.44 };
    for (const name of ['p', 'q', 'gamma'] as const) expect(Math.abs(fit.params[name] / published[name] - 1)).toBeLessThan(0.005);
    expect(fit.customers).toBe(946);
    // CLVTools' correctness test quotes LL = −4055.9177 for these estimates (Fader & Hardie 2013).
    expect(fit.logLikelihood).toBeCloseTo(-4055.92, 1);
  });

  it('says how many customers with spend it needs', () => {
    expect(() => fitGammaGamma('CLV_PREDICT', [0, 3, 1], [0, 12, 0])).toThrow(
      'CLV_PREDICT: only 1 repeat customer has a positive average spend; the spend model needs at least 2',
    );
  });

  it('refuses repeat customers who all have the same average spend', () => {
    expect(() => fitGammaGamma('CLV_PREDICT', [1, 2, 5], [20, 20, 20])).toThrow(
      'CLV_PREDICT: all 3 repeat customers have the same average spend (20); the spend model needs repeat customers whose average spends differ',
    );
  });

  it('refuses spend so varied that the expected spend would be infinite (q ≤ 1)', () => {
    // Ten purchases each, steady within a customer, but spanning a factor of 3000 between customers.
    const meanSpend = [1, 3, 10, 30, 100, 300, 1000, 3000];
    const frequency = meanSpend.map(() => 10);
    expect(() => fitGammaGamma('CLV_PREDICT', frequency, meanSpend)).toThrow(/^CLV_PREDICT: average spend varies too much/);
  });
});
