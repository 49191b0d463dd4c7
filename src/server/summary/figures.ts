// Computes a summary's figures by running the function table on the mapped columns: trends, segments, breakdowns.
// Pure: no Apps Script here. Metrics are never re-implemented: every number comes from runFunction.

import { MetricError } from '../../core/errors';
import { DATE_ROLES, isFigure } from '../../core/mapping/inputs';
import type { Role } from '../../core/mapping/roles';
import { parsePeriod, periodOf, type Grain } from '../../core/periods';
import { civilClock, MS_PER_DAY } from '../../core/timezone';
import { civilFromSerial, coerceDate, coerceText, isBlank, type Cell } from '../../core/values';
import { findFunction } from '../../functions/catalogue';
import { runFunction, type CallEnvironment } from '../../functions/runner';
import type { FunctionSpec, Result } from '../../functions/spec';
import type { Message, ReportSpec } from '../rpc/contract';
import { warning } from '../messages';
import type { CustomerOutlook } from '../../core/metrics/predictive/customer-outlook';
import { Columns, planCall, type Call, type Rows } from './columns';
import { outlookOf, SECTION_METRICS } from './outlook';

/** One period's value of a metric. */
export interface PeriodValue {
  label: string;
  start: number;
  value: number | '';
  n: number | '';
}

export interface MetricFigures {
  spec: FunctionSpec;
  /** Values by period over the report's range (ascending), or null when the metric has no trend. */
  series: PeriodValue[] | null;
  /** The figure over all rows, for metrics without a trend. */
  overall?: { value: number; n: number | '' };
  /** Segment → the value in the headline period (or overall without a trend). */
  segments: Map<string, { value: number | ''; n: number | '' }>;
}

export interface SummaryFigures {
  metrics: MetricFigures[];
  /** Every period label on the axis, ascending. */
  periods: { label: string; start: number; end: number }[];
  /** Index into `periods` of the headline (latest complete) period, -1 without periods. */
  latest: number;
  segments: string[];
  segmentHeader?: string;
  /** Extra tables for charts: NPS breakdown by period, deals won by period, pipeline by stage, cohort matrix. */
  npsBreakdown?: (string | number)[][];
  wonByPeriod?: (string | number)[][];
  pipelineByStage?: (string | number)[][];
  cohorts?: (string | number)[][];
  warnings: Message[];
  /** The customer outlook (top predicted CLV, valuable customers at risk), when CLV_PREDICT was chosen. */
  outlook?: CustomerOutlook;
  /** How many times the function table ran, and milliseconds per function when a clock was given (benchmark). */
  runs: number;
  times?: Map<string, number>;
}

export interface FigureInput {
  spec: ReportSpec;
  /** The source range's values (header row first when spec.source.hasHeader). */
  values: Cell[][];
  timeZone: string;
  /** The current instant (ms): decides which periods are complete. */
  now: number;
  /** A clock for per-function timings (benchmark only). */
  clock?: () => number;
}

/** Segments beyond this many (by rows) are left out of the segment table. */
export const MAX_SEGMENTS = 12;
/** Labels for blank segment cells. */
export const BLANK_SEGMENT = '(blank)';
/** Metrics whose result is a small table, not one figure. */
const NOT_FIGURES = new Set(['NPS_CI']);

/** Which columns of a series table hold the value and the count: the one named like the metric or "… rate". */
function seriesShape(header: (string | number)[], fn: string): { value: number; count: number } {
  const names = header.map((h) => String(h).toLowerCase());
  const own = fn.toLowerCase().replace(/_/g, ' ');
  let value = names.findIndex((h, i) => i > 0 && (h === own || h.endsWith('rate')));
  if (value < 0) value = 1;
  const count = names.findIndex((_, i) => i > 0 && i !== value);
  return { value, count };
}

const num = (x: unknown): number | '' => (typeof x === 'number' && Number.isFinite(x) ? x : '');

