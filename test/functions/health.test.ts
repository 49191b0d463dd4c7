import fc from 'fast-check';
import { findFunction } from '../../src/functions/catalogue';
import { column, rows } from '../../src/functions/examples';
import { runFunction } from '../../src/functions/runner';
import type { Arg } from '../../src/functions/spec';
import type { Cell } from '../../src/core/values';

const call = (name: string, ...args: Arg[]) => runFunction(findFunction(name)!, args);

describe('HEALTH_SCORE', () => {
  const signals = rows([10, 2], [20, 0], [30, 1]);

  it('scores usage (weight 3, higher is better) and tickets (weight 1, lower is better): 0, 62.5, 87.5', () => {
    expect(call('HEALTH_SCORE', signals, rows([3, 1]), rows(['higher', 'Lower is better']))).toEqual([[0], [62.5], [87.5]]);
  });

  it('takes weights as a column too, and treats every signal as higher-is-better by default', () => {
    expect(call('HEALTH_SCORE', signals, column(1, 1))).toEqual([[50], [25], [75]]);
  });

  it('leaves blank cells out of their row and shows a row with no signal as blank', () => {
    expect(call('HEALTH_SCORE', rows([10, 0], [30, ''], ['', ''], [20, 4]), rows([1, 1]))).toEqual([[0], [100], [''], [75]]);
  });

  it('leaves out a column holding one value, and refuses a table where no column varies', () => {
    expect(call('HEALTH_SCORE', rows([10, 5], [30, 5]), rows([1, 1]))).toEqual([[0], [100]]);
    expect(() => call('HEALTH_SCORE', rows([1, 5], [1, 5]), rows([1, 1]))).toThrow('HEALTH_SCORE: every signal column holds a single value, so no row is healthier than another');
  });

  it('needs one weight and one direction per column', () => {
    expect(() => call('HEALTH_SCORE', signals, rows([1, 1, 1]))).toThrow('HEALTH_SCORE: weights has 3 numbers but signals has 2 columns; give one weight per column');
    expect(() => call('HEALTH_SCORE', signals, rows([1, '']))).toThrow(/^HEALTH_SCORE: weights has 1 number but signals has 2 columns/);
    expect(() => call('HEALTH_SCORE', signals, rows([1, 1]), rows(['higher']))).toThrow(/^HEALTH_SCORE: directions has 1 cell but signals has 2 columns/);
  });

  it('rejects a direction word it does not know, negative and all-zero weights, and text signals', () => {
    expect(() => call('HEALTH_SCORE', signals, rows([1, 1]), rows(['up', 'sideways']))).toThrow(
      'HEALTH_SCORE: 1 value is not "higher" or "lower" (first: "sideways" in row 1, column 2 of directions)');
    expect(() => call('HEALTH_SCORE', signals, rows([1, -1]))).toThrow(/^HEALTH_SCORE: 1 value is not weights of 0 or more/);
    expect(() => call('HEALTH_SCORE', signals, rows([0, 0]))).toThrow('HEALTH_SCORE: every weight is 0; give at least one signal a weight above 0');
    expect(() => call('HEALTH_SCORE', rows([1, 'high']), rows([1, 1]))).toThrow(/^HEALTH_SCORE: 1 value is not numbers \(first: "high" in row 1, column 2 of signals\)/);
  });
});

