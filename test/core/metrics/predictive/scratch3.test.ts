import { loadCdnowTransactions, CALIBRATION_END } from './cdnow';
import { summariseCustomers } from '../../../../src/core/metrics/predictive/rfm';
import { fitGammaGamma } from '../../../../src/core/metrics/predictive/gamma-gamma';
it('gg', () => {
  const s = summariseCustomers('X', loadCdnowTransactions(), 'weeks', CALIBRATION_END);
  console.log(fitGammaGamma('X', s.frequency, s.meanRepeatSpend));
  expect(1).toBe(1);
});
