// Parameter kinds for the function table: each turns a raw Sheets argument into a clean typed value or throws.

import { describeLimits, resolveBounds, withinLimits, type Limits, type NumberBounds } from '../core/bounds';
import { NO_SCORE, type FlagColumn, type NumberColumn, type ScoreColumn, type ScoreCounts, type TextColumn } from '../core/columns';
import { isDate, MetricError, messages, type Said } from '../core/errors';
import { GRAINS, parseGrain, parsePeriod, type Grain, type Period } from '../core/periods';
import { coerceFlag, coerceNumber, coerceText, isBlank, type Cell } from '../core/values';
import {
  asRange, coerceNumberRange, hintOf, isOneColumn, memoText, newBytes, newFloat64s, readNumberRange, throwRejected,
  type CellReader, type NumberReading,
} from './ranges';
import type { Arg, CallContext, Param } from './spec';

type Earlier = Record<string, unknown>;

/** A period argument: one labelled period, or a grain asking for a series. */
export type PeriodArg = { kind: 'period'; period: Period } | { kind: 'grain'; grain: Grain };

/** Flattens a range of text-like cells through `read` (undefined = unreadable), blanks becoming `blank`. */
function coerceRange<A extends { [i: number]: unknown }>(
  raw: Arg, param: string, call: CallContext, what: string, make: (n: number) => A, blank: A[number],
  read: CellReader<A[number]>, explain: (cell: Cell) => Said | undefined = () => undefined,
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
  if (rejected) throwRejected(call, what, range, col, rejected, first, explain);
  return col;
}

/**
 * How a number parameter is declared: its bounds (kept on the Param as plain data, `bounds`) and how its values are
 * named; errors and docs say the noun and the bounds: "scores from 0 to 10", "counts of 0 or more".
 */
export type NumberRules = NumberBounds & (
  | {
    /** What valid values are called, before their bounds: "scores", "a whole number", "amounts". */
    noun: string;
    /** Said after the bounds, in parentheses: "70% or 0.7". */
    aside?: string;
  }
  /** The whole wording, only where the bounds read badly after a noun ("a level between 0.5 and 0.999"). */
  | { what: string }
);

/** The bounds of `rules` as plain data: only the keys it sets. */
function boundsOf({ integer, min, max, scale }: NumberBounds): NumberBounds {
  return {
    ...(integer !== undefined ? { integer } : {}), ...(min !== undefined ? { min } : {}),
    ...(max !== undefined ? { max } : {}), ...(scale !== undefined ? { scale } : {}),
  };
}

/** The limits of `bounds` in one call: its scale, if any, is the value of that parameter (coerced earlier). */
const limitsOf = (bounds: NumberBounds, earlier: Earlier): Limits =>
  resolveBounds(bounds, bounds.scale === undefined ? undefined : (earlier[bounds.scale] as number));

/** How errors and docs name a valid value of `rules` within `limits`. */
function describe(rules: NumberRules, limits: Limits): string {
  return 'what' in rules ? rules.what : `${describeLimits(rules.noun, limits)}${rules.aside ? ` (${rules.aside})` : ''}`;
}

/** Number cells checked inline against `rules`, number text through a memo: the reading numbers() and scores() share. */
export function numberReading(rules: NumberRules, earlier: Earlier): NumberReading & { numbersAsIs: Limits } {
  const bounds = limitsOf(rules, earlier);
  const text = memoText((t) => {
    const got = coerceNumber(t);
    return got.ok ? got.value : undefined;
  });
  const read = (cell: Cell): number => {
    const v = typeof cell === 'string' ? text(cell) ?? NaN : NaN;
    return v >= bounds.min && v <= bounds.max && (!bounds.integer || Math.floor(v) === v) ? v : NaN;
  };
  const explain = (cell: Cell) => (typeof cell === 'string' ? hintOf(coerceNumber(cell)) : undefined);
  return { numbersAsIs: bounds, read, explain, what: describe(rules, bounds) };
}

/** A range of numbers (number cells or number text) checked against `rules`. */
export function numbers<N extends string>(name: N, description: string, rules: NumberRules, sameSizeAs?: string): Param<N, NumberColumn> {
  return {
    name, description, type: 'range', optional: false, sameSizeAs, cellwise: true, bounds: boundsOf(rules),
    coerce: (raw, call, earlier) => coerceNumberRange(raw, name, call, numberReading(rules, earlier), newFloat64s, NaN),
  };
}

/**
 * The common case of survey answers, counted in the tightest loop: one column of whole-number cells within
 * min..max (≥ 0) and blanks. Undefined as soon as any other cell appears; the general reader then decides.
 */
