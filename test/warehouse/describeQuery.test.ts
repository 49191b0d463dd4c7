// The dialect functions added for Connected Sheets: a table's columns (DESCRIBE / INFORMATION_SCHEMA), the engine types
// as the mapping's kinds, query parameters, the day before a date and the next period start (as the core's nextStart).

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { Parser } from 'node-sql-parser';
import { GRAINS, isoDay, nextStart, parsePeriod, periodStart } from '../../src/core/periods';
import { BIGQUERY } from '../../src/warehouse/bigquery';
import { columnKind } from '../../src/warehouse/dialect';
import { DUCKDB } from '../../src/warehouse/duckdb';
import { openDuckDb } from './duckdb';

let db: DuckDBConnection;
beforeAll(async () => (db = await openDuckDb()));
afterAll(() => db.closeSync());

const rows = async (sql: string): Promise<Record<string, unknown>[]> => (await db.runAndReadAll(sql)).getRowObjectsJS();

describe('describeQuery', () => {
  it('lists a CSV file\'s columns with their types on DuckDB, in order', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'describe-')), 'deals.csv');
    writeFileSync(file, 'id,created_at,amount,won,stage\n1,2025-01-02 10:00:00,120.5,true,open\n2,2025-02-03 11:00:00,80,false,won\n');
    const got = await rows(DUCKDB.describeQuery(file));
    expect(got.map((r) => [r.column_name, columnKind(String(r.data_type))])).toEqual([
      ['id', 'number'], ['created_at', 'date'], ['amount', 'number'], ['won', 'boolean'], ['stage', 'text'],
    ]);
  });

  it('lists a table\'s columns on DuckDB', async () => {
    await db.run('CREATE TABLE "my deals" (closed TIMESTAMPTZ, "note""s" VARCHAR, n DECIMAL(10,2))');
    expect((await rows(DUCKDB.describeQuery('my deals'))).map((r) => r.column_name)).toEqual(['closed', 'note"s', 'n']);
  });

  it('reads the dataset\'s INFORMATION_SCHEMA on BigQuery, and parses', () => {
    const sql = BIGQUERY.describeQuery('my-project.crm.deals');
    expect(sql).toBe("SELECT column_name, data_type\nFROM `my-project.crm`.INFORMATION_SCHEMA.COLUMNS\nWHERE table_name = 'deals'\nORDER BY ordinal_position\n");
    expect(() => new Parser().astify(sql, { database: 'bigquery' })).not.toThrow();
    expect(BIGQUERY.describeQuery("crm.o'brien")).toContain("FROM `crm`.INFORMATION_SCHEMA.COLUMNS\nWHERE table_name = 'o\\'brien'");
  });
});

describe('columnKind', () => {
  it.each([
    ['INT64', 'number'], ['FLOAT64', 'number'], ['NUMERIC', 'number'], ['BIGNUMERIC(40, 2)', 'number'], ['BIGINT', 'number'], ['DOUBLE', 'number'],
    ['DECIMAL(10,2)', 'number'], ['HUGEINT', 'number'], ['UINTEGER', 'number'], ['SMALLINT', 'number'], ['REAL', 'number'],
    ['DATE', 'date'], ['DATETIME', 'date'], ['TIMESTAMP', 'date'], ['TIMESTAMP WITH TIME ZONE', 'date'], ['TIMESTAMPTZ', 'date'], ['TIMESTAMP_NS', 'date'],
    ['BOOL', 'boolean'], ['BOOLEAN', 'boolean'],
    ['STRING', 'text'], ['VARCHAR', 'text'], ['BYTES', 'text'], ['JSON', 'text'], ['ARRAY<STRING>', 'text'], ['INTERVAL', 'text'], ['TIME', 'text'],
  ])('reads %s as %s', (type, kind) => expect(columnKind(type)).toBe(kind));
});

describe('the range rules a parameterised query computes in SQL', () => {
  it('name parameters @name on BigQuery and $name on DuckDB', () => {
    expect(BIGQUERY.parameter('from')).toBe('@from');
    expect(DUCKDB.parameter('from')).toBe('$from');
  });

  const days = ['2024-02-29', '2024-12-30', '2024-12-31', '2025-01-01', '2025-03-31', '2025-12-29', '2021-01-03'];
  it.each(GRAINS.flatMap((grain) => days.map((day) => [grain, day] as const)))('by %s from %s give the core\'s next start and day before on DuckDB', async (grain, day) => {
    const t = (parsePeriod(day) as { start: number }).start;
    const start = DUCKDB.periodStart(`CAST(${DUCKDB.parameter('d')} AS DATE)`, grain);
    const got = (await db.runAndReadAll(`SELECT strftime(${DUCKDB.nextPeriodStart(start, grain)}, '%Y-%m-%d') AS next, strftime(${DUCKDB.dayBefore(start)}, '%Y-%m-%d') AS before`, { d: day })).getRowObjectsJS()[0];
    expect(got.next).toBe(isoDay(nextStart(periodStart(t, grain), grain)));
    expect(got.before).toBe(isoDay(periodStart(t, grain) - 86_400_000));
  });

  it('step a period and a day back with DATE_ADD / DATE_SUB on BigQuery', () => {
    expect(BIGQUERY.nextPeriodStart('d', 'quarter')).toBe('DATE_ADD(d, INTERVAL 3 MONTH)');
    expect(BIGQUERY.dayBefore('d')).toBe('DATE_SUB(d, INTERVAL 1 DAY)');
  });
});
