// COHORT_RETENTION on a warehouse: SQL counts the customers (start | end rows) of each cohort period by the period their
// end falls in (none while still a customer), and the entry's own cohort table is finished from those counts.

import { MetricError, messages } from '../../core/errors';
import { parsePeriod } from '../../core/periods';
import { cohortRetentionTable } from '../../functions/table/retention';
import { CompileError } from '../entryReader';
import type { Measure } from '../measures';
import { renderExpr } from '../render';
import { STAGED_ROWS } from '../staged';
import type { TableSection } from './section';

type Cohorts = Extract<Measure, { shape: 'cohorts' }>;

/** The start of the period a label the query wrote names (never silently blank: a label it cannot read is a bug). */
function startOf(label: string): number {
  const p = parsePeriod(label);
  if (!p) throw new Error(`the warehouse wrote "${label}" where a period label belongs`);
  return p.start;
}

/** The row keys of the rows the function refuses (its checked spans), counted rather than listed. */
const MISSING_START = 'missing start';
const END_BEFORE_START = 'end before start';

export const COHORTS: TableSection<Cohorts> = {
  compile(measure, entry) {
    const columns = entry.sideBySide(measure.range);
    if (!columns) throw new CompileError(`${entry.spec.name} needs the start | end columns of its parameter ${measure.range}`);
    return {
      ctes: (name, d, grain) => {
        const [start, end] = columns.map((c) => renderExpr(c, d));
        const label = (sql: string): string => d.periodLabel(d.periodStart(d.dateOf(sql), grain), grain);
        const refused = (key: string, where: string): string =>
          `SELECT CAST(NULL AS ${d.textType}), ${d.text(key)}, CAST(NULL AS ${d.floatType}), COUNT(*)\n  FROM ${STAGED_ROWS}\n  WHERE ${where}`;
        return [
          `${name} AS (\n  SELECT period, row_key, CAST(NULL AS ${d.floatType}) AS value, COUNT(*) AS n\n` +
          `  FROM (\n    SELECT ${label(start)} AS period, ${label(end)} AS row_key\n    FROM ${STAGED_ROWS}\n` +
          `    WHERE ${start} IS NOT NULL AND (${end} IS NULL OR ${end} >= ${start})\n  ) AS spans\n  GROUP BY period, row_key\n` +
          `  UNION ALL\n  ${refused(MISSING_START, `${start} IS NULL AND ${end} IS NOT NULL`)}\n` +
          `  UNION ALL\n  ${refused(END_BEFORE_START, `${end} < ${start}`)}\n)`,
        ];
      },
    };
  },

  finish(spec, _measure, rows, { grain }) {
    const refused = (key: string): number => rows.reduce((n, r) => n + (r.period === undefined && r.key === key && typeof r.n === 'number' ? r.n : 0), 0);
    if (refused(MISSING_START)) throw new MetricError(messages.rowsMissingStart(spec.name, refused(MISSING_START)));
    if (refused(END_BEFORE_START)) throw new MetricError(messages.rowsEndBeforeStart(spec.name, refused(END_BEFORE_START)));
    // One span per (cohort, end period) standing for its customers: the same periods, so the same matrix.
    const starts: number[] = [];
    const ends: number[] = [];
    const weights: number[] = [];
    for (const r of rows) {
      if (r.period === undefined || typeof r.n !== 'number' || r.n <= 0) continue;
      starts.push(startOf(r.period));
      ends.push(r.key === undefined ? NaN : startOf(r.key));
      weights.push(r.n);
    }
    return { table: cohortRetentionTable(spec.name, { starts: Float64Array.from(starts), ends: Float64Array.from(ends) }, grain, weights) };
  },
};
