import { logAddExp, logisticOfMinus } from '../../../src/core/stats/log-sum-exp';

describe('logAddExp', () => {
  it('returns ln(e^a + e^b) for moderate values', () => {
    expect(logAddExp(Math.log(2), Math.log(3))).toBeCloseTo(Math.log(5), 14);
  });

  it('does not overflow or underflow for values far from 0', () => {
    expect(logAddExp(1000, 1000)).toBeCloseTo(1000 + Math.log(2), 12);
    expect(logAddExp(-1000, -1001)).toBeCloseTo(-1000 + Math.log1p(Math.exp(-1)), 12);
  });

  it('ignores a −Infinity term', () => {
    expect(logAddExp(-Infinity, -3)).toBe(-3);
    expect(logAddExp(7, -Infinity)).toBe(7);
  });
});

describe('logisticOfMinus', () => {
  it('returns 1 / (1 + e^x) for small and huge x', () => {
    expect(logisticOfMinus(0)).toBe(0.5);
    expect(logisticOfMinus(Math.log(3))).toBeCloseTo(0.25, 15);
    expect(logisticOfMinus(800)).toBeGreaterThanOrEqual(0);
    expect(logisticOfMinus(-800)).toBe(1);
  });
});
