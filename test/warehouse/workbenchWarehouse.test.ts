// The workbench's warehouse: sample tables written as CSV and Parquet that DuckDB reads back, the DuckDB runner on the
// workbench's workbook, and data-source tables kept in the state file (older state files still load).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseState, stateText } from '../../scripts/workbench/state';
import { csvText, workbenchWarehouse, writeSampleWarehouse } from '../../scripts/workbench/warehouse';
import { runDuckdbSync } from '../../scripts/warehouse/duckdbSync';
import { WorkbenchModel } from '../../scripts/workbench/model';
import { sampleTables } from '../../src/core/sample/generate';
import { InMemoryWorkbook } from '../../src/server/sheets/inMemory';
import { DUCKDB } from '../../src/warehouse/duckdb';

const END = Date.UTC(2025, 11, 31);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'workbench-warehouse-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the sample warehouse files', () => {
  const files = writeSampleWarehouse(dir, 50, 7, END);

  it('writes every sample table as CSV and the first also as Parquet, with absolute paths', () => {
    const tables = sampleTables({ rows: 50, seed: 7, dates: 'date', end: END });
    expect(files).toHaveLength(tables.length + 1);
    expect(files.every((f) => path.isAbsolute(f) && fs.existsSync(f))).toBe(true);
    expect(files.at(-1)).toMatch(/surveys\.parquet$/);
  });

  it('reads back in DuckDB with the rows, dates as dates and the same counts in CSV and Parquet', () => {
    const surveys = sampleTables({ rows: 50, seed: 7, dates: 'date', end: END })[0];
    const count = (f: string): unknown => runDuckdbSync(`SELECT count(*) AS n, min("Date") AS first FROM ${DUCKDB.table(f)}`)[1];
    const first = new Date(Math.min(...surveys.rows.map((r) => (r[0] as Date).getTime())));
    expect(count(files[0])).toEqual([surveys.rows.length, first]);
    expect(count(files.at(-1)!)).toEqual([surveys.rows.length, first]);
  });

  it('writes CSV text with quotes where needed, days for midnight columns and timestamps otherwise', () => {
    expect(csvText(['a', 'b "x"', 'c'], [[new Date(Date.UTC(2025, 0, 2)), 'x,y', new Date(Date.UTC(2025, 0, 2, 13, 5))], ['', 3, '']]))
      .toBe('a,"b ""x""",c\n2025-01-02,"x,y",2025-01-02 13:05:00\n,3,\n');
  });
});

describe('the workbench runner', () => {
  it('runs DuckDB queries for the workbook and refuses BigQuery ones', () => {
    const wb = new InMemoryWorkbook([{ name: 'Data', values: [['From', '2025-01-01']] }]);
    wb.warehouseRunner = workbenchWarehouse;
    const id = wb.sheets[0].id;
    wb.setWarehouseTable(id, { row: 3, column: 1 }, { engine: 'duckdb', sql: 'SELECT CAST($from AS DATE) + 1 AS next', parameters: [{ name: 'from', cell: 'B1' }] });
    expect(wb.refreshWarehouseTable(id, { row: 3, column: 1 }, 30)).toEqual({ state: 'done', values: [['next'], [new Date(Date.UTC(2025, 0, 2))]] });
    wb.setWarehouseTable(id, { row: 3, column: 1 }, { engine: 'bigquery', billingProject: 'p', sql: 'SELECT 1', parameters: [] });
    expect(wb.refreshWarehouseTable(id, { row: 3, column: 1 }, 30)).toEqual({ state: 'failed', message: 'The workbench runs DuckDB queries, not bigquery ones.' });
  });
});

describe('data-source tables in the state file', () => {
  it('come back from the saved text, and a state file from before them loads with none', () => {
    const wb = new InMemoryWorkbook([{ name: 'Data' }]);
    wb.spreadsheetLocale = 'de_DE';
    const query = { engine: 'duckdb' as const, sql: 'SELECT 1 AS one', parameters: [{ name: 'from', cell: 'B1' }] };
    wb.setWarehouseTable(wb.sheets[0].id, { row: 4, column: 2 }, query);
    const text = stateText(new WorkbenchModel(wb, {}));
    const back = parseState(text).workbook;
    expect(back.sheets[0].warehouseTables).toEqual([{ anchor: { row: 4, column: 2 }, query }]);
    expect(back.spreadsheetLocale).toBe('de_DE');

    const old = JSON.parse(text) as { sheets: Record<string, unknown>[]; spreadsheetLocale?: string };
    for (const s of old.sheets) delete s.warehouseTables;
    delete old.spreadsheetLocale;
    const loaded = parseState(JSON.stringify(old)).workbook;
    expect(loaded.sheets[0].warehouseTables).toEqual([]);
    expect(loaded.environment().spreadsheetLocale).toBe(loaded.locale);
  });
});
