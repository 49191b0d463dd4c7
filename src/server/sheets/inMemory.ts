// An in-memory Workbook that behaves like Apps Script where it matters, counts its calls and can fail on purpose.
// Runs in Node and in the browser (the workbench): no Node APIs here.

import type {
  Block, CellStyle, CellValue, ChartSpec, ColourRule, GridRange, NewSheetOptions, SheetSummary, Tag, WarehouseQuery, WarehouseRun, Workbook,
  WorkbookEnvironment,
} from './workbook';
import { cellOf, tableAt, writeResult, type WarehouseRunner } from './memoryWarehouse';
import { checkBounds, checkName, checkShape, extent, sheetPicture, summaryOf, type MemorySheet } from './memorySheet';
import { WRITE_METHODS } from './workbook';

export type { MemoryWarehouseTable, WarehouseRunner } from './memoryWarehouse';
export type { MemorySheet } from './memorySheet';

const DEFAULT_ROWS = 1000;
const DEFAULT_COLUMNS = 26;
const NUMBER_TEXT = /^[+-]?\d+(\.\d+)?$/;

export class InMemoryWorkbook implements Workbook {
  sheets: MemorySheet[] = [];
  properties: Record<string, string> = {};
  locale = 'en_US';
  timeZone = 'UTC';
  activeSheetId = 0;
  selection: { sheetId: number; ranges: GridRange[] } | undefined;
  /** Calls received, by method. */
  calls: Partial<Record<keyof Workbook, number>> = {};
  /** Write calls received so far (see WRITE_METHODS). */
  writes = 0;
  /** When set, the write call with this 1-based number throws (and does nothing). */
  failAtWrite: number | undefined;
  /** When true, tryLock fails as if another user held the document lock. */
  lockedByOther = false;
  /** Runs data-source tables' queries (the workbench sets DuckDB's); without it a refresh fails with a message. */
  warehouseRunner: WarehouseRunner | undefined;
  /** When true, every refresh of a data-source table answers timeout (tests). */
  warehouseTimesOut = false;
  /** The most rows (header included) a data-source table holds; a longer answer is truncated (tests). */
  warehouseRowLimit = Infinity;
  /** The spreadsheet's own locale (File → Settings); undefined = the same as `locale`. */
  spreadsheetLocale: string | undefined;
  private locked = false;
  private nextId = 0;

  constructor(sheets: { name: string; values?: CellValue[][] }[] = [{ name: 'Sheet1' }]) {
    for (const s of sheets) this.addSheet(s.name, s.values ?? []);
  }

  // ----- set-up and inspection (not counted) -----

  /** Adds a sheet with values, outside the counted interface (test and workbench set-up). */
  addSheet(name: string, values: CellValue[][] = [], hidden = false): MemorySheet {
    const sheet: MemorySheet = {
      id: this.nextId++, name, hidden, maxRows: Math.max(DEFAULT_ROWS, values.length),
      maxColumns: values.reduce((widest, r) => Math.max(widest, r.length), DEFAULT_COLUMNS), values: values.map((r) => r.slice()),
      formats: [], formulas: [], frozenRows: 0, columnWidths: {}, colourRules: [], styles: [], charts: [], tags: {}, warehouseTables: [],
    };
    this.sheets.push(sheet);
    return sheet;
  }

  sheetByName(name: string): MemorySheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  sheetById(id: number): MemorySheet | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  /** Total calls received. */
  totalCalls(): number {
    return Object.values(this.calls).reduce((a, b) => a + (b ?? 0), 0);
  }

  resetCounts(): void {
    this.calls = {};
    this.writes = 0;
  }

  /** A deterministic picture of everything (sheets in order, properties), for "nothing changed" checks. */
  snapshot(): string {
    const props = Object.keys(this.properties).sort().map((k) => [k, this.properties[k]]);
    return JSON.stringify({ sheets: this.sheets.map(sheetPicture), props });
  }

  // ----- the counted interface -----

  private count(method: keyof Workbook): void {
    this.calls[method] = (this.calls[method] ?? 0) + 1;
    if (WRITE_METHODS.includes(method)) {
      this.writes++;
      if (this.writes === this.failAtWrite) throw new Error(`Injected failure at write ${this.writes} (${method})`);
    }
  }

  private sheet(id: number): MemorySheet {
    const s = this.sheetById(id);
    if (!s) throw new Error(`Sheet ${id} not found`);
    return s;
  }

  environment(): WorkbookEnvironment {
    this.count('environment');
    const env: WorkbookEnvironment = { locale: this.locale, spreadsheetLocale: this.spreadsheetLocale ?? this.locale, timeZone: this.timeZone, activeSheetId: this.activeSheetId };
    if (this.warehouseRunner) env.warehouse = 'duckdb';
    return env;
  }

  listSheets(): SheetSummary[] {
    this.count('listSheets');
    return this.sheets.map(summaryOf);
  }

  findSheet(by: { id: number } | { name: string }): SheetSummary | undefined {
    this.count('findSheet');
    const s = 'id' in by ? this.sheetById(by.id) : this.sheets.find((x) => x.name.toLowerCase() === by.name.toLowerCase());
    return s && summaryOf(s);
  }