function countPlainScores(range: Cell[][], min: number, max: number): Float64Array | undefined {
  const histogram = new Float64Array(max + 1);
  for (let r = 0; r < range.length; r++) {
    const cell = range[r][0];
    if (typeof cell === 'number') {
      // Within 0..254, (cell | 0) === cell is exactly "a whole number".
      if (!(cell >= min && cell <= max && (cell | 0) === cell)) return undefined;
      histogram[cell]++;
    } else if (cell !== '') return undefined;
  }
  return histogram;
}

/** Scores of any range counted through the general reader (text numbers, several columns, rejected cells). */
function readScoreHistogram(range: Cell[][], param: string, call: CallContext, reading: NumberReading, max: number): Float64Array {
  const histogram = new Float64Array(max + 1);
  readNumberRange(range, param, call, reading, { histogram });
  return histogram;
}

/**
 * Whole-number survey scores within `bounds` (at most 0..254), counted by score while they are checked; the byte
 * column is read only when asked for (a period or a series needs it). Errors and docs call them "scores from … to …".
 */
export function scores<N extends string>(name: N, description: string, bounds: Omit<NumberBounds, 'integer'>, sameSizeAs?: string): Param<N, ScoreCounts> {
  const rules: NumberRules = { ...bounds, integer: true, noun: 'scores' };
  return {
    name, description, type: 'range', optional: false, sameSizeAs, cellwise: true, bounds: boundsOf(rules),
    coerce(raw, call, earlier) {
      const reading = numberReading(rules, earlier);
      const { min, max } = reading.numbersAsIs;
      if (!(min >= 0 && max < NO_SCORE)) throw new RangeError(`scores() takes bounds within 0..${NO_SCORE - 1}`);
      const range = asRange(raw);
      const histogram = (isOneColumn(range) ? countPlainScores(range, min, max) : undefined) ?? readScoreHistogram(range, name, call, reading, max);
      let column: ScoreColumn | undefined;
      return {
        histogram, cells: range.length ? range.length * range[0].length : 0,
        column: () => (column ??= coerceNumberRange(range, name, call, reading, newBytes, NO_SCORE)),
      };
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
      return coerceRange(raw, name, call, 'text', (n) => new Array<string>(n), '', read);
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
      return coerceRange(raw, name, call, what, (n) => new Int8Array(n), -1, read);
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
    name, description, type: 'number', optional: false, bounds: boundsOf(rules),
    coerce(raw, call, earlier) {
      const limits = limitsOf(rules, earlier);
      const cell = single(raw, call.fn, name, 'number');
      const got = coerceNumber(cell);
      if (!got.ok || !withinLimits(got.value, limits)) throw new MetricError(messages.badScalar(call.fn, name, describe(rules, limits), cell, call.toCivil));
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
      if (!found) throw new MetricError(messages.badOption(call.fn, name, cell, call.toCivil, options));
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
      throw new MetricError(messages.badPeriod(call.fn, cell, call.toCivil));
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

/** A cell that counts as one item of a list of names: anything but a blank (only text starting with a space needs the full test). */
const isFilled = (cell: Cell): boolean =>
  (typeof cell === 'string' ? cell.length !== 0 && (cell.charCodeAt(0) > 32 || !isBlank(cell)) : cell !== null && cell !== undefined);

/** How many cells of a one-column range are filled: a flat loop, the usual case (a nested one costs half as much again). */
function filledInColumn(range: Cell[][]): number | undefined {
  let n = 0;
  for (let r = 0; r < range.length; r++) {
    const row = range[r];
    if (row.length !== 1) return undefined; // a ragged range: the general loop counts every cell
    n += +isFilled(row[0]);
  }
  return n;
}

/** A count: one number, or a range whose non-blank cells are counted (a list of new customers' names). */
export function countOf<N extends string>(name: N, description: string, what: string): Param<N, number> {
  return {
    name, description, type: 'number or range', optional: false,
    coerce(raw, call) {
      if (Array.isArray(raw) && !(raw.length === 1 && raw[0].length === 1)) {
        const inColumn = isOneColumn(raw) ? filledInColumn(raw) : undefined;
        if (inColumn !== undefined) return inColumn;
        let n = 0;
        for (const row of raw) for (const cell of row) n += +isFilled(cell);
        return n;
      }
      const cell = single(raw, call.fn, name, what);
      const got = coerceNumber(cell);
      if (got.ok && got.value >= 0) return got.value;
      if (typeof cell === 'string' && !got.ok) return 1; // one name in one cell
      throw new MetricError(messages.badScalar(call.fn, name, what, cell, call.toCivil));
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
      if (!found) throw new MetricError(messages.badOption(call.fn, name, cell, call.toCivil, GRAINS));
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
