// One query per summary: the long table period | segment | metric | value | n, built from the compiled metrics and
// rendered in one dialect. Periods and half-open ranges are computed by the same core as the custom functions.

import { roleType, type Role } from '../core/mapping/roles';
import { isoDay, nextStart, parsePeriod, periodStart, type Grain } from '../core/periods';
import { MS_PER_DAY } from '../core/timezone';
import { findFunction } from '../functions/catalogue';
import { BLANK_SEGMENT } from '../server/summary/figures';
import { compileMetric, type CompiledMetric } from './compile';
import { historyCtes } from './customerHistory';
import { CompileError } from './entryReader';
import type { Dialect } from './dialect';
import { column, textKey, type Expr } from './expr';
import { LEFT_OUT, MEASURES } from './measures';
import { renderExpr } from './render';
import { keyColumn, periodColumn, ROW_ORDER, STAGED_ROWS, wordColumn } from './staged';

/** What a summary query needs: the table, its clock, the periods, the metrics and each role's column. */
export interface WarehouseReport {
  table: string;
  timeZone: string;
  grain: Grain;
  /** First day of the range (YYYY-MM-DD): the periods start with the one holding it. */
  from: string;
  /** Day after the range (YYYY-MM-DD, exclusive): the periods are those starting before it, each whole. */
  to: string;
  metrics: readonly string[];
  columns: Partial<Record<Role, string>>;
  /** The column whose values split the figures into segments. */
  segment?: string;
}

/** The staged alias of the segment's text (roles are staged under their own names). */
const SEGMENT = 'segment_value';

/**
 * The long table's rows (metric = ROWS_PER_SEGMENT) holding each segment's rows over the whole table (n), by which the
 * summary picks its largest segments — as a sheet's summary counts a segment's rows.
 */
export const ROWS_PER_SEGMENT = '(rows)';


/** The periods a report covers: from the start of the one holding `from` to the end of the last starting before `to`. */
export function periodRange(grain: Grain, from: string, to: string): { first: string; end: string } {
  const a = parsePeriod(from);
  const b = parsePeriod(to);
  if (!a || !b || a.grain !== 'day' || b.grain !== 'day') throw new CompileError(`from and to must be days (YYYY-MM-DD), not "${from}" and "${to}"`);
  if (b.start <= a.start) throw new CompileError(`to (${to}) must come after from (${from}): the range is half-open [from, to)`);
  return { first: isoDay(periodStart(a.start, grain)), end: isoDay(nextStart(periodStart(b.start - MS_PER_DAY, grain), grain)) };
}

/** Compiles every metric of the report, refusing unknown, left-out and unmapped ones with what to do. */
export function compileReport(report: WarehouseReport): CompiledMetric[] {
  const mapped = (role: Role): boolean => report.columns[role] !== undefined;
  if (!report.metrics.length) throw new CompileError('the report names no metric');
  return [...new Set(report.metrics)].map((name) => {
    const spec = findFunction(name);
    if (!spec || !spec.kinds.length) throw new CompileError(`${name} is not a metric a summary shows`);
    const measure = MEASURES[spec.name];
    if (!measure) throw new CompileError(`${spec.name} is not compiled to SQL yet: ${LEFT_OUT[spec.name] ?? 'not in the warehouse set'}`);
    return compileMetric(spec, measure, mapped);
  });
}

/** The report's metrics that compile on its columns (by their table names), and each one that does not with why. */
export function splitCompiled(report: WarehouseReport): { compiled: string[]; left: { metric: string; reason: string }[] } {
  const compiled: string[] = [];
  const left: { metric: string; reason: string }[] = [];
  for (const metric of new Set(report.metrics)) {
    try {
      compiled.push(compileReport({ ...report, metrics: [metric] })[0].name);
    } catch (e) {
      if (!(e instanceof CompileError)) throw e;
      left.push({ metric, reason: e.message });
    }
  }
  return { compiled: [...new Set(compiled)], left };
}