class Runner {
  runs = 0;
  /** Milliseconds spent per function (filled only when a clock is given, for the benchmark). */
  readonly times = new Map<string, number>();
  constructor(private readonly env: CallEnvironment, private readonly clock?: () => number) {}
  run(call: Call, rows: Rows, period?: string): Result {
    this.runs++;
    if (!this.clock) return runFunction(call.spec, call.args(rows, period), this.env);
    const t = this.clock();
    try {
      return runFunction(call.spec, call.args(rows, period), this.env);
    } finally {
      this.times.set(call.spec.name, (this.times.get(call.spec.name) ?? 0) + this.clock() - t);
    }
  }
  /** Runs the metric by `grain`: the series table's rows as period values, or a single figure. */
  series(call: Call, rows: Rows, grain: Grain): PeriodValue[] | number {
    const result = this.run(call, rows, grain);
    if (typeof result === 'number') return result;
    if (typeof result === 'string' || result.length < 1) throw new MetricError(`${call.spec.name}: unexpected result`);
    const { value, count } = seriesShape(result[0], call.spec.name);
    const out: PeriodValue[] = [];
    for (let r = 1; r < result.length; r++) {
      const p = parsePeriod(String(result[r][0]));
      if (p) out.push({ label: p.label, start: p.start, value: num(result[r][value]), n: count >= 0 ? num(result[r][count]) : '' });
    }
    return out;
  }
}

/** Rows grouped by a key, in first-seen order. */
function partition(n: number, key: (i: number) => string | undefined): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const k = key(i);
    if (k === undefined) continue;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(i);
  }
  return groups;
}

