// The CDNOW sample for the predictive tests, read from test/fixtures/cdnow (committed; see its README).

import { fixturePath } from '../../../fixtures/fixtures';
import * as cdnow from '../../../../scripts/predictive/cdnow';

export const CDNOW_DIR = fixturePath('cdnow');
// Every file the suites read, checked up front: a missing one fails the suite with its name, never an ENOENT mid-test.
for (const file of ['CDNOW_sample.txt', 'cdnow_customers_summary.csv', 'cdnow_customers_summary_with_transactions.csv']) fixturePath('cdnow', file);
export const { CALIBRATION_END, HOLDOUT_END } = cdnow;
export const loadCdnowTransactions = () => cdnow.loadCdnowTransactions(CDNOW_DIR);
export const loadCdnowCsv = (file: string) => cdnow.loadCdnowCsv(CDNOW_DIR, file);
