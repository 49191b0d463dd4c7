// CHURN from churn statuses on DuckDB: the churned share as the function gives it, and no value where the function
// refuses the column (a status that is neither yes nor no), segment by segment.

import { findFunction } from '../../src/functions/catalogue';
import { DUCKDB } from '../../src/warehouse/duckdb';
import { summaryQuery } from '../../src/warehouse/query';
import { scopeMismatches } from './compare';
import { SheetRows } from './customFunctions';
import { loadTable, openDuckDb, readLongTable } from './duckdb';

const ROWS = [['Churned', 'North'], [' active', 'North'], ['YES', 'North'], ['', 'North'], ['no', 'South'], ['maybe', 'South'], ['Inactive', 'East']];

it.each(['CHURN', 'RETENTION'])('%s by segment equals the function, blank where a status is neither yes nor no', async (name) => {
  const db = await openDuckDb();
  await loadTable(db, 'customers', ['Status', 'Region'], ROWS);
  const got = await readLongTable(db, summaryQuery({
    table: 'customers', timeZone: 'UTC', grain: 'month', from: '2025-01-01', to: '2025-02-01', metrics: [name], columns: { churnStatus: 'Status' }, segment: 'Region',
  }, DUCKDB)).then((rows) => rows.filter((r) => r.metric === name));
  db.closeSync();
  const sheet = new SheetRows(ROWS, { churnStatus: 0 }, 'UTC', Date.UTC(2026, 0, 1));
  const problems = scopeMismatches(findFunction(name)!, got, sheet, 1, 'month', { first: Date.UTC(2025, 0, 1), end: Date.UTC(2025, 1, 1) });
  expect(problems).toEqual([]);
  expect(got.find((r) => r.segment === 'North')?.value).toBeCloseTo(name === 'CHURN' ? 2 / 3 : 1 / 3, 12);
  expect(got.find((r) => r.segment === 'South')?.value).toBeNull();
  expect(got.find((r) => r.segment === null)?.value).toBeNull();
});
