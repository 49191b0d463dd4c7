import { findFunction } from '../../src/functions/catalogue';
import { column } from '../../src/functions/examples';
import { runFunction } from '../../src/functions/runner';
import type { Arg } from '../../src/functions/spec';

const call = (name: string, ...args: Arg[]) => runFunction(findFunction(name)!, args);
const repeat = (score: number, times: number): number[] => Array(times).fill(score);

describe('NPS', () => {
  it('returns 25 for scores 10, 9, 8, 3', () => expect(call('NPS', column(10, 9, 8, 3))).toBe(25));

  it('skips blank cells', () => expect(call('NPS', column(10, '', 9, 8, '  ', 3))).toBe(25));

  it('counts the text "9" as 9 and reads a whole row range too', () => {
    expect(call('NPS', column('9', 3))).toBe(0);
    expect(call('NPS', [[10, 9, 8, 3]])).toBe(25);
  });

  it('counts every cell once when a text number follows plain ones (the fast count hands over to the general reader)', () => {
    expect(call('NPS', column(10, 10, '', 0, '9', 3))).toBe(20);
    expect(call('CES', column(7, 1, ' 4 ', ''))).toBe(4);
  });

  it('returns 30 for 50 promoters, 30 passives and 20 detractors', () => {
    expect(call('NPS', column(...repeat(10, 50), ...repeat(7, 30), ...repeat(0, 20)))).toBeCloseTo(30, 12);
  });

  it.each([[11, '11'], [7.5, '7.5'], ['abc', '"abc"']])('names NPS and the first bad cell for %p', (bad, shown) => {
    expect(() => call('NPS', column(10, 9, '', bad, 'x'))).toThrow(
      new Error(`NPS: 2 values are not scores from 0 to 10 (first: ${shown} in row 4 of scores)`));
  });

  it('names the column of a bad cell in a multi-column range', () => {
    expect(() => call('NPS', [[10, 9], [8, -1]])).toThrow('(first: -1 in row 2, column 2 of scores)');
  });

  it('says there is nothing to compute on when every cell is blank', () => {
    expect(() => call('NPS', column('', ''))).toThrow('NPS: no scores to compute on');
  });

  it('keeps only answers dated in a labelled period', () => {
    const dates = column('2025-03-02', '2025-03-31', '2025-04-01', '2025-02-28');
    expect(call('NPS', column(10, 0, 0, 0), '2025-03', dates)).toBe(0);
    expect(call('NPS', column(10, 9, 0, 0), '2025-Q1', dates)).toBeCloseTo(100 / 3, 12);
  });

  it('spills a monthly series with empty months shown, not skipped', () => {
    const dates = column('2025-01-05', '2025-01-20', '2025-03-01');
    expect(call('NPS', column(10, 6, 9), 'month', dates)).toEqual([
      ['period', 'NPS', 'responses'], ['2025-01', 0, 2], ['2025-02', '', 0], ['2025-03', 100, 1]]);
  });

  it('asks for the dates when a period is given without them', () => {
    expect(() => call('NPS', column(10), '2025-Q1')).toThrow('NPS: a period was given but no dates');
  });

  it('rejects dates of another size than the scores', () => {
    expect(() => call('NPS', column(10, 9), '2025', column('2025-01-01'))).toThrow('NPS: dates has 1 cell but scores has 2');
  });

  it('rejects an unknown period word', () => {
    expect(() => call('NPS', column(10), 'fortnight', column('2025-01-01'))).toThrow('NPS: "fortnight" is not a period');
  });

  it('says which period holds no answers', () => {
    expect(() => call('NPS', column(10), '2024', column('2025-01-01'))).toThrow('NPS: no scores in 2024');
  });
});

describe('NPS_BREAKDOWN and NPS_CI', () => {
  it('spills counts and shares of each group', () => {
    expect(call('NPS_BREAKDOWN', column(10, 10, 8, 3, ''))).toEqual([
      ['group', 'count', 'share'], ['promoters', 2, 0.5], ['passives', 1, 0.25], ['detractors', 1, 0.25], ['total', 4, 1]]);
  });

  it('gives about [14.05, 44.20] for 50 promoters, 30 passives, 20 detractors', () => {
    const [[low, high]] = call('NPS_CI', column(...repeat(9, 50), ...repeat(8, 30), ...repeat(6, 20))) as number[][];
    expect(low).toBeCloseTo(14.05, 2);
    expect(high).toBeCloseTo(44.2, 2);
  });

  it('widens with the confidence level and stays within −100..100', () => {
    const scores = column(...repeat(10, 5));
    const [[l90, h90]] = call('NPS_CI', scores, 0.9) as number[][];
    const [[l99, h99]] = call('NPS_CI', scores, 0.99) as number[][];
    expect(l99).toBeLessThan(l90);
    expect(h99).toBeGreaterThanOrEqual(h90);
    expect(h99).toBeLessThanOrEqual(100);
  });

  it('rejects a confidence level outside 0.5..0.999', () => {
    expect(() => call('NPS_CI', column(10), 95)).toThrow('NPS_CI: confidence must be a level between 0.5 and 0.999, got 95');
  });
});

describe('CSAT and CES', () => {
  it('counts 4 and 5 as satisfied on the default 5-point scale', () => expect(call('CSAT', column(5, 4, 3, 2, 1))).toBeCloseTo(0.4, 12));

  it('uses the top two points of a 10-point scale and accepts 0 there', () => expect(call('CSAT', column(10, 9, 8, 0), 10)).toBe(0.5));

  it('takes an explicit threshold', () => expect(call('CSAT', column(5, 4, 3, 2), 5, 3)).toBe(0.75));

  it('rejects scores off the scale, naming the scale', () => {
    expect(() => call('CSAT', column(5, 6, 0))).toThrow('CSAT: 2 values are not scores from 1 to 5 (first: 6 in row 2 of scores)');
  });

  it('averages effort scores', () => expect(call('CES', column(7, 6, '', 5, 2))).toBe(5));

  it('rejects effort scores outside 1..scale', () => {
    expect(() => call('CES', column(1, 8))).toThrow('CES: 1 value is not scores from 1 to 7 (first: 8 in row 2 of scores)');
    expect(call('CES', column(1, 8), 10)).toBe(4.5);
  });
});
