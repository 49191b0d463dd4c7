// Data-quality checks: each finding's count, first rows and A1 ranges on the sheet.

import type { Role } from '../../../src/core/mapping/roles';
import { checkData } from '../../../src/core/quality/checks';
import type { Cell } from '../../../src/core/values';
import { checkRules } from '../../../src/server/checks/rules';

const TODAY = Date.UTC(2025, 5, 15);
const run = (values: Cell[][], mapping: Partial<Record<Role, number>>) =>
  checkData({ values, hasHeader: true, mapping, origin: { row: 3, column: 2 }, toCivil: (t) => t, today: TODAY, rules: checkRules(mapping) });

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
  it('lets order ids repeat (an order’s lines share its id) but finds a deal id used twice', () => {
    expect(by('duplicateIds')).toBeUndefined();
    const deals = run(values.map((r) => r.slice(0, 2)), { dealId: 0, date: 1 });
    expect(deals.find((i) => i.kind === 'duplicateIds')).toMatchObject({ count: 2, rows: [6, 7], ranges: ['B6:B7'], column: 'Order' });
  });
  it('finds scores off the scale and text in number columns', () => {
    expect(by('scoreOutOfRange')).toMatchObject({
      count: 2, rows: [5, 6], ranges: ['D5:D6'], message: '2 values in Score are not whole numbers from 0 to 10 (as NPS, NPS_BREAKDOWN, NPS_CI read them)',
    });
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

  it('checks number columns against the parameters they feed, and only those', () => {
    const deals: Cell[][] = [['Amount', 'Probability', 'Contacts'], [-5, 0.5, 'yes'], [100, 1.5, 2], [200, '60%', 'x']];
    const found = run(deals, { amount: 0, probability: 1, contacts: 2 });
    expect(found.map((i) => [i.kind, i.column, i.rows, i.message])).toEqual([
      ['scoreOutOfRange', 'Amount', [4], '1 value in Amount is not numbers of 0 or more (as PIPELINE_VALUE, SALES_VELOCITY, CLV_PREDICT, MODEL_FIT read them)'],
      ['scoreOutOfRange', 'Probability', [5], '1 value in Probability is not numbers from 0 to 1 (as PIPELINE_VALUE reads them)'],
    ]);
  });

  it('reads the answer scale from the column, as a summary does', () => {
    const surveys: Cell[][] = [['CSAT', 'CES'], [0, 1], [10, 7], [5, 0]];
    const found = run(surveys, { satisfaction: 0, effort: 1 });
    // CSAT on a 10-point scale takes 0..10; CES takes 1..7 (its highest answer is 7), so 0 is out.
    expect(found.map((i) => [i.kind, i.column, i.rows])).toEqual([['scoreOutOfRange', 'CES', [6]]]);
  });

  it('derives the start and end date pairs from the function table', () => {
    expect(checkRules({ opened: 0, firstResponse: 1, resolved: 2, start: 3, end: 4, dealCreated: 5, dealClosed: 6 }).pairs).toEqual(
      expect.arrayContaining([['opened', 'firstResponse'], ['opened', 'resolved'], ['start', 'end'], ['dealCreated', 'dealClosed']]),
    );
    const tickets: Cell[][] = [['Opened', 'Resolved'], ['2025-01-05', '2025-01-04'], ['2025-01-05', '2025-01-06']];
    expect(run(tickets, { opened: 0, resolved: 1 }).map((i) => [i.kind, i.role, i.rows])).toEqual([['endBeforeStart', 'resolved', [4]]]);
  });
});
