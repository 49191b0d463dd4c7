// The in-memory workbook's data-source tables: where they sit and how a result replaces the last one (no Node APIs).

import { parseA1 } from '../../core/a1';
import type { CellValue, GridRange, WarehouseEngine, WarehouseQuery } from './workbook';

/** The part of a sheet a data-source table lives in (MemorySheet has it). */
interface TableSheet {
  values: CellValue[][];
  formulas: string[];
  maxRows: number;
  maxColumns: number;
  warehouseTables: MemoryWarehouseTable[];
}

/** A data-source table on a sheet: its header row sits at `anchor`; `written` is the extent of its last result. */
export interface MemoryWarehouseTable {
  anchor: { row: number; column: number };
  query: WarehouseQuery;
  written?: { rows: number; columns: number };
}

/** Runs a warehouse query (the workbench: DuckDB): its result, header row first, or an Error with the engine's message. */
export type WarehouseRunner = (q: { engine: WarehouseEngine; billingProject?: string; sql: string; parameters: Record<string, CellValue> }) => CellValue[][];

/** "B2" (or "'Data 1'!B2", "$B$2") as a one-cell range. */
export function cellOf(a1: string): GridRange {
  const r = parseA1(a1.replace(/^.*!/, ''));
  if (!r || r.rows !== 1 || r.columns !== 1) throw new Error(`Range not found: ${a1}`);
  return { row: r.row, column: r.column, rows: 1, columns: 1 };
}

export function tableAt(s: TableSheet, anchor: { row: number; column: number }): MemoryWarehouseTable | undefined {
  return s.warehouseTables.find((t) => t.anchor.row === anchor.row && t.anchor.column === anchor.column);
}

/** Clears the table's last result and writes `values` at its anchor as they are (typed, never parsed), growing the grid. */
export function writeResult(s: TableSheet, table: MemoryWarehouseTable, values: CellValue[][]): void {
  const { row, column } = table.anchor;
  const clear = (rows: number, columns: number): void => {
    for (let i = 0; i < rows; i++) {
      const cells = s.values[row - 1 + i];
      if (cells) for (let j = 0; j < columns; j++) if (column - 1 + j < cells.length) cells[column - 1 + j] = '';
    }
  };
  if (table.written) clear(table.written.rows, table.written.columns);
  const rows = values.length;
  const columns = values.reduce((widest, r) => Math.max(widest, r.length), 0);
  s.maxRows = Math.max(s.maxRows, row + rows - 1);
  s.maxColumns = Math.max(s.maxColumns, column + columns - 1);
  const inTable = (key: string): boolean => {
    const [y, x] = key.split(',').map(Number);
    return y >= row && y < row + rows && x >= column && x < column + columns;
  };
  s.formulas = s.formulas.filter((k) => !inTable(k));
  values.forEach((cells, i) => {
    const target = (s.values[row - 1 + i] ??= []);
    for (let j = 0; j < columns; j++) {
      const v = cells[j];
      target[column - 1 + j] = v === undefined || v === null ? '' : v instanceof Date ? new Date(v.getTime()) : v;
    }
  });
  table.written = { rows, columns };
}
