import {
  bgNbdLogLikelihood, bgNbdLogLikelihoodGradient, expectedPurchases, fitBgNbd, populationExpectedPurchases, probabilityAlive, type BgNbdParams,
} from '../../../../src/core/metrics/predictive/bg-nbd';
import { summariseCustomers } from '../../../../src/core/metrics/predictive/rfm';
import { logBeta, logGamma } from '../../../../src/core/stats/gamma';
import { integrateBetaWeighted, integrateExpOverHalfLine } from '../../stats/quadrature';
import { CALIBRATION_END, loadCdnowTransactions } from './cdnow';

const params: BgNbdParams = { r: 0.6, alpha: 3.5, a: 0.8, b: 2.5 };
const histories = { frequency: [0, 2, 5, 1, 12], recency: [0, 5, 9.5, 0.5, 30], age: [10, 10, 12, 20, 31] };

/** E over λ ~ Gamma(r, α) of e^(logF(λ)), by direct quadrature. */
function overPurchaseRate({ r, alpha }: BgNbdParams, logF: (lambda: number) => number): number {
  const logNorm = r * Math.log(alpha) - logGamma(r);
  return integrateExpOverHalfLine((l) => logNorm + (r - 1) * Math.log(l) - alpha * l + logF(l), r / alpha);
}

/** E over p ~ Beta(a, b) of f(p), by quadrature. */
const overDropout = ({ a, b }: BgNbdParams, f: (p: number) => number): number =>
  integrateBetaWeighted(a, b, f) / Math.exp(logBeta(a, b));

/** The two parts of one customer's likelihood: still alive at T, and dropped out right after the last purchase. */
function likelihoodParts(p: BgNbdParams, x: number, tx: number, T: number): { alive: number; gone: number } {
  const alive = overPurchaseRate(p, (l) => x * Math.log(l) - l * T) * overDropout(p, (q) => (1 - q) ** x);
  const gone = x > 0 ? overPurchaseRate(p, (l) => x * Math.log(l) - l * tx) * overDropout(p, (q) => q * (1 - q) ** (x - 1)) : 0;
  return { alive, gone };
}

describe('bgNbdLogLikelihood', () => {
  it('equals the log of the likelihood integrated directly over λ and p', () => {
    let expected = 0;
    histories.frequency.forEach((x, i) => {
      const { alive, gone } = likelihoodParts(params, x, histories.recency[i], histories.age[i]);
      expected += Math.log(alive + gone);
    });
    expect(bgNbdLogLikelihood(params, histories)).toBeCloseTo(expected, 8);
  });
});

describe('bgNbdLogLikelihoodGradient', () => {
  it('matches central differences of the log-likelihood in ln r, ln α, ln a, ln b', () => {
    const gradient = bgNbdLogLikelihoodGradient(params, histories);
    (['r', 'alpha', 'a', 'b'] as const).forEach((name, i) => {
      const h = 1e-6;
      const at = (s: number) => bgNbdLogLikelihood({ ...params, [name]: params[name] * Math.exp(s) }, histories);
      expect(gradient[i]).toBeCloseTo((at(h) - at(-h)) / (2 * h), 5);
    });
  });
});

describe('probabilityAlive', () => {
  it('is the alive part of the likelihood over the whole, computed by direct integration', () => {
    for (const [x, tx, T] of [[2, 5, 10], [5, 3, 30], [12, 30, 31]]) {
      const { alive, gone } = likelihoodParts(params, x, tx, T);
      expect(probabilityAlive(params, x, tx, T)).toBeCloseTo(alive / (alive + gone), 9);
    }
  });

  it('is 1 for a customer who never bought again', () => {
    expect(probabilityAlive(params, 0, 0, 50)).toBe(1);
  });
});

