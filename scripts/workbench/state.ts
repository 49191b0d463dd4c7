// The workbench's saved state as JSON: every sheet (values, formats, charts, tags…), the document properties that hold
// the reports, the locale, and the formulas a person typed. Date cells are written as {"$date": <ms since 1970>} and
// read back as Dates; formula results are left out (they are computed again on load).

import { InMemoryWorkbook, type MemorySheet } from '../../src/server/sheets/inMemory';
import type { CellValue } from '../../src/server/sheets/workbook';
import type { WorkbenchModel, TypedFormulas } from './model';

const FORMAT = 'crm-metrics-workbench';
const VERSION = 1;

export interface SavedWorkbench {
  workbook: InMemoryWorkbook;
  typed: TypedFormulas;
}

interface StateJson {
  format: typeof FORMAT;
  version: typeof VERSION;
  locale: string;
  /** The spreadsheet's own locale when it differs from `locale` (absent in older files). */
  spreadsheetLocale?: string;
  timeZone: string;
  activeSheetId: number;
  selection: InMemoryWorkbook['selection'] | null;
  properties: Record<string, string>;
  sheets: SavedSheet[];
  typed: TypedFormulas;
}

/** A sheet as saved: its cells as JSON (see savedCell). */
type SavedSheet = Omit<MemorySheet, 'values'> & { values: unknown[][] };

/** A cell as saved: a Date as {"$date": ms since 1970} (JSON has no dates; NaN becomes null), a hole as "". */
function savedCell(v: CellValue | undefined | null): unknown {
  if (v === undefined || v === null) return '';
  return v instanceof Date ? { $date: v.getTime() } : v;
}

function decodeDates(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  if (!('$date' in value) || Object.keys(value).length !== 1) return value;
  const ms = (value as { $date: unknown }).$date;
  return new Date(typeof ms === 'number' ? ms : NaN);
}

/** The workbench as the text of its state file. */
export function stateText(model: WorkbenchModel): string {
  const wb = model.workbook;
  const sheets = wb.sheets.map((s) => {
    // A formula's result is not an input, so it is not saved.
    const computed = model.computedCells(s.id);
    const input = computed.size ? (v: CellValue, y: number, x: number) => (computed.has(`${y + 1},${x + 1}`) ? '' : v) : (v: CellValue) => v;
    return {
      ...s,
      values: Array.from(s.values, (row, y) => Array.from(row ?? [], (v, x) => savedCell(input(v, y, x)))),
      formats: Array.from(s.formats, (row) => Array.from(row ?? [], (f) => f ?? '')),
    };
  });
  const state: StateJson = {
    format: FORMAT, version: VERSION, locale: wb.locale, spreadsheetLocale: wb.spreadsheetLocale, timeZone: wb.timeZone, activeSheetId: wb.activeSheetId,
    selection: wb.selection ?? null, properties: wb.properties, sheets, typed: model.typedFormulas(),
  };
  return JSON.stringify(state);
}

/** A saved cell as a workbook value (Dates are decoded already); anything that is no cell value reads as blank. */
function loadedCell(v: unknown): CellValue {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date ? v : '';
}

function check(ok: unknown, what: string): asserts ok {
  if (!ok) throw new Error(`not a workbench state file: ${what}`);
}

/** A workbench from the text of its state file; throws, saying what is wrong, on anything else. */
export function parseState(text: string): SavedWorkbench {
  const state = JSON.parse(text, decodeDates) as Partial<StateJson> | null;
  check(state && state.format === FORMAT, `the "format" is not "${FORMAT}"`);
  check(state.version === VERSION, `version ${String(state.version)}, this workbench reads version ${VERSION}`);
  check(Array.isArray(state.sheets) && state.sheets.length > 0, 'no sheets');
  for (const s of state.sheets) check(typeof s?.id === 'number' && typeof s.name === 'string' && Array.isArray(s.values), 'a sheet without an id, a name or values');
  const workbook = new InMemoryWorkbook([]);
  restoreSheets(workbook, state.sheets.map((s) => ({
    ...s,
    values: s.values.map((row) => (row ?? []).map(loadedCell)),
    formats: (s.formats ?? []).map((row) => (row ?? []).map((f) => f ?? '')),
    // State files from before data-source tables (issue 12) have none.
    warehouseTables: Array.isArray(s.warehouseTables) ? s.warehouseTables : [],
  })));
  workbook.properties = { ...state.properties };
  workbook.locale = state.locale ?? workbook.locale;
  workbook.spreadsheetLocale = typeof state.spreadsheetLocale === 'string' ? state.spreadsheetLocale : undefined;
  workbook.timeZone = state.timeZone ?? workbook.timeZone;
  workbook.activeSheetId = workbook.sheetById(state.activeSheetId ?? -1) ? state.activeSheetId! : state.sheets[0].id;
  workbook.selection = state.selection ?? undefined;
  return { workbook, typed: state.typed ?? {} };
}

/**
 * Puts saved sheets, ids and all, into an empty workbook. Reports name their source sheet by id, so ids must survive;
 * InMemoryWorkbook hands out ids from its own counter, so sheets are added (and dropped) until the counter has passed
 * every restored id, and a sheet inserted later never takes one.
 */
function restoreSheets(workbook: InMemoryWorkbook, sheets: MemorySheet[]): void {
  const top = Math.max(...sheets.map((s) => s.id));
  while (workbook.addSheet('').id < top) { /* moves the id counter on */ }
  workbook.sheets = sheets;
}
