// The narrow spreadsheet interface the server reaches Sheets through: every method is one counted call.

/** A cell as reads return it: blanks are "", dates are Date objects (as Apps Script's getValues gives them). */
export type CellValue = string | number | boolean | Date;

/** A rectangle of cells, 1-based like Apps Script's getRange(row, column, rows, columns). */
export interface GridRange {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

/** Developer metadata on a sheet: the add-on finds its own tabs by these, never by name. */
export interface Tag {
  key: string;
  value: string;
}

export interface SheetSummary {
  id: number;
  name: string;
  hidden: boolean;
  /** Rows and columns holding data (getLastRow / getLastColumn). */
  lastRow: number;
  lastColumn: number;
  /** Developer metadata keys → values attached to the whole sheet. */
  tags: Record<string, string>;
}

/** A block of values written in one go, with optional number formats of the same shape ("" = leave as is). */
export interface Block {
  row: number;
  column: number;
  values: CellValue[][];
  formats?: string[][];
}

/** A conditional colour: a background where numbers meet a condition, or a min→max colour gradient. */
export type ColourRule =
  | { range: GridRange; when: 'lessThan' | 'greaterThanOrEqual'; value: number; background: string; fontColour?: string }
  | { range: GridRange; when: 'between'; value: number; to: number; background: string; fontColour?: string }
  | { range: GridRange; when: 'gradient'; min: string; max: string };

/** A native chart from data on the same sheet: first row = headers, first column = labels. */
export interface ChartSpec {
  type: 'line' | 'column' | 'stackedColumn' | 'bar' | 'stackedBar';
  title: string;
  /**
   * The data, all with the same rows (header row first): the first range is the label column (domain), each
   * further range one or more series columns. Sheets' addRange is called once per range, in order.
   */
  ranges: GridRange[];
  /** Top-left cell the chart is anchored at. */
  anchor: { row: number; column: number };
  width: number;
  height: number;
  /** The series are fractions: the value axis shows percent (the self-test's charts; summaries give `axis`). */
  percent?: boolean;
  /**
   * The value axis: its number format ('percent', or an ICU pattern such as '#,##0.0' or '#,##0 Kč') and both ends,
   * so an axis always fits its values (a flat or all-zero series gets a sensible range, not "0%" five times).
   */
  axis?: { format: string; min: number; max: number };
  /** The colours of the series, in order (CSS hex). */
  colours?: string[];
  /** Indexes of series drawn as a dashed grey line (a goal), whatever the chart's type. */
  goalSeries?: number[];
}

/** How a set of cells looks (only what is given changes): bold, size, colours, wrapping. */
export interface CellStyle {
  ranges: GridRange[];
  bold?: boolean;
  fontSize?: number;
  fontColour?: string;
  background?: string;
  wrap?: boolean;
}

export interface NewSheetOptions {
  hidden: boolean;
  tag?: Tag;
  /** Grid size to create (Apps Script's default is 1000 × 26). */
  rows?: number;
  columns?: number;
}

/** An engine that runs a summary's SQL where the data lives (issue 12). */
export type WarehouseEngine = 'bigquery' | 'duckdb';

/**
 * A query a data-source table holds: its SQL in the engine's dialect, the Google Cloud project billed for it
 * (BigQuery), and each query parameter's control cell — an A1 reference on the same sheet ("B2") whose value the
 * engine binds to the parameter at every refresh (Connected Sheets' setParameterFromCell).
 */
export interface WarehouseQuery {
  engine: WarehouseEngine;
  billingProject?: string;
  sql: string;
  parameters: { name: string; cell: string }[];
}

/** How a refresh of a data-source table ended: its values (header row first), or why there are none. */
export type WarehouseRun =
  | { state: 'done'; values: CellValue[][] }
  | { state: 'timeout' }
  /** The answer has more rows than a data-source table holds (Sheets keeps only the first). */
  | { state: 'truncated' }
  | { state: 'failed'; message: string };

export interface WorkbookEnvironment {
  /** The user's locale ("cs", "en_US"). */
  locale: string;
  /** The spreadsheet's own locale (File → Settings), which decides how Sheets writes formulas and shows dates. */
  spreadsheetLocale?: string;
  /** The warehouse engine data-source tables run on: BigQuery in Sheets (Connected Sheets), DuckDB in the workbench. */
  warehouse?: WarehouseEngine;
  /** The spreadsheet's time zone (IANA). */
  timeZone: string;
  activeSheetId: number;
}

/**
 * Everything the server does to a spreadsheet. Implementations: AppsScriptWorkbook (the add-on) and
 * InMemoryWorkbook (tests, workbench). Each method is one call in the performance count.
 */
export interface Workbook {
  environment(): WorkbookEnvironment;
  /** Every sheet (the sidebar's sheet list): its cost grows with the number of sheets. */
  listSheets(): SheetSummary[];
  /** One sheet by id, or by name compared as Sheets compares names (ignoring case); undefined when there is none. */
  findSheet(by: { id: number } | { name: string }): SheetSummary | undefined;
  /** The sheets carrying developer metadata `key` (with `value`, when given): costs grow with those, not all sheets. */
  sheetsTagged(key: string, value?: string): SheetSummary[];
  /** Values of `range`, or of the sheet's data range (A1 to last row/column) when omitted. */
  readValues(sheetId: number, range?: GridRange): CellValue[][];
  /** The number formats of `range` ("General" where none is set). */
  readNumberFormats(sheetId: number, range: GridRange): string[][];
  /** Adds a sheet at the end, leaving the active sheet as it was; throws when the name is taken (as Apps Script does). Returns its id. */
  insertSheet(name: string, options: NewSheetOptions): number;
  /** Sets number formats (when given) then values; throws when a row's length differs from the first's. */
  writeBlock(sheetId: number, block: Block): void;
  setFrozenRows(sheetId: number, rows: number): void;
  setColumnWidths(sheetId: number, widths: { column: number; width: number }[]): void;
  /** Sets text styles and backgrounds (each style on all its ranges at once). */
  setStyles(sheetId: number, styles: CellStyle[]): void;
  /** Replaces the sheet's conditional format rules. */
  setColourRules(sheetId: number, rules: ColourRule[]): void;
  /** Protects the whole sheet with a warning only (everyone may still edit after confirming). */
  protectWarningOnly(sheetId: number, description: string): void;
  addCharts(sheetId: number, charts: ChartSpec[]): void;
  deleteSheet(sheetId: number): void;
  /**
   * Shows the sheet and gives it `tag`. With `from` (a sheet carrying `tag`), marks `from` with `mark` and then moves
   * the tag over in one step, so at every moment exactly one visible sheet carries it; without, adds it. Safe to repeat.
   */
  publishSheet(args: { sheetId: number; tag: Tag; from?: number; mark?: Tag }): void;
  /** Names the sheet (when its name differs), removes its tags with the `removeTags` keys, activates it when asked. Safe to repeat. */
  finishSheet(args: { sheetId: number; name: string; removeTags: string[]; activate: boolean }): void;
  /** Activates the sheet and selects the ranges. */
  select(sheetId: number, ranges: GridRange[]): void;
  readProperties(): Record<string, string>;
  setProperty(key: string, value: string): void;
  /** Sets several properties in one call: all of them or none. */
  setProperties(values: Record<string, string>): void;
  deleteProperty(key: string): void;
  /**
   * Puts a data-source table with `query`'s result at `anchor` of the sheet (its header row at the anchor), or points
   * the one already anchored there at the new query. Nothing runs yet: refreshWarehouseTable runs it.
   */
  setWarehouseTable(sheetId: number, anchor: { row: number; column: number }, query: WarehouseQuery): void;
  /** Runs the data-source table anchored at `anchor` and waits at most `timeoutSeconds` for its values. */
  refreshWarehouseTable(sheetId: number, anchor: { row: number; column: number }, timeoutSeconds: number): WarehouseRun;
  /** Takes the document lock, waiting at most `ms`; false when another user holds it. */
  tryLock(ms: number): boolean;
  releaseLock(): void;
}

/** Methods that change the spreadsheet (the failure-injection tests count these). */
export const WRITE_METHODS: readonly (keyof Workbook)[] = [
  'insertSheet', 'writeBlock', 'setFrozenRows', 'setColumnWidths', 'setStyles', 'setColourRules', 'protectWarningOnly', 'addCharts',
  'deleteSheet', 'publishSheet', 'finishSheet', 'setProperty', 'setProperties', 'deleteProperty', 'setWarehouseTable', 'refreshWarehouseTable',
];
