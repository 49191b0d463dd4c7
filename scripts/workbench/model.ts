// The workbench's spreadsheet: the server's InMemoryWorkbook holds the document, HyperFormula computes its formulas.
//
// The workbook is the source of truth, as a Google spreadsheet is: the add-on's RPC handlers read and write it through
// the counted Workbook interface. Formulas a person types into the grid live in HyperFormula; their results are
// written back into the workbook's cells, so the handlers read computed values, as Apps Script's getValues does.

import { DetailedCellError, type HyperFormula } from 'hyperformula';
import type { InMemoryWorkbook, MemorySheet } from '../../src/server/sheets/inMemory';
import type { CellValue } from '../../src/server/sheets/workbook';
import { buildEngine } from './engine';
import { canonicalFormula, localeFormula } from '../../src/core/formulaSyntax';
import { usesDecimalComma } from '../../src/core/localeNumbers';

/** A cell as the page receives it: JSON-safe, dates as { d: ISO }. */
export type CellJson = string | number | boolean | { d: string };

export interface SheetView {
  id: number;
  name: string;
  rows: CellJson[][];
  formats: string[][];
  /** "row,column" (1-based) → the formula typed there. */
  formulas: Record<string, string>;
  /** "row,column" (1-based) → the error message of an error cell. */
  errors: Record<string, string>;
  frozenRows: number;
  columnWidths: Record<number, number>;
  colourRules: MemorySheet['colourRules'];
  /** Bold, font size, colours, wrapping and backgrounds, in the order they were set. */
  styles: MemorySheet['styles'];
  charts: MemorySheet['charts'];
  tags: Record<string, string>;
}

const SERIAL_EPOCH_DAYS = 25569;
const MS_PER_DAY = 86_400_000;
const key = (row: number, column: number): string => `${row},${column}`;

/** Per sheet id: "row,column" (1-based) → the formula a person typed there, in canonical (en) syntax. */
export type TypedFormulas = Record<number, Record<string, string>>;

/**
 * What a person's typing means, as Sheets reads it: a formula (in canonical syntax, see formulaSyntax.ts), a number,
 * a date, TRUE/FALSE, or text ("'" forces text). In a decimal-comma locale (cs, pl, ru) "7,5" and "12,5%" are numbers
 * too; "7.5" is a number in every locale; thousands separators are not read (the text stays text).
 */
export function parseInput(input: string, locale = 'en_US'): { formula: string } | { value: CellValue } {
  if (input.startsWith('=') && input.length > 1) return { formula: canonicalFormula(input, locale) };
  if (input.startsWith("'")) return { value: input.slice(1) };
  const trimmed = input.trim();
  const s = usesDecimalComma(locale) && /^[^,]*,[^,]*$/.test(trimmed) ? trimmed.replace(',', '.') : trimmed;
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(s)) return { value: Number(s) };
  if (/^[+-]?\d+(\.\d+)?%$/.test(s)) return { value: Number(s.slice(0, -1)) / 100 };
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (date) {
    const t = Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3]));
    if (new Date(t).getUTCDate() === Number(date[3])) return { value: new Date(t) };
  }
  if (/^(true|false)$/i.test(s)) return { value: s.toLowerCase() === 'true' };
  return { value: input };
}

/** A workbook value as HyperFormula raw content: text is always text (a leading "'"), so "=1+1" stays a string. */
function engineContent(value: CellValue | undefined): unknown {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'string') return `'${value}`;
  return value;
}

/** An engine result as a workbook value: dates stay serial numbers (the grid formats them), errors as "#ERROR!". */
function workbookValue(value: unknown): CellValue {
  if (value instanceof DetailedCellError) return value.value;
  if (value === null || value === undefined) return '';
  return value as CellValue;
}

export function cellJson(value: CellValue | undefined | null): CellJson {
  if (value === undefined || value === null) return '';
  return value instanceof Date ? { d: value.toISOString() } : value;
}

/** A Date from a serial day number (for formats that show dates). */
export function dateFromSerial(serial: number): Date {
  return new Date(Math.round((serial - SERIAL_EPOCH_DAYS) * MS_PER_DAY));
}

export class WorkbenchModel {
  private hf: HyperFormula | undefined;
  private engineIds = new Map<number, number>();
  /** Per sheet: "row,column" (1-based) → formula the person typed. */
  private typed = new Map<number, Map<string, string>>();
  /** Per sheet: cells whose workbook value came from the engine (formula results and spills). */
  private derived = new Map<number, Set<string>>();
  /** Per sheet: error messages of formula cells. */
  private errors = new Map<number, Map<string, string>>();
  /** Bumped on every change, so the page knows when to redraw. */
  version = 0;

