import { loadCdnowTransactions, CALIBRATION_END } from './cdnow';
import { summariseCustomers } from '../../../../src/core/metrics/predictive/rfm';
import { fitBgNbd } from '../../../../src/core/metrics/predictive/bg-nbd';
it('scratch', () => {
  const s = summariseCustomers('X', loadCdnowTransactions(), 'weeks', CALIBRATION_END);
  let t0 = performance.now();
  const fit = fitBgNbd('X', s);
  for (let i = 0; i < 10; i++) fitBgNbd('X', s);
  console.log(fit, (performance.now() - t0) / 11, s.ids.length);
  expect(1).toBe(1);
});
it('scratch timing', () => {
  const s = summariseCustomers('X', loadCdnowTransactions(), 'weeks', CALIBRATION_END);
  const times: number[] = [];
  for (let i = 0; i < 20; i++) { const t0 = performance.now(); fitBgNbd('X', s); times.push(performance.now() - t0); }
  console.log(times.map((t) => t.toFixed(1)).join(' '));
  expect(1).toBe(1);
});
