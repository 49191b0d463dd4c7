import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectedPurchases } from '../../../../src/core/metrics/predictive/bg-nbd';
import { compareWithHoldout } from '../../../../src/core/metrics/predictive/holdout';
import { cdnowFit, cdnowHoldout, renderFitTable, renderHoldoutTable } from '../../../../scripts/predictive/holdout-section';
import { CDNOW_DIR } from './cdnow';

const comparison = cdnowHoldout(CDNOW_DIR);

describe('the CDNOW holdout check', () => {
  it('predicts E[Y(39 weeks)] for the 39 weeks from 1997-10-01 to 1998-06-30', () => {
    expect(comparison.holdoutLength).toBeCloseTo(39, 12);
  });

  it('groups all 2,357 customers by calibration repeat purchases 0..6 and 7+, adding up to the total', () => {
    expect(comparison.groups.map((g) => g.label)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7+']);
    const sum = (key: 'customers' | 'actual' | 'predicted') => comparison.groups.reduce((s, g) => s + g[key], 0);
    expect(comparison.total.customers).toBe(2357);
    expect(sum('customers')).toBe(2357);
    expect(sum('actual')).toBe(comparison.total.actual);
    expect(sum('predicted')).toBeCloseTo(comparison.total.predicted, 9);
  });

  it('predicts the holdout total within 15% of the actual repeat purchase days', () => {
    expect(Math.abs(comparison.total.predicted / comparison.total.actual - 1)).toBeLessThan(0.15);
  });

  it('is the table docs/predictive.md shows, and so are the fitted parameters beside the published ones', () => {
    const doc = readFileSync(join(__dirname, '../../../../docs/predictive.md'), 'utf8');
    expect(doc).toContain(renderHoldoutTable(comparison));
    expect(doc).toContain(renderFitTable(cdnowFit(CDNOW_DIR)));
  });
});

describe('compareWithHoldout', () => {
  it('counts holdout purchase days once per day and predicts with the fitted model', () => {
    const day = (d: number) => Date.UTC(2025, 0, 1 + d);
    const transactions = {
      customerIds: ['a', 'a', 'b', 'b', 'c', 'a', 'a', 'b', 'c'],
      dates: [day(0), day(10), day(2), day(5), day(3), day(25), day(25), day(40), day(60)],
    };
    const result = compareWithHoldout('TEST', transactions, { calibrationEnd: day(20), holdoutEnd: day(50), unit: 'days', openGroupFrom: 1 });
    expect(result.groups.map((g) => [g.label, g.customers, g.actual])).toEqual([['0', 1, 0], ['1+', 2, 2]]);
    const predictedForA = expectedPurchases(result.fit.params, 30, 1, 10, 20);
    const predictedForB = expectedPurchases(result.fit.params, 30, 1, 3, 18);
    expect(result.groups[1].predicted).toBeCloseTo(predictedForA + predictedForB, 12);
  });
});
