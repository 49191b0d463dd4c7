// A DuckDB database in memory for the warehouse tests: tables loaded from sheet-shaped rows, queries read as objects.

import { DuckDBInstance, DuckDBTimestampTZValue, type DuckDBConnection } from '@duckdb/node-api';
import { isBlank, type Cell } from '../../src/core/values';
import type { SectionRow } from '../../src/warehouse/sections/section';

/** A connection whose session reads plain timestamps as UTC instants, as BigQuery does. */
export async function openDuckDb(): Promise<DuckDBConnection> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run("SET TimeZone = 'UTC'");
  return connection;
}

type ColumnType = 'TIMESTAMPTZ' | 'DOUBLE' | 'VARCHAR';

/** The type a warehouse would give a sheet column: instants for dates, numbers for numbers, text otherwise. */
function columnType(rows: readonly Cell[][], c: number): ColumnType {
  let type: ColumnType | undefined;
  for (const row of rows) {
    const v = row[c];
    if (isBlank(v)) continue;
    const t: ColumnType = v instanceof Date ? 'TIMESTAMPTZ' : typeof v === 'number' ? 'DOUBLE' : 'VARCHAR';
    if (type && type !== t) return 'VARCHAR';
    type = t;
  }
  return type ?? 'VARCHAR';
}

/** The text a sheet cell shows for a VARCHAR column. */
const asText = (v: Cell): string => (v instanceof Date ? v.toISOString() : typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v));

/** Creates table `name` with the headers as column names and appends every row (blank cells become NULL). */
export async function loadTable(connection: DuckDBConnection, name: string, headers: readonly string[], rows: readonly Cell[][]): Promise<ColumnType[]> {
  const types = headers.map((_, c) => columnType(rows, c));
  const quote = (s: string): string => `"${s.replace(/"/g, '""')}"`;
  await connection.run(`CREATE OR REPLACE TABLE ${quote(name)} (${headers.map((h, c) => `${quote(h)} ${types[c]}`).join(', ')})`);
  const appender = await connection.createAppender(name);
  for (const row of rows) {
    types.forEach((type, c) => {
      const v = row[c];
      if (isBlank(v) || v === undefined) appender.appendNull();
      else if (type === 'TIMESTAMPTZ') appender.appendTimestampTZ(new DuckDBTimestampTZValue(BigInt((v as Date).getTime()) * BigInt(1000)));
      else if (type === 'DOUBLE') appender.appendDouble(v as number);
      else appender.appendVarchar(asText(v));
    });
    appender.endRow();
  }
  appender.closeSync();
  return types;
}

/** One row of the summary's long table. */
export interface LongRow {
  period: string | null;
  segment: string | null;
  metric: string;
  value: number | null;
  n: number;
}

/** Runs a summary query and reads its long table. */
export async function readLongTable(connection: DuckDBConnection, sql: string): Promise<LongRow[]> {
  const reader = await connection.runAndReadAll(sql);
  return reader.getRowObjectsJS().map((r) => ({
    period: r.period as string | null, segment: r.segment as string | null, metric: r.metric as string,
    value: r.value === null ? null : Number(r.value), n: Number(r.n),
  }));
}

/** A section's rows of the long table as the finisher reads them (the row key in the segment column, NULLs as blanks). */
export const sectionRows = (rows: readonly LongRow[]): SectionRow[] =>
  rows.map((r) => ({ period: r.period ?? undefined, key: r.segment ?? undefined, value: r.value ?? '', n: r.n }));
