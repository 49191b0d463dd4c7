// The DuckDB renderer's dialect rules: date_trunc cast back to DATE, timezone() for civil time, 'g' regex replaces.

import type { Grain } from '../core/periods';
import type { Dialect } from './dialect';

const LABEL_FORMAT: Record<Exclude<Grain, 'quarter'>, string> = { day: '%Y-%m-%d', week: '%G-W%V', month: '%Y-%m', year: '%Y' };
const STEP: Record<Grain, string> = { day: 'INTERVAL 1 DAY', week: 'INTERVAL 7 DAY', month: 'INTERVAL 1 MONTH', quarter: 'INTERVAL 3 MONTH', year: 'INTERVAL 1 YEAR' };

/** A text literal: quotes doubled (backslashes are plain characters in DuckDB's strings). */
const text = (value: string): string => `'${value.replace(/'/g, "''")}'`;
/** A file the table name points at (read by DuckDB's readers), rather than a table of the database. */
const isFile = (name: string): boolean => /\.(csv|tsv|parquet|json|ndjson)(\.gz)?$/i.test(name) || name.includes('/');

export const DUCKDB: Dialect = {
  name: 'duckdb',
  // Read by several CTEs: computed once (time zones and word normalisation are the costly per-row work).
  materialized: (name, body) => `${name} AS MATERIALIZED (\n  ${body}\n)`,
  identifier: (name) => `"${name.replace(/"/g, '""')}"`,
  table: (name) => (isFile(name) ? text(name) : name.split('.').map((part) => `"${part.replace(/"/g, '""')}"`).join('.')),
  text,
  date: (iso) => `DATE '${iso}'`,
  floatType: 'DOUBLE',
  integerType: 'BIGINT',
  textType: 'VARCHAR',
  asText: (sql) => `CAST(${sql} AS VARCHAR)`,
  // A plain TIMESTAMP is an instant in UTC, as in BigQuery (the session's TimeZone must be UTC for the cast).
  localDateTime: (sql, timeZone) => `timezone(${text(timeZone)}, CAST(${sql} AS TIMESTAMPTZ))`,
  dateOf: (sql) => `CAST(${sql} AS DATE)`,
  // date_trunc on a DATE returns a TIMESTAMP in DuckDB: cast back. Its 'week' starts on Monday (ISO).
  periodStart: (sql, grain) => (grain === 'day' ? sql : `CAST(date_trunc('${grain}', ${sql}) AS DATE)`),
  periodLabel: (sql, grain) =>
    grain === 'quarter' ? `strftime(${sql}, '%Y') || '-Q' || CAST(quarter(${sql}) AS VARCHAR)` : `strftime(${sql}, '${LABEL_FORMAT[grain]}')`,
  periodStarts: (first, end, grain) =>
    `SELECT CAST(range AS DATE) AS period_start FROM range(CAST(${first} AS TIMESTAMP), CAST(${end} AS TIMESTAMP), ${STEP[grain]})`,
  millisBetween: (from, to) => `(epoch_ms(${to}) - epoch_ms(${from}))`,
  daysBetween: (from, to) => `date_diff('day', ${from}, ${to})`,
  trimmed: (sql) => `regexp_replace(${sql}, '^\\s+|\\s+$', '', 'g')`,
  normalisedWord: (sql) => `regexp_replace(lower(regexp_replace(${sql}, '^\\s+|\\s+$', '', 'g')), '[\\s_-]+', ' ', 'g')`,
  safeDivide: (top, bottom) => `${top} / NULLIF(${bottom}, 0)`,
  median: (sql) => `quantile_cont(${sql}, 0.5)`,
  // A window with an empty OVER over one table keeps the table's (or file's) row order: DuckDB guarantees it.
  rowOrder: 'row_number() OVER ()',
  parameter: (name) => `$${name}`,
  dayBefore: (sql) => `CAST(${sql} - INTERVAL 1 DAY AS DATE)`,
  nextPeriodStart: (sql, grain) => `CAST(${sql} + ${STEP[grain]} AS DATE)`,
  describeQuery: (table) => `SELECT column_name, column_type AS data_type\nFROM (DESCRIBE SELECT * FROM ${DUCKDB.table(table)})\n`,
};
