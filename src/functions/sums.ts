// A money range read in one pass: its total and count summed while the cells are checked, the column built only on demand.

import type { NumberColumn } from '../core/columns';
import { MetricError, messages } from '../core/errors';
import type { Cell } from '../core/values';
import { numberReading, numbers, type NumberRules } from './params';
import { asRange, isOneColumn, readNumberRange } from './ranges';
import type { CallContext, Param } from './spec';

/** A range of amounts: the sum and count of its non-blank cells, its size, and the cells as a column when asked. */
export interface Amounts {
  total: number;
  count: number;
  cells: number;
  column(): NumberColumn;
}

/**
 * The common case, summed in the tightest loop: one column of finite number cells of at least `min`, and blanks.
 * Undefined as soon as any other cell appears; the general reader then decides.
 */
function plainSum(range: Cell[][], min: number): { total: number; count: number } | undefined {
  let total = 0;
  let count = 0;
  let atLeastMin = true;
  for (let r = 0; r < range.length; r++) {
    const cell = range[r][0];
    // As a float first: V8 then adds raw doubles instead of boxed numbers (half the time).
    const value = typeof cell === 'number' ? cell : NaN;
    if (value === value) {
      atLeastMin = atLeastMin && value >= min;
      total += value;
      count++;
    } else if (cell !== '') return undefined;
  }
  // A NaN cell was handed over above; ±Infinity leaves the total infinite (t - t === 0 is false): the general reader names it.
  return atLeastMin && total - total === 0 ? { total, count } : undefined;
}

/**
 * Amounts (number cells or number text) within `rules`, one number or a range; blanks are skipped. The common case — a
 * sum over every row — allocates nothing; a period or a grouping asks for the column.
 */
export function amounts<N extends string>(name: N, description: string, rules: NumberRules): Param<N, Amounts> {
  const asColumn = numbers(name, description, rules);
  // The tightest loop checks a minimum only: other bounds go through the general reader.
  const plainMin = rules.max === undefined && !rules.integer && rules.scale === undefined ? rules.min ?? -Infinity : undefined;
  return {
    name, description, type: 'number or range', optional: false, cellwise: true, bounds: asColumn.bounds,
    coerce(raw, call, earlier) {
      const range = asRange(raw);
      const { total, count } = (plainMin !== undefined && isOneColumn(range) ? plainSum(range, plainMin) : undefined) ??
        readNumberRange(range, name, call, numberReading(rules, earlier), { sum: true });
      let column: NumberColumn | undefined;
      return { total, count, cells: range.length ? range.length * range[0].length : 0, column: () => (column ??= asColumn.coerce(range, call, earlier)) };
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