describe('METRIC_BY', () => {
  const regions = column('EU', 'US', 'EU', '', 'US', 'EU');
  const scores = column(10, 9, 3, 7, 10, '');

  it('spills segment | value | n with segments sorted and blanks grouped last as "(blank)"', () => {
    expect(call('METRIC_BY', 'NPS', regions, scores)).toEqual([
      ['segment', 'value', 'n'], ['EU', 0, 2], ['US', 100, 2], ['(blank)', 0, 1],
    ]);
  });

  it('equals NPS run on each segment’s rows, for any scores and segments', () => {
    const row = fc.tuple(fc.constantFrom('a', 'b', 'c', '', '10', '9'), fc.oneof(fc.integer({ min: 0, max: 10 }), fc.constant('')));
    fc.assert(fc.property(fc.array(row, { minLength: 1, maxLength: 40 }), (table) => {
      const segs = table.map(([s]) => [s] as Cell[]);
      const vals = table.map(([, v]) => [v] as Cell[]);
      if (vals.every(([v]) => v === '')) {
        expect(() => call('METRIC_BY', 'nps', segs, vals)).toThrow('METRIC_BY: NPS: no scores to compute on');
        return;
      }
      const result = call('METRIC_BY', 'nps', segs, vals) as (string | number)[][];
      for (const [label, value, n] of result.slice(1)) {
        const mine = vals.filter((_, r) => (segs[r][0] === '' ? '(blank)' : String(segs[r][0])) === label);
        expect(n).toBe(mine.filter(([v]) => v !== '').length);
        if (n === 0) expect(value).toBe('');
        else expect(value).toBe(call('NPS', mine));
      }
      expect(result.slice(1).map((r) => r[0])).toEqual([...new Set(segs.map(([s]) => (s === '' ? '(blank)' : String(s))))].sort((a, b) =>
        (a === '(blank)' ? 1 : b === '(blank)' ? -1 : a.localeCompare(b, 'en', { numeric: true }))));
    }), { numRuns: 200 });
  });

  it('slices every range beside the segments and passes single values unchanged (NPS in a period)', () => {
    const dates = column('2025-03-02', '2025-03-05', '2025-04-01', '2025-03-09', '2025-03-10', '2025-03-11');
    expect(call('METRIC_BY', 'NPS', regions, scores, '2025-03', dates)).toEqual([
      ['segment', 'value', 'n'], ['EU', 100, 2], ['US', 100, 2], ['(blank)', 0, 1],
    ]);
  });

  it('splits a two-column range (CHURN on start | end dates) by its rows', () => {
    const spans = rows(['2024-12-01', '2025-01-10'], ['2024-12-01', ''], ['2024-11-01', ''], ['2024-10-01', '2025-01-20']);
    expect(call('METRIC_BY', 'CHURN', column('pro', 'pro', 'basic', 'basic'), spans, '2025-01')).toEqual([
      ['segment', 'value', 'n'], ['basic', 0.5, 2], ['pro', 0.5, 2],
    ]);
  });

  it('keeps a one-column range whose shape matters as a column (CHURN on statuses)', () => {
    expect(call('METRIC_BY', 'CHURN', column('a', 'b', 'a'), column('churned', 'active', 'active'))).toEqual([
      ['segment', 'value', 'n'], ['a', 0.5, 2], ['b', 0, 1],
    ]);
  });

  it('passes a word list that is not beside the segments unchanged (RENEWAL_RATE)', () => {
    expect(call('METRIC_BY', 'RENEWAL_RATE', column('a', 'a', 'b'), column('extended', 'lapsed', 'upgraded'), column('extended', 'upgraded'))).toEqual([
      ['segment', 'value', 'n'], ['a', 0.5, 2], ['b', 1, 1],
    ]);
  });

  it('counts in n only the rows where every split range has a value, and shows a segment with nothing as blank', () => {
    expect(call('METRIC_BY', 'APV', column('x', 'x', 'y'), column(10, '', ''), column('o1', 'o2', 'o3'))).toEqual([
      ['segment', 'value', 'n'], ['x', 10, 1], ['y', '', 0],
    ]);
  });

  it('names a bad cell by its row in the whole range, not in the segment', () => {
    expect(() => call('METRIC_BY', 'NPS', column('a', 'b', 'a', 'b'), column(1, 2, 3, 11))).toThrow(
      'METRIC_BY: NPS: 1 value is not scores from 0 to 10 (first: 11 in row 4 of scores)');
  });

  it('reports the metric’s own error when no segment has a value', () => {
    expect(() => call('METRIC_BY', 'NPS', column('a', 'b'), column(1, 2), '2025')).toThrow(
      /^METRIC_BY: NPS: a period was given but no dates/);
  });

  it('refuses an unknown metric, itself, a grain that makes a table, and segments of two columns', () => {
    expect(() => call('METRIC_BY', 'FOO', regions, scores)).toThrow('METRIC_BY: "FOO" is not a function of this add-on');
    expect(() => call('METRIC_BY', 'metric_by', regions, scores)).toThrow(/^METRIC_BY: metric cannot be METRIC_BY itself/);
    expect(() => call('METRIC_BY', 'NPS', regions, scores, 'month', column('2025-01-01', '2025-01-02', '2025-01-03', '', '2025-01-05', '2025-01-06')))
      .toThrow(/^METRIC_BY: NPS returns a table with these arguments/);
    expect(() => call('METRIC_BY', 'NPS', rows(['a', 'b']), scores)).toThrow(/^METRIC_BY: segments must be one column of segment names, got 1 row × 2 columns/);
  });

  it('ignores the trailing arguments a stub passes as undefined', () => {
    expect(call('METRIC_BY', 'NPS', regions, scores, undefined, undefined, undefined, undefined, undefined)).toEqual(call('METRIC_BY', 'NPS', regions, scores));
  });
});
