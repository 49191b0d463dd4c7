// The simulated Connected Sheets objects: spec builders, DataSource, DataSourceTable, DataExecutionStatus (typed by
// @types/google-apps-script, only the methods the add-on uses; every call counted) and a pluggable warehouse.

import { counted, MODEL, modelOf } from './calls';
import { live, parseA1, type GridRect, type SheetModel, type SimValue } from './model';
import { rangeApi, type SimContext } from './sheet';

type Api<T, K extends keyof T> = Pick<T, K> & { [MODEL]?: unknown };

export interface DataSourceSpecModel {
  projectId: string;
  rawQuery: string;
  parameters: { name: string; sourceCell: string }[];
}

export interface DataSourceModel {
  spec: DataSourceSpecModel;
}

export type ExecutionState = 'NOT_STARTED' | 'RUNNING' | 'SUCCESS' | 'ERROR';

export interface DataSourceTableModel {
  id: number;
  anchor: { row: number; column: number };
  /** The extent of the values it last wrote. */
  written: { rows: number; columns: number };
  source: DataSourceModel;
  /** False for a table made by Range.createDataSourceTable until syncAllColumns(): it shows no columns. */
  syncAll: boolean;
  state: ExecutionState;
  errorMessage: string;
  /** The last answer had more rows than the table holds. */
  truncated?: boolean;
}

/** The query a table runs, as the warehouse gets it: parameters read from their cells at the start of the run. */
export interface SimWarehouseQuery {
  projectId: string;
  sql: string;
  parameters: Record<string, SimValue>;
}

/** The simulated BigQuery: a runner (throw for an engine error), or every run left RUNNING (a timeout). */
export interface SimWarehouse {
  runner?: (q: SimWarehouseQuery) => SimValue[][];
  timesOut: boolean;
  /** The most rows (header included) a data-source table holds; a longer answer is cut there and marked truncated. */
  rowLimit: number;
  /** SpreadsheetApp.enableBigQueryExecution() was called. */
  enabled: boolean;
  /** Queries run, in order (inspection). */
  runs: SimWarehouseQuery[];
  nextTableId: number;
}

export function newWarehouse(): SimWarehouse {
  return { timesOut: false, rowLimit: Infinity, enabled: false, runs: [], nextTableId: 1 };
}

/** "'Data 1'!B2" → the sheet named Data 1 (quotes undoubled) and the cell. */
function sourceCell(ctx: SimContext, ref: string): { sheet: SheetModel; rect: GridRect } {
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!(.+)$/.exec(ref);
  if (!m) throw new Error(`Exception: Invalid parameter cell: ${ref}`);
  const name = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  const sheet = ctx.doc.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`Exception: Invalid parameter cell: ${ref}`);
  return { sheet, rect: parseA1(m[3]) };
}

/** Runs a table's query now (the simulation's executions finish at once, unless the warehouse times out). */
export function execute(ctx: SimContext, s: SheetModel, t: DataSourceTableModel): void {
  const w = ctx.warehouse;
  if (!w.enabled) throw new Error('Exception: BigQuery data source execution is not enabled. Call SpreadsheetApp.enableBigQueryExecution().');
  if (w.timesOut) {
    t.state = 'RUNNING';
    return;
  }
  const parameters: Record<string, SimValue> = {};
  for (const p of t.source.spec.parameters) {
    const { sheet, rect } = sourceCell(ctx, p.sourceCell);
    parameters[p.name] = sheet.values[rect.row - 1]?.[rect.column - 1] ?? '';
  }
  const query = { projectId: t.source.spec.projectId, sql: t.source.spec.rawQuery, parameters };
  w.runs.push(query);
  let values: SimValue[][];
  try {
    if (!w.runner) throw new Error('No warehouse is connected to the simulation');
    values = w.runner(query);
  } catch (e) {
    t.state = 'ERROR';
    t.errorMessage = e instanceof Error ? e.message : String(e);
    return;
  }
  t.truncated = values.length > w.rowLimit;
  values = values.slice(0, w.rowLimit);
  if (!t.syncAll) values = [];
  for (let i = 0; i < t.written.rows; i++) for (let j = 0; j < t.written.columns; j++) {
    const row = s.values[t.anchor.row - 1 + i];
    if (row) row[t.anchor.column - 1 + j] = '';
  }
  const columns = values.reduce((widest, r) => Math.max(widest, r.length), 0);
  s.maxRows = Math.max(s.maxRows, t.anchor.row + values.length - 1);
  s.maxColumns = Math.max(s.maxColumns, t.anchor.column + columns - 1);
  values.forEach((cells, i) => {
    const row = (s.values[t.anchor.row - 1 + i] ??= []);
    for (let j = 0; j < columns; j++) {
      const v = cells[j];
      row[t.anchor.column - 1 + j] = v === undefined || v === null ? '' : v instanceof Date ? new Date(v.getTime()) : v;
      s.formulas.delete(`${t.anchor.row + i},${t.anchor.column + j}`);
    }
  });
  t.written = { rows: values.length, columns };
  t.state = 'SUCCESS';
  t.errorMessage = '';
}

