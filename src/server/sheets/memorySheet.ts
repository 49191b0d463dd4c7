// One in-memory sheet's state and the checks Apps Script makes on it (bounds, shapes, names), for InMemoryWorkbook.

import type { CellStyle, CellValue, ChartSpec, ColourRule, GridRange, SheetSummary } from './workbook';
import type { MemoryWarehouseTable } from './memoryWarehouse';

/** One sheet's state, open for the workbench to draw and for tests to compare. */
export interface MemorySheet {
  id: number;
  name: string;
  hidden: boolean;
  maxRows: number;
  maxColumns: number;
  /** Rows of cells; missing cells read as "". */
  values: CellValue[][];
  formats: string[][];
  /** "row,column" of cells holding a formula (a string starting with "=" written into a non-text cell). */
  formulas: string[];
  frozenRows: number;
  columnWidths: Record<number, number>;
  colourRules: ColourRule[];
  /** Text styles and backgrounds, in the order they were set. */
  styles: CellStyle[];
  protection?: { description: string; warningOnly: boolean };
  charts: ChartSpec[];
  tags: Record<string, string>;
  /** Data-source tables (issue 12): each one's anchor, query and the size of the result it last wrote. */
  warehouseTables: MemoryWarehouseTable[];
}

/** What listSheets answers for a sheet. */
export function summaryOf(s: MemorySheet): SheetSummary {
  const { lastRow, lastColumn } = extent(s);
  return { id: s.id, name: s.name, hidden: s.hidden, lastRow, lastColumn, tags: { ...s.tags } };
}

/** Last row and column holding a non-blank value. */
export function extent(s: MemorySheet): { lastRow: number; lastColumn: number } {
  let lastRow = 0;
  let lastColumn = 0;
  s.values.forEach((row, y) => {
    if (!row) return;
    for (let x = row.length - 1; x >= 0; x--) {
      const v = row[x];
      if (v !== '' && v !== undefined && v !== null) {
        lastRow = y + 1;
        if (x + 1 > lastColumn) lastColumn = x + 1;
        break;
      }
    }
  });
  return { lastRow, lastColumn };
}

/** Throws Apps Script's error for a range outside the sheet. */
export function checkBounds(s: MemorySheet, r: GridRange): void {
  if (r.row < 1 || r.column < 1 || r.rows < 1 || r.columns < 1) throw new Error('The starting row or column of the range is too small.');
  if (r.row + r.rows - 1 > s.maxRows || r.column + r.columns - 1 > s.maxColumns) {
    throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
  }
}

/** Throws Apps Script's error for values whose shape is not the range's. */
export function checkShape(grid: unknown[][], rows: number, columns: number, what: string): void {
  if (grid.length !== rows) throw new Error(`The number of rows in the ${what} does not match the number of rows in the range. The ${what} has ${grid.length} but the range has ${rows}.`);
  for (const row of grid) {
    if (row.length !== columns) {
      throw new Error(`The number of columns in the ${what} does not match the number of columns in the range. The ${what} has ${row.length} but the range has ${columns}.`);
    }
  }
}

/** Throws Apps Script's error for a blank, too long or taken sheet name. */
export function checkName(sheets: MemorySheet[], name: string): void {
  if (!name.trim() || name.length > 100) throw new Error(`Invalid sheet name: ${name}`);
  const lower = name.toLowerCase();
  if (sheets.some((s) => s.name.toLowerCase() === lower)) {
    throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
  }
}

/** A sheet as plain data (dates as ISO text, formulas sorted), for snapshots that compare two workbooks. */
export function sheetPicture(s: MemorySheet): unknown {
  const cells = (grid: unknown[][]): unknown[] =>
    grid.map((row) => (row ? row.map((v) => (v instanceof Date ? { date: v.toISOString() } : v ?? '')) : []));
  return { ...s, values: cells(s.values), formats: cells(s.formats), formulas: [...s.formulas].sort() };
}
