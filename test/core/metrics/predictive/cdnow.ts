// The CDNOW sample for the predictive tests, read from ../shared/data/cdnow.

import { join } from 'node:path';
import * as cdnow from '../../../../scripts/predictive/cdnow';

export const CDNOW_DIR = join(__dirname, '../../../../../shared/data/cdnow');
export const { CALIBRATION_END, HOLDOUT_END } = cdnow;
export const loadCdnowTransactions = () => cdnow.loadCdnowTransactions(CDNOW_DIR);
export const loadCdnowCsv = (file: string) => cdnow.loadCdnowCsv(CDNOW_DIR, file);
