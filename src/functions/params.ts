// Parameter kinds for the function table: each turns a raw Sheets argument into a clean typed value or throws.

import { NO_SCORE, positionOf, type Column, type FlagColumn, type NumberColumn, type ScoreColumn, type TextColumn } from '../core/columns';
import { isDate, MetricError, messages } from '../core/errors';
import { GRAINS, parseGrain, parsePeriod, type Grain, type Period } from '../core/periods';
import { coerceDate, coerceFlag, coerceNumber, coerceText, isBlank, type Cell, type Coerced } from '../core/values';
import type { Arg, CallContext, Param } from './spec';

type Earlier = Record<string, unknown>;
/** A bound that may depend on arguments coerced earlier (CES's max is its scale). */
type Bound = number | ((earlier: Earlier) => number);
const bound = (b: Bound | undefined, earlier: Earlier): number | undefined => (typeof b === 'function' ? b(earlier) : b);

/** A period argument: one labelled period, or a grain asking for a series. */
export type PeriodArg = { kind: 'period'; period: Period } | { kind: 'grain'; grain: Grain };

/** A raw argument as rows × columns; a single cell becomes a 1 × 1 range. */
export function asRange(raw: Arg): Cell[][] {
  return Array.isArray(raw) ? raw : [[raw]];
}

/** Reads one non-blank cell: its value, or undefined when the cell is not of the kind wanted. */
type CellReader<T> = (cell: Cell) => T | undefined;

/** The hint shown with the first rejected cell ("write it as YYYY-MM-DD"), if its coercer has one. */
const hintOf = <T>(got: Coerced<T>): string | undefined => (got.ok ? undefined : got.hint);

/** Counts rejected cells and throws one message for all of them, naming the first. */
function throwRejected(fn: string, what: string, range: Cell[][], col: { param: string; columns: number }, count: number, first: number, explain: (cell: Cell) => string | undefined): never {
  const cell = range[Math.floor(first / col.columns)][first % col.columns];
  throw new MetricError(messages.badCells(fn, count, what, cell, positionOf(col, first), explain(cell)));
}

/** Flattens a range of text-like cells through `read` (undefined = unreadable), blanks becoming `blank`. */
function coerceRange<A extends { [i: number]: unknown }>(
  raw: Arg, param: string, fn: string, what: string, make: (n: number) => A, blank: A[number],
  read: CellReader<A[number]>, explain: (cell: Cell) => string | undefined = () => undefined,
): { param: string; values: A; rows: number; columns: number } {
  const range = asRange(raw);
  const rows = range.length;
  const columns = rows ? range[0].length : 0;
  const col = { param, values: make(rows * columns), rows, columns };
  let rejected = 0;
  let first = -1;
  for (let r = 0, i = 0; r < rows; r++) {
    const row = range[r];
    for (let c = 0; c < columns; c++, i++) {
      const cell = row[c];
      const value = cell === '' ? undefined : read(cell);
      if (value !== undefined) col.values[i] = value;
      else if (cell === '' || isBlank(cell)) col.values[i] = blank;
      else if (rejected++ === 0) first = i;
    }
  }
  if (rejected) throwRejected(fn, what, range, col, rejected, first, explain);
  return col;
}

// Allocators shared by every call, so the hot loop's callers always see the same function (no deoptimisation).
const newFloat64s = (n: number): Float64Array => new Float64Array(n);
const newBytes = (n: number): Uint8Array => new Uint8Array(n);

/** Bounds a number must meet; NaN when it does not. */
interface NumberBounds {
  min: number;
  max: number;
  integer: boolean;
}
const ANY_NUMBER: NumberBounds = { min: -Infinity, max: Infinity, integer: false };

/**
 * The hot path for numbers, scores and dates: number cells are checked inline (when `numbersAsIs`), anything else
 * goes through `read`, which returns NaN for an unreadable cell; nothing is allocated per cell; blanks become `blank`.
 */
