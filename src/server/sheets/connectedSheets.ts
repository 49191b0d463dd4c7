// Data-source tables through Connected Sheets (BigQuery): build a spec, put or re-point a table at an anchor, refresh
// it and read its values. Every API name here is in @types/google-apps-script 2.0.13, except syncAllColumns (below).

import { quoteSheetName } from '../../core/a1';
import type { ServiceCalls } from './serviceCalls';
import type { CellValue, WarehouseQuery, WarehouseRun } from './workbook';

type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type DataSourceTable = GoogleAppsScript.Spreadsheet.DataSourceTable;
type DataSourceSpec = GoogleAppsScript.Spreadsheet.DataSourceSpec;

/**
 * DataSourceTable.syncAllColumns() ("sync all current and future columns") is in Apps Script's reference but not in
 * @types 2.0.13: it is called only where it exists, and the self-test must confirm a new table shows its columns.
 */
type SyncingTable = DataSourceTable & { syncAllColumns?: () => DataSourceTable };

/** waitForCompletion's longest wait (Apps Script's documented maximum). */
export const MAX_WAIT_SECONDS = 300;

/** "'Data 1'!B2": a cell on the sheet, its name quoted as Sheets writes it (quotes doubled). */
export function cellOnSheet(sheetName: string, cell: string): string {
  return `${quoteSheetName(sheetName)}!${cell.replace(/^.*!/, '')}`;
}

export class ConnectedSheets {
  private enabled = false;
  /** Tables whose spec this execution updated: updateSpec already started their run (BigQuery bills each run). */
  private readonly running = new WeakMap<Sheet, Set<string>>();

  constructor(private readonly calls: ServiceCalls, private readonly app: () => App, private readonly ss: () => Spreadsheet) {}

  /** BigQuery execution is off in an add-on until it asks (once per execution). */
  private enable(): void {
    if (this.enabled) return;
    this.calls.retried(() => this.app().enableBigQueryExecution());
    this.enabled = true;
  }

  /** The BigQuery spec of `query`: billing project, raw SQL, each parameter read from its cell on `sheetName`. */
  private spec(sheetName: string, query: WarehouseQuery): DataSourceSpec {
    if (query.engine !== 'bigquery') throw new Error(`Connected Sheets runs BigQuery, not ${query.engine}`);
    if (!query.billingProject) throw new Error('A BigQuery data source needs a billing project');
    const app = this.app();
    // Building changes nothing until the spec is used: safe to repeat.
    return this.calls.retried(() => {
      let b = app.newDataSourceSpec().asBigQuery().setProjectId(query.billingProject!).setRawQuery(query.sql);
      for (const p of query.parameters) b = b.setParameterFromCell(p.name, cellOnSheet(sheetName, p.cell));
      return b.build();
    });
  }

  /** The data-source table whose range starts at `anchor`, if any. */
  tableAt(sheet: Sheet, anchor: { row: number; column: number }): DataSourceTable | undefined {
    const tables = this.calls.retried(() => sheet.getDataSourceTables());
    return tables.find((t) => this.calls.retried(() => {
      const r = t.getRange();
      return r.getRow() === anchor.row && r.getColumn() === anchor.column;
    }));
  }

  /**
   * Re-points the table at `anchor` (DataSource.updateSpec), or creates one there: a data source exists only with an
   * object using it, so the spec goes into a table on a scratch sheet (insertSheetWithDataSourceTable), its data source
   * into a table at the anchor (Range.createDataSourceTable), and the scratch sheet is deleted.
   */
  setTable(sheet: Sheet, anchor: { row: number; column: number }, query: WarehouseQuery): void {
    this.enable();
    const name = this.calls.retried(() => sheet.getName());
    const spec = this.spec(name, query);
    const existing = this.tableAt(sheet, anchor);
    if (existing) {
      this.calls.retried(() => existing.getDataSource().updateSpec(spec));
      // "Updates the data source spec and refreshes the linked data source objects": the refresh only waits for it.
      const started = this.running.get(sheet) ?? new Set<string>();
      this.running.set(sheet, started.add(`${anchor.row},${anchor.column}`));
      return;
    }
    const ss = this.ss();
    const active = this.calls.retried(() => ss.getActiveSheet());
    const scratch = this.calls.once(() => ss.insertSheetWithDataSourceTable(spec));
    const creating = { failed: true };
    try {
      const source = this.calls.retried(() => scratch.getDataSourceTables()[0].getDataSource());
      const table = this.calls.once(() => sheet.getRange(anchor.row, anchor.column).createDataSourceTable(source)) as SyncingTable;
      if (typeof table.syncAllColumns === 'function') this.calls.retried(() => table.syncAllColumns!());
      creating.failed = false;
    } finally {
      // A failed clean-up must not hide why the table could not be made (that error is already on its way out).
      try {
        this.calls.once(() => ss.deleteSheet(scratch));
        if (active) this.calls.retried(() => active.activate());
      } catch (cleanUp) {
        if (!creating.failed) throw cleanUp;
      }
    }
  }

  /** Refreshes the table at `anchor`, waits, and answers its values, a timeout, or the engine's error. */
  refresh(sheet: Sheet, anchor: { row: number; column: number }, timeoutSeconds: number): WarehouseRun {
    this.enable();
    const table = this.tableAt(sheet, anchor);
    if (!table) throw new Error(`There is no data-source table at row ${anchor.row}, column ${anchor.column}`);
    const wait = Math.max(1, Math.min(MAX_WAIT_SECONDS, Math.round(timeoutSeconds)));
    // A run updateSpec started in this execution is waited for, not started again (a second billed BigQuery job).
    if (!this.running.get(sheet)?.delete(`${anchor.row},${anchor.column}`)) this.calls.retried(() => table.refreshData());
    try {
      this.calls.retried(() => table.waitForCompletion(wait));
    } catch (e) {
      // A wait that runs out may throw rather than answer RUNNING: the status says which it was.
      if (!running(this.calls.retried(() => table.getStatus().getExecutionState()))) throw e;
    }
    const status = this.calls.retried(() => table.getStatus());
    const state = String(this.calls.retried(() => status.getExecutionState()));
    if (running(state)) return { state: 'timeout' };
    if (state === 'ERROR') return { state: 'failed', message: this.calls.retried(() => status.getErrorMessage()) || 'BigQuery reported an error' };
    if (state !== 'SUCCESS') return { state: 'failed', message: `Connected Sheets answered ${state}` };
    if (this.calls.retried(() => status.isTruncated())) return { state: 'truncated' };
    const values = this.calls.retried(() => table.getRange().getValues()) as CellValue[][];
    return { state: 'done', values };
  }
}

function running(state: unknown): boolean {
  return String(state) === 'RUNNING' || String(state) === 'NOT_STARTED';
}
