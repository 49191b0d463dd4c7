// Coerced ranges: flat typed arrays that keep the range's shape so any cell can be named back to the user.

import type { CellPosition } from './errors';

/** A range flattened row by row into typed values; blanks are NaN, "" or -1 depending on the type. */
export interface Column<T> {
  /** The parameter's name, used when naming a cell in a message. */
  param: string;
  values: T;
  rows: number;
  columns: number;
}

/** Numbers or civil dates (ms); NaN marks a blank cell. */
export type NumberColumn = Column<Float64Array>;
/** Trimmed text; "" marks a blank cell. */
export type TextColumn = Column<string[]>;
/** 1 for yes, 0 for no, -1 for a blank cell. */
export type FlagColumn = Column<Int8Array>;
/** Whole-number survey scores 0–254, one byte a cell (an eighth of a NumberColumn's memory); NO_SCORE is a blank. */
export type ScoreColumn = Column<Uint8Array>;
export const NO_SCORE = 255;

/** Scores read once: how many cells hold each score (index = score), and the byte column only when asked for. */
export interface ScoreCounts {
  histogram: Float64Array;
  /** How many cells the range holds, blanks included. */
  cells: number;
  column(): ScoreColumn;
}

/** The 1-based row and column of flat index `i` within the column's range. */
export function positionOf(col: Pick<Column<unknown>, 'param' | 'columns'>, i: number): CellPosition {
  return { param: col.param, row: Math.floor(i / col.columns) + 1, column: (i % col.columns) + 1, columns: col.columns };
}

/** Builds a single-column NumberColumn from plain values (for tests and internal callers). */
export function numberColumn(param: string, values: ArrayLike<number>): NumberColumn {
  return { param, values: Float64Array.from(values), rows: values.length, columns: 1 };
}

/** Builds a single-column TextColumn from plain strings. */
export function textColumn(param: string, values: string[]): TextColumn {
  return { param, values, rows: values.length, columns: 1 };
}