function coerceNumberRange<A extends Float64Array | Uint8Array>(
  raw: Arg, param: string, fn: string, what: string, numbersAsIs: NumberBounds | null,
  read: (cell: Cell) => number, explain: (cell: Cell) => string | undefined,
  make: (n: number) => A, blank: number, dateClock: ((instant: number) => number) | null = null,
): Column<A> {
  const range = asRange(raw);
  const rows = range.length;
  const columns = rows ? range[0].length : 0;
  const col = { param, values: make(rows * columns), rows, columns };
  const values = col.values;
  const { min, max, integer } = numbersAsIs ?? ANY_NUMBER;
  let rejected = 0;
  let first = -1;
  const checkNumbers = numbersAsIs !== null;
  for (let i = 0, n = rows * columns; i < n; i++) {
    // One flat loop (most ranges are one column); the division only for wider ranges.
    const cell = columns === 1 ? range[i][0] : range[(i / columns) | 0][i % columns];
    let value: number;
    if (checkNumbers && typeof cell === 'number') {
      // v - v === 0 is false for NaN and ±Infinity.
      value = cell - cell === 0 && cell >= min && cell <= max && (!integer || Math.floor(cell) === cell) ? cell : NaN;
    } else if (dateClock && cell instanceof Date) {
      const t = cell.getTime();
      value = t === t ? dateClock(t) : NaN;
    } else value = read(cell);
    if (value === value) values[i] = value;
    else {
      values[i] = blank;
      if (!isBlank(cell) && rejected++ === 0) first = i;
    }
  }
  if (rejected) throwRejected(fn, what, range, col, rejected, first, explain);
  return col;
}

/** Memoises a reader of text cells: status and id columns repeat a few strings many times. */
function memoText<T>(read: (text: string) => T | undefined): CellReader<T> {
  const seen = new Map<string, T | undefined>();
  return (cell) => {
    if (typeof cell !== 'string') return undefined;
    if (seen.has(cell)) return seen.get(cell);
    const value = read(cell);
    if (seen.size < 10_000) seen.set(cell, value);
    return value;
  };
}

interface NumberRules {
  /** How the docs and errors name a valid value: "scores from 0 to 10". */
  what: string | ((earlier: Earlier) => string);
  integer?: boolean;
  min?: Bound;
  max?: Bound;
}

function describe(what: NumberRules['what'], earlier: Earlier): string {
  return typeof what === 'function' ? what(earlier) : what;
}

/** A number check built once per call, so the per-cell test is a few comparisons. */
function numberTest(rules: NumberRules, earlier: Earlier): (v: number) => boolean {
  const min = bound(rules.min, earlier) ?? -Infinity;
  const max = bound(rules.max, earlier) ?? Infinity;
  const integer = !!rules.integer;
  return (v) => v >= min && v <= max && (!integer || Number.isInteger(v));
}

/** Number cells checked inline against `rules`, number text through a memo: the pieces numbers() and scores() share. */
function numberReading(rules: NumberRules, earlier: Earlier) {
  const bounds: NumberBounds = {
    min: bound(rules.min, earlier) ?? -Infinity,
    max: bound(rules.max, earlier) ?? Infinity,
    integer: !!rules.integer,
  };
  const text = memoText((t) => {
    const got = coerceNumber(t);
    return got.ok ? got.value : undefined;
  });
  const read = (cell: Cell): number => {
    const v = typeof cell === 'string' ? text(cell) ?? NaN : NaN;
    return v >= bounds.min && v <= bounds.max && (!bounds.integer || Math.floor(v) === v) ? v : NaN;
  };
  const explain = (cell: Cell) => (typeof cell === 'string' ? hintOf(coerceNumber(cell)) : undefined);
  return { bounds, read, explain, what: describe(rules.what, earlier) };
}

/** A range of numbers (number cells or number text) checked against `rules`. */
export function numbers<N extends string>(name: N, description: string, rules: NumberRules, sameSizeAs?: string): Param<N, NumberColumn> {
  return {
    name, description, type: 'range', optional: false, sameSizeAs, cellwise: true,
    coerce(raw, call, earlier) {
      const { bounds, read, explain, what } = numberReading(rules, earlier);
      return coerceNumberRange(raw, name, call.fn, what, bounds, read, explain, newFloat64s, NaN);
    },
  };
}