  sheetsTagged(key: string, value?: string): SheetSummary[] {
    this.count('sheetsTagged');
    return this.sheets.filter((s) => key in s.tags && (value === undefined || s.tags[key] === value)).map(summaryOf);
  }

  readValues(sheetId: number, range?: GridRange): CellValue[][] {
    this.count('readValues');
    const s = this.sheet(sheetId);
    const { lastRow, lastColumn } = extent(s);
    const r = range ?? { row: 1, column: 1, rows: Math.max(lastRow, 1), columns: Math.max(lastColumn, 1) };
    checkBounds(s, r);
    const out: CellValue[][] = [];
    for (let i = 0; i < r.rows; i++) {
      const src = s.values[r.row - 1 + i];
      const row = new Array<CellValue>(r.columns);
      for (let j = 0; j < r.columns; j++) {
        const v = src ? src[r.column - 1 + j] : undefined;
        // Dates are shared, not copied (100k-row reads stay cheap): callers must not mutate them.
        row[j] = v === undefined || v === null ? '' : v;
      }
      out.push(row);
    }
    return out;
  }

  readNumberFormats(sheetId: number, range: GridRange): string[][] {
    this.count('readNumberFormats');
    const s = this.sheet(sheetId);
    checkBounds(s, range);
    return Array.from({ length: range.rows }, (_, i) =>
      Array.from({ length: range.columns }, (_2, j) => s.formats[range.row - 1 + i]?.[range.column - 1 + j] || 'General'));
  }

  insertSheet(name: string, options: NewSheetOptions): number {
    this.count('insertSheet');
    checkName(this.sheets, name);
    const s = this.addSheet(name, [], options.hidden);
    s.maxRows = options.rows ?? DEFAULT_ROWS;
    s.maxColumns = options.columns ?? DEFAULT_COLUMNS;
    if (options.tag) s.tags[options.tag.key] = options.tag.value;
    return s.id;
  }

  writeBlock(sheetId: number, block: Block): void {
    this.count('writeBlock');
    const s = this.sheet(sheetId);
    const rows = block.values.length;
    const columns = rows ? block.values[0].length : 0;
    if (!rows || !columns) throw new Error('The data is empty');
    const r = { row: block.row, column: block.column, rows, columns };
    checkBounds(s, r);
    checkShape(block.values, rows, columns, 'data');
    if (block.formats) checkShape(block.formats, rows, columns, 'formats');
    for (let i = 0; i < rows; i++) {
      const y = block.row - 1 + i;
      s.values[y] ??= [];
      s.formats[y] ??= [];
      for (let j = 0; j < columns; j++) {
        const x = block.column - 1 + j;
        const format = block.formats?.[i][j];
        if (format) s.formats[y][x] = format;
        s.values[y][x] = this.enter(s, y, x, block.values[i][j]);
      }
    }
  }

  /** What Sheets stores for a value written by setValues: strings are parsed like typed input unless the cell is text. */
  private enter(s: MemorySheet, y: number, x: number, value: CellValue): CellValue {
    const key = `${y + 1},${x + 1}`;
    s.formulas = s.formulas.filter((k) => k !== key);
    if (typeof value !== 'string' || s.formats[y]?.[x] === '@') return value instanceof Date ? new Date(value.getTime()) : value;
    if (value.startsWith("'")) return value.slice(1);
    if (value.startsWith('=') && value.length > 1) {
      s.formulas.push(key);
      return value;
    }
    return NUMBER_TEXT.test(value.trim()) ? Number(value) : value;
  }

  setFrozenRows(sheetId: number, rows: number): void {
    this.count('setFrozenRows');
    this.sheet(sheetId).frozenRows = rows;
  }

  setColumnWidths(sheetId: number, widths: { column: number; width: number }[]): void {
    this.count('setColumnWidths');
    const s = this.sheet(sheetId);
    for (const w of widths) s.columnWidths[w.column] = w.width;
  }

  setStyles(sheetId: number, styles: CellStyle[]): void {
    this.count('setStyles');
    const s = this.sheet(sheetId);
    for (const style of styles) style.ranges.forEach((r) => checkBounds(s, r));
    s.styles.push(...styles.map((x) => ({ ...x, ranges: x.ranges.map((r) => ({ ...r })) })));
  }

  setColourRules(sheetId: number, rules: ColourRule[]): void {
    this.count('setColourRules');
    const s = this.sheet(sheetId);
    for (const rule of rules) checkBounds(s, rule.range);
    s.colourRules = rules.map((r) => ({ ...r }));
  }

  protectWarningOnly(sheetId: number, description: string): void {
    this.count('protectWarningOnly');
    this.sheet(sheetId).protection = { description, warningOnly: true };
  }

  addCharts(sheetId: number, charts: ChartSpec[]): void {
    this.count('addCharts');
    const s = this.sheet(sheetId);
    for (const c of charts) c.ranges.forEach((r) => checkBounds(s, r));
    s.charts.push(...charts.map((c) => ({ ...c, ranges: c.ranges.map((r) => ({ ...r })) })));
  }

