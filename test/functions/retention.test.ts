import { findFunction } from '../../src/functions/catalogue';
import { column, rows } from '../../src/functions/examples';
import { runFunction } from '../../src/functions/runner';
import type { Arg } from '../../src/functions/spec';

const call = (name: string, ...args: Arg[]) => runFunction(findFunction(name)!, args);

// 22 hand-made subscriptions (start | end); the comments give each one's role in January 2025.
const subscriptions = rows(
  ['2024-06-01', ''], //           1 active throughout
  ['2024-07-15', '2025-01-10'], // 2 churns in January
  ['2024-08-01', '2025-01-01'], // 3 ends exactly on 1 January: churns in January
  ['2024-09-10', '2025-02-01'], // 4 ends exactly on 1 February: churns in February, not January
  ['2024-10-05', '2024-12-31'], // 5 gone before January
  ['2024-11-20', ''], //           6
  ['2024-12-01', '2025-03-15'], // 7
  ['2024-12-31', '2025-01-31'], // 8 churns on the last day of January
  ['2025-01-01', ''], //           9 starts on 1 January: not active at its start
  ['2025-01-05', '2025-01-25'], // 10 starts and ends in January (counted by "inclusive")
  ['2025-01-10', '2025-02-20'], // 11
  ['2025-01-15', ''], //           12
  ['2025-02-01', '2025-02-28'], // 13
  ['2025-02-10', '2025-04-01'], // 14
  ['2025-02-14', ''], //           15
  ['2025-03-01', '2025-03-31'], // 16
  ['2025-03-05', ''], //           17
  ['2024-05-01', '2025-03-31'], // 18
  ['2024-04-01', '2024-04-30'], // 19
  ['2024-12-15', '2025-02-15'], // 20
  ['2024-10-10', ''], //           21
  ['2025-01-20', '2025-03-01'], // 22
);

