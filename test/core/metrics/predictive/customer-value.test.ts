import { probabilityAlive } from '../../../../src/core/metrics/predictive/bg-nbd';
import { predictCustomerValues, predictProbabilitiesAlive } from '../../../../src/core/metrics/predictive/customer-value';
import { DAYS_PER_MONTH } from '../../../../src/core/metrics/predictive/time-units';
import { CALIBRATION_END, loadCdnowTransactions } from './cdnow';

const transactions = loadCdnowTransactions();
const yearAhead = { horizon: 12, unit: 'months' as const, monthlyDiscountRate: 0.01, calibrationEnd: CALIBRATION_END };

describe('predictCustomerValues on the CDNOW sample', () => {
  const prediction = predictCustomerValues('CLV_PREDICT', transactions, yearAhead);

  it('values all 2,357 customers, highest CLV first, with finite figures', () => {
    const { customers } = prediction;
    expect(customers).toHaveLength(2357);
    for (let i = 1; i < customers.length; i++) expect(customers[i].lifetimeValue).toBeLessThanOrEqual(customers[i - 1].lifetimeValue);
    for (const c of customers) {
      for (const v of [c.frequency, c.recency, c.age, c.probabilityAlive, c.expectedPurchases, c.expectedSpend, c.lifetimeValue]) {
        expect(Number.isFinite(v)).toBe(true);
      }
      expect(c.probabilityAlive).toBeGreaterThanOrEqual(0);
      expect(c.probabilityAlive).toBeLessThanOrEqual(1);
    }
  });

  it('reports recency and age in the unit of the horizon', () => {
    const inDays = predictCustomerValues('CLV_PREDICT', transactions, { ...yearAhead, horizon: 12 * DAYS_PER_MONTH, unit: 'days' });
    const byId = new Map(inDays.customers.map((c) => [c.customer, c]));
    for (const c of prediction.customers.slice(0, 50)) {
      const d = byId.get(c.customer)!;
      expect(d.age).toBeCloseTo(c.age * DAYS_PER_MONTH, 9);
      expect(d.lifetimeValue).toBeCloseTo(c.lifetimeValue, 6);
    }
  });

  it('gives a customer who has not bought for a long time a lower P(alive) than one who bought recently', () => {
    const c = prediction.customers.find((x) => x.frequency === 5 && x.recency < x.age / 4)!;
    const recent = prediction.customers.find((x) => x.frequency === 5 && x.age - x.recency < 0.5)!;
    expect(c.probabilityAlive).toBeLessThan(recent.probabilityAlive);
  });

  it('rejects a horizon of 0 and a negative discount rate', () => {
    expect(() => predictCustomerValues('CLV_PREDICT', transactions, { ...yearAhead, horizon: 0 })).toThrow('CLV_PREDICT: horizon must be greater than 0, got 0');
    expect(() => predictCustomerValues('CLV_PREDICT', transactions, { ...yearAhead, monthlyDiscountRate: -0.1 }))
      .toThrow('CLV_PREDICT: discount_rate must be 0 or more, got -0.1');
  });
});

describe('predictProbabilitiesAlive', () => {
  it('lists customers in order of first appearance with the fitted P(alive)', () => {
    const small = {
      customerIds: ['c', 'a', 'c', 'b', 'a', 'a', 'd', 'b'],
      dates: [0, 1, 20, 3, 5, 40, 60, 61].map((d) => Date.UTC(2025, 0, 1 + d)),
    };
    const result = predictProbabilitiesAlive('PROB_ALIVE', small);
    expect(result.map((r) => r.customer)).toEqual(['c', 'a', 'b', 'd']);
    expect(result[3].probabilityAlive).toBe(1);
    expect(result[1].probabilityAlive).toBeGreaterThan(result[0].probabilityAlive);
  });

  it('agrees with the model fitted on the CDNOW calibration period', () => {
    const result = predictProbabilitiesAlive('PROB_ALIVE', transactions, CALIBRATION_END);
    const { customers, purchases } = predictCustomerValues('CLV_PREDICT', transactions, { ...yearAhead, unit: 'weeks', horizon: 4 });
    const c = customers[100];
    const expected = probabilityAlive(purchases.params, c.frequency, c.recency, c.age);
    expect(result.find((r) => r.customer === c.customer)!.probabilityAlive).toBeCloseTo(expected, 6);
  });
});
