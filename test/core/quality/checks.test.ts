// Data-quality checks: each finding's count, first rows and A1 ranges on the sheet.

import { checkData } from '../../../src/core/quality/checks';
import type { Cell } from '../../../src/core/values';

const TODAY = Date.UTC(2025, 5, 15);
const run = (values: Cell[][], mapping: Record<string, number>) =>
  checkData({ values, hasHeader: true, mapping, origin: { row: 3, column: 2 }, toCivil: (t) => t, today: TODAY });

describe('data checks', () => {
  const values: Cell[][] = [
    ['Order', 'Date', 'Score', 'Start', 'End', 'Amount'],
    ['O1', '2025-01-01', 9, '2025-01-01', '2025-02-01', 10],
    ['O2', '2025-01-02', 11, '2025-03-01', '2025-02-01', 'abc'],
    ['O2', '03/04/2025', 7.5, '2025-01-01', '', 12],
    ['O1', '2025-01-01', 9, '2025-01-01', '2025-02-01', 10],
    ['O5', '', 'x', '2025-01-01', '2030-01-01', 3],
  ];
  const issues = run(values, { orderId: 0, date: 1, score: 2, start: 3, end: 4, amount: 5 });
  const by = (kind: string) => issues.find((i) => i.kind === kind)!;

  it('finds duplicate rows across the whole row', () => {
    expect(by('duplicateRows')).toMatchObject({ count: 1, rows: [7], ranges: ['B7:G7'] });
  });
  it('finds repeated ids', () => {
    expect(by('duplicateIds')).toMatchObject({ count: 2, rows: [6, 7], ranges: ['B6:B7'], column: 'Order' });
  });
  it('finds scores off the scale and text in number columns', () => {
    expect(by('scoreOutOfRange')).toMatchObject({ count: 2, rows: [5, 6], ranges: ['D5:D6'] });
    expect(issues.filter((i) => i.kind === 'notANumber').map((i) => [i.column, i.rows])).toEqual([['Score', [8]], ['Amount', [5]]]);
  });
  it('finds ambiguous or missing dates, ends before starts and future dates', () => {
    expect(by('notADate')).toMatchObject({ count: 1, rows: [6], ranges: ['C6'] });
    expect(by('blankRequired')).toMatchObject({ count: 1, rows: [8], role: 'date' });
    expect(by('endBeforeStart')).toMatchObject({ count: 1, rows: [5], ranges: ['F5'] });
    expect(by('futureDate')).toMatchObject({ count: 1, rows: [8], ranges: ['F8'] });
  });
  it('finds nothing in clean data', () => {
    expect(run([['Date', 'Score'], ['2025-01-01', 9], ['2025-01-02', 10]], { date: 0, score: 1 })).toEqual([]);
  });
});
