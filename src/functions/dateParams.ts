// Date parameter kinds: Date cells, serial numbers and unambiguous date text as civil ms in the spreadsheet's zone,
// with the fast paths for one column of plain Date cells (and the unstored column durations fold).

import type { NumberColumn } from '../core/columns';
import { coerceDate, type Cell } from '../core/values';
import { asRange, coerceNumberRange, hintOf, isOneColumn, memoText, newFloat64s, readNumberRange, type NumberReading } from './ranges';
import type { Arg, CallContext, Param } from './spec';

/** Reads date cells: Date cells through the zone's clock, serial numbers, unambiguous date text (memoised). */
export function dateReading(call: CallContext): NumberReading {
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
  return { what: 'dates', numbersAsIs: null, read, explain, dateClock: call.clock() };
}

/** The cells of a range of dates as civil ms, one array per column (blanks NaN). */
export function dateColumns(raw: Arg, param: string, call: CallContext): Float64Array[] {
  const range = asRange(raw);
  const byColumn = Array.from({ length: range.length ? range[0].length : 0 }, () => new Float64Array(range.length).fill(NaN));
  readNumberRange(range, param, call, dateReading(call), { byColumn });
  return byColumn;
}

/**
 * True when every cell of a one-column range is a valid Date cell or a blank (the common case, checked in the
 * tightest loop); given `values`, the cells are stored there on the way, as civil ms (blanks NaN).
 */
function readPlainDates(range: Cell[][], clock: (instant: number) => number, values: Float64Array | null): boolean {
  for (let r = 0; r < range.length; r++) {
    const cell = range[r][0];
    if (cell instanceof Date) {
      const t = cell.getTime();
      if (t !== t) return false; // an invalid Date
      if (values !== null) values[r] = clock(t);
    } else if (cell !== '') return false;
    else if (values !== null) values[r] = NaN;
  }
  return true;
}

/** A cell of a plain date column as civil ms (NaN when blank). */
export const plainDate = (cell: Cell, clock: (instant: number) => number): number => (cell === '' ? NaN : clock((cell as Date).getTime()));

/**
 * One column of valid Date cells and blanks, checked but not stored: its values are built on first use, and a fold
 * over such columns may read their cells instead (durations need no column at all). `values` is a getter: pass the
 * column itself, never a spread or copy of it.
 */
export class PlainDateColumn implements NumberColumn {
  readonly columns = 1;
  readonly rows: number;
  private stored: Float64Array | undefined;

  constructor(readonly param: string, readonly range: Cell[][], readonly clock: (instant: number) => number) {
    this.rows = range.length;
  }

  get values(): Float64Array {
    if (!this.stored) {
      const values = new Float64Array(this.rows);
      for (let r = 0; r < this.rows; r++) values[r] = plainDate(this.range[r][0], this.clock);
      this.stored = values;
    }
    return this.stored;
  }
}

/** A date parameter whose one-column ranges of plain cells are read by `plain` (undefined: by the general reader). */
function dateParam<N extends string>(
  name: N, description: string, sameSizeAs: string | undefined,
  plain: (range: Cell[][], clock: (instant: number) => number) => NumberColumn | undefined,
): Param<N, NumberColumn> {
  return {
    name, description, type: 'range', optional: false, sameSizeAs, cellwise: true,
    coerce(raw, call) {
      const range = asRange(raw);
      return (isOneColumn(range) ? plain(range, call.clock()) : undefined) ?? coerceNumberRange(range, name, call, dateReading(call), newFloat64s, NaN);
    },
  };
}

/** A range of dates: Date cells, serial numbers or unambiguous date text, as civil ms. */
export function dates<N extends string>(name: N, description: string, sameSizeAs?: string): Param<N, NumberColumn> {
  return dateParam(name, description, sameSizeAs, (range, clock) => {
    const values = new Float64Array(range.length);
    return readPlainDates(range, clock, values) ? { param: name, values, rows: range.length, columns: 1 } : undefined;
  });
}

/**
 * The start or end dates of a duration: as `dates`, but a plain column is checked without being stored
 * (a PlainDateColumn), so durationSummary can fold the two ranges' cells directly.
 */
export function durationDates<N extends string>(name: N, description: string, sameSizeAs?: string): Param<N, NumberColumn> {
  return dateParam(name, description, sameSizeAs, (range, clock) => (readPlainDates(range, clock, null) ? new PlainDateColumn(name, range, clock) : undefined));
}