/** Whole-number survey scores within `rules` (at most 0..254), stored one byte a cell. */
export function scores<N extends string>(name: N, description: string, rules: Omit<NumberRules, 'integer'>, sameSizeAs?: string): Param<N, ScoreColumn> {
  return {
    name, description, type: 'range', optional: false, sameSizeAs, cellwise: true,
    coerce(raw, call, earlier) {
      const { bounds, read, explain, what } = numberReading({ ...rules, integer: true }, earlier);
      if (!(bounds.min >= 0 && bounds.max < NO_SCORE)) throw new RangeError(`scores() takes bounds within 0..${NO_SCORE - 1}`);
      return coerceNumberRange(raw, name, call.fn, what, bounds, read, explain, newBytes, NO_SCORE);
    },
  };
}

/** A range of dates: Date cells, serial numbers or unambiguous date text, as civil ms. */
export function dates<N extends string>(name: N, description: string, sameSizeAs?: string): Param<N, NumberColumn> {
  return {
    name, description, type: 'range', optional: false, sameSizeAs, cellwise: true,
    coerce(raw, call) {
      const text = memoText((t) => {
        const got = coerceDate(t, call.toCivil);
        return got.ok ? got.value : undefined;
      });
      const read = (cell: Cell): number => {
        if (typeof cell === 'string') return text(cell) ?? NaN;
        const got = coerceDate(cell, call.toCivil);
        return got.ok ? got.value : NaN;
      };
      const explain = (cell: Cell) => hintOf(coerceDate(cell, call.toCivil));
      return coerceNumberRange(raw, name, call.fn, 'dates', null, read, explain, newFloat64s, NaN, call.clock());
    },
  };
}

/** A range of text (ids, segments, outcomes); numbers and dates are read as their text. */
export function texts<N extends string>(name: N, description: string, sameSizeAs?: string): Param<N, TextColumn> {
  return {
    name, description, type: 'range', optional: false, sameSizeAs, cellwise: true,
    coerce(raw, call) {
      const read = (cell: Cell): string | undefined => {
        if (typeof cell === 'string') return cell.trim() || undefined;
        const got = coerceText(cell);
        return got.ok ? got.value : undefined;
      };
      return coerceRange(raw, name, call.fn, 'text', (n) => new Array<string>(n), '', read);
    },
  };
}

/** A range of yes/no values: checkboxes, 1/0 or status words. */
export function flags<N extends string>(name: N, description: string, what: string, sameSizeAs?: string): Param<N, FlagColumn> {
  return {
    name, description, type: 'range', optional: false, sameSizeAs, cellwise: true,
    coerce(raw, call) {
      const word = memoText((t) => {
        const got = coerceFlag(t);
        return got.ok ? (got.value ? 1 : 0) : undefined;
      });
      const read = (cell: Cell): number | undefined => {
        if (typeof cell === 'string') return word(cell);
        const got = coerceFlag(cell);
        return got.ok ? (got.value ? 1 : 0) : undefined;
      };
      return coerceRange(raw, name, call.fn, what, (n) => new Int8Array(n), -1, read);
    },
  };
}

/** A single cell's value (a 1 × 1 range counts as a single cell). */
function single(raw: Arg, fn: string, name: string, what: string): Cell {
  if (!Array.isArray(raw)) return raw;
  if (raw.length === 1 && raw[0].length === 1) return raw[0][0];
  throw new MetricError(messages.notASingleValue(fn, name, what));
}

/** One number, checked against `rules`. */
export function number<N extends string>(name: N, description: string, rules: NumberRules): Param<N, number> {
  return {
    name, description, type: 'number', optional: false,
    coerce(raw, call, earlier) {
      const what = describe(rules.what, earlier);
      const cell = single(raw, call.fn, name, 'number');
      const got = coerceNumber(cell);
      if (!got.ok || !numberTest(rules, earlier)(got.value)) throw new MetricError(messages.badScalar(call.fn, name, what, cell));
      return got.value;
    },
  };
}