/** Computes every figure a summary shows. */
export function computeFigures(input: FigureInput): SummaryFigures {
  const { spec } = input;
  const data = spec.source.hasHeader ? input.values.slice(1) : input.values;
  const headers = spec.source.hasHeader ? (input.values[0] ?? []).map((h) => String(h)) : [];
  const toCivil = civilClock(input.timeZone);
  const columns = new Columns(data, spec.mapping, toCivil);
  const env: CallEnvironment = { timeZone: () => input.timeZone, nowMs: () => input.now };
  const civilNow = toCivil(input.now);
  const runner = new Runner(env, input.clock);
  const grain = spec.grain as Grain;
  const warnings: Message[] = [];
  const from = spec.from ? Date.parse(spec.from) : -Infinity;
  const to = spec.to ? Date.parse(spec.to) : Infinity;
  const inRange = (start: number): boolean => start >= periodOf(from === -Infinity ? start : from, grain).start && start <= to;

  // Period of each row by its date (for the NPS breakdown by period).
  let byPeriod: Map<string, number[]> | undefined;
  const periodsOfRows = (role: Role): Map<string, number[]> => {
    const dates = columns.range([role], null);
    // Labels memoised by day: a few hundred distinct days instead of a Date per row.
    const labels = new Map<number, string>();
    const parts = partition(data.length, (i) => {
      const cell = dates[i][0];
      const got = typeof cell === 'number' ? { ok: cell > 0, value: civilFromSerial(cell) } : coerceDate(cell, toCivil);
      if (!got.ok) return undefined;
      const day = Math.floor(got.value / MS_PER_DAY);
      let label = labels.get(day);
      if (label === undefined) labels.set(day, (label = periodOf(got.value, grain).label));
      return label;
    });
    for (const [label, rows] of parts) (rows as number[] & { id?: string }).id = `period:${role}:${label}`;
    return parts;
  };
  const dateRole = DATE_ROLES.find((r) => columns.has(r));
  const datePartition = (): Map<string, number[]> => (byPeriod ??= dateRole ? periodsOfRows(dateRole) : new Map());

  // Segments: the largest first, at most MAX_SEGMENTS.
  const segmentColumn = spec.segmentBy ?? spec.mapping.segment;
  let segmentRows = new Map<string, number[]>();
  if (segmentColumn !== undefined) {
    const all = partition(data.length, (i) => {
      const cell = data[i][segmentColumn];
      if (isBlank(cell)) return BLANK_SEGMENT;
      const t = coerceText(cell);
      return t.ok ? t.value : BLANK_SEGMENT;
    });
    segmentRows = new Map([...all.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1)).slice(0, MAX_SEGMENTS));
    for (const [segment, rows] of segmentRows) (rows as number[] & { id?: string }).id = `segment:${segment}`;
  }

  const metrics: MetricFigures[] = [];
  const periodLabels = new Map<string, number>();
  // A function with a period parameter gives its own series; one without has no trend (its definition has no period).
  const seriesOf = (call: Call, rows: Rows): PeriodValue[] | number | null => (call.takesPeriod ? runner.series(call, rows, grain) : null);
  const seriesByName = new Map<string, PeriodValue[]>();

  for (const name of new Set(spec.metrics)) {
    if (SECTION_METRICS.has(name.trim().toUpperCase())) continue;
    const fn = findFunction(name);
    if (!fn || !isFigure(fn) || NOT_FIGURES.has(fn.name)) {
      warnings.push(warning('metricUnavailable', { metric: name }));
      continue;
    }
    const call = planCall(fn, columns);
    if (!call) {
      warnings.push(warning('metricUnavailable', { metric: fn.name }));
      continue;
    }
    try {
      const got = seriesOf(call, null);
      const figures: MetricFigures = { spec: fn, series: null, segments: new Map() };
      if (Array.isArray(got)) {
        seriesByName.set(fn.name, got);
        figures.series = got.filter((p) => inRange(p.start));
        for (const p of figures.series) periodLabels.set(p.label, p.start);
      } else {
        const value = typeof got === 'number' ? got : runner.run(call, null);
        if (typeof value !== 'number') throw new MetricError(`${fn.name}: the result is a table, not one figure`);
        figures.overall = { value, n: '' };
      }
      metrics.push(figures);
    } catch (e) {
      if (!(e instanceof MetricError)) throw e;
      warnings.push(warning('metricSkipped', { metric: fn.name, message: e.message }));
    }
  }

  const periods = [...periodLabels.entries()].sort((a, b) => a[1] - b[1]).map(([label, start]) => {
    const p = parsePeriod(label);
    return { label, start, end: p ? p.end : start };
  });
  let latest = -1;
  for (let k = periods.length - 1; k >= 0; k--) {
    if (periods[k].end <= civilNow) {
      latest = k;
      break;
    }
  }
  if (latest < 0 && periods.length) {
    latest = periods.length - 1;
    warnings.push(warning('noCompletePeriod', {}));
  }
  const headline = latest >= 0 ? periods[latest].label : undefined;

  // Segment figures: the headline period's value per segment (the overall figure for metrics without a trend).
  for (const m of metrics) {
    const call = planCall(m.spec, columns) as Call;
    for (const [segment, rows] of segmentRows) {
      let cell: { value: number | ''; n: number | '' } = { value: '', n: 0 };
      try {
        if (m.series) {
          const got = seriesOf(call, rows);
          const hit = Array.isArray(got) ? got.find((p) => p.label === headline) : undefined;
          cell = hit ? { value: hit.value, n: hit.n } : { value: '', n: 0 };
        } else {
          cell = { value: num(runner.run(call, rows)), n: rows.length };
        }
      } catch (e) {
        if (!(e instanceof MetricError)) throw e;
      }
      m.segments.set(segment, cell);
    }
  }

  const figures: SummaryFigures = {
    metrics, periods, latest, segments: [...segmentRows.keys()], warnings, runs: 0,
    segmentHeader: segmentColumn !== undefined ? headers[segmentColumn] || `Column ${segmentColumn + 1}` : undefined,
  };
  chartTables(figures, columns, runner, datePartition, seriesByName, inRange, data.length, grain);
  if (spec.metrics.some((m) => m.trim().toUpperCase() === 'CLV_PREDICT')) {
    const purchaseDate = DATE_ROLES.find((r) => columns.has(r));
    if (!columns.has('customer') || !columns.has('amount') || !purchaseDate) warnings.push(warning('metricUnavailable', { metric: 'CLV_PREDICT' }));
    else {
      try {
        figures.outlook = outlookOf(columns.range(['customer'], null), columns.range([purchaseDate], null), columns.range(['amount'], null), env);
      } catch (e) {
        if (!(e instanceof MetricError)) throw e;
        warnings.push(warning('metricSkipped', { metric: 'CLV_PREDICT', message: e.message }));
      }
    }
  }
  figures.runs = runner.runs;
  if (input.clock) figures.times = runner.times;
  return figures;
}

