// The holdout table of docs/predictive.md: CDNOW's predicted vs actual repeat purchases, as markdown.

import { compareWithHoldout, type HoldoutComparison, type HoldoutGroup } from '../../src/core/metrics/predictive/holdout';
import { CALIBRATION_END, HOLDOUT_END, loadCdnowTransactions } from './cdnow';

export const TABLE_START = '<!-- holdout-table:start -->';
export const TABLE_END = '<!-- holdout-table:end -->';

/** Fits BG/NBD on CDNOW through 1997-09-30 in weeks and compares with 1997-10-01..1998-06-30. */
export function cdnowHoldout(dataDir: string): HoldoutComparison {
  return compareWithHoldout('HOLDOUT', loadCdnowTransactions(dataDir), {
    calibrationEnd: CALIBRATION_END, holdoutEnd: HOLDOUT_END, unit: 'weeks', openGroupFrom: 7,
  });
}

const row = (g: HoldoutGroup, bold = false): string => {
  const cells = [g.label, String(g.customers), String(g.actual), g.predicted.toFixed(1),
    (g.actual / g.customers).toFixed(3), (g.predicted / g.customers).toFixed(3), `${((g.predicted / g.actual - 1) * 100).toFixed(1)}%`];
  return `| ${(bold ? cells.map((c) => `**${c}**`) : cells).join(' | ')} |`;
};

/** The markdown table, between its markers, so the script can replace it in place and a test can find it. */
export function renderHoldoutTable(c: HoldoutComparison): string {
  return [
    TABLE_START,
    `| repeat purchases in calibration | customers | actual in holdout | predicted | actual per customer | predicted per customer | error |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...c.groups.map((g) => row(g)),
    row(c.total, true),
    TABLE_END,
  ].join('\n');
}
