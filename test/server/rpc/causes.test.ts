// Specific answers for a build or detection that cannot work: each names the cause and the fix (issue 11, item 4).

import { rpcHandlers } from '../../../src/server/rpc/handlers';
import { InMemoryWorkbook } from '../../../src/server/sheets/inMemory';
import { NOW } from '../helpers';

const day = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));

/** A survey sheet of 12 answers, one a month from 2025-01-15 to 2025-12-15, and its handlers. */
function surveys() {
  const rows: (string | number | Date)[][] = [['Date', 'Segment', 'NPS score']];
  for (let m = 1; m <= 12; m++) rows.push([day(2025, m, 15), m % 2 ? 'SMB' : 'Enterprise', m % 11]);
  const wb = new InMemoryWorkbook([]);
  const sheet = wb.addSheet('Surveys', rows);
  const rpc = rpcHandlers(wb, { now: () => NOW, random: () => 0.25 });
  const detected = rpc.detectTable({ sheetId: sheet.id });
  if (!detected.ok) throw new Error(detected.error.message);
  return { wb, rpc, sheet, table: detected.data };
}

const failure = (got: { ok: boolean; error?: { key: string; params: Record<string, string | number>; message: string } }) => {
  if (got.ok || !got.error) throw new Error('expected a failure');
  return got.error;
};

describe('From and To outside the data', () => {
  it('says what span the data covers and what to change, instead of an empty summary', () => {
    const { rpc, table } = surveys();
    const spec = { title: 'NPS', source: table.source, mapping: table.mapping, metrics: ['NPS'], grain: 'month' as const, from: '2030-01-01', to: '2030-06-30' };
    const error = failure(rpc.buildSummary({ spec }));
    expect(error.key).toBe('outsideData');
    // Month periods of the data: 2025-01 (from 2025-01-01) to 2025-12 (to 2025-12-31).
    expect(error.params).toEqual({ from: '2030-01-01', to: '2030-06-30', first: '2025-01-01', last: '2025-12-31' });
    expect(error.message).toBe('There is no data from 2030-01-01 to 2030-06-30: the data covers 2025-01-01 to 2025-12-31. ' +
      'Set From and To inside that span, or clear them to use all the data.');
  });

  it('still builds when the range overlaps the data', () => {
    const { rpc, table } = surveys();
    const spec = { title: 'NPS', source: table.source, mapping: table.mapping, metrics: ['NPS'], grain: 'month' as const, from: '2025-11-01', to: '2030-06-30' };
    expect(rpc.buildSummary({ spec }).ok).toBe(true);
  });
});

describe('a header row past the data', () => {
  it('says where the data ends instead of asking for an A1 range', () => {
    const { rpc, sheet } = surveys();
    const error = failure(rpc.detectTable({ sheetId: sheet.id, range: 'A5000:C5500' }));
    expect(error.key).toBe('headerPastData');
    expect(error.params).toEqual({ sheet: 'Surveys', row: 5000, lastRow: 13 });
    expect(error.message).toBe('Header row 5000 is below the last row with data on Surveys (row 13). Set the header row to the row that holds your column names (often 1).');
  });
});

describe('a sheet holding only headers', () => {
  it('says there are no data rows under the headers, instead of "data rows: 1"', () => {
    const wb = new InMemoryWorkbook([]);
    const sheet = wb.addSheet('Empty form', [['Date', 'Customer', 'NPS score']]);
    const error = failure(rpcHandlers(wb, { now: () => NOW }).detectTable({ sheetId: sheet.id }));
    expect(error.key).toBe('noDataRows');
    expect(error.params).toEqual({ sheet: 'Empty form', row: 1 });
    expect(error.message).toBe('Empty form has column names in row 1 but no data rows under them. Add rows of data below the headers, or pick another sheet.');
  });

  it('still reads a one-row sheet of numbers as one data row', () => {
    const wb = new InMemoryWorkbook([]);
    const sheet = wb.addSheet('Numbers', [[9, 7, 10]]);
    const got = rpcHandlers(wb, { now: () => NOW }).detectTable({ sheetId: sheet.id });
    expect(got.ok && got.data.rows).toBe(1);
  });
});

describe('a mapped column whose values fail their checks', () => {
  it('names the metric, the check that failed (the function’s own message) and the fix', () => {
    const { rpc, table } = surveys();
    // The segment column (SMB / Enterprise) mapped as the NPS score by mistake.
    const spec = { title: 'NPS', source: table.source, mapping: { ...table.mapping, score: 1 }, metrics: ['NPS'], grain: 'month' as const };
    const error = failure(rpc.buildSummary({ spec }));
    expect(error.key).toBe('metricsFailedChecks');
    expect(error.params.metric).toBe('Net Promoter Score');
    expect(error.params.message).toMatch(/^NPS: 12 values are not scores from 0 to 10 \(first: "SMB" in row 1 of scores\)/);
    expect(error.params.others).toBe(0);
    expect(error.message).toMatch(/^Net Promoter Score cannot be computed: NPS: 12 values are not scores .*\. Correct those cells in the source sheet \(Check data finds and selects them\) or map another column, then build again\.$/);
  });
});
