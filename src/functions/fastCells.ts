// Number and date range parameters with a fast path for number and Date cells (no per-cell allocation).

import { positionOf, type NumberColumn } from '../core/columns';
import { MetricError, messages } from '../core/errors';
import { coerceDate, coerceNumber, isBlank, type Cell } from '../core/values';
import { asRange } from './params';
import type { Arg, Param } from './spec';

/** Counts rejected cells and keeps the first, for one message naming it. */
interface Rejected {
  count: number;
  index: number;
  cell: Cell;
  hint?: string;
}

function reject(r: Rejected, i: number, cell: Cell, hint?: string): void {
  if (r.count++ === 0) {
    r.index = i;
    r.cell = cell;
    r.hint = hint;
  }
}

/** The range's shape and a Float64Array for its cells. */
function shapeOf(raw: Arg, param: string): { range: Cell[][]; col: NumberColumn } {
  const range = asRange(raw);
  const rows = range.length;
  const columns = rows ? range[0].length : 0;
  return { range, col: { param, values: new Float64Array(rows * columns), rows, columns } };
}

function throwIfRejected(fn: string, what: string, col: NumberColumn, r: Rejected): NumberColumn {
  if (r.count) throw new MetricError(messages.badCells(fn, r.count, what, r.cell, positionOf(col, r.index), r.hint));
  return col;
}

/** A range of numbers from `min` to `max`: number cells or number text ("7,5", "45%", "$1,200"). */
export function fastNumbers<N extends string>(name: N, description: string, rules: { what: string; min?: number; max?: number }, sameSizeAs?: string): Param<N, NumberColumn> {
  const min = rules.min ?? -Infinity;
  const max = rules.max ?? Infinity;
  return {
    name, description, type: 'range', optional: false, sameSizeAs,
    coerce(raw, call) {
      const { range, col } = shapeOf(raw, name);
      const values = col.values;
      const rejected: Rejected = { count: 0, index: -1, cell: undefined };
      for (let r = 0, i = 0; r < col.rows; r++) {
        const row = range[r];
        for (let c = 0; c < col.columns; c++, i++) {
          const cell = row[c];
          if (typeof cell === 'number' && cell >= min && cell <= max && cell - cell === 0) values[i] = cell;
          else if (cell === '' || isBlank(cell)) values[i] = NaN;
          else {
            const got = coerceNumber(cell);
            if (got.ok && got.value >= min && got.value <= max) values[i] = got.value;
            else reject(rejected, i, cell, got.ok ? undefined : got.hint);
          }
        }
      }
      return throwIfRejected(call.fn, rules.what, col, rejected);
    },
  };
}

/** A range of dates as civil ms: Date cells, serial numbers or unambiguous date text. */
export function fastDates<N extends string>(name: N, description: string, sameSizeAs?: string): Param<N, NumberColumn> {
  return {
    name, description, type: 'range', optional: false, sameSizeAs,
    coerce(raw, call) {
      const toCivil = call.toCivil;
      const { range, col } = shapeOf(raw, name);
      const values = col.values;
      const rejected: Rejected = { count: 0, index: -1, cell: undefined };
      for (let r = 0, i = 0; r < col.rows; r++) {
        const row = range[r];
        for (let c = 0; c < col.columns; c++, i++) {
          const cell = row[c];
          const t = cell instanceof Date ? cell.getTime() : NaN;
          if (t === t) values[i] = toCivil(t);
          else if (cell === '' || isBlank(cell)) values[i] = NaN;
          else {
            const got = coerceDate(cell, toCivil);
            if (got.ok) values[i] = got.value;
            else reject(rejected, i, cell, got.hint);
          }
        }
      }
      return throwIfRejected(call.fn, 'dates', col, rejected);
    },
  };
}

/** Counts given as one number or a range: their total, and the cells as a column, built only when asked for. */
export interface Counts {
  total: number;
  column(): NumberColumn;
}

/**
 * Counts of 0 or more, one number or a range (blanks add nothing). The total is summed while the cells are
 * checked, with no array built; a period that needs the rows asks for the column.
 */
export function fastCounts<N extends string>(name: N, description: string, what: string): Param<N, Counts> {
  const asColumn = fastNumbers(name, description, { what, min: 0 });
  return {
    name, description, type: 'number or range', optional: false,
    coerce(raw, call, earlier) {
      const range = asRange(raw);
      const columns = range.length ? range[0].length : 0;
      const rejected: Rejected = { count: 0, index: -1, cell: undefined };
      let total = 0;
      for (let r = 0, i = 0; r < range.length; r++) {
        const row = range[r];
        for (let c = 0; c < columns; c++, i++) {
          const cell = row[c];
          if (typeof cell === 'number' && cell >= 0 && cell - cell === 0) total += cell;
          else if (cell !== '' && !isBlank(cell)) {
            const got = coerceNumber(cell);
            if (got.ok && got.value >= 0) total += got.value;
            else reject(rejected, i, cell, got.ok ? undefined : got.hint);
          }
        }
      }
      if (rejected.count) {
        const at = positionOf({ param: name, columns }, rejected.index);
        throw new MetricError(messages.badCells(call.fn, rejected.count, what, rejected.cell, at, rejected.hint));
      }
      return { total, column: () => asColumn.coerce(raw, call, earlier) };
    },
  };
}
