// The shape of a custom function's entry in the function table: metadata, typed parameters, examples, core.

import type { NumberBounds } from '../core/bounds';
import type { Translated } from '../core/languages';
import type { InputSource } from '../core/mapping/inputs';
import type { TableKind } from '../core/mapping/kinds';
import type { Role } from '../core/mapping/roles';
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
  /** The numbers a number parameter (numbers, scores, amounts, number) accepts, as plain data; absent on other kinds. */
  bounds?: NumberBounds;
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

/** Which way is good: a goal's progress and a change's colour follow it. */
export type Direction = 'higher' | 'lower' | 'neither';

/** A value band coloured in summaries, half-open [from, to); a missing end is unbounded. */
export interface ColourBand {
  from?: number;
  to?: number;
  tone: 'bad' | 'fair' | 'good';
}

/** The chart that shows a metric best in a summary: its trend as a line, counts or money per period as columns. */
export type ChartKind = 'line' | 'column' | 'heatmap' | 'none';

/** How a table-shaped entry appears in a summary: its spilled table under its name, or the customer outlook. */
export type SectionKind = 'spill' | 'outlook';

/** A metric charted across the values of one column (PIPELINE_VALUE by stage): the function runs on each value's rows. */
export interface Breakdown {
  role: Role;
  chart: 'bar' | 'column';
}

/** A display name and one line saying what the metric tells, in one UI language. */
export interface Label {
  name: string;
  summary: string;
}

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
  /** Display name and one-line summary in every UI language (the sidebar, the summary tab, the docs). */
  labels: Translated<Label>;
  /** Whether a higher value is better, lower is better, or neither (a count, a table). */
  direction: Direction;
  /** Value bands coloured in summaries, where the metric has recognised ones (NPS). */
  bands?: readonly ColourBand[];
  /** The chart that shows the metric's trend in a summary. */
  chart: ChartKind;
  /** The kinds of table the metric belongs to: ticked by default when the sidebar sees such a table; [] = never in a summary. */
  kinds: readonly TableKind[];
  /** Offered for its kinds but not ticked by default: its cost on a large table wants the user's choice (model fits). */
  optIn?: boolean;
  /**
   * Which mapped columns (roles) feed each parameter in a summary (src/core/mapping/inputs.ts). Every required
   * parameter of a metric with kinds has one; optional ones without a source are left out of the call.
   */
  inputs: Readonly<Record<string, InputSource>>;
  /** For table-shaped entries in summaries: how they appear. */
  section?: SectionKind;
  /** A chart of the metric across the values of one column. */
  breakdown?: Breakdown;
  /** With a grain as period: the columns of the spilled series that hold the value and what it counts (0 = period). */
  series?: { value: number; n: number };
  compute(args: ArgsOf<P>, call: CallContext): Result;
}

/** Declares a function so that `compute` is typed by its parameters. */
export function defineFunction<const P extends readonly Param[]>(spec: FunctionSpec<P>): FunctionSpec {
  return spec as unknown as FunctionSpec;
}
