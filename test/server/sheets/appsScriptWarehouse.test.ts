// AppsScriptWorkbook's data-source tables on the Apps Script simulation: set, re-point, refresh, timeout, failure.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runDuckdbSync } from '../../../scripts/warehouse/duckdbSync';
import { cellOnSheet } from '../../../src/server/sheets/connectedSheets';
import { AppsScriptWorkbook } from '../../../src/server/sheets/appsScript';
import type { WarehouseQuery } from '../../../src/server/sheets/workbook';
import { AppsScriptSimulation } from '../../appsScript/simulation';

const QUERY: WarehouseQuery = {
  engine: 'bigquery', billingProject: 'billing-1', sql: 'SELECT @segment AS segment',
  parameters: [{ name: 'from', cell: 'B1' }, { name: 'segment', cell: 'B2' }],
};
const AT = { row: 4, column: 1 };

function setUp(name = "Data 1"): { sim: AppsScriptSimulation; wb: AppsScriptWorkbook; id: number } {
  const sim = new AppsScriptSimulation({ sheets: [{ name: 'Other' }, { name, values: [['From', '2025-01-01'], ['Segment', 'SMB']] }] });
  sim.warehouse.runner = (q) => [['period', 'segment', 'value'], ['2025-01', q.parameters.segment, 3]];
  const wb = new AppsScriptWorkbook(sim.services(), { sleep: (ms) => sim.slept.push(ms) });
  return { sim, wb, id: sim.sheet(name)!.id };
}

const labels = (sim: AppsScriptSimulation): string[] => sim.calls.map((c) => `${c.type}.${c.method}`);