describe('CHURN on start and end dates', () => {
  it('counts 3 of the 10 customers active on 1 January as churned in January 2025', () => {
    expect(call('CHURN', subscriptions, '2025-01')).toBeCloseTo(0.3, 12);
  });

  it('adds the customer who joined and left within January with method "inclusive"', () => {
    expect(call('CHURN', subscriptions, '2025-01', 'inclusive')).toBeCloseTo(0.4, 12);
  });

  it('counts 7 of 10 in the first quarter, and 12 of 10 inclusively', () => {
    expect(call('CHURN', subscriptions, '2025-Q1')).toBeCloseTo(0.7, 12);
    expect(call('CHURN', subscriptions, '2025-Q1', 'INCLUSIVE')).toBeCloseTo(1.2, 12);
  });

  it('spills the monthly series over the table span, empty months included', () => {
    const r = (label: string, active: number, churned: number): (string | number)[] => [label, active, churned, active ? churned / active : ''];
    expect(call('CHURN', subscriptions, 'month')).toEqual([
      ['period', 'active at start', 'churned', 'churn rate'],
      r('2024-04', 0, 0), r('2024-05', 0, 0), r('2024-06', 1, 0), r('2024-07', 2, 0), r('2024-08', 3, 0), r('2024-09', 4, 0),
      r('2024-10', 5, 0), r('2024-11', 7, 0), r('2024-12', 8, 1), r('2025-01', 10, 3), r('2025-02', 11, 3), r('2025-03', 10, 3),
      r('2025-04', 8, 1),
    ]);
  });

  it('agrees between the series and the labelled periods, both methods', () => {
    for (const method of ['start', 'inclusive']) {
      const series = call('CHURN', subscriptions, 'month', method) as (string | number)[][];
      for (const [label, active, , rate] of series.slice(1)) {
        if (active) expect(call('CHURN', subscriptions, label, method)).toBeCloseTo(rate as number, 12);
      }
    }
  });

  it('gives retention as one minus churn, in a period and as a series', () => {
    expect(call('RETENTION', subscriptions, '2025-01')).toBeCloseTo(0.7, 12);
    const series = call('RETENTION', subscriptions, 'quarter') as (string | number)[][];
    expect(series[0]).toEqual(['period', 'active at start', 'retained', 'retention rate']);
    const q1 = series.find((row) => row[0] === '2025-Q1')!;
    expect(q1.slice(0, 3)).toEqual(['2025-Q1', 10, 3]);
    expect(q1[3]).toBeCloseTo(0.3, 12);
  });

  it('says when nobody was active at the start of the period', () => {
    expect(() => call('CHURN', subscriptions, '2024-04')).toThrow('CHURN: no customers were active at the start of 2024-04');
  });

  it('names the row whose end comes before its start', () => {
    expect(() => call('CHURN', rows(['2025-01-01', ''], ['2025-02-01', '2025-01-15']), '2025')).toThrow(
      'CHURN: the end date is before the start date in row 2, column 2 of range');
  });

  it('names the row with an end date but no start', () => {
    expect(() => call('CHURN', rows(['2025-01-01', ''], ['', '2025-01-15']), '2025')).toThrow('CHURN: an end date has no start date in row 2, column 1 of range');
  });

  describe('with Date cells (read in one tight pass until a row needs the general reader)', () => {
    const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
    const asDates = (table: string[][]) => table.map((row) => row.map((c) => (c ? day(c) : '')));
    const table = [['2024-12-01', ''], ['2024-11-15', '2025-02-10'], ['', ''], ['2025-01-05', '2025-02-20'], ['2024-10-01', '2025-01-10']];

    it('gives what text dates give, also when one cell is text', () => {
      const expected = call('CHURN', rows(...table), '2025-Q1');
      expect(expected).toBeCloseTo(2 / 3, 12);
      expect(call('CHURN', asDates(table), '2025-Q1')).toBe(expected);
      const mixed: (string | Date)[][] = asDates(table);
      mixed[3][1] = '2025-02-20';
      expect(call('CHURN', mixed, '2025-Q1')).toBe(expected);
      expect(call('CHURN', asDates(table), '2025-Q1', 'inclusive')).toBeCloseTo(1, 12);
    });

    it('names the row whose end comes before its start, an end without a start, and an invalid Date', () => {
      expect(() => call('CHURN', asDates([['2025-01-01', ''], ['2025-02-01', '2025-01-15']]), '2025')).toThrow(
        'CHURN: the end date is before the start date in row 2, column 2 of range');
      expect(() => call('CHURN', [[day('2025-01-01'), ''], ['', day('2025-01-15')]], '2025')).toThrow(
        'CHURN: an end date has no start date in row 2, column 1 of range');
      expect(() => call('CHURN', [[day('2025-01-01'), new Date(NaN)]], '2025')).toThrow('(first: an invalid date in row 1, column 2 of range)');
    });

    it('names an invalid Date in a spreadsheet outside UTC too (no clock ever sees it)', () => {
      const auckland = { timeZone: () => 'Pacific/Auckland' };
      const churn = (range: (string | Date)[][]) => () => runFunction(findFunction('CHURN')!, [range, '2025'], auckland);
      expect(churn([[new Date(NaN), '']])).toThrow('CHURN: 1 value is not dates (first: an invalid date in row 1, column 1 of range)');
      expect(churn([[day('2025-01-01'), new Date(NaN)]])).toThrow('CHURN: 1 value is not dates (first: an invalid date in row 1, column 2 of range)');
    });
  });

  it('names bad dates by row and column', () => {
    expect(() => call('CHURN', rows(['2025-01-01', 'soon']), '2025')).toThrow('CHURN: 1 value is not dates (first: "soon" in row 1, column 2 of range)');
  });

  it('asks for a period with the date form', () => {
    expect(() => call('CHURN', subscriptions)).toThrow('CHURN: with start and end dates, give a period');
  });

  it('rejects a range of three columns', () => {
    expect(() => call('CHURN', [[1, 2, 3]], '2025')).toThrow('CHURN: range must be one column of statuses or two columns start | end, got 1 row × 3 columns');
  });
});

describe('CHURN on statuses', () => {
  it('gives the share churned among non-blank statuses, whatever the wording', () => {
    expect(call('CHURN', column(true, false, 'Yes', 'no', '', 'churned', 'ACTIVE', 1, 0))).toBe(0.5);
  });

  it('names the first status it cannot read', () => {
    expect(() => call('CHURN', column('yes', 'maybe'))).toThrow('CHURN: 1 value is not churn statuses (TRUE/FALSE, 1/0, yes/no, churned/active) (first: "maybe" in row 2 of range)');
  });
});
