// The BigQuery (GoogleSQL) renderer's dialect rules: ISOWEEK truncation, DATETIME in the sheet's zone, r'' patterns.

import type { Grain } from '../core/periods';
import type { Dialect } from './dialect';

const TRUNCATE_TO: Record<Exclude<Grain, 'day'>, string> = { week: 'ISOWEEK', month: 'MONTH', quarter: 'QUARTER', year: 'YEAR' };
const LABEL_FORMAT: Record<Grain, string> = { day: '%Y-%m-%d', week: '%G-W%V', month: '%Y-%m', quarter: '%Y-Q%Q', year: '%Y' };
const STEP: Record<Grain, string> = { day: 'INTERVAL 1 DAY', week: 'INTERVAL 1 WEEK', month: 'INTERVAL 1 MONTH', quarter: 'INTERVAL 3 MONTH', year: 'INTERVAL 1 YEAR' };

/** A text literal: backslashes and quotes escaped with a backslash (GoogleSQL has no '' escape). */
const text = (value: string): string => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;

export const BIGQUERY: Dialect = {
  name: 'bigquery',
  // GoogleSQL has no MATERIALIZED hint: BigQuery plans the WITH clause itself.
  materialized: (name, body) => `${name} AS (\n  ${body}\n)`,
  identifier: (name) => `\`${name.replace(/\\/g, '\\\\').replace(/`/g, '\\`')}\``,
  table: (name) => `\`${name.replace(/`/g, '')}\``,
  text,
  date: (iso) => `DATE '${iso}'`,
  floatType: 'FLOAT64',
  integerType: 'INT64',
  textType: 'STRING',
  asText: (sql) => `CAST(${sql} AS STRING)`,
  localDateTime: (sql, timeZone) => `DATETIME(${sql}, ${text(timeZone)})`,
  dateOf: (sql) => `DATE(${sql})`,
  periodStart: (sql, grain) => (grain === 'day' ? sql : `DATE_TRUNC(${sql}, ${TRUNCATE_TO[grain]})`),
  periodLabel: (sql, grain) => `FORMAT_DATE('${LABEL_FORMAT[grain]}', ${sql})`,
  periodStarts: (first, end, grain) =>
    `SELECT period_start FROM UNNEST(GENERATE_DATE_ARRAY(${first}, DATE_SUB(${end}, INTERVAL 1 DAY), ${STEP[grain]})) AS period_start`,
  millisBetween: (from, to) => `DATETIME_DIFF(${to}, ${from}, MILLISECOND)`,
  daysBetween: (from, to) => `DATE_DIFF(${to}, ${from}, DAY)`,
  trimmed: (sql) => `REGEXP_REPLACE(${sql}, r'^\\s+|\\s+$', '')`,
  normalisedWord: (sql) => `REGEXP_REPLACE(LOWER(REGEXP_REPLACE(${sql}, r'^\\s+|\\s+$', '')), r'[\\s_-]+', ' ')`,
  safeDivide: (top, bottom) => `${top} / NULLIF(${bottom}, 0)`,
  median: (sql) => `APPROX_QUANTILES(${sql}, 2)[OFFSET(1)]`,
  // No rowOrder: a BigQuery table has no row order (ROW_NUMBER() OVER () is arbitrary, and runs on one worker).
  parameter: (name) => `@${name}`,
  dayBefore: (sql) => `DATE_SUB(${sql}, INTERVAL 1 DAY)`,
  nextPeriodStart: (sql, grain) => `DATE_ADD(${sql}, ${STEP[grain]})`,
  // The dataset's INFORMATION_SCHEMA (project.dataset.table: the last part is the table's name).
  describeQuery: (table) => {
    const parts = table.replace(/`/g, '').split('.');
    const name = parts.pop() as string;
    return `SELECT column_name, data_type\nFROM \`${parts.join('.')}\`.INFORMATION_SCHEMA.COLUMNS\nWHERE table_name = ${text(name)}\nORDER BY ordinal_position\n`;
  },
};