/** One of a fixed set of words, matched case-insensitively. */
export function option<N extends string, O extends string>(name: N, description: string, options: readonly O[]): Param<N, O> {
  return {
    name, description, type: 'text', optional: false,
    coerce(raw, call) {
      const cell = single(raw, call.fn, name, 'word');
      const word = typeof cell === 'string' ? cell.trim().toLowerCase() : '';
      const found = options.find((o) => o === word);
      if (!found) throw new MetricError(messages.badOption(call.fn, name, cell, options));
      return found;
    },
  };
}

/** A period label (2025-Q1, …) or a grain (month, …); a Date cell means that day, a whole number a year. */
export function period<N extends string>(name: N, description: string): Param<N, PeriodArg> {
  return {
    name, description, type: 'text', optional: false,
    coerce(raw, call) {
      const cell = single(raw, call.fn, name, 'period');
      if (isDate(cell) && Number.isFinite(cell.getTime())) {
        const day = parsePeriod(new Date(call.toCivil(cell.getTime())).toISOString().slice(0, 10));
        if (day) return { kind: 'period', period: day };
      }
      const text = typeof cell === 'number' && Number.isInteger(cell) ? String(cell) : typeof cell === 'string' ? cell : '';
      const grain = parseGrain(text);
      if (grain) return { kind: 'grain', grain };
      const p = parsePeriod(text);
      if (p) return { kind: 'period', period: p };
      throw new MetricError(messages.badPeriod(call.fn, cell));
    },
  };
}

/** Makes a parameter optional with a default value (shown in the docs as `defaultText`). */
export function withDefault<N extends string, T>(param: Param<N, T>, value: T, defaultText = JSON.stringify(value)): Param<N, T> {
  return { ...param, optional: true, defaultText, fallback: () => value };
}

/** Makes a parameter optional with no default: the core receives undefined when it is left out. */
export function optional<N extends string, T>(param: Param<N, T>): Param<N, T | undefined> {
  return { ...param, optional: true, fallback: () => undefined };
}

/** Makes a parameter optional with a default that depends on earlier arguments (CSAT's threshold). */
export function withComputedDefault<N extends string, T>(param: Param<N, T>, defaultText: string, value: (earlier: Earlier, call: CallContext) => T): Param<N, T> {
  return { ...param, optional: true, defaultText, fallback: (call, earlier) => value(earlier, call) };
}

/** A count: one number, or a range whose non-blank cells are counted (a list of new customers' names). */
export function countOf<N extends string>(name: N, description: string, what: string): Param<N, number> {
  return {
    name, description, type: 'number or range', optional: false,
    coerce(raw, call) {
      if (Array.isArray(raw) && !(raw.length === 1 && raw[0].length === 1)) {
        let n = 0;
        for (let r = 0; r < raw.length; r++) {
          const row = raw[r];
          for (let c = 0; c < row.length; c++) {
            const cell = row[c];
            // Most cells are names: only text starting with a space needs the full blank test.
            if (typeof cell === 'string') {
              if (cell.length && (cell.charCodeAt(0) > 32 || !isBlank(cell))) n++;
            } else if (cell !== null && cell !== undefined) n++;
          }
        }
        return n;
      }
      const cell = single(raw, call.fn, name, what);
      const got = coerceNumber(cell);
      if (got.ok && got.value >= 0) return got.value;
      if (typeof cell === 'string' && !got.ok) return 1; // one name in one cell
      throw new MetricError(messages.badScalar(call.fn, name, what, cell));
    },
  };
}

/** A grain: year, quarter, month, week or day ("monthly", "Months" … are accepted). */
export function grain<N extends string>(name: N, description: string): Param<N, Grain> {
  return {
    name, description, type: 'text', optional: false,
    coerce(raw, call) {
      const cell = single(raw, call.fn, name, 'grain');
      const found = typeof cell === 'string' ? parseGrain(cell) : null;
      if (!found) throw new MetricError(messages.badOption(call.fn, name, cell, GRAINS));
      return found;
    },
  };
}

/** The remaining arguments, passed on as Sheets gave them (at most `max`; the stub numbers them). */
export function rest<N extends string>(name: N, description: string, max: number): Param<N, Arg[]> {
  return {
    name, description, type: 'any', optional: true, fallback: () => [],
    coerce: (raw) => [raw],
    rest: { max, coerceAll: (raw) => [...raw] },
  };
}
