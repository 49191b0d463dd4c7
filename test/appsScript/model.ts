// The simulated document's state (sheets, cells, metadata, charts, rules) and the rules Sheets enforces on it.

import type { DataSourceTableModel } from './dataSources';

export type SimValue = string | number | boolean | Date;

export interface GridRect {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

export interface MetadataModel {
  id: number;
  key: string;
  value: string | null;
  /** The sheet it is attached to, or null for the spreadsheet itself. */
  sheet: SheetModel | null;
}

export interface ChartModel {
  id: string;
  type: string;
  ranges: GridRect[];
  options: Record<string, unknown>;
  position: { row: number; column: number; offsetX: number; offsetY: number };
  numHeaders: number;
}

export interface RuleModel {
  ranges: GridRect[];
  condition?: { type: string; values: number[] };
  background?: string;
  fontColor?: string;
  gradient?: { min?: string; max?: string };
}

export interface SheetModel {
  id: number;
  name: string;
  hidden: boolean;
  deleted: boolean;
  maxRows: number;
  maxColumns: number;
  values: SimValue[][];
  formats: string[][];
  /** "row,column" of cells holding a formula. */
  formulas: Set<string>;
  frozenRows: number;
  columnWidths: Record<number, number>;
  rules: RuleModel[];
  /** Text styles and backgrounds set through RangeLists: the A1 range, the property ("fontWeight") and its value. */
  styles?: { a1: string; property: string; value: unknown }[];
  charts: ChartModel[];
  protection?: { description: string; warningOnly: boolean };
  /** Connected Sheets data-source tables (dataSources.ts). */
  dataSourceTables?: DataSourceTableModel[];
}

export interface DocumentModel {
  id: string;
  timeZone: string;
  locale: string;
  sheets: SheetModel[];
  metadata: MetadataModel[];
  activeSheet: SheetModel | undefined;
  nextSheetId: number;
  nextMetadataId: number;
  nextChartId: number;
}

const NUMBER_TEXT = /^[+-]?\d+(\.\d+)?$/;

export function newSheet(doc: DocumentModel, name: string, rows = 1000, columns = 26): SheetModel {
  checkName(doc, name);
  // Sheet ids in Sheets are large, unordered numbers (only the first sheet of a new file has id 0).
  const id = doc.nextSheetId;
  doc.nextSheetId = (doc.nextSheetId * 48271 + 7919) % 2_000_000_011;
  return {
    id, name, hidden: false, deleted: false, maxRows: rows, maxColumns: columns, values: [], formats: [], formulas: new Set(),
    frozenRows: 0, columnWidths: {}, rules: [], charts: [],
  };
}

/** Sheets compares sheet names ignoring case. */
export function checkName(doc: DocumentModel, name: string, except?: SheetModel): void {
  if (!name.trim() || name.length > 100) throw new Error(`Exception: Invalid argument: ${name}`);
  if (doc.sheets.some((s) => s !== except && s.name.toLowerCase() === name.toLowerCase())) {
    throw new Error(`Exception: A sheet with the name "${name}" already exists. Please enter another name.`);
  }
}

export function live(s: SheetModel): SheetModel {
  if (s.deleted) throw new Error('Exception: The sheet you are trying to access has been deleted.');
  return s;
}

export function checkRect(s: SheetModel, r: GridRect): void {
  if (r.row < 1 || r.column < 1 || r.rows < 1 || r.columns < 1) throw new Error('Exception: The starting row or column of the range is too small.');
  if (r.row + r.rows - 1 > s.maxRows || r.column + r.columns - 1 > s.maxColumns) {
    throw new Error('Exception: The coordinates of the range are outside the dimensions of the sheet.');
  }
}

export function checkGrid(grid: unknown[][], r: GridRect, what: string): void {
  if (grid.length !== r.rows) throw new Error(`Exception: The number of rows in the ${what} does not match the number of rows in the range. The ${what} has ${grid.length} but the range has ${r.rows}.`);
  for (const row of grid) {
    if (row.length !== r.columns) {
      throw new Error(`Exception: The number of columns in the ${what} does not match the number of columns in the range. The ${what} has ${row.length} but the range has ${r.columns}.`);
    }
  }
}

/** What Sheets stores for a value written by setValues: text is parsed like typed input unless the cell is plain text. */
export function enter(s: SheetModel, y: number, x: number, value: SimValue | null | undefined): SimValue {
  const key = `${y + 1},${x + 1}`;
  s.formulas.delete(key);
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return new Date(value.getTime());
  if (typeof value !== 'string' || s.formats[y]?.[x] === '@') return value;
  if (value.startsWith("'")) return value.slice(1);
  if (value.startsWith('=') && value.length > 1) {
    s.formulas.add(key);
    return value;
  }
  return NUMBER_TEXT.test(value.trim()) ? Number(value) : value;
}

/** Last row and column holding a non-blank value (getLastRow / getLastColumn). */
export function extent(s: SheetModel): { lastRow: number; lastColumn: number } {
  let lastRow = 0;
  let lastColumn = 0;
  s.values.forEach((row, y) => {
    if (!row) return;
    for (let x = row.length - 1; x >= 0; x--) {
      if (row[x] !== '' && row[x] !== undefined && row[x] !== null) {
        lastRow = y + 1;
        lastColumn = Math.max(lastColumn, x + 1);
        break;
      }
    }
  });
  return { lastRow, lastColumn };
}

export function columnLetters(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

export function a1(r: GridRect): string {
  const start = `${columnLetters(r.column)}${r.row}`;
  return r.rows === 1 && r.columns === 1 ? start : `${start}:${columnLetters(r.column + r.columns - 1)}${r.row + r.rows - 1}`;
}

/** "B2:C9" or "B2" → a rectangle. */
export function parseA1(text: string): GridRect {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(text.replace(/^.*!/, ''));
  if (!m) throw new Error(`Exception: Range not found: ${text}`);
  const col = (l: string): number => [...l].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
  const c1 = col(m[1]);
  const r1 = Number(m[2]);
  const c2 = m[3] ? col(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) : r1;
  return { row: Math.min(r1, r2), column: Math.min(c1, c2), rows: Math.abs(r2 - r1) + 1, columns: Math.abs(c2 - c1) + 1 };
}

/** A deterministic, JSON-able picture of a sheet: everything a user could see or a script could read. */
export function sheetPicture(doc: DocumentModel, s: SheetModel): unknown {
  const cells = (grid: unknown[][]): unknown[] => Array.from(grid, (row) => (row ? Array.from(row, (v) => (v instanceof Date ? { date: v.toISOString() } : v ?? '')) : []));
  const metadata = doc.metadata.filter((m) => m.sheet === s).map((m) => [m.key, m.value]).sort();
  return {
    id: s.id, name: s.name, hidden: s.hidden, index: doc.sheets.indexOf(s), maxRows: s.maxRows, maxColumns: s.maxColumns,
    values: cells(s.values), formats: cells(s.formats), formulas: [...s.formulas].sort(), frozenRows: s.frozenRows,
    columnWidths: s.columnWidths, rules: s.rules, charts: s.charts.map(({ id: _id, ...c }) => c), protection: s.protection ?? null, metadata,
    ...(s.dataSourceTables?.length ? { dataSourceTables: s.dataSourceTables.map((t) => ({ anchor: t.anchor, spec: t.source.spec, syncAll: t.syncAll })) } : {}),
  };
}