  /** `typed`: the formulas a person typed before (a saved workbench), in canonical syntax. */
  constructor(readonly workbook: InMemoryWorkbook, typed: TypedFormulas = {}) {
    for (const [sheetId, cells] of Object.entries(typed)) this.typed.set(Number(sheetId), new Map(Object.entries(cells)));
    this.recompute();
  }

  /** Rebuilds the engine from the workbook and writes formula results back (after every change: simple and exact). */
  recompute(): void {
    this.hf?.destroy();
    this.engineIds.clear();
    const sheets: Record<string, unknown[][]> = {};
    for (const s of this.workbook.sheets) {
      const derived = this.derived.get(s.id) ?? new Set<string>();
      const typed = this.typed.get(s.id);
      const formulaCells = new Set(s.formulas);
      // Array.from, not map: written blocks leave holes in the rows, and the engine wants dense arrays.
      sheets[s.name] = Array.from(s.values, (row, y) => Array.from(row ?? [], (v, x) => {
        const k = key(y + 1, x + 1);
        if (derived.has(k) || typed?.has(k)) return null;
        return formulaCells.has(k) && typeof v === 'string' ? v : engineContent(v);
      }));
    }
    const hf = buildEngine(sheets);
    this.hf = hf;
    for (const s of this.workbook.sheets) this.engineIds.set(s.id, hf.getSheetId(s.name) as number);
    // Typed formulas go in after the values, so each spill is sized on the data it will compute on.
    hf.batch(() => {
      for (const [sheetId, cells] of this.typed) {
        const engineId = this.engineIds.get(sheetId);
        if (engineId === undefined) continue;
        for (const [k, formula] of cells) {
          const [row, column] = k.split(',').map(Number);
          hf.setCellContents({ sheet: engineId, row: row - 1, col: column - 1 }, [[formula]]);
        }
      }
    });
    this.writeBack();
    this.version++;
  }

  /** Writes every formula result (and spilled cell) into the workbook, as Sheets would show them to getValues. */
  private writeBack(): void {
    const hf = this.hf!;
    this.errors.clear();
    for (const s of this.workbook.sheets) {
      const engineId = this.engineIds.get(s.id)!;
      const old = this.derived.get(s.id);
      if (old) for (const k of old) {
        const [row, column] = k.split(',').map(Number);
        if (s.values[row - 1]) s.values[row - 1][column - 1] = '';
      }
      const hasFormulas = (this.typed.get(s.id)?.size ?? 0) > 0 || s.formulas.length > 0;
      if (!hasFormulas) {
        this.derived.delete(s.id);
        continue;
      }
      const derived = new Set<string>();
      const errors = new Map<string, string>();
      const values = hf.getSheetValues(engineId);
      values.forEach((row, y) => row.forEach((value, x) => {
        const address = { sheet: engineId, row: y, col: x };
        if (!hf.doesCellHaveFormula(address) && !hf.isCellPartOfArray(address)) return;
        const k = key(y + 1, x + 1);
        if (this.typed.get(s.id)?.has(k) || !s.formulas.includes(k)) derived.add(k);
        if (value instanceof DetailedCellError) errors.set(k, value.message || value.value);
        s.values[y] ??= [];
        if (!s.formulas.includes(k)) s.values[y][x] = workbookValue(value);
      }));
      this.derived.set(s.id, derived);
      this.errors.set(s.id, errors);
    }
  }

  /** A person typed `input` into a cell (1-based row and column). */
  setCell(sheetId: number, row: number, column: number, input: string): void {
    const sheet = this.workbook.sheetById(sheetId);
    if (!sheet) throw new Error(`No sheet ${sheetId}`);
    const k = key(row, column);
    const typed = this.typed.get(sheetId) ?? new Map<string, string>();
    this.typed.set(sheetId, typed);
    typed.delete(k);
    sheet.formulas = sheet.formulas.filter((f) => f !== k);
    const parsed = parseInput(input, this.workbook.locale);
    sheet.values[row - 1] ??= [];
    if ('formula' in parsed) {
      typed.set(k, parsed.formula);
      sheet.values[row - 1][column - 1] = '';
    } else {
      sheet.values[row - 1][column - 1] = parsed.value;
      this.derived.get(sheetId)?.delete(k);
      // A typed date keeps the form it was typed in, as Sheets gives an automatic cell the typed date's format.
      const format = sheet.formats[row - 1]?.[column - 1];
      if (parsed.value instanceof Date && (!format || /^general$/i.test(format))) (sheet.formats[row - 1] ??= [])[column - 1] = 'yyyy-mm-dd';
    }
    sheet.maxRows = Math.max(sheet.maxRows, row);
    sheet.maxColumns = Math.max(sheet.maxColumns, column);
    this.applyEdit(sheetId, row, column, 'formula' in parsed ? parsed.formula : engineContent(parsed.value));
  }

