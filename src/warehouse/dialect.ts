// The rules in which SQL dialects differ, as named functions each renderer implements (BigQuery, DuckDB).

import type { Grain } from '../core/periods';

export type DialectName = 'bigquery' | 'duckdb';

export interface Dialect {
  name: DialectName;
  /** A named subquery of the WITH clause, computed once where the engine lets a query say so. */
  materialized(name: string, body: string): string;
  /** A column or alias name, quoted. */
  identifier(name: string): string;
  /** A table name as the report gives it (project.dataset.table; a path or name on DuckDB), quoted. */
  table(name: string): string;
  /** A text literal. */
  text(value: string): string;
  /** A date literal from YYYY-MM-DD. */
  date(iso: string): string;
  /** The types of the long table's columns, for CASTs. */
  textType: string;
  floatType: string;
  integerType: string;
  /** A value cast to text (a segment cell). */
  asText(sql: string): string;
  /** The civil date-time of a stored instant in the spreadsheet's time zone. */
  localDateTime(sql: string, timeZone: string): string;
  /** The DATE of a civil date-time. */
  dateOf(sql: string): string;
  /** The first day of the period of `grain` holding a DATE, as a DATE: ISO Monday weeks. */
  periodStart(sql: string, grain: Grain): string;
  /** The label the custom functions give the period starting on a DATE: 2025, 2025-Q1, 2025-03, 2025-W09, 2025-03-15. */
  periodLabel(sql: string, grain: Grain): string;
  /** Every period start of `grain` from the DATE `first` to before the DATE `end`, as a one-column table `period_start`. */
  periodStarts(first: string, end: string, grain: Grain): string;
  /** Civil milliseconds between two civil date-times (to − from). */
  millisBetween(from: string, to: string): string;
  /** Whole days from one DATE to another (to − from). */
  daysBetween(from: string, to: string): string;
  /** Text without leading and trailing whitespace (blank cells trim to ''). */
  trimmed(sql: string): string;
  /** Text trimmed, lower case, with runs of whitespace, - and _ as one space: how outcome words are compared. */
  normalisedWord(sql: string): string;
  /** top / bottom, NULL when bottom is 0. */
  safeDivide(top: string, bottom: string): string;
  /** The median of a group's values: exact where the engine has it (DuckDB), approximate on BigQuery. */
  median(sql: string): string;
  /** The table's row order as a number per row (the sheet's "higher row"), read in the first CTE; absent where the engine keeps none. */
  rowOrder?: string;
  /** A named query parameter (@name, $name), bound by the engine at each run. */
  parameter(name: string): string;
  /** The DATE before a DATE. */
  dayBefore(sql: string): string;
  /** The start of the period of `grain` after the one starting on a DATE, as a DATE. */
  nextPeriodStart(sql: string, grain: Grain): string;
  /** A query listing a table's columns in order: `column_name | data_type` (the engine's type names). */
  describeQuery(table: string): string;
}

/** What a column's engine type is to the mapping: BigQuery and DuckDB type names (INT64, DECIMAL(10,2), TIMESTAMP WITH TIME ZONE…). */
export function columnKind(dataType: string): 'number' | 'date' | 'text' | 'boolean' {
  const t = dataType.trim().toUpperCase();
  if (/^(BOOL|BOOLEAN)$/.test(t)) return 'boolean';
  if (/^(DATE|DATETIME|TIMESTAMP)/.test(t) || t === 'TIMESTAMPTZ') return 'date';
  if (/^(U?(TINY|SMALL|HUGE|BIG)?INT(EGER|\d+)?|(BIG)?NUMERIC|DECIMAL|DOUBLE( PRECISION)?|FLOAT(\d+)?|REAL)(\s*\(.*\))?$/.test(t)) return 'number';
  return 'text';
}

