import { customerOutlook } from '../../../../src/core/metrics/predictive/customer-outlook';
import type { CustomerValue } from '../../../../src/core/metrics/predictive/customer-value';
import { predictCustomerValues } from '../../../../src/core/metrics/predictive/customer-value';
import { CALIBRATION_END, loadCdnowTransactions } from './cdnow';

const customer = (customer: string, pastSpend: number, probabilityAlive: number, lifetimeValue: number): CustomerValue => ({
  customer, pastSpend, probabilityAlive, lifetimeValue, frequency: 1, recency: 1, age: 2, expectedPurchases: 1, expectedSpend: 10,
});

describe('customerOutlook', () => {
  const values = [
    customer('a', 500, 0.9, 300), customer('b', 400, 0.2, 20), customer('c', 50, 0.1, 5),
    customer('d', 450, 0.4, 60), customer('e', 100, 0.95, 120),
  ];

  it('lists the customers with the highest predicted CLV first, up to the limit', () => {
    expect(customerOutlook(values, { limit: 3, valueQuantile: 0.75, aliveBelow: 0.5 }).top.map((v) => v.customer)).toEqual(['a', 'e', 'd']);
  });

  it('flags customers in the top share of past spend whose P(alive) is low, biggest spenders first', () => {
    const outlook = customerOutlook(values, { limit: 10, valueQuantile: 0.5, aliveBelow: 0.5 });
    expect(outlook.valueThreshold).toBe(400);
    expect(outlook.atRisk.map((v) => v.customer)).toEqual(['d', 'b']);
  });

  it('returns empty lists for no customers', () => {
    expect(customerOutlook([])).toEqual({ top: [], atRisk: [], valueThreshold: 0 });
  });

  it('on CDNOW, finds valuable customers at risk whose past spend is above the top-quarter threshold', () => {
    const { customers } = predictCustomerValues('CLV_PREDICT', loadCdnowTransactions(), {
      horizon: 12, unit: 'months', monthlyDiscountRate: 0.01, calibrationEnd: CALIBRATION_END,
    });
    const outlook = customerOutlook(customers);
    expect(outlook.top).toEqual(customers.slice(0, 10));
    expect(outlook.atRisk.length).toBeGreaterThan(0);
    for (const v of outlook.atRisk) {
      expect(v.pastSpend).toBeGreaterThanOrEqual(outlook.valueThreshold);
      expect(v.probabilityAlive).toBeLessThan(0.5);
    }
  });
});
