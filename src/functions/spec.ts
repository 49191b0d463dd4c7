// The shape of a custom function's entry in the function table: metadata, typed parameters, examples, core.

import type { InputSource } from '../core/mapping/inputs';
import type { Cell } from '../core/values';

/** What a custom function receives for one argument: a cell's value or a range as rows × columns. */
export type Arg = Cell | Cell[][];

/** What a custom function returns: a number, or a table that spills (strings and finite numbers). */
export type Result = number | string | (string | number)[][];

/** Facts about the call that coercion needs: the function's name and the spreadsheet's clock. */
export interface CallContext {
  fn: string;
  /** Maps an instant to civil ms in the spreadsheet's time zone (created on first use). */
  toCivil(instant: number): number;
  /** The same clock as a function of its own, for hot loops (one direct call a cell). */
  clock(): (instant: number) => number;
  /** The current civil time in the spreadsheet's time zone. */
  now(): number;
}

/** One parameter: its documentation and how a raw argument becomes the typed value the core receives. */
export interface Param<N extends string = string, T = unknown> {
  name: N;
  /** The type shown in autocomplete and docs: "range", "number", "text". */
  type: string;
  description: string;
  optional: boolean;
  /** The default as docs show it ("0.95", "\"start\""), for optional parameters. */
  defaultText?: string;
  /** Another parameter whose range must hold the same number of cells. */
  sameSizeAs?: string;
  /** Coerces the raw argument; `earlier` holds the parameters coerced before this one. */
  coerce(raw: Arg, call: CallContext, earlier: Record<string, unknown>): T;
  /** True when the raw argument was left out (the runner then uses `fallback`). */
  fallback?: (call: CallContext, earlier: Record<string, unknown>) => T;
  /**
   * True when only the range's cells matter, in row-major order, not its shape (numbers, dates, texts, flags):
   * METRIC_BY may then pass a one-column slice as one row, which it builds far faster.
   */
  cellwise?: boolean;
  /**
   * Variadic: the last parameter may collect every remaining argument (at most `max`, the stub's count);
   * the runner then calls `coerceAll` with them instead of `coerce`.
   */
  rest?: { max: number; coerceAll(raw: readonly Arg[], call: CallContext, earlier: Record<string, unknown>): T };
}

/** The typed arguments record a core function receives, derived from its parameter list. */
export type ArgsOf<P extends readonly Param[]> = {
  [K in P[number] as K['name']]: K extends Param<string, infer T> ? T : never;
};

export type Category = 'Surveys' | 'Retention' | 'Sales and pipeline' | 'Revenue and value' | 'Service' | 'Health and segments' | 'Predictive';

/** How a result is meant to be read: it picks the number format in summaries and the docs' wording. */
export type OutputFormat = 'points' | 'fraction' | 'money' | 'days' | 'hours' | 'number' | 'count' | 'money-per-day' | 'table';

/** An example call: its arguments (as Sheets would pass them) and the value it returns. */
export interface Example {
  args: Arg[];
  result: Result;
  /** One line saying what the example shows. */
  note?: string;
  /** When set, `result` is rounded to this many decimals (and checked to that precision). */
  digits?: number;
}

/** One custom function: everything the stubs, the docs, the sidebar and the runner need. */
export interface FunctionSpec<P extends readonly Param[] = readonly Param[]> {
  name: string;
  category: Category;
  /** One sentence for autocomplete. */
  summary: string;
  /** The exact definition as computed, for the docs and the summary's notes. */
  definition: string;
  format: OutputFormat;
  /** What the function returns, for `@return`. */
  returns: string;
  params: P;
  examples: Example[];
  /**
   * Optional: which mapped columns feed each parameter in a summary (src/core/mapping/inputs.ts), for parameters
   * whose name alone does not say it. Parameters named as in PARAM_SOURCES need nothing here.
   */
  inputs?: Record<string, InputSource>;
  compute(args: ArgsOf<P>, call: CallContext): Result;
}

/** Declares a function so that `compute` is typed by its parameters. */
export function defineFunction<const P extends readonly Param[]>(spec: FunctionSpec<P>): FunctionSpec {
  return spec as unknown as FunctionSpec;
}
