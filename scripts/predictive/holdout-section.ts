// The generated tables of docs/predictive.md: CDNOW's fitted parameters, and predicted vs actual holdout purchases.

import { fitPurchaseAndSpendModels, type FittedModels } from '../../src/core/metrics/predictive/customer-value';
import { compareWithHoldout, type HoldoutComparison, type HoldoutGroup } from '../../src/core/metrics/predictive/holdout';
import { CALIBRATION_END, HOLDOUT_END, loadCdnowTransactions } from './cdnow';

export const TABLE_START = '<!-- holdout-table:start -->';
export const TABLE_END = '<!-- holdout-table:end -->';
export const FIT_START = '<!-- fit-table:start -->';
export const FIT_END = '<!-- fit-table:end -->';

/** Both models fitted on CDNOW through 1997-09-30 in weeks. */
export function cdnowFit(dataDir: string): FittedModels {
  return fitPurchaseAndSpendModels('MODEL_FIT', loadCdnowTransactions(dataDir), 'weeks', CALIBRATION_END);
}

/** Our estimates beside the published ones (Fader, Hardie & Lee 2005; Fader & Hardie 2013; CLVTools' test for the GG log-likelihood). */
export function renderFitTable({ purchases, spend }: FittedModels): string {
  const rows: [string, string, string, number][] = [
    ['BG/NBD', 'r', '0.243', purchases.params.r],
    ['BG/NBD', 'α', '4.414', purchases.params.alpha],
    ['BG/NBD', 'a', '0.793', purchases.params.a],
    ['BG/NBD', 'b', '2.426', purchases.params.b],
    ['BG/NBD', 'log-likelihood', '−9582.4', purchases.logLikelihood],
    [`Gamma-Gamma (${spend.customers} repeat customers)`, 'p', '6.25', spend.params.p],
    ['Gamma-Gamma', 'q', '3.74', spend.params.q],
    ['Gamma-Gamma', 'γ', '15.44', spend.params.gamma],
    ['Gamma-Gamma', 'log-likelihood', '−4055.92 (CLVTools)', spend.logLikelihood],
  ];
  const show = (v: number): string => (Math.abs(v) >= 1000 ? v.toFixed(2) : v.toPrecision(5)).replace('-', '−');
  return [FIT_START, '| model | parameter | published | ours |', '| --- | --- | ---: | ---: |',
    ...rows.map(([model, name, published, ours]) => `| ${model} | ${name} | ${published} | ${show(ours)} |`), FIT_END].join('\n');
}

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
