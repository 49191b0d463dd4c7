// The workbench's warehouse: DuckDB runs data-source tables' queries, over CSV and Parquet files the user names; the
// sample tables are written as such files (under .workbench/warehouse/) so the warehouse path can be tried at once.

import fs from 'node:fs';
import path from 'node:path';
import { sampleTables } from '../../src/core/sample/generate';
import type { WarehouseRunner } from '../../src/server/sheets/inMemory';
import type { CellValue } from '../../src/server/sheets/workbook';
import { DUCKDB } from '../../src/warehouse/duckdb';
import { runDuckdbSync } from '../warehouse/duckdbSync';

/** Runs a DuckDB query; it reads only the existing .csv/.parquet files it names (see scripts/warehouse/). */
export const workbenchWarehouse: WarehouseRunner = (q) => {
  if (q.engine !== 'duckdb') throw new Error(`The workbench runs DuckDB queries, not ${q.engine} ones.`);
  return runDuckdbSync(q.sql, q.parameters);
};

const MIDNIGHT = /T00:00:00\.000Z$/;

/** One CSV field: dates as ISO text (a column of midnights as days), text quoted when it must be (RFC 4180). */
function field(v: CellValue | undefined, days: boolean): string {
  if (v === undefined || v === '') return '';
  if (v instanceof Date) return days ? v.toISOString().slice(0, 10) : v.toISOString().replace('T', ' ').replace(/\.000Z$|Z$/, '');
  const text = String(v);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A table as CSV text: the header row, then the rows. */
export function csvText(headers: readonly string[], rows: readonly CellValue[][]): string {
  const days = headers.map((_, c) => rows.every((r) => !(r[c] instanceof Date) || MIDNIGHT.test((r[c] as Date).toISOString())));
  const lines = [headers.map((h) => field(h, false)).join(',')];
  for (const r of rows) lines.push(headers.map((_, c) => field(r[c], days[c])).join(','));
  return `${lines.join('\n')}\n`;
}

const fileName = (table: string): string => table.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/**
 * Writes every sample table as `<name>.csv` in `dir`, and the first one also as `<name>.parquet` (written by DuckDB);
 * returns the files' absolute paths.
 */
export function writeSampleWarehouse(dir: string, rows: number, seed: number, end: number): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  const tables = sampleTables({ rows, seed, dates: 'date', end });
  for (const t of tables) {
    const csv = path.resolve(dir, `${fileName(t.name)}.csv`);
    fs.writeFileSync(csv, csvText(t.headers, t.rows as CellValue[][]));
    files.push(csv);
  }
  const first = files[0];
  const parquet = first.replace(/\.csv$/, '.parquet');
  runDuckdbSync(`COPY (SELECT * FROM read_csv(${DUCKDB.text(first)})) TO ${DUCKDB.text(parquet)} (FORMAT parquet)`, {}, { access: 'any' });
  files.push(parquet);
  return files;
}
