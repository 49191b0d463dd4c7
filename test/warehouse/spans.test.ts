// CHURN and RETENTION from start | end columns on DuckDB: the entry's example by month, and no value in a segment holding
// a row the function refuses (an end before its start), while the other segments keep theirs — each as the function.

import type { Cell } from '../../src/core/values';
import { findFunction } from '../../src/functions/catalogue';
import { DUCKDB } from '../../src/warehouse/duckdb';
import { summaryQuery } from '../../src/warehouse/query';
import { scopeMismatches } from './compare';
import { SheetRows } from './customFunctions';
import { loadTable, openDuckDb, readLongTable } from './duckdb';

const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
/** The entry's example (start | end), the last row's region South with an end before its start. */
const ROWS: Cell[][] = [
  [day('2024-11-15'), '', 'North'], [day('2024-12-01'), day('2025-01-20'), 'North'], [day('2024-12-10'), day('2025-02-01'), 'North'],
  [day('2025-01-05'), day('2025-01-25'), 'North'], [day('2024-10-01'), day('2024-12-31'), 'North'], [day('2024-06-01'), day('2025-01-01'), 'North'],
  [day('2024-09-01'), '', 'South'], [day('2024-12-05'), day('2024-11-01'), 'South'],
];

it.each(['CHURN', 'RETENTION'])('%s from start | end by month equals the function, with no value where it refuses the rows', async (name) => {
  const db = await openDuckDb();
  await loadTable(db, 'customers', ['Start', 'End', 'Region'], ROWS);
  const got = (await readLongTable(db, summaryQuery({
    table: 'customers', timeZone: 'UTC', grain: 'month', from: '2024-06-01', to: '2025-03-01', metrics: [name], columns: { start: 'Start', end: 'End' }, segment: 'Region',
  }, DUCKDB))).filter((r) => r.metric === name);
  db.closeSync();
  const sheet = new SheetRows(ROWS, { start: 0, end: 1 }, 'UTC', Date.UTC(2026, 0, 1));
  const problems = scopeMismatches(findFunction(name)!, got, sheet, 2, 'month', { first: Date.UTC(2024, 5, 1), end: Date.UTC(2025, 2, 1) });
  expect(problems).toEqual([]);
  // By hand (the entry's note): two of the four North customers active on 1 January left in January.
  expect(got.find((r) => r.segment === 'North' && r.period === '2025-01')).toMatchObject({ value: 0.5, n: 4 });
  // South holds an end before its start, so does the whole table: the function refuses both.
  expect(got.filter((r) => r.segment !== 'North' && r.value !== null)).toEqual([]);
  expect(got.filter((r) => r.segment === 'North' && r.value !== null).length).toBeGreaterThan(3);
});
