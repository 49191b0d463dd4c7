import { expectedPurchases, type BgNbdParams } from '../../../../src/core/metrics/predictive/bg-nbd';
import { discountedValue } from '../../../../src/core/metrics/predictive/clv';
import { DAYS_PER_MONTH } from '../../../../src/core/metrics/predictive/time-units';

const weekly: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const history = { x: 3, tx: 20, T: 30 };
const weeksPerMonth = DAYS_PER_MONTH / 7;
const purchasesBy = (months: number): number => expectedPurchases(weekly, months * weeksPerMonth, history.x, history.tx, history.T);

describe('discountedValue', () => {
  it('is spend times expected purchases over the horizon when nothing is discounted', () => {
    const { value, expectedPurchases: purchases } = discountedValue(weekly, history, 25, 12, 0, 7);
    expect(purchases).toBeCloseTo(purchasesBy(12), 12);
    expect(value).toBeCloseTo(25 * purchasesBy(12), 10);
  });

  it("discounts each month's purchases by (1 + rate)^month", () => {
    const rate = 0.05;
    const expected = (25 * purchasesBy(1)) / 1.05 + (25 * (purchasesBy(2) - purchasesBy(1))) / 1.05 ** 2;
    expect(discountedValue(weekly, history, 25, 2, rate, 7).value).toBeCloseTo(expected, 10);
  });

  it('ends a horizon of 1.5 months with a half month discounted at (1 + rate)^1.5', () => {
    const expected = (10 * purchasesBy(1)) / 1.01 + (10 * (purchasesBy(1.5) - purchasesBy(1))) / 1.01 ** 1.5;
    expect(discountedValue(weekly, history, 10, 1.5, 0.01, 7).value).toBeCloseTo(expected, 10);
  });

  it('does not depend on the time unit the model was fitted in', () => {
    const daily = { ...weekly, alpha: weekly.alpha * 7 };
    const inDays = { x: history.x, tx: history.tx * 7, T: history.T * 7 };
    const a = discountedValue(weekly, history, 30, 12, 0.01, 7).value;
    expect(discountedValue(daily, inDays, 30, 12, 0.01, 1).value).toBeCloseTo(a, 9);
  });
});
