// Reading a raw Sheets range: its shape, the one general reader of number-like cells (numbers, scores, dates) and
// the one message for rejected cells. Parameter kinds (params.ts, dateParams.ts) build on it.

import type { Limits } from '../core/bounds';
import { positionOf, type Column } from '../core/columns';
import { MetricError, messages, type Said } from '../core/errors';
import { isBlank, type Cell, type Coerced } from '../core/values';
import type { Arg, CallContext } from './spec';

/** A raw argument as rows × columns; a single cell becomes a 1 × 1 range. */
export function asRange(raw: Arg): Cell[][] {
  return Array.isArray(raw) ? raw : [[raw]];
}

/** Reads one non-blank cell: its value, or undefined when the cell is not of the kind wanted. */
export type CellReader<T> = (cell: Cell) => T | undefined;

/** The hint shown with the first rejected cell ("write it as YYYY-MM-DD"), if its coercer has one. */
export const hintOf = <T>(got: Coerced<T>): Said | undefined => (got.ok ? undefined : got.hint);

/** Counts rejected cells and throws one message for all of them, naming the first (a Date on the call's clock). */
export function throwRejected(call: CallContext, what: string, range: Cell[][], col: { param: string; columns: number }, count: number, first: number, explain: (cell: Cell) => Said | undefined): never {
  const cell = range[Math.floor(first / col.columns)][first % col.columns];
  throw new MetricError(messages.badCells(call.fn, count, what, cell, call.toCivil, positionOf(col, first), explain(cell)));
}

/**
 * True for a range of one column and at least one row, the shape the plain-column fast paths read. (Checked by their
 * callers: a look at range[0] inside such a loop's function makes V8 compile the loop about twice as slow.)
 */
export const isOneColumn = (range: Cell[][]): boolean => range.length > 0 && range[0].length === 1;

// Allocators shared by every call, so the hot loop's callers always see the same function (no deoptimisation).
export const newFloat64s = (n: number): Float64Array => new Float64Array(n);
export const newBytes = (n: number): Uint8Array => new Uint8Array(n);

const ANY_NUMBER: Limits = { min: -Infinity, max: Infinity, integer: false };

/** How a number-like range is read: number cells checked inline against `numbersAsIs` (when set), Date cells through `dateClock`, the rest through `read`. */
export interface NumberReading {
  what: string;
  numbersAsIs: Limits | null;
  /** Any other non-blank cell's value, NaN when it is unreadable. */
  read: (cell: Cell) => number;
  explain: (cell: Cell) => Said | undefined;
  dateClock?: ((instant: number) => number) | null;
}

/** Where the values of a range go while it is read: a column (row-major, blanks left as they are), a histogram of whole numbers, a sum. */
export interface NumberTargets {
  values?: Float64Array | Uint8Array | Int8Array;
  /** One array per column of the range, indexed by row (a start | end table read straight into starts and ends). */
  byColumn?: Float64Array[];
  histogram?: Float64Array;
  /** Sum and count the values (NumberRangeRead's total and count; 0 otherwise). */
  sum?: boolean;
}

/** What reading a range gives besides its targets: its shape, and the total and count of its values. */
export interface NumberRangeRead {
  rows: number;
  columns: number;
  total: number;
  count: number;
}

/**
 * The hot path for numbers, scores and dates: every cell is read once, in one loop with no call per number cell and
 * nothing allocated per cell; the values are summed and counted and go to `targets`; one message is thrown for all
 * rejected cells, naming the first.
 */
export function readNumberRange(raw: Arg, param: string, call: CallContext, reading: NumberReading, targets: NumberTargets = {}): NumberRangeRead {
  const range = asRange(raw);
  const rows = range.length;
  const columns = rows ? range[0].length : 0;
  const { min, max, integer } = reading.numbersAsIs ?? ANY_NUMBER;
  const checkNumbers = reading.numbersAsIs !== null;
  const dateClock = reading.dateClock ?? null;
  const read = reading.read;
  const values = targets.values ?? null;
  const byColumn = targets.byColumn ?? null;
  const histogram = targets.histogram ?? null;
  const summing = targets.sum === true;
  let total = 0;
  let count = 0;
  let rejected = 0;
  let first = -1;
  // One flat loop over cell i at row r, column c (most ranges are one column).
  for (let i = 0, r = 0, c = -1, n = rows * columns; i < n; i++) {
    if (++c === columns) {
      c = 0;
      r++;
    }
    const cell = range[r][c];
    let value: number;
    // v - v === 0 is false for NaN and ±Infinity.
    if (checkNumbers && typeof cell === 'number' && cell - cell === 0 && cell >= min && cell <= max && (!integer || Math.floor(cell) === cell)) value = cell;
    else if (dateClock !== null && cell instanceof Date) {
      const t = cell.getTime();
      value = t === t ? dateClock(t) : NaN;
    }
    else if (isBlank(cell)) continue;
    else value = read(cell);
    if (value !== value) {
      if (rejected++ === 0) first = i;
      continue;
    }
    if (summing) {
      total += value;
      count++;
    }
    if (values !== null) values[i] = value;
    if (byColumn !== null) byColumn[c][r] = value;
    if (histogram !== null) histogram[value]++;
  }
  if (rejected) throwRejected(call, reading.what, range, { param, columns }, rejected, first, reading.explain);
  return { rows, columns, total, count };
}

/** Reads a range into a typed column; blank cells hold `blank`. */
export function coerceNumberRange<A extends Float64Array | Uint8Array | Int8Array>(
  raw: Arg, param: string, call: CallContext, reading: NumberReading, make: (n: number) => A, blank: number,
): Column<A> {
  const range = asRange(raw);
  const values = make(range.length ? range.length * range[0].length : 0);
  if (blank !== 0) values.fill(blank);
  const { rows, columns } = readNumberRange(range, param, call, reading, { values });
  return { param, values, rows, columns };
}

/** Memoises a reader of text cells: status and id columns repeat a few strings many times. */
export function memoText<T>(read: (text: string) => T | undefined): CellReader<T> {
  const seen = new Map<string, T | undefined>();
  return (cell) => {
    if (typeof cell !== 'string') return undefined;
    if (seen.has(cell)) return seen.get(cell);
    const value = read(cell);
    if (seen.size < 10_000) seen.set(cell, value);
    return value;
  };
}