describe('expectedPurchases', () => {
  /** Given alive: λ ~ Gamma(r + x, α + T), p ~ Beta(a, b + x), and E[Y(t) | λ, p] = (1 − e^(−λ p t)) / p. */
  function integratedIfAlive(p: BgNbdParams, t: number, x: number, T: number): number {
    const shape = p.r + x;
    return overDropout({ ...p, b: p.b + x }, (q) => (1 - Math.pow((p.alpha + T) / (p.alpha + T + q * t), shape)) / q);
  }

  it('matches direct integration over the posterior of λ and p, times P(alive)', () => {
    for (const [t, x, tx, T] of [[1, 0, 0, 10], [39, 2, 5, 10], [52, 5, 9.5, 12], [200, 12, 30, 31], [0.01, 3, 2, 4]]) {
      const expected = probabilityAlive(params, x, tx, T) * integratedIfAlive(params, t, x, T);
      expect(Math.abs(expectedPurchases(params, t, x, tx, T) - expected)).toBeLessThan(1e-9 * Math.max(1, expected));
    }
  });

  it('stays finite and accurate for a frequent buyer over a horizon far longer than the history', () => {
    const expected = integratedIfAlive(params, 5000, 300, 2);
    expect(expectedPurchases(params, 5000, 300, 2, 2)).toBeCloseTo(expected * probabilityAlive(params, 300, 2, 2), 6);
  });

  it('handles a = 1 exactly, where the closed form divides 0 by 0', () => {
    const atOne = { ...params, a: 1 };
    expect(expectedPurchases(atOne, 20, 3, 8, 10)).toBeCloseTo(probabilityAlive(atOne, 3, 8, 10) * integratedIfAlive(atOne, 20, 3, 10), 5);
  });

  it('falls back to integrating over p when a and b are so large that the series cannot be summed', () => {
    // Tiny data sets drive a and b towards infinity: p is then fixed at a / (a + b + x).
    const huge = { ...params, a: 2e9, b: 8e9 };
    const p = huge.a / (huge.a + huge.b + 3);
    const fixedP = (1 - Math.pow((huge.alpha + 10) / (huge.alpha + 10 + p * 40), huge.r + 3)) / p;
    expect(expectedPurchases(huge, 40, 3, 8, 10)).toBeCloseTo(probabilityAlive(huge, 3, 8, 10) * fixedP, 6);
  });

  it('gives E[X(t)] for a new customer as the x = 0, T = 0 case', () => {
    expect(populationExpectedPurchases(params, 26)).toBeCloseTo(integratedIfAlive(params, 26, 0, 0), 9);
  });
});

describe('fitBgNbd', () => {
  describe('on the CDNOW sample, calibrated through 1997-09-30 in weeks', () => {
    const summary = summariseCustomers('TEST', loadCdnowTransactions(), 'weeks', CALIBRATION_END);
    const fit = fitBgNbd('TEST', summary);

    it('reproduces the published estimates r = 0.243, α = 4.414, a = 0.793, b = 2.426 within 0.5%', () => {
      const published = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
      for (const name of ['r', 'alpha', 'a', 'b'] as const) {
        expect(Math.abs(fit.params[name] / published[name] - 1)).toBeLessThan(0.005);
      }
    });

    it('reproduces the published log-likelihood −9582.4', () => {
      expect(fit.logLikelihood).toBeCloseTo(-9582.4, 1);
      expect(bgNbdLogLikelihood(fit.params, summary)).toBeCloseTo(fit.logLikelihood, 8);
    });

    it('stops where the log-likelihood is flat in every parameter (central differences)', () => {
      for (const name of ['r', 'alpha', 'a', 'b'] as const) {
        const h = 1e-5 * fit.params[name];
        const up = bgNbdLogLikelihood({ ...fit.params, [name]: fit.params[name] + h }, summary);
        const down = bgNbdLogLikelihood({ ...fit.params, [name]: fit.params[name] - h }, summary);
        expect(Math.abs(((up - down) / (2 * h)) * fit.params[name])).toBeLessThan(1e-3);
      }
    });

    it('gives the same model in days, with α seven times larger', () => {
      const inDays = fitBgNbd('TEST', summariseCustomers('TEST', loadCdnowTransactions(), 'days', CALIBRATION_END));
      expect(inDays.params.alpha / 7 / fit.params.alpha).toBeCloseTo(1, 5);
      expect(inDays.params.r / fit.params.r).toBeCloseTo(1, 5);
      expect(inDays.params.b / fit.params.b).toBeCloseTo(1, 5);
    });
  });

  it('explains that the model needs repeat customers when everyone bought once', () => {
    const once = { frequency: [0, 0, 0], recency: [0, 0, 0], age: [5, 6, 7] };
    expect(() => fitBgNbd('PROB_ALIVE', once)).toThrow(/^PROB_ALIVE: all 3 customers bought on a single day/);
  });

  it('explains that one repeat customer is too few', () => {
    const one = { frequency: [0, 2, 0], recency: [0, 3, 0], age: [5, 6, 7] };
    expect(() => fitBgNbd('CLV_PREDICT', one)).toThrow('CLV_PREDICT: only 1 of 3 customers bought again after their first purchase day; the model needs at least 2 repeat customers');
  });
});
