// The shape of a benchmark case: how to make Sheets-shaped arguments and a hand-written tight-loop baseline.

import type { Arg } from '../src/functions/spec';

/** A seeded random source in [0, 1), so every run benchmarks the same data. */
export type Random = () => number;

export interface BenchCase {
  /** The custom function measured (its name in the function table). */
  fn: string;
  /** A label when one function has several cases ("grain=month"). */
  variant?: string;
  /** How many cells one row of the arguments holds (so sizes can be stated in cells). */
  cellsPerRow: number;
  /** Arguments for `rows` rows, as Sheets passes them: 2-D arrays of numbers, strings, Dates, "". */
  makeArgs(rows: number, random: Random): Arg[];
  /** The same figure computed by a plain loop over the same arrays, with no coercion layers. */
  baseline(args: Arg[]): unknown;
}
