import { summariseCustomers } from '../../../../src/core/metrics/predictive/rfm';
import { CALIBRATION_END, loadCdnowCsv, loadCdnowTransactions } from './cdnow';

const day = (y: number, m: number, d: number, hour = 0): number => Date.UTC(y, m - 1, d, hour);

describe('summariseCustomers', () => {
  const purchases = {
    customerIds: ['ann', 'bob', 'ann', 'ann', 'ann', 'bob', 'ann'],
    dates: [day(2025, 1, 1), day(2025, 1, 5), day(2025, 1, 8, 9), day(2025, 1, 8, 17), day(2025, 1, 15), day(2025, 2, 1), day(2025, 3, 1)],
    amounts: [10, 5, 20, 30, 40, 7, 99],
  };

  it('counts two purchases on one day once, adding their amounts, and ignores purchases after the calibration end', () => {
    const summary = summariseCustomers('TEST', purchases, 'days', day(2025, 1, 29));
    const ann = summary.ids.indexOf('ann');
    expect(summary.frequency[ann]).toBe(2);
    expect(summary.recency[ann]).toBe(14);
    expect(summary.age[ann]).toBe(28);
    expect(summary.meanRepeatSpend[ann]).toBeCloseTo((20 + 30 + 40) / 2, 12);
    expect(summary.totalSpend[ann]).toBeCloseTo(10 + 20 + 30 + 40, 12);
  });

  it('gives a one-time buyer frequency 0, recency 0 and mean repeat spend 0', () => {
    const summary = summariseCustomers('TEST', purchases, 'days', day(2025, 1, 29));
    const bob = summary.ids.indexOf('bob');
    expect([summary.frequency[bob], summary.recency[bob], summary.meanRepeatSpend[bob]]).toEqual([0, 0, 0]);
    expect(summary.age[bob]).toBe(24);
  });

  it('measures recency and age in weeks when asked, and defaults the calibration end to the last purchase day', () => {
    const summary = summariseCustomers('TEST', purchases, 'weeks');
    const ann = summary.ids.indexOf('ann');
    expect(summary.frequency[ann]).toBe(3);
    expect(summary.age[ann]).toBeCloseTo(59 / 7, 12);
    expect(summary.recency[ann]).toBeCloseTo(59 / 7, 12);
  });

  it('skips rows with an empty customer id', () => {
    const summary = summariseCustomers('TEST', { customerIds: ['', 'a'], dates: [NaN, day(2025, 1, 1)] }, 'days');
    expect(summary.ids).toEqual(['a']);
  });

  it('says which row holds a date that is not a number', () => {
    expect(() => summariseCustomers('CLV_PREDICT', { customerIds: ['a', 'b'], dates: [day(2025, 1, 1), NaN] }, 'days'))
      .toThrow('CLV_PREDICT: 1 date is missing or not a date (first in row 2 of dates)');
  });

  it('rejects negative amounts, naming the first', () => {
    const negative = { customerIds: ['a', 'a', 'b'], dates: [0, 0, 0], amounts: [5, -3, -4] };
    expect(() => summariseCustomers('CLV_PREDICT', negative, 'days')).toThrow('CLV_PREDICT: 2 amounts are negative (first: -3 in row 2 of amounts)');
  });

  it('rejects columns of different lengths', () => {
    expect(() => summariseCustomers('PROB_ALIVE', { customerIds: ['a', 'b'], dates: [0] }, 'days')).toThrow(/^PROB_ALIVE: dates has 1 value/);
  });

  it('says when nobody bought before the calibration end', () => {
    expect(() => summariseCustomers('PROB_ALIVE', { customerIds: ['a'], dates: [day(2025, 5, 1)] }, 'days', day(2025, 1, 1)))
      .toThrow('PROB_ALIVE: no customer made a first purchase on or before the calibration end 2025-01-01');
  });

  describe('on the CDNOW sample, calibrated through 1997-09-30 in weeks', () => {
    const summary = summariseCustomers('TEST', loadCdnowTransactions(), 'weeks', CALIBRATION_END);
    const at = new Map(summary.ids.map((id, i) => [id, i]));

    it("reproduces lifetimes' published frequency, recency and T of all 2,357 customers", () => {
      const published = loadCdnowCsv('cdnow_customers_summary.csv');
      expect(summary.ids).toHaveLength(published.length);
      for (const row of published) {
        const i = at.get(String(row.ID)) as number;
        expect(summary.frequency[i]).toBe(row.frequency);
        expect(Math.abs(summary.recency[i] - row.recency)).toBeLessThanOrEqual(0.005 + 1e-9);
        expect(Math.abs(summary.age[i] - row.T)).toBeLessThanOrEqual(0.005 + 1e-9);
      }
    });

    it('reproduces the published mean repeat spend zbar', () => {
      for (const row of loadCdnowCsv('cdnow_customers_summary_with_transactions.csv')) {
        const i = at.get(String(row.ID)) as number;
        expect(Math.abs(summary.meanRepeatSpend[i] - row.zbar)).toBeLessThanOrEqual(0.005 + 1e-9);
      }
    });
  });
});
