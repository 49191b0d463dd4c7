// A money range read in one pass: its total and count summed while the cells are checked, the column built only on demand.

import { positionOf, type NumberColumn } from '../core/columns';
import { MetricError, messages } from '../core/errors';
import { coerceNumber, isBlank, type Cell } from '../core/values';
import { asRange, numbers } from './params';
import type { CallContext, Param } from './spec';

/** A range of amounts: the sum and count of its non-blank cells, its size, and the cells as a column when asked. */
export interface Amounts {
  total: number;
  count: number;
  cells: number;
  column(): NumberColumn;
}

/**
 * Amounts (number cells or number text) of at least `min`, one number or a range; blanks are skipped. The common
 * case — a sum over every row — allocates nothing; a period or a grouping asks for the column.
 */
export function amounts<N extends string>(name: N, description: string, what: string, min = -Infinity): Param<N, Amounts> {
  const asColumn = numbers(name, description, { what, min });
  return {
    name, description, type: 'number or range', optional: false, cellwise: true,
    coerce(raw, call, earlier) {
      const range = asRange(raw);
      const columns = range.length ? range[0].length : 0;
      let total = 0;
      let count = 0;
      let rejected = 0;
      let first = -1;
      for (let r = 0, i = 0; r < range.length; r++) {
        const row = range[r];
        for (let c = 0; c < columns; c++, i++) {
          const cell = row[c];
          // Number cells take the short branch (v - v === 0 is false for NaN and ±Infinity); text and the rest the slow one.
          let v = NaN;
          if (typeof cell === 'number') {
            if (cell >= min && cell - cell === 0) {
              total += cell;
              count++;
              continue;
            }
          } else if (cell === '' || isBlank(cell)) continue;
          else v = numberOf(cell, min);
          if (v === v) {
            total += v;
            count++;
          } else if (rejected++ === 0) first = i;
        }
      }
      if (rejected) {
        const firstCell = range[Math.floor(first / columns)][first % columns];
        const hint = typeof firstCell === 'string' ? (coerceNumber(firstCell) as { hint?: string }).hint : undefined;
        throw new MetricError(messages.badCells(call.fn, rejected, what, firstCell, positionOf({ param: name, columns }, first), hint));
      }
      let column: NumberColumn | undefined;
      return { total, count, cells: range.length * columns, column: () => (column ??= asColumn.coerce(raw, call, earlier)) };
    },
  };
}

/** A non-number cell's value when it is number text of at least `min`, else NaN. */
function numberOf(cell: Cell, min: number): number {
  const got = coerceNumber(cell);
  return got.ok && got.value >= min ? got.value : NaN;
}

/** Throws the runner's size message when a range beside `amounts` has another number of cells. */
export function checkSameSize(fn: string, param: string, cells: number, other: string, otherCells: number): void {
  if (cells !== otherCells) throw new MetricError(messages.sizeMismatch(fn, param, cells, other, otherCells));
}

/** Spend ÷ customers (CAC, RETENTION_COST), refusing a count of zero. */
export function costPerCustomer(call: CallContext, cost: number, customers: number, param: string, what: string): number {
  if (customers === 0) throw new MetricError(messages.zeroCount(call.fn, param, what));
  return cost / customers;
}
