// The expression tree a metric compiles to: plain data, rendered to SQL by one small renderer per dialect.

import type { Grain } from '../core/periods';

/** A comparison between two numbers. */
export type Comparison = '=' | '<' | '<=' | '>' | '>=';

export type Expr =
  /** A staged column of the rows being aggregated (a role's column, read once by the query). */
  | { op: 'column'; name: string }
  | { op: 'number'; value: number }
  | { op: 'null' }
  /** The civil date of a civil date-time (DATE cast). */
  | { op: 'dateOf'; of: Expr }
  /** The first day of the period of `grain` holding a civil date (ISO Monday weeks). */
  | { op: 'periodStart'; of: Expr; grain: Grain }
  /** Civil milliseconds from one civil date-time to another. */
  | { op: 'millisBetween'; from: Expr; to: Expr }
  /** True when a staged word (already normalised: trimmed, lower case, runs of spaces, - and _ as one space) is one of `words`. */
  | { op: 'isOneOf'; of: Expr; words: readonly string[] }
  /** True when a typed (number or date) cell is NULL. */
  | { op: 'isNull'; of: Expr }
  /** The first non-NULL argument. */
  | { op: 'coalesce'; args: readonly Expr[] }
  /** A cell as trimmed text, NULL when blank: ids and products compared exactly. */
  | { op: 'textKey'; of: Expr }
  | { op: 'compare'; cmp: Comparison; left: Expr; right: Expr }
  | { op: 'and' | 'or'; args: readonly Expr[] }
  | { op: 'not'; of: Expr }
  /** CASE WHEN cond THEN then ELSE otherwise END (NULL without otherwise). */
  | { op: 'when'; cond: Expr; then: Expr; otherwise?: Expr }
  /** Arithmetic; '/' only by a non-zero constant (any other division is `divide`). */
  | { op: 'arith'; fn: '+' | '-' | '*' | '/'; left: Expr; right: Expr }
  /** top / bottom, NULL when bottom is 0 (never an error, never Infinity). */
  | { op: 'divide'; top: Expr; bottom: Expr }
  /** An aggregate over the group's rows; NULL inputs are skipped. `median` is exact on DuckDB, approximate on BigQuery. */
  | { op: 'aggregate'; fn: 'sum' | 'count' | 'avg' | 'min' | 'max' | 'countDistinct' | 'median'; of: Expr }
  /** The highest number of a column over every row of the table (not only the group's): an answer scale is read so. */
  | { op: 'tableMax'; column: string }
  /**
   * A figure of each row over the rows sharing its `partitionBy` values (a customer's whole history): their lowest `of`,
   * or the `of` of the first of them in `orderBy` order.
   */
  | { op: 'window'; fn: 'min' | 'firstValue'; of: Expr; partitionBy: readonly Expr[]; orderBy?: readonly OrderKey[] }
  /** The table's row order (the sheet's "higher row"), where the engine keeps one; left out of an ordering where not. */
  | { op: 'rowOrder' };

/** One key of a window's ordering. */
export type OrderKey = { by: Expr; descending?: boolean };

export const column = (name: string): Expr => ({ op: 'column', name });
export const num = (value: number): Expr => ({ op: 'number', value });
export const NULL: Expr = { op: 'null' };
export const isNull = (of: Expr): Expr => ({ op: 'isNull', of });
export const notNull = (of: Expr): Expr => not(isNull(of));
export const coalesce = (...args: Expr[]): Expr => ({ op: 'coalesce', args });
export const textKey = (of: Expr): Expr => ({ op: 'textKey', of });
export const isOneOf = (of: Expr, words: readonly string[]): Expr => ({ op: 'isOneOf', of, words });
export const compare = (left: Expr, cmp: Comparison, right: Expr): Expr => ({ op: 'compare', cmp, left, right });
export const and = (...args: Expr[]): Expr => (args.length === 1 ? args[0] : { op: 'and', args });
export const or = (...args: Expr[]): Expr => (args.length === 1 ? args[0] : { op: 'or', args });
export const not = (of: Expr): Expr => ({ op: 'not', of });
export const when = (cond: Expr, then: Expr, otherwise?: Expr): Expr => ({ op: 'when', cond, then, ...(otherwise ? { otherwise } : {}) });
export const plus = (left: Expr, right: Expr): Expr => ({ op: 'arith', fn: '+', left, right });
export const minus = (left: Expr, right: Expr): Expr => ({ op: 'arith', fn: '-', left, right });
export const times = (left: Expr, right: Expr): Expr => ({ op: 'arith', fn: '*', left, right });
export const dividedByConstant = (left: Expr, by: number): Expr => {
  if (!(by !== 0 && Number.isFinite(by))) throw new Error(`not a non-zero constant: ${by}`);
  return { op: 'arith', fn: '/', left, right: num(by) };
};
export const divide = (top: Expr, bottom: Expr): Expr => ({ op: 'divide', top, bottom });
export const sum = (of: Expr): Expr => ({ op: 'aggregate', fn: 'sum', of });
export const count = (of: Expr): Expr => ({ op: 'aggregate', fn: 'count', of });
export const avg = (of: Expr): Expr => ({ op: 'aggregate', fn: 'avg', of });
export const median = (of: Expr): Expr => ({ op: 'aggregate', fn: 'median', of });
export const min = (of: Expr): Expr => ({ op: 'aggregate', fn: 'min', of });
export const max = (of: Expr): Expr => ({ op: 'aggregate', fn: 'max', of });
export const countDistinct = (of: Expr): Expr => ({ op: 'aggregate', fn: 'countDistinct', of });
/** 1 for the rows where `cond` holds, else 0: summed, it counts them. */
export const oneIf = (cond: Expr): Expr => when(cond, num(1), num(0));
/** How many rows satisfy `cond` (0 when none). */
export const countIf = (cond: Expr): Expr => sum(oneIf(cond));
