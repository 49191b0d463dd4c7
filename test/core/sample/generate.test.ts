// The sample tables (Insert sample data, the workbench) are clean data whatever day they are made on.

import { checkData } from '../../../src/core/quality/checks';
import { sampleTables } from '../../../src/core/sample/generate';

/** The last day of every month from 2024 to 2028: sample data ends the day before it is inserted. */
const monthEnds = Array.from({ length: 60 }, (_, k) => Date.UTC(2024, k + 1, 0));

describe('sampleTables', () => {
  it.each(monthEnds.map((end) => [new Date(end).toISOString().slice(0, 10), end]))('holds no repeated row when it ends on %s', (_, end) => {
    for (const table of sampleTables({ rows: 1000, end, dates: 'date' })) {
      const issues = checkData({
        values: [table.headers, ...table.rows], hasHeader: true, mapping: {}, origin: { row: 1, column: 1 }, toCivil: (t) => t, today: end,
      });
      expect([table.name, issues.map((i) => i.kind)]).toEqual([table.name, []]);
    }
  });

  it('repeats no row even when 5,000 answers crowd into the same days', () => {
    const surveys = sampleTables({ rows: 5000, end: Date.UTC(2026, 10, 30), dates: 'text' })[0];
    const keys = new Set(surveys.rows.map((r) => JSON.stringify(r)));
    expect(keys.size).toBe(surveys.rows.length);
  });
});
