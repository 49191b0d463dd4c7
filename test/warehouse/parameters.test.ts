// The parameterised summary query (@from_day and @to_day bound at run time, as Connected Sheets binds its control cells) gives
// exactly the rows of the query with the same range as literals, on every sample table, grain and segment choice; its
// BigQuery rendering parses and is kept as a snapshot.

import type { DuckDBConnection } from '@duckdb/node-api';
import { dateValue } from '@duckdb/node-api';
import { Parser } from 'node-sql-parser';
import type { Role } from '../../src/core/mapping/roles';
import { parsePeriod } from '../../src/core/periods';
import { MS_PER_DAY } from '../../src/core/timezone';
import { sampleTables } from '../../src/core/sample/generate';
import type { Cell } from '../../src/core/values';
import { SUMMARY_GRAINS } from '../../src/server/rpc/contract';
import { BIGQUERY } from '../../src/warehouse/bigquery';
import { DUCKDB } from '../../src/warehouse/duckdb';
import { RANGE_PARAMETERS, summaryQuery, type WarehouseReport } from '../../src/warehouse/query';
import { detectedSample } from '../server/helpers';
import { compilableMetrics } from './cases';
import { SUMMATION_TOLERANCE } from './compare';
import { loadTable, openDuckDb, readLongTable, type LongRow } from './duckdb';

const NOW = Date.UTC(2026, 0, 15, 9, 30);
const TABLES = sampleTables({ rows: 400, end: Date.UTC(2026, 0, 14), dates: 'date', seed: 11 });
/** Ranges on and off period boundaries, one a single day, one across an ISO year's edge (2024-12-30 is 2025-W01). */
const RANGES = [['2025-02-15', '2025-11-03'], ['2024-12-30', '2026-01-01'], ['2025-06-01', '2025-06-02'], ['2025-03-31', '2025-04-01']] as const;

/**
 * Each row differing from the literal query's, one a line: the same periods, segments, metrics and counts exactly; the
 * values within the summation tolerance (DuckDB adds a double SUM's parts in the order its threads finish them).
 */
function differences(got: Record<string, unknown>[], want: LongRow[]): string[] {
  if (got.length !== want.length) return [`${got.length} rows, the literal query ${want.length}`];
  return want.flatMap((w, k) => {
    const g = got[k];
    const value = g.value === null ? null : Number(g.value);
    const same = g.period === w.period && g.segment === w.segment && g.metric === w.metric && Number(g.n) === w.n
      && (value === null || w.value === null ? value === w.value : Math.abs(value - w.value) <= SUMMATION_TOLERANCE * Math.max(1, Math.abs(w.value)));
    return same ? [] : [`row ${k}: ${JSON.stringify(g)} vs ${JSON.stringify(w)}`];
  });
}

const days = (iso: string): number => (parsePeriod(iso) as { start: number }).start / MS_PER_DAY;

describe.each(TABLES.map((t) => [t.name, t] as const))('the parameterised query on the sample %s table', (_name, table) => {
  const { mapping } = detectedSample(table, NOW).detected;
  const headers = table.headers;
  const textColumn = headers.findIndex((_, c) => table.rows.every((r) => typeof r[c] === 'string') && new Set(table.rows.map((r) => r[c])).size <= 12);
  const segmentColumn = mapping.segment ?? textColumn;
  const metrics = compilableMetrics({ mapping, headers });
  const columns: Partial<Record<Role, string>> = {};
  for (const [role, index] of Object.entries(mapping)) if (role !== 'segment') columns[role as Role] = headers[index as number];
  const report = (grain: WarehouseReport['grain'], segmented: boolean, from: string, to: string): WarehouseReport => ({
    table: table.name, timeZone: 'America/Los_Angeles', grain, from, to, metrics, columns, ...(segmented ? { segment: headers[segmentColumn] } : {}),
  });
  let connection: DuckDBConnection;
  beforeAll(async () => {
    connection = await openDuckDb();
    await loadTable(connection, table.name, headers, table.rows as Cell[][]);
  });
  afterAll(() => connection?.closeSync());

  const runs = metrics.length ? SUMMARY_GRAINS.flatMap((grain) => [false, true].flatMap((segmented) => RANGES.map(([from, to]) => [grain, segmented, from, to] as const))) : [];
  if (!runs.length) return;
  it.each(runs)('by %s (segmented: %s) from %s to %s gives the literal query\'s rows', async (grain, segmented, from, to) => {
    const r = report(grain, segmented, from, to);
    const literal = await readLongTable(connection, summaryQuery(r, DUCKDB));
    // Bound as DATEs (as a DATE cell would be) and as ISO text (the control cells hold text): the query casts both.
    const asDates = await connection.runAndReadAll(summaryQuery({ ...r, from: '1900-01-01', to: '1900-01-02' }, DUCKDB, { parameters: true }), {
      [RANGE_PARAMETERS.from]: dateValue(days(from)), [RANGE_PARAMETERS.to]: dateValue(days(to)),
    });
    const asText = await connection.runAndReadAll(summaryQuery(r, DUCKDB, { parameters: true }), { [RANGE_PARAMETERS.from]: from, [RANGE_PARAMETERS.to]: to });
    expect(literal.length).toBeGreaterThan(0);
    expect(differences(asDates.getRowObjectsJS(), literal)).toEqual([]);
    expect(differences(asText.getRowObjectsJS(), literal)).toEqual([]);
  });
});

describe('the parameterised BigQuery rendering', () => {
  const parser = new Parser();
  const report = (grain: WarehouseReport['grain']): WarehouseReport => ({
    table: 'my-project.crm.events', timeZone: 'Europe/Prague', grain, from: '2025-01-01', to: '2026-01-01', metrics: ['NPS', 'WIN_RATE', 'SALES_CYCLE', 'PIPELINE_VALUE'],
    columns: { score: 'score', date: 'created_at', dealOutcome: 'outcome', dealCreated: 'created_at', dealClosed: 'closed_at', amount: 'amount' }, segment: 'region',
  });
  it.each(SUMMARY_GRAINS)('by %s takes @from_day and @to_day, parses and matches its snapshot', (grain) => {
    const sql = summaryQuery(report(grain), BIGQUERY, { parameters: true });
    expect(sql).toContain('CAST(@from_day AS DATE)');
    expect(sql).toContain('CAST(@to_day AS DATE)');
    expect(sql).not.toContain("DATE '");
    expect(() => parser.astify(sql, { database: 'bigquery' })).not.toThrow();
    expect(sql).toMatchSnapshot();
  });
});