  /**
   * One typed cell into the running engine, rather than a rebuild: then every typed formula is entered again, so a
   * spill whose size changed with the data is sized anew (HyperFormula fixes an array's size when it is entered).
   */
  private applyEdit(sheetId: number, row: number, column: number, content: unknown): void {
    const hf = this.hf;
    const engineId = this.engineIds.get(sheetId);
    if (!hf || engineId === undefined) return this.recompute();
    try {
      hf.batch(() => {
        hf.setCellContents({ sheet: engineId, row: row - 1, col: column - 1 }, [[content as never]]);
        for (const [id, cells] of this.typed) {
          const sheet = this.engineIds.get(id);
          if (sheet === undefined) continue;
          for (const [k, formula] of cells) {
            const [r, c] = k.split(',').map(Number);
            hf.setCellContents({ sheet, row: r - 1, col: c - 1 }, [[null]]);
            hf.setCellContents({ sheet, row: r - 1, col: c - 1 }, [[formula]]);
          }
        }
      });
    } catch {
      return this.recompute();
    }
    this.writeBack();
    this.version++;
  }

  /** Adds a sheet of values (the workbench's "paste a table"; tests use it for hostile headers). */
  addSheet(name: string, values: CellValue[][]): number {
    const sheet = this.workbook.addSheet(name, values);
    this.recompute();
    return sheet.id;
  }

  /** The formulas a person typed, per sheet (canonical syntax): with the workbook's values, all the workbench holds. */
  typedFormulas(): TypedFormulas {
    const out: TypedFormulas = {};
    for (const [sheetId, cells] of this.typed) if (cells.size && this.workbook.sheetById(sheetId)) out[sheetId] = Object.fromEntries(cells);
    return out;
  }

  /** The cells ("row,column", 1-based) whose values are formula results or spills, not something typed or written. */
  computedCells(sheetId: number): ReadonlySet<string> {
    return this.derived.get(sheetId) ?? new Set();
  }

  /** The value a cell shows now (for the tests' "read the value"). */
  cellValue(sheetId: number, row: number, column: number): CellValue | undefined {
    return this.workbook.sheetById(sheetId)?.values[row - 1]?.[column - 1];
  }

  view(sheetId: number): SheetView | undefined {
    const s = this.workbook.sheetById(sheetId);
    if (!s) return undefined;
    // Formulas as Sheets shows them in the spreadsheet's locale (`;` and decimal commas in cs, pl, ru).
    const formulas: Record<string, string> = {};
    const shown = (canonical: string): string => localeFormula(canonical, this.workbook.locale);
    for (const [k, f] of this.typed.get(sheetId) ?? []) formulas[k] = shown(f);
    for (const k of s.formulas) formulas[k] = shown(String(s.values[Number(k.split(',')[0]) - 1]?.[Number(k.split(',')[1]) - 1] ?? ''));
    const rows = Array.from(s.values, (row) => Array.from(row ?? [], (v) => cellJson(v)));
    // Formula cells the add-on wrote show their computed value; the formula text is in `formulas`.
    const engineId = this.engineIds.get(sheetId);
    if (engineId !== undefined && this.hf) {
      for (const k of s.formulas) {
        const [row, column] = k.split(',').map(Number);
        const value = this.hf.getCellValue({ sheet: engineId, row: row - 1, col: column - 1 });
        rows[row - 1][column - 1] = cellJson(workbookValue(value));
      }
    }
    return {
      id: s.id, name: s.name, rows, formats: Array.from(s.formats, (r) => Array.from(r ?? [], (f) => f ?? '')), formulas,
      errors: Object.fromEntries(this.errors.get(sheetId) ?? []), frozenRows: s.frozenRows, columnWidths: s.columnWidths,
      colourRules: s.colourRules, styles: s.styles ?? [], charts: s.charts, tags: s.tags,
    };
  }
}
