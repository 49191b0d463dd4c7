import { hyp2f1, logHyp2f1 } from '../../../src/core/stats/hypergeometric';
import { logBeta } from '../../../src/core/stats/gamma';
import { integrateBetaWeighted } from './quadrature';

const relativeError = (actual: number, expected: number): number => Math.abs(actual - expected) / Math.abs(expected);

/** Euler's integral: 2F1(a, b; c; z) = ∫ t^(b−1) (1−t)^(c−b−1) (1 − z t)^(−a) dt / B(b, c − b), for c > b > 0. */
function eulerIntegral(a: number, b: number, c: number, z: number): number {
  return integrateBetaWeighted(b, c - b, (t) => Math.pow(1 - z * t, -a)) / Math.exp(logBeta(b, c - b));
}

describe('hyp2f1', () => {
  it('returns −ln(1 − z) / z for 2F1(1, 1; 2; z), up to z = 0.999', () => {
    for (const z of [1e-6, 0.1, 0.5, 0.9, 0.99, 0.999]) {
      expect(relativeError(hyp2f1(1, 1, 2, z), -Math.log1p(-z) / z)).toBeLessThan(1e-13);
    }
  });

  it('returns ln(1 + z) / z for 2F1(1, 1; 2; −z), including z beyond 1', () => {
    for (const z of [0.3, 0.9, 5, 40]) expect(relativeError(hyp2f1(1, 1, 2, -z), Math.log1p(z) / z)).toBeLessThan(1e-13);
  });

  it('returns (1 − z)^(−a) for 2F1(a, b; b; z)', () => {
    for (const [a, z] of [[0.243, 0.7], [12.5, 0.4], [3, -0.8]]) {
      expect(relativeError(hyp2f1(a, 1.7, 1.7, z), Math.pow(1 - z, -a))).toBeLessThan(1e-13);
    }
  });

  it('returns arcsin(x) / x for 2F1(1/2, 1/2; 3/2; x²)', () => {
    for (const x of [0.2, 0.8, 0.99]) expect(relativeError(hyp2f1(0.5, 0.5, 1.5, x * x), Math.asin(x) / x)).toBeLessThan(1e-12);
  });

  it("matches Euler's integral at the BG/NBD model's parameters for CDNOW", () => {
    // The series the model sums: 2F1(a + b − 1 − r, a − 1; a + b + x − 1; z) with r = 0.243, a = 0.793, b = 2.426.
    const [r, a, b] = [0.243, 0.793, 2.426];
    for (const x of [0, 3, 20]) {
      for (const z of [0.05, 0.5, 0.93]) {
        const c = a + b + x - 1;
        // Euler's integral needs c > b > 0: use the symmetric order (first parameter a − 1 is negative).
        expect(relativeError(hyp2f1(a - 1, c - r - x, c, z), eulerIntegral(a - 1, c - r - x, c, z))).toBeLessThan(1e-10);
      }
    }
  });

  it('gives ln 2F1 without overflow where 2F1 itself exceeds the largest double', () => {
    // 2F1(a, b; b; z) = (1 − z)^(−a): with a = 400 and z = 0.9 that is 10^400.
    expect(logHyp2f1(400, 2.5, 2.5, 0.9)).toBeCloseTo(-400 * Math.log(0.1), 9);
    expect(Number.isFinite(hyp2f1(400, 2.5, 2.5, 0.9))).toBe(false);
  });

  it('keeps full relative precision of ln 2F1 when 2F1 is within 1e-12 of 1', () => {
    // ln(−ln(1 − z) / z) = z/2 + 5z²/24 + O(z³).
    const z = 1e-12;
    expect(logHyp2f1(1, 1, 2, z) / (z / 2 + (5 * z * z) / 24)).toBeCloseTo(1, 12);
  });

  it('rejects z of 1 or more', () => {
    expect(() => hyp2f1(1, 1, 2, 1)).toThrow('z < 1');
  });
});