/** The SELECT list reading each column once: date roles as civil date-times in the report's zone, word roles normalised. */
function stagedColumns(report: WarehouseReport, metrics: readonly CompiledMetric[], d: Dialect): string[] {
  const cell = (role: Role): string => d.identifier(report.columns[role] as string);
  const roles = new Set(metrics.flatMap((m) => [...m.roles, ...(m.datedBy ? [m.datedBy] : [])]));
  const words = new Set(metrics.flatMap((m) => m.words));
  const out = [...roles].map((role) => `${roleType(role) === 'date' ? d.localDateTime(cell(role), report.timeZone) : cell(role)} AS ${d.identifier(role)}`);
  for (const role of words) out.push(`NULLIF(${d.normalisedWord(d.asText(cell(role)))}, '') AS ${d.identifier(wordColumn(role))}`);
  if (d.rowOrder !== undefined && metrics.some((m) => m.rowOrder)) out.push(`${d.rowOrder} AS ${d.identifier(ROW_ORDER)}`);
  for (const role of new Set(metrics.flatMap((m) => m.keys))) out.push(`${renderExpr(textKey(column(report.columns[role] as string)), d)} AS ${d.identifier(keyColumn(role))}`);
  if (report.segment !== undefined) {
    out.push(`COALESCE(${renderExpr(textKey(column(report.segment)), d)}, ${d.text(BLANK_SEGMENT)}) AS ${d.identifier(SEGMENT)}`);
  }
  return out;
}

/** The rows of a first aggregation per entity (customer) within each scope, as a FROM item. */
function entityRows(perEntity: NonNullable<CompiledMetric['perEntity']>, d: Dialect): string {
  const key = renderExpr(perEntity.key, d);
  const columns = Object.entries(perEntity.columns).map(([alias, e]) => `, ${renderExpr(e, d)} AS ${d.identifier(alias)}`).join('');
  return `(\n    SELECT scope${columns}\n    FROM scoped\n    WHERE ${key} IS NOT NULL\n    GROUP BY scope, ${key}\n  ) AS entities`;
}

/** How a summary query is written: with `parameters`, from and to are query parameters (RANGE_PARAMETERS). */
export interface QueryOptions {
  parameters?: boolean;
}

/**
 * The parameters a parameterised summary query takes, by the report field each stands for: the range's first day and
 * the day after it, DATEs (or ISO text, cast). Not @from and @to: FROM and TO are reserved words in GoogleSQL, and a
 * parameter name is an identifier there.
 */
export const RANGE_PARAMETERS = { from: 'from_day', to: 'to_day' } as const;

/**
 * The first period start and the end of the last period as SQL DATEs: literals from `periodRange`, or, with query
 * parameters, the same rules written in SQL (the period holding `from`; the end of the one holding the day before `to`).
 */
function rangeBounds(report: WarehouseReport, d: Dialect, options: QueryOptions): { first: string; end: string } {
  if (!options.parameters) {
    const { first, end } = periodRange(report.grain, report.from, report.to);
    return { first: d.date(first), end: d.date(end) };
  }
  const [from, to] = [RANGE_PARAMETERS.from, RANGE_PARAMETERS.to].map((name) => `CAST(${d.parameter(name)} AS DATE)`);
  return { first: d.periodStart(from, report.grain), end: d.nextPeriodStart(d.periodStart(d.dayBefore(to), report.grain), report.grain) };
}

