// A money range read in one pass: its total and count summed while the cells are checked, the column built only on demand.

import type { NumberColumn } from '../core/columns';
import { MetricError, messages } from '../core/errors';
import { numberReading, numbers, readNumberRange } from './params';
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
      const { rows, columns, total, count } = readNumberRange(raw, name, call.fn, numberReading({ what, min }, earlier), { sum: true });
      let column: NumberColumn | undefined;
      return { total, count, cells: rows * columns, column: () => (column ??= asColumn.coerce(raw, call, earlier)) };
    },
  };
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
