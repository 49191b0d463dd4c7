import fc from 'fast-check';
import { digamma, logBeta, logGamma } from '../../../src/core/stats/gamma';

const EULER_GAMMA = 0.5772156649015329;

describe('logGamma', () => {
  it('returns ln((n − 1)!) for whole numbers', () => {
    let factorial = 1;
    for (let n = 1; n <= 30; n++) {
      expect(logGamma(n)).toBeCloseTo(Math.log(factorial), 12);
      factorial *= n;
    }
  });

  it('returns ln √π at 1/2 and ln(√π / 2) at 3/2', () => {
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
    expect(logGamma(1.5)).toBeCloseTo(0.5 * Math.log(Math.PI) - Math.log(2), 13);
  });

  it('satisfies ln Γ(x + 1) = ln Γ(x) + ln x for small and large x', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e4, noNaN: true }), (x) => {
        expect(logGamma(x + 1)).toBeCloseTo(logGamma(x) + Math.log(x), 9);
      }),
    );
  });

  it('gives ln B(1, 4) = ln(1/4) and ln B(2, 3) = ln(1/12)', () => {
    expect(logBeta(1, 4)).toBeCloseTo(-Math.log(4), 13);
    expect(logBeta(2, 3)).toBeCloseTo(Math.log(1 / 12), 13);
  });
});

describe('digamma', () => {
  it('returns −γ at 1 and −γ − 2 ln 2 at 1/2', () => {
    expect(digamma(1)).toBeCloseTo(-EULER_GAMMA, 13);
    expect(digamma(0.5)).toBeCloseTo(-EULER_GAMMA - 2 * Math.log(2), 13);
  });

  it('returns the harmonic number minus γ at whole numbers', () => {
    let harmonic = 0;
    for (let n = 1; n <= 40; n++) {
      harmonic += 1 / n;
      expect(digamma(n + 1)).toBeCloseTo(harmonic - EULER_GAMMA, 12);
    }
  });

  it('is the derivative of logGamma (central differences)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.05, max: 500, noNaN: true }), (x) => {
        const h = 1e-5 * Math.max(1, x);
        const numeric = (logGamma(x + h) - logGamma(x - h)) / (2 * h);
        expect(Math.abs(digamma(x) - numeric)).toBeLessThan(1e-6 * Math.max(1, Math.abs(numeric)));
      }),
    );
  });
});
