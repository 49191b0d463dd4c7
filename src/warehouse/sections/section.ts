// The contract of a table-shaped metric on a warehouse (a cohort matrix, time in stage, the CLV models): it compiles to
// its own CTEs over every staged row — never per segment or period, as a summary runs a section over the whole table —
// whose rows go into the long table, and TypeScript finishes the entry's table (or the customer outlook) from them.

import type { CustomerOutlook } from '../../core/metrics/predictive/customer-outlook';
import type { Grain } from '../../core/periods';
import type { CallEnvironment } from '../../functions/runner';
import type { FunctionSpec } from '../../functions/spec';
import type { Dialect } from '../dialect';
import type { EntryReader } from '../entryReader';

/**
 * One row a table section's query returns. What `period` and `key` hold is the section's own (a cohort's label, a
 * stage, a customer, a field name); in the long table `key` is carried in the segment column, which a section never
 * uses for a segment.
 */
export interface SectionRow {
  period?: string;
  key?: string;
  value: number | '';
  n: number | '';
}

/** The SQL of a table section: CTEs over the staged rows (`STAGED_ROWS`), the last named `name`, with the columns period, key, value, n. */
export type SectionCtes = (name: string, d: Dialect, grain: Grain) => string[];

/** What a table section's rows finish to: the entry's table, or the customer outlook. */
export type FinishedSection = { table: (string | number)[][] } | { outlook: CustomerOutlook };

/** What the finisher knows besides the rows: the clock the functions run on and the report's grain. */
export interface FinishContext {
  env: CallEnvironment;
  grain: Grain;
}

/** A table-shaped measure: compiled from its entry (the reader records the roles its CTEs read), finished in TypeScript. */
export interface TableSection<M> {
  compile(measure: M, entry: EntryReader): { ctes: SectionCtes; rowOrder?: boolean };
  /** The entry's table from the section's rows; throws the entry's MetricError where the function would refuse the rows. */
  finish(spec: FunctionSpec, measure: M, rows: readonly SectionRow[], context: FinishContext): FinishedSection;
}
