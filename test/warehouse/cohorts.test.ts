// COHORT_RETENTION on DuckDB: the counts by cohort and end period finish to the function's own table — the entry's
// example, every summary grain on the sample subscriptions, spans ending before the data's last cohort — and the rows the
// function refuses (an end without a start, an end before its start) are refused with how many there are.

import type { DuckDBConnection } from '@duckdb/node-api';
import { MetricError } from '../../src/core/errors';
import { cohortMatrix } from '../../src/core/metrics/cohorts';
import { periodSeries } from '../../src/core/periods';
import { sampleTables } from '../../src/core/sample/generate';
import type { Cell } from '../../src/core/values';
import { findFunction } from '../../src/functions/catalogue';
import { runFunction } from '../../src/functions/runner';
import { SUMMARY_GRAINS } from '../../src/server/rpc/contract';
import { DUCKDB } from '../../src/warehouse/duckdb';
import { summaryQuery } from '../../src/warehouse/query';
import { finishSection } from '../../src/warehouse/sections';
import type { Grain } from '../../src/core/periods';
import { tableMismatches } from './compare';
import { loadTable, openDuckDb, readLongTable, sectionRows } from './duckdb';

const spec = findFunction('COHORT_RETENTION')!;
const ZONE = 'America/Los_Angeles';
const env = { timeZone: () => ZONE, nowMs: () => Date.UTC(2026, 0, 15) };
const day = (iso: string): Date => new Date(`${iso}T12:00:00Z`);

let db: DuckDBConnection;
beforeAll(async () => {
  db = await openDuckDb();
});
afterAll(() => db?.closeSync());

/** The warehouse's table: the query over `rows` (start | end) finished by the section, or the MetricError it refuses with. */
async function warehouseTable(name: string, rows: Cell[][], grain: Grain): Promise<(string | number)[][] | MetricError> {
  await loadTable(db, name, ['Start', 'End'], rows);
  const sql = summaryQuery({ table: name, timeZone: ZONE, grain, from: '2020-01-01', to: '2020-02-01', metrics: ['COHORT_RETENTION'], columns: { start: 'Start', end: 'End' } }, DUCKDB);
  const got = sectionRows(await readLongTable(db, sql));
  try {
    const finished = finishSection(spec, got, { env, grain });
    if (!('table' in finished)) throw new Error('a cohort matrix finished as an outlook');
    return finished.table;
  } catch (e) {
    if (e instanceof MetricError) return e;
    throw e;
  }
}

describe('COHORT_RETENTION on a warehouse', () => {
  it('finishes the entry\'s example to its own result', async () => {
    const rows: Cell[][] = [[day('2025-01-10'), ''], [day('2025-01-20'), day('2025-02-15')], [day('2025-02-03'), day('2025-02-20')], [day('2025-02-10'), '']];
    expect(await warehouseTable('example', rows, 'month')).toEqual([['cohort', 'size', 0, 1], ['2025-01', 2, 1, 0.5], ['2025-02', 2, 0.5, '']]);
  });

  const subscriptions = sampleTables({ rows: 500, end: Date.UTC(2026, 0, 14), dates: 'date', seed: 5 }).find((t) => t.name === 'Subscriptions')!;
  const column = (header: string): number => subscriptions.headers.findIndex((h) => /^(start|end)/i.test(h) && h.toLowerCase().startsWith(header));
  const spans = subscriptions.rows.map((r) => [r[column('start')], r[column('end')]] as Cell[]);

  it.each(SUMMARY_GRAINS)('equals the function on the sample subscriptions by %s', async (grain) => {
    expect(column('start')).toBeGreaterThanOrEqual(0);
    expect(column('end')).toBeGreaterThanOrEqual(0);
    const want = runFunction(spec, [spans, grain], env) as (string | number)[][];
    expect(want.length).toBeGreaterThan(3);
    expect(tableMismatches('COHORT_RETENTION', (await warehouseTable(`subs_${grain}`, spans, grain)) as (string | number)[][], want)).toEqual([]);
  });

  it('keeps the data\'s last period when it is only an end date (a later cohort of nobody)', async () => {
    const rows: Cell[][] = [[day('2025-01-10'), day('2025-03-02')], [day('2025-01-11'), '']];
    const want = runFunction(spec, [rows, 'month'], env);
    expect(want).toEqual([['cohort', 'size', 0, 1, 2], ['2025-01', 2, 1, 1, 0.5], ['2025-02', 0, '', '', ''], ['2025-03', 0, '', '', '']]);
    expect(await warehouseTable('late_end', rows, 'month')).toEqual(want);
  });

  it('refuses an end without a start and an end before its start, saying how many rows', async () => {
    const missing = await warehouseTable('missing', [[day('2025-01-10'), ''], ['', day('2025-02-01')], ['', day('2025-02-03')]], 'month');
    expect(missing).toBeInstanceOf(MetricError);
    expect((missing as MetricError).message).toBe('COHORT_RETENTION: 2 rows have an end date but no start date; fill in the start or clear the end');
    const before = await warehouseTable('before', [[day('2025-01-10'), day('2025-01-02')], [day('2025-01-11'), '']], 'month');
    expect((before as MetricError).message).toBe('COHORT_RETENTION: 1 row has an end date before the start date');
    // The function refuses the same rows.
    expect(() => runFunction(spec, [[[day('2025-01-10'), day('2025-01-02')]], 'month'], env)).toThrow(MetricError);
  });

  it('refuses a table without a start as the function does (no customers)', async () => {
    expect(await warehouseTable('empty', [['', '']], 'month')).toBeInstanceOf(MetricError);
  });
});

describe('cohortMatrix with weights', () => {
  it('counts a span of weight w as w customers', () => {
    const series = periodSeries(Date.UTC(2025, 0, 1), Date.UTC(2025, 2, 1), 'month');
    const one = { starts: Float64Array.of(Date.UTC(2025, 0, 5), Date.UTC(2025, 1, 5)), ends: Float64Array.of(NaN, Date.UTC(2025, 2, 5)) };
    const repeated = { starts: Float64Array.of(...[0, 0, 0, 1].map((i) => one.starts[i])), ends: Float64Array.of(...[0, 0, 0, 1].map((i) => one.ends[i])) };
    expect(cohortMatrix(one, series, [3, 1])).toEqual(cohortMatrix(repeated, series));
  });
});
