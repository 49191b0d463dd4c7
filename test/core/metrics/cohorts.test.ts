import { cohortMatrix } from '../../../src/core/metrics/cohorts';
import { periodSeries } from '../../../src/core/periods';

const day = (iso: string) => (iso ? Date.parse(`${iso}T00:00:00Z`) : NaN);
const spans = (...rows: [string, string][]) => ({ starts: Float64Array.from(rows.map((r) => day(r[0]))), ends: Float64Array.from(rows.map((r) => day(r[1]))) });
const months = periodSeries(day('2025-01-01'), day('2025-03-31'), 'month');

describe('the cohort matrix', () => {
  // January: one stays, one ends in February, one ends in January; February: one stays, one ends on 1 March; March: one stays.
  const table = spans(
    ['2025-01-03', ''], ['2025-01-10', '2025-02-15'], ['2025-01-20', '2025-01-25'],
    ['2025-02-02', ''], ['2025-02-10', '2025-03-01'], ['2025-03-05', ''], ['', ''],
  );
  const m = cohortMatrix(table, months);
  const row = (c: number) => Array.from(m.active.subarray(c * 3, c * 3 + 3));

  it('sizes each cohort by the month of its start dates, skipping blank starts', () => {
    expect(Array.from(m.sizes)).toEqual([3, 2, 1]);
  });

  it('counts January’s customers still there at the end of January, February and March: 2, 1, 1', () => {
    expect(row(0)).toEqual([2, 1, 1]);
  });

  it('counts a customer who ends on 1 March as still there at the end of February', () => {
    expect(row(1)).toEqual([2, 1, 0]);
  });

  it('leaves the cells past the last period at 0', () => {
    expect(row(2)).toEqual([1, 0, 0]);
  });
});