/** The tables behind the breakdown charts, each from a function of the table when it exists. */
function chartTables(
  figures: SummaryFigures, columns: Columns, runner: Runner, datePartition: () => Map<string, number[]>,
  seriesByName: Map<string, PeriodValue[]>, inRange: (start: number) => boolean, rows: number, grain: Grain,
): void {
  const tryRun = (call: Call | undefined, sub: Rows, period?: string): Result | undefined => {
    if (!call) return undefined;
    try {
      return runner.run(call, sub, period);
    } catch (e) {
      if (e instanceof MetricError) return undefined;
      throw e;
    }
  };
  const plan = (name: string): Call | undefined => {
    const fn = findFunction(name);
    return fn ? planCall(fn, columns) : undefined;
  };
  const orderedPeriods = (parts: Map<string, number[]>): [string, number[]][] =>
    [...parts.entries()].map(([label, idx]) => ({ label, idx, p: parsePeriod(label) }))
      .filter((x) => x.p && inRange(x.p.start)).sort((a, b) => (a.p?.start ?? 0) - (b.p?.start ?? 0)).map((x) => [x.label, x.idx]);

  const breakdown = plan('NPS_BREAKDOWN');
  if (breakdown) {
    const table: (string | number)[][] = [['Period', 'Promoters', 'Passives', 'Detractors']];
    for (const [label, idx] of orderedPeriods(datePartition())) {
      const got = tryRun(breakdown, idx);
      if (!Array.isArray(got)) continue;
      const count = (group: string): number => Number(got.find((r) => r[0] === group)?.[1] ?? 0);
      table.push([label, count('promoters'), count('passives'), count('detractors')]);
    }
    if (table.length > 1) figures.npsBreakdown = table;
  }

  // Deals won per period: CLOSE_RATE's series (won ÷ deals, and deals) gives won = rate × deals.
  const closeRate = plan('CLOSE_RATE');
  if (closeRate?.takesPeriod) {
    let series = seriesByName.get('CLOSE_RATE');
    if (!series) {
      try {
        const got = runner.series(closeRate, null, grain);
        series = Array.isArray(got) ? got : undefined;
      } catch (e) {
        if (!(e instanceof MetricError)) throw e;
      }
    }
    const table: (string | number)[][] = [['Period', 'Deals won']];
    for (const p of series ?? []) if (inRange(p.start)) table.push([p.label, p.value !== '' && p.n !== '' ? Math.round(p.value * p.n) : 0]);
    if (table.length > 1) figures.wonByPeriod = table;
  }

  // Pipeline by stage: PIPELINE_VALUE on each stage's rows.
  const pipeline = plan('PIPELINE_VALUE');
  if (pipeline && columns.has('stage')) {
    const stages = columns.range(['stage'], null);
    const parts = partition(rows, (i) => (isBlank(stages[i][0]) ? undefined : String(stages[i][0]).trim()));
    const table: (string | number)[][] = [['Stage', 'Pipeline value']];
    for (const [stage, idx] of parts) {
      const got = tryRun(pipeline, idx);
      if (typeof got === 'number' && got > 0) table.push([stage, got]);
    }
    if (table.length > 1) figures.pipelineByStage = table;
  }

  // Cohort retention: COHORT_RETENTION's own matrix at the report's grain.
  const cohort = findFunction('COHORT_RETENTION');
  if (cohort && columns.has('start') && columns.has('end')) {
    const got = tryRun({ spec: cohort, takesPeriod: false, args: () => [columns.range(['start', 'end'], null), grain] }, null);
    if (Array.isArray(got) && got.length > 1) figures.cohorts = got.slice(0, 1 + 36).map((r) => r.slice(0, 2 + 24));
  }
}


