import { findFunction } from '../../src/functions/catalogue';
import { column, rows } from '../../src/functions/examples';
import { runFunction } from '../../src/functions/runner';
import type { Arg } from '../../src/functions/spec';

const call = (name: string, ...args: Arg[]) => runFunction(findFunction(name)!, args);

describe('RENEWAL_RATE', () => {
  it('returns 0.5 when two of four contracts up for renewal were renewed, case-insensitively', () => {
    expect(call('RENEWAL_RATE', column('Renewed', 'churned', ' RENEWED ', '', 'cancelled'))).toBe(0.5);
  });

  it('reads checkboxes: TRUE is renewed, FALSE is not', () => {
    expect(call('RENEWAL_RATE', column(true, false, true, true))).toBe(0.75);
  });

  it('takes its own renewed words from one cell or a range', () => {
    expect(call('RENEWAL_RATE', column('extended', 'cancelled', 'Extended'), 'extended')).toBeCloseTo(2 / 3, 12);
    expect(call('RENEWAL_RATE', column('extended', 'upgraded', 'lapsed'), 'extended, upgraded')).toBeCloseTo(2 / 3, 12);
    expect(call('RENEWAL_RATE', column('extended', 'upgraded', 'renewed'), column('extended', 'upgraded'))).toBeCloseTo(2 / 3, 12);
  });

  it('keeps the renewals due in a period, and spills a series by quarter', () => {
    const outcomes = column('renewed', 'lapsed', 'renewed', 'renewed');
    const due = column('2025-01-15', '2025-02-01', '2025-04-10', '2025-05-01');
    expect(call('RENEWAL_RATE', outcomes, '', '2025-Q1', due)).toBe(0.5);
    expect(call('RENEWAL_RATE', outcomes, '', 'quarter', due)).toEqual([['period', 'renewal rate', 'contracts'], ['2025-Q1', 0.5, 2], ['2025-Q2', 1, 2]]);
  });

  it('says when there is no outcome, and when a period comes without dates', () => {
    expect(() => call('RENEWAL_RATE', column('', ''))).toThrow('RENEWAL_RATE: no contracts to compute on');
    expect(() => call('RENEWAL_RATE', column('renewed'), '', '2025')).toThrow(/^RENEWAL_RATE: a period was given but no dates/);
  });
});

describe('RETENTION_COST', () => {
  it('returns 40 for 2000 of retention spend over 50 retained customers', () => {
    expect(call('RETENTION_COST', column(1200, 800), 50)).toBe(40);
  });

  it('counts a range of retained customers by its non-blank cells', () => {
    expect(call('RETENTION_COST', 900, column('A', '', 'B', 'C'))).toBe(300);
  });

  it('refuses zero retained customers', () => {
    expect(() => call('RETENTION_COST', 900, 0)).toThrow(/^RETENTION_COST: retained_customers is 0/);
  });
});

describe('COHORT_RETENTION', () => {
  const subscriptions = rows(
    ['2025-01-03', ''], ['2025-01-10', '2025-02-15'], ['2025-01-20', '2025-01-25'],
    ['2025-02-02', ''], ['2025-02-10', '2025-03-01'], ['2025-03-05', ''], ['', ''],
  );

  it('spills cohort | size | share still active at the end of each month after the start month', () => {
    expect(call('COHORT_RETENTION', subscriptions)).toEqual([
      ['cohort', 'size', 0, 1, 2],
      ['2025-01', 3, 2 / 3, 1 / 3, 1 / 3],
      ['2025-02', 2, 1, 0.5, ''],
      ['2025-03', 1, 1, '', ''],
    ]);
  });

  it('groups by quarter when asked, and shows an empty cohort with blank shares', () => {
    const table = rows(['2025-01-15', '2025-07-01'], ['2025-08-01', '']);
    expect(call('COHORT_RETENTION', table, 'quarter')).toEqual([
      ['cohort', 'size', 0, 1, 2],
      ['2025-Q1', 1, 1, 1, 0],
      ['2025-Q2', 0, '', '', ''],
      ['2025-Q3', 1, 1, '', ''],
    ]);
  });

  it('keeps only the customers who started in a labelled period, and refuses a grain there', () => {
    expect(call('COHORT_RETENTION', subscriptions, 'month', '2025-02-01..2025-03-31')).toEqual([
      ['cohort', 'size', 0, 1],
      ['2025-02', 2, 1, 0.5],
      ['2025-03', 1, 1, ''],
    ]);
    expect(() => call('COHORT_RETENTION', subscriptions, 'month', 'quarter')).toThrow(/^COHORT_RETENTION: period must be a label/);
    expect(() => call('COHORT_RETENTION', subscriptions, 'month', '2026')).toThrow('COHORT_RETENTION: no customers to compute on');
  });

  it('needs start and end dates, not statuses', () => {
    expect(() => call('COHORT_RETENTION', column('churned', 'active'))).toThrow(
      'COHORT_RETENTION: range must be two columns: start date | end date, got 2 rows × 1 column');
  });

  it('rejects an end before its start, naming the row', () => {
    expect(() => call('COHORT_RETENTION', rows(['2025-01-10', ''], ['2025-03-01', '2025-02-01']))).toThrow(
      'COHORT_RETENTION: the end date is before the start date in row 2, column 2 of range');
  });

  it('refuses a grain it does not know, and more cohorts than a sheet can read', () => {
    expect(() => call('COHORT_RETENTION', subscriptions, 'fortnight')).toThrow(/^COHORT_RETENTION: grain must be one of "year"/);
    expect(() => call('COHORT_RETENTION', rows(['2020-01-01', ''], ['2025-01-01', '']), 'day')).toThrow(/^COHORT_RETENTION: the data spans \d+ periods/);
  });
});