/** The SQL of the summary's long table in dialect `d`. */
export function summaryQuery(report: WarehouseReport, d: Dialect, options: QueryOptions = {}): string {
  const metrics = compileReport(report);
  const { first, end } = rangeBounds(report, d, options);
  const expr = (e: Expr): string => renderExpr(e, d);
  const datedBy = [...new Set(metrics.flatMap((m) => (m.datedBy ? [m.datedBy] : [])))];
  const periods = datedBy.map((role) => `${expr({ op: 'periodStart', of: { op: 'dateOf', of: column(role) }, grain: report.grain })} AS ${d.identifier(periodColumn(role))}`);
  const ctes: string[] = [
    // Read once by the next CTE only: not materialized, so the rows are held once, with their periods.
    `cells AS (\n  SELECT ${stagedColumns(report, metrics, d).join(',\n    ')}\n  FROM ${d.table(report.table)}\n)`,
    d.materialized(STAGED_ROWS, `SELECT *${periods.map((p) => `,\n    ${p}`).join('')}\n  FROM cells`),
    `scoped AS (\n  SELECT '' AS scope, * FROM ${STAGED_ROWS}${report.segment !== undefined ? `\n  UNION ALL\n  SELECT ${d.identifier(SEGMENT)} AS scope, * FROM ${STAGED_ROWS}` : ''}\n)`,
    `scopes AS (SELECT DISTINCT scope FROM scoped)`,
    `periods AS (${d.periodStarts(first, end, report.grain)})`,
  ];
  const selects: string[] = [];
  metrics.forEach((m, k) => {
    const name = `metric_${k + 1}`;
    const out = (period: string, from: string, n: string): string =>
      `SELECT ${period} AS period, NULLIF(${from}.scope, '') AS segment, ${d.text(m.name)} AS metric, ` +
      `CAST(${name}.value AS ${d.floatType}) AS value, CAST(${n} AS ${d.integerType}) AS n`;
    if (m.table) {
      // A table section's rows as they are: its row key in the segment column (a section never has a segment).
      ctes.push(...m.table(name, d, report.grain));
      selects.push(
        `SELECT CAST(${name}.period AS ${d.textType}) AS period, CAST(${name}.row_key AS ${d.textType}) AS segment, ${d.text(m.name)} AS metric, ` +
        `CAST(${name}.value AS ${d.floatType}) AS value, CAST(${name}.n AS ${d.integerType}) AS n\nFROM ${name}`,
      );
      return;
    }
    if (m.histogram) {
      // A section over every row of the table: its histogram on the whole table's row only, never per segment.
      const of = expr(m.value);
      ctes.push(`${name} AS (\n  SELECT '' AS scope, ${of} AS value, ${expr(m.count)} AS n\n  FROM ${STAGED_ROWS}\n  WHERE ${of} IS NOT NULL\n  GROUP BY ${of}\n)`);
      selects.push(`${out(`CAST(NULL AS ${d.textType})`, 'scopes', `COALESCE(${name}.n, 0)`)}\nFROM scopes\nLEFT JOIN ${name} ON ${name}.scope = scopes.scope\nWHERE scopes.scope = ''`);
      return;
    }
    if (!m.datedBy) {
      ctes.push(`${name} AS (\n  SELECT scope, ${expr(m.value)} AS value, ${expr(m.count)} AS n\n  FROM ${m.perEntity ? entityRows(m.perEntity, d) : 'scoped'}\n  GROUP BY scope\n)`);
      // Every scope gets its row, also one whose rows give the metric nothing to count.
      selects.push(`${out(`CAST(NULL AS ${d.textType})`, 'scopes', `COALESCE(${name}.n, 0)`)}\nFROM scopes\nLEFT JOIN ${name} ON ${name}.scope = scopes.scope`);
      return;
    }
    const start = d.identifier(periodColumn(m.datedBy));
    if (m.periodCtes) ctes.push(...m.periodCtes(name, { first, end }, report.grain, d));
    else if (m.history) ctes.push(...historyCtes(name, m.history, m.value, m.count, { first, end }, report.grain, d));
    else ctes.push(
      `${name} AS (\n  SELECT scope, ${start} AS period_start, ${expr(m.value)} AS value, ${expr(m.count)} AS n\n  FROM scoped\n` +
      `  WHERE ${start} >= ${first} AND ${start} < ${end}\n  GROUP BY scope, period_start\n)`,
    );
    selects.push(
      `${out(d.periodLabel('periods.period_start', report.grain), 'scopes', `COALESCE(${name}.n, 0)`)}\n` +
      `FROM periods CROSS JOIN scopes\nLEFT JOIN ${name} ON ${name}.period_start = periods.period_start AND ${name}.scope = scopes.scope`,
    );
  });
  if (report.segment !== undefined) {
    selects.push(
      `SELECT CAST(NULL AS ${d.textType}) AS period, scope AS segment, ${d.text(ROWS_PER_SEGMENT)} AS metric, CAST(NULL AS ${d.floatType}) AS value, ` +
      `CAST(COUNT(*) AS ${d.integerType}) AS n\nFROM scoped\nWHERE scope <> ''\nGROUP BY scope`,
    );
  }
  // By value last: a section's histogram rows come ordered by score, and the rows' order is the same on every run.
  return `WITH ${ctes.join(',\n')}\n${selects.join('\nUNION ALL\n')}\nORDER BY metric, segment, period, value\n`;
}
