import { fitSbg } from '../../../../src/core/metrics/predictive/sbg';
import { loadCdnowTransactions, CALIBRATION_END } from './cdnow';
import { predictCustomerValues } from '../../../../src/core/metrics/predictive/customer-value';
it('sbg', () => {
  console.log(fitSbg('X', [1000, 869, 743, 653, 593, 551, 517, 491]), fitSbg('X', [1000, 631, 468, 382, 326, 289, 262, 241]));
  const t0 = performance.now();
  const v = predictCustomerValues('X', loadCdnowTransactions(), { horizon: 12, unit: 'months', monthlyDiscountRate: 0.01, calibrationEnd: CALIBRATION_END });
  console.log(performance.now() - t0, v.customers.slice(0, 3), v.customers.slice(-2), v.purchases.params);
  expect(1).toBe(1);
});