describe('AppsScriptWorkbook data-source tables', () => {
  it('names parameter cells with their sheet, quoted as Sheets writes it', () => {
    expect(cellOnSheet('Data 1', 'B2')).toBe("'Data 1'!B2");
    expect(cellOnSheet("Bob's data", 'C3')).toBe("'Bob''s data'!C3");
  });

  it('creates a table at the anchor from a BigQuery spec, with parameters read from cells of its sheet', () => {
    const { sim, wb, id } = setUp("Bob's data");
    wb.setWarehouseTable(id, AT, QUERY);
    const tables = sim.sheet(id)!.dataSourceTables!;
    expect(tables.map((t) => ({ anchor: t.anchor, spec: t.source.spec, syncAll: t.syncAll }))).toEqual([{
      anchor: AT, syncAll: true,
      spec: { projectId: 'billing-1', rawQuery: QUERY.sql, parameters: [{ name: 'from', sourceCell: "'Bob''s data'!B1" }, { name: 'segment', sourceCell: "'Bob''s data'!B2" }] },
    }]);
    // The scratch sheet that carried the spec is gone, and the user's sheet is active again.
    expect(sim.sheets.map((s) => s.name)).toEqual(['Other', "Bob's data"]);
    expect(sim.activeSheetId).toBe(sim.sheet('Other')!.id);
    expect(labels(sim)).toEqual(expect.arrayContaining([
      'SpreadsheetApp.enableBigQueryExecution', 'SpreadsheetApp.newDataSourceSpec', 'DataSourceSpecBuilder.asBigQuery',
      'BigQueryDataSourceSpecBuilder.setProjectId', 'BigQueryDataSourceSpecBuilder.setRawQuery', 'BigQueryDataSourceSpecBuilder.setParameterFromCell',
      'BigQueryDataSourceSpecBuilder.build', 'Sheet.getDataSourceTables', 'Spreadsheet.insertSheetWithDataSourceTable', 'DataSourceTable.getDataSource',
      'Range.createDataSourceTable', 'DataSourceTable.syncAllColumns', 'Spreadsheet.deleteSheet',
    ]));
  });

  it('refreshes: the values at the anchor, header row first', () => {
    const { sim, wb, id } = setUp();
    wb.setWarehouseTable(id, AT, QUERY);
    sim.resetCalls();
    expect(wb.refreshWarehouseTable(id, AT, 60)).toEqual({ state: 'done', values: [['period', 'segment', 'value'], ['2025-01', 'SMB', 3]] });
    expect(sim.warehouse.runs.at(-1)).toEqual({ projectId: 'billing-1', sql: QUERY.sql, parameters: { from: '2025-01-01', segment: 'SMB' } });
    expect(labels(sim)).toEqual(expect.arrayContaining(['DataSourceTable.refreshData', 'DataSourceTable.waitForCompletion', 'DataExecutionStatus.getExecutionState', 'Range.getValues']));
    expect(JSON.parse(sim.picture(id)).values[4]).toEqual(['2025-01', 'SMB', 3]);
  });

  it('re-points the table already anchored there instead of adding one', () => {
    const { sim, wb, id } = setUp();
    wb.setWarehouseTable(id, AT, QUERY);
    sim.resetCalls();
    wb.setWarehouseTable(id, AT, { ...QUERY, sql: 'SELECT 2 AS two', parameters: [] });
    const tables = sim.sheet(id)!.dataSourceTables!;
    expect(tables).toHaveLength(1);
    expect(tables[0].source.spec).toEqual({ projectId: 'billing-1', rawQuery: 'SELECT 2 AS two', parameters: [] });
    expect(labels(sim)).toContain('DataSource.updateSpec');
    expect(labels(sim)).not.toContain('Spreadsheet.insertSheetWithDataSourceTable');
  });

  it('runs a re-pointed table once: updateSpec starts the run, the refresh waits for it', () => {
    const { sim, wb, id } = setUp();
    wb.setWarehouseTable(id, AT, QUERY);
    expect(wb.refreshWarehouseTable(id, AT, 60).state).toBe('done');
    const before = sim.warehouse.runs.length;
    wb.setWarehouseTable(id, AT, QUERY);
    const run = wb.refreshWarehouseTable(id, AT, 60);
    expect(run).toEqual({ state: 'done', values: [['period', 'segment', 'value'], ['2025-01', 'SMB', 3]] });
    expect(sim.warehouse.runs.length - before).toBe(1);
    // A later refresh of the same table (nothing re-pointed in between) starts its own run.
    wb.refreshWarehouseTable(id, AT, 60);
    expect(sim.warehouse.runs.length - before).toBe(2);
  });

  it('answers timeout when the run is still going when the wait ends', () => {
    const { sim, wb, id } = setUp();
    wb.setWarehouseTable(id, AT, QUERY);
    sim.warehouse.timesOut = true;
    expect(wb.refreshWarehouseTable(id, AT, 1)).toEqual({ state: 'timeout' });
  });

  it('answers truncated when the answer has more rows than a data-source table holds', () => {
    const { sim, wb, id } = setUp();
    wb.setWarehouseTable(id, AT, QUERY);
    sim.warehouse.rowLimit = 1;
    expect(wb.refreshWarehouseTable(id, AT, 30)).toEqual({ state: 'truncated' });
    sim.warehouse.rowLimit = Infinity;
    expect(wb.refreshWarehouseTable(id, AT, 30).state).toBe('done');
  });

  it('answers failed with BigQuery\'s message', () => {
    const { sim, wb, id } = setUp();
    wb.setWarehouseTable(id, AT, QUERY);
    sim.warehouse.runner = () => {
      throw new Error('Access Denied: Table p.d.t: User does not have permission');
    };
    expect(wb.refreshWarehouseTable(id, AT, 30)).toEqual({ state: 'failed', message: 'Access Denied: Table p.d.t: User does not have permission' });
  });

  it('throws when no table is anchored there, and refuses a DuckDB query', () => {
    const { wb, id } = setUp();
    expect(() => wb.refreshWarehouseTable(id, AT, 30)).toThrow(/no data-source table/);
    expect(() => wb.setWarehouseTable(id, AT, { ...QUERY, engine: 'duckdb' })).toThrow(/BigQuery, not duckdb/);
  });

  it('retries a refresh that meets a service error', () => {
    const { sim, wb, id } = setUp();
    wb.setWarehouseTable(id, AT, QUERY);
    sim.resetCalls();
    let failed = 0;
    sim.fail({ when: (c) => c.method === 'refreshData' && failed++ === 0 });
    expect(wb.refreshWarehouseTable(id, AT, 30).state).toBe('done');
    expect(sim.slept.length).toBeGreaterThan(0);
  });

  it('runs DuckDB SQL through the simulation when its runner is DuckDB', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sim-duckdb-'));
    try {
      const csv = path.join(dir, 'deals.csv');
      fs.writeFileSync(csv, 'closed,amount\n2024-12-30,100\n2025-01-02,250\n');
      const { sim, wb, id } = setUp();
      sim.warehouse.runner = (q) => runDuckdbSync(q.sql, q.parameters);
      wb.setWarehouseTable(id, AT, { ...QUERY, sql: `SELECT sum(amount) AS total FROM '${csv}' WHERE CAST(closed AS DATE) >= $from`, parameters: [{ name: 'from', cell: 'B1' }] });
      expect(wb.refreshWarehouseTable(id, AT, 30)).toEqual({ state: 'done', values: [['total'], [250]] });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads the spreadsheet locale only when asked, and says the engine is BigQuery', () => {
    const { sim, wb } = setUp();
    const env = wb.environment();
    expect(labels(sim)).not.toContain('Spreadsheet.getSpreadsheetLocale');
    expect(env.warehouse).toBe('bigquery');
    expect(env.spreadsheetLocale).toBe('en_US');
    expect(labels(sim).filter((l) => l === 'Spreadsheet.getSpreadsheetLocale')).toHaveLength(1);
  });
});