/** SpreadsheetApp.newDataSourceSpec(): the generic builder, then asBigQuery(). */
export function specBuilderApi(ctx: SimContext): unknown {
  const spec: DataSourceSpecModel = { projectId: '', rawQuery: '', parameters: [] };
  const build = (): unknown => counted(ctx.log, 'DataSourceSpec', { [MODEL]: structuredClone(spec) });
  const setParameterFromCell = (name: string, cell: string): void => {
    spec.parameters = [...spec.parameters.filter((p) => p.name !== name), { name, sourceCell: cell }];
  };
  const bigQuery: Api<GoogleAppsScript.Spreadsheet.BigQueryDataSourceSpecBuilder, 'setProjectId' | 'setRawQuery' | 'setParameterFromCell' | 'build'> = {
    setProjectId: (id: string) => ((spec.projectId = id), bigQuery as never),
    setRawQuery: (sql: string) => ((spec.rawQuery = sql), bigQuery as never),
    setParameterFromCell: (name: string, cell: string) => (setParameterFromCell(name, cell), bigQuery as never),
    build: () => build() as never,
  };
  const generic: Api<GoogleAppsScript.Spreadsheet.DataSourceSpecBuilder, 'asBigQuery'> = {
    asBigQuery: () => counted(ctx.log, 'BigQueryDataSourceSpecBuilder', bigQuery) as never,
  };
  return counted(ctx.log, 'DataSourceSpecBuilder', generic);
}

function dataSourceApi(ctx: SimContext, source: DataSourceModel): unknown {
  const api: Api<GoogleAppsScript.Spreadsheet.DataSource, 'updateSpec'> = {
    [MODEL]: source,
    updateSpec: (spec) => {
      source.spec = structuredClone(modelOf<DataSourceSpecModel>(spec, 'spec'));
      // Updating a spec starts the execution of every table using it.
      for (const s of ctx.doc.sheets) for (const t of s.dataSourceTables ?? []) if (t.source === source) execute(ctx, s, t);
      return api as never;
    },
  };
  return counted(ctx.log, 'DataSource', api);
}

function statusApi(ctx: SimContext, t: DataSourceTableModel): unknown {
  const state = t.state;
  const message = t.errorMessage;
  const truncated = !!t.truncated;
  const api: Api<GoogleAppsScript.Spreadsheet.DataExecutionStatus, 'getExecutionState' | 'getErrorMessage' | 'isTruncated'> = {
    getExecutionState: () => state as unknown as GoogleAppsScript.Spreadsheet.DataExecutionState,
    getErrorMessage: () => message,
    isTruncated: () => truncated,
  };
  return counted(ctx.log, 'DataExecutionStatus', api);
}

export function dataSourceTableApi(ctx: SimContext, s: SheetModel, t: DataSourceTableModel): unknown {
  const mine = (): DataSourceTableModel => {
    if (!(live(s).dataSourceTables ?? []).includes(t)) throw new Error('Exception: The data source table has been removed.');
    return t;
  };
  const api: Api<GoogleAppsScript.Spreadsheet.DataSourceTable, 'getRange' | 'getDataSource' | 'refreshData' | 'waitForCompletion' | 'getStatus'> & { syncAllColumns(): unknown } = {
    [MODEL]: t,
    getRange: () => rangeApi(ctx, s, { ...mine().anchor, rows: Math.max(1, t.written.rows), columns: Math.max(1, t.written.columns) }) as never,
    getDataSource: () => dataSourceApi(ctx, mine().source) as never,
    refreshData: () => (execute(ctx, s, mine()), api as never),
    waitForCompletion: () => {
      // Assumed, as Apps Script's reference says: a wait that runs out throws (the execution goes on).
      if (mine().state === 'RUNNING') throw new Error('Exception: Data execution did not complete before the timeout.');
      return statusApi(ctx, t) as never;
    },
    getStatus: () => statusApi(ctx, mine()) as never,
    syncAllColumns: () => ((mine().syncAll = true), api),
  };
  return counted(ctx.log, 'DataSourceTable', api);
}

/** Puts a new table for `source` at the top-left cell of `rect` (Range.createDataSourceTable, insertSheetWithDataSourceTable). */
export function addTable(ctx: SimContext, s: SheetModel, rect: GridRect, source: DataSourceModel, syncAll: boolean): DataSourceTableModel {
  const tables = (live(s).dataSourceTables ??= []);
  if (tables.some((t) => t.anchor.row === rect.row && t.anchor.column === rect.column)) {
    throw new Error('Exception: A data source table already exists at this range.');
  }
  const t: DataSourceTableModel = {
    id: ctx.warehouse.nextTableId++, anchor: { row: rect.row, column: rect.column }, written: { rows: 0, columns: 0 }, source, syncAll,
    state: 'NOT_STARTED', errorMessage: '',
  };
  tables.push(t);
  return t;
}

/** The enum SpreadsheetApp.DataExecutionState, as names. */
export const DATA_EXECUTION_STATES = { DATA_EXECUTION_STATE_UNSUPPORTED: 'DATA_EXECUTION_STATE_UNSUPPORTED', RUNNING: 'RUNNING', SUCCESS: 'SUCCESS', ERROR: 'ERROR', NOT_STARTED: 'NOT_STARTED' } as const;