  deleteSheet(sheetId: number): void {
    this.count('deleteSheet');
    const s = this.sheet(sheetId);
    if (this.sheets.filter((x) => !x.hidden || x === s).length === 1 && !s.hidden) throw new Error('You can\'t remove all the visible sheets in a document.');
    this.sheets = this.sheets.filter((x) => x !== s);
    if (this.activeSheetId === sheetId) this.activeSheetId = this.sheets[0]?.id ?? 0;
  }

  publishSheet(args: { sheetId: number; tag: Tag; from?: number; mark?: Tag }): void {
    this.count('publishSheet');
    const keep = this.sheet(args.sheetId);
    keep.hidden = false;
    if (keep.tags[args.tag.key] === args.tag.value) return;
    const old = args.from === undefined ? undefined : this.sheetById(args.from);
    if (old && old.tags[args.tag.key] === args.tag.value) {
      if (args.mark) old.tags[args.mark.key] = args.mark.value;
      delete old.tags[args.tag.key];
    }
    keep.tags[args.tag.key] = args.tag.value;
  }

  finishSheet(args: { sheetId: number; name: string; removeTags: string[]; activate: boolean }): void {
    this.count('finishSheet');
    const s = this.sheet(args.sheetId);
    if (s.name !== args.name) {
      checkName(this.sheets.filter((x) => x !== s), args.name);
      s.name = args.name;
    }
    for (const key of args.removeTags) delete s.tags[key];
    if (args.activate) this.activeSheetId = s.id;
  }

  select(sheetId: number, ranges: GridRange[]): void {
    this.count('select');
    const s = this.sheet(sheetId);
    for (const r of ranges) checkBounds(s, r);
    this.activeSheetId = sheetId;
    this.selection = { sheetId, ranges: ranges.map((r) => ({ ...r })) };
  }

  readProperties(): Record<string, string> {
    this.count('readProperties');
    return { ...this.properties };
  }

  setProperty(key: string, value: string): void {
    this.count('setProperty');
    if (value.length > 9 * 1024) throw new Error('Argument too large: value');
    this.properties[key] = value;
  }

  setProperties(values: Record<string, string>): void {
    this.count('setProperties');
    if (Object.values(values).some((v) => v.length > 9 * 1024)) throw new Error('Argument too large: value');
    Object.assign(this.properties, values);
  }

  deleteProperty(key: string): void {
    this.count('deleteProperty');
    delete this.properties[key];
  }

  setWarehouseTable(sheetId: number, anchor: { row: number; column: number }, query: WarehouseQuery): void {
    this.count('setWarehouseTable');
    const s = this.sheet(sheetId);
    checkBounds(s, { ...anchor, rows: 1, columns: 1 });
    for (const p of query.parameters) checkBounds(s, cellOf(p.cell));
    const copy: WarehouseQuery = { ...query, parameters: query.parameters.map((p) => ({ ...p })) };
    const table = tableAt(s, anchor);
    if (table) table.query = copy;
    else s.warehouseTables.push({ anchor: { ...anchor }, query: copy });
  }

  /** Binds each parameter to its control cell's value, runs the runner, replaces the last result with the new one. */
  refreshWarehouseTable(sheetId: number, anchor: { row: number; column: number }, timeoutSeconds: number): WarehouseRun {
    this.count('refreshWarehouseTable');
    void timeoutSeconds;
    const s = this.sheet(sheetId);
    const table = tableAt(s, anchor);
    if (!table) throw new Error(`There is no data-source table at row ${anchor.row}, column ${anchor.column} of sheet ${s.name}.`);
    if (this.warehouseTimesOut) return { state: 'timeout' };
    if (!this.warehouseRunner) return { state: 'failed', message: 'No warehouse engine is connected to this workbook (set warehouseRunner).' };
    const parameters: Record<string, CellValue> = {};
    for (const p of table.query.parameters) {
      const c = cellOf(p.cell);
      const v = s.values[c.row - 1]?.[c.column - 1];
      parameters[p.name] = v === undefined || v === null ? '' : v;
    }
    let values: CellValue[][];
    try {
      values = this.warehouseRunner({ engine: table.query.engine, billingProject: table.query.billingProject, sql: table.query.sql, parameters });
    } catch (e) {
      return { state: 'failed', message: e instanceof Error ? e.message : String(e) };
    }
    writeResult(s, table, values.slice(0, this.warehouseRowLimit));
    if (values.length > this.warehouseRowLimit) return { state: 'truncated' };
    return { state: 'done', values: values.map((r) => r.slice()) };
  }

  tryLock(ms: number): boolean {
    this.count('tryLock');
    void ms;
    if (this.lockedByOther) return false;
    this.locked = true;
    return true;
  }

  releaseLock(): void {
    this.count('releaseLock');
    this.locked = false;
  }

  /** True while a build holds the lock (tests check it is released). */
  isLocked(): boolean {
    return this.locked;
  }
}
