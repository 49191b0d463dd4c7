// STAGE_DURATION on a warehouse: SQL orders each deal's stage entries, adds up its stays per stage and counts the deals
// holding each per-deal total (a histogram per stage), beside each stage's place in the list; the entry's own rows are
// finished from those counts (`stageFiguresOfTotals`, `stageRows`).

import { stageFiguresOfTotals, type StageTotal } from '../../core/metrics/stages';
import { MS_PER_DAY } from '../../core/timezone';
import { finiteResult } from '../../functions/finite';
import { noStageEntries, STAGE_HEADER, stageRows } from '../../functions/table/pipeline';
import type { Measure } from '../measures';
import { renderExpr } from '../render';
import { ROW_ORDER, STAGED_ROWS } from '../staged';
import type { SectionRow, TableSection } from './section';

type StageDays = Extract<Measure, { shape: 'stageDays' }>;

/**
 * The rows' kinds, by their period column:
 * - NULL: a stage (row key) and a per-deal total of days in it (value), with the deals holding that total (n);
 * - STAGE: a stage named by a non-blank cell (row key), its place in the list from 1 (value), n = 0 — so a stage no
 *   deal left is listed too, in order;
 * - DEALS: the rows naming a deal (n), no key or value — none refuses the history, as no stage does.
 */
const STAGE = 'stage';
const DEALS = 'deals';

export const STAGE_DAYS: TableSection<StageDays> = {
  compile(measure, entry) {
    const deal = entry.requiredKeys(measure.deals);
    const stage = entry.requiredKeys(measure.stages);
    const entered = entry.required(measure.entered);
    return {
      rowOrder: true,
      ctes: (name, d) => {
        const [dealKey, stageKey, at] = [deal, stage, entered].map((e) => renderExpr(e, d));
        const row = d.rowOrder !== undefined ? d.identifier(ROW_ORDER) : undefined;
        const text = (sql: string): string => `CAST(${sql} AS ${d.textType})`;
        // Stages in the order of their first row; on BigQuery by their earliest date (undated ones last), then text.
        const firstOrder = row !== undefined ? 'first_row' : 'first_at IS NULL, first_at, stage_key';
        const firsts = row !== undefined ? `MIN(${row}) AS first_row` : `MIN(${at}) AS first_at`;
        return [
          // A deal's entries by date, then by row as the function orders them; a BigQuery table has no row order, so
          // there by stage text (entries of one date-time and stage are alike whatever their order).
          `${name}_entries AS (\n  SELECT ${dealKey} AS deal_key, ${stageKey} AS stage_key, ${at} AS entered_at,\n` +
          `    LEAD(${at}) OVER (PARTITION BY ${dealKey} ORDER BY ${at}, ${row ?? stageKey}) AS left_at\n` +
          `  FROM ${STAGED_ROWS}\n  WHERE ${dealKey} IS NOT NULL AND ${stageKey} IS NOT NULL AND ${at} IS NOT NULL\n)`,
          // A deal's stays in a stage add up (in civil milliseconds, exact); its last entry has no end and no stay.
          `${name}_totals AS (\n  SELECT stage_key, CAST(SUM(${d.millisBetween('entered_at', 'left_at')}) AS ${d.floatType}) / ${MS_PER_DAY} AS total_days\n` +
          `  FROM ${name}_entries\n  WHERE left_at IS NOT NULL\n  GROUP BY stage_key, deal_key\n)`,
          `${name}_stages AS (\n  SELECT stage_key, ROW_NUMBER() OVER (ORDER BY ${firstOrder}) AS stage_rank\n` +
          `  FROM (\n    SELECT ${stageKey} AS stage_key, ${firsts}\n    FROM ${STAGED_ROWS}\n    WHERE ${stageKey} IS NOT NULL\n    GROUP BY ${stageKey}\n  ) AS firsts\n)`,
          `${name} AS (\n  SELECT ${text('NULL')} AS period, stage_key AS row_key, total_days AS value, COUNT(*) AS n\n` +
          `  FROM ${name}_totals\n  GROUP BY stage_key, total_days\n` +
          `  UNION ALL\n  SELECT ${d.text(STAGE)}, stage_key, CAST(stage_rank AS ${d.floatType}), 0\n  FROM ${name}_stages\n` +
          `  UNION ALL\n  SELECT ${d.text(DEALS)}, ${text('NULL')}, CAST(NULL AS ${d.floatType}), COUNT(${dealKey})\n  FROM ${STAGED_ROWS}\n)`,
        ];
      },
    };
  },

  finish(spec, _measure, rows) {
    const count = (r: SectionRow): number => (typeof r.n === 'number' ? r.n : 0);
    const stages = rows
      .filter((r): r is SectionRow & { key: string; value: number } => r.period === STAGE && r.key !== undefined && typeof r.value === 'number')
      .sort((a, b) => a.value - b.value)
      .map((r) => r.key);
    const deals = rows.reduce((n, r) => n + (r.period === DEALS ? count(r) : 0), 0);
    if (!stages.length || !deals) throw noStageEntries(spec.name);
    const index = new Map(stages.map((s, k) => [s, k]));
    const totals: StageTotal[] = [];
    for (const r of rows) {
      if (r.period !== undefined || r.key === undefined || typeof r.value !== 'number' || count(r) <= 0) continue;
      const stage = index.get(r.key);
      if (stage === undefined) throw new Error(`the warehouse wrote stays in "${r.key}", a stage it did not list`);
      totals.push({ stage, days: r.value, deals: count(r) });
    }
    const table = [[...STAGE_HEADER], ...stageRows(stageFiguresOfTotals(stages.length, totals), stages, 0)];
    return { table: finiteResult(spec.name, table) as (string | number)[][] };
  },
};
