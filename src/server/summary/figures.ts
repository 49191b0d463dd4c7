// Computes a summary's figures by running the function table on the mapped columns: trends, segments, sections.
// Pure: no Apps Script here. Metrics are never re-implemented: every number comes from runFunction, and what a
// metric means (its inputs, series columns, sections, breakdowns) comes from its table entry.

import { showDate, type ToCivil } from '../../core/dateText';
import { isDate, MetricError } from '../../core/errors';
import { inSummaries } from '../../core/mapping/inputs';
import type { Role } from '../../core/mapping/roles';
import { parsePeriod, periodOf, type Grain } from '../../core/periods';
import { civilClock } from '../../core/timezone';
import { errorIn } from '../../core/errorTexts';
import type { Language } from '../../core/languages';
import { coerceText, isBlank, type Cell } from '../../core/values';
import type { CustomerOutlook } from '../../core/metrics/predictive/customer-outlook';
import { findFunction } from '../../functions/catalogue';
import { runFunction, type CallEnvironment } from '../../functions/runner';
import type { FunctionSpec, Result } from '../../functions/spec';
import type { Message, ReportSpec } from '../rpc/contract';
import { warning } from '../messages';
import { checkComputable, checkRange, widen, type DataSpan } from './causes';
import { Columns, planCall, type Call, type Rows } from './columns';
import { outlookOf } from './outlook';

/** One period's value of a metric and the count the function reports beside it. */
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
  overall?: { value: number };
  /** Segment → the value in the headline period (trended metrics) or over all rows (the others). */
  segments: Map<string, { value: number | ''; n: number | '' }>;
  /** The metric across the values of its breakdown column (PIPELINE_VALUE by stage), when it has one. */
  breakdown?: (string | number)[][];
}

/** A table-shaped entry shown as its own section: its spilled table over all rows. */
export interface SectionFigures {
  spec: FunctionSpec;
  table: (string | number)[][];
}

export interface SummaryFigures {
  metrics: MetricFigures[];
  sections: SectionFigures[];
  /** Every period label on the axis, ascending. */
  periods: { label: string; start: number; end: number }[];
  /** Index into `periods` of the headline (latest complete) period, -1 without periods. */
  latest: number;
  segments: string[];
  segmentHeader?: string;
  warnings: Message[];
  /** The customer outlook (top predicted CLV, valuable customers at risk), when an outlook entry was chosen. */
  outlook?: { spec: FunctionSpec; outlook: CustomerOutlook };
  /** The answer scale the summary read from a role's column (CSAT, CES), for the formulas the tab shows. */
  scaleOf: (role: Role) => number;
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
  /** The language of the messages about metrics left out (default English). */
  language?: Language;
}

/** Segments beyond this many (by rows) are left out of the segment table. */
export const MAX_SEGMENTS = 12;
/** Rows of a section's spilled table shown on the tab (a per-customer table can be long). */
export const MAX_SECTION_ROWS = 50;
/** Labels for blank segment cells. */
export const BLANK_SEGMENT = '(blank)';

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
  /** Runs the metric by `grain`: the series' rows as period values (columns named by the entry), or one figure. */
  series(call: Call, rows: Rows, grain: Grain): PeriodValue[] | number {
    const result = this.run(call, rows, grain);
    if (typeof result === 'number') return result;
    const shape = call.spec.series;
    if (typeof result === 'string' || result.length < 1 || !shape) throw new MetricError(`${call.spec.name}: unexpected result`);
    const out: PeriodValue[] = [];
    for (let r = 1; r < result.length; r++) {
      const p = parsePeriod(String(result[r][0]));
      if (p) out.push({ label: p.label, start: p.start, value: num(result[r][shape.value]), n: num(result[r][shape.n]) });
    }
    return out;
  }
}

/** Rows grouped by a key, in first-seen order; each group carries an id so role columns cache its slice. */
function partition(n: number, key: (i: number) => string | undefined, idPrefix: string): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const k = key(i);
    if (k === undefined) continue;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(i);
  }
  for (const [k, rows] of groups) (rows as number[] & { id?: string }).id = `${idPrefix}:${k}`;
  return groups;
}

/** The text a segment or breakdown cell is grouped by: a date cell as the sheet shows it. */
function groupKey(cell: Cell, toCivil: ToCivil): string {
  if (isBlank(cell)) return BLANK_SEGMENT;
  if (isDate(cell)) return showDate(cell, toCivil);
  const t = coerceText(cell);
  return t.ok ? t.value : BLANK_SEGMENT;
}

/** Runs `fn`, turning a MetricError (the metric cannot be computed on these rows) into undefined. */
function orSkipped<T>(fn: () => T, onError?: (e: MetricError) => void): T | undefined {
  try {
    return fn();
  } catch (e) {
    if (!(e instanceof MetricError)) throw e;
    onError?.(e);
    return undefined;
  }
}

/** The headline period: the last one ended by `civilNow`, else the last one with a noCompletePeriod warning; -1 without periods. */
export function latestComplete(periods: readonly { end: number }[], civilNow: number, warnings: Message[]): number {
  for (let k = periods.length - 1; k >= 0; k--) if (periods[k].end <= civilNow) return k;
  if (periods.length) warnings.push(warning('noCompletePeriod', {}));
  return periods.length - 1;
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
  const language = input.language ?? 'en';
  const skipped = (name: string) => (e: MetricError): void => void warnings.push(warning('metricSkipped', { metric: name, message: errorIn(e.said, language) }));
  const from = spec.from ? Date.parse(spec.from) : -Infinity;
  const to = spec.to ? Date.parse(spec.to) : Infinity;
  const inRange = (start: number): boolean => start >= periodOf(from === -Infinity ? start : from, grain).start && start <= to;

  // Segments: the largest first, at most MAX_SEGMENTS.
  const segmentColumn = spec.segmentBy ?? spec.mapping.segment;
  let segmentRows = new Map<string, number[]>();
  if (segmentColumn !== undefined) {
    const all = partition(data.length, (i) => groupKey(data[i][segmentColumn], toCivil), 'segment');
    segmentRows = new Map([...all.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1)).slice(0, MAX_SEGMENTS));
  }

  const metrics: MetricFigures[] = [];
  const sections: SectionFigures[] = [];
  let outlook: SummaryFigures['outlook'];
  const periodLabels = new Map<string, number>();
  /** Each figure's call plan, made once and used for its trend, its missing periods and its segments. */
  const calls = new Map<MetricFigures, Call>();
  /** The periods the series held before From/To filtered them (for the outsideData answer). */
  let span: DataSpan | undefined;

  for (const name of new Set(spec.metrics)) {
    const fn = findFunction(name);
    const call = fn && inSummaries(fn) ? planCall(fn, columns, grain) : undefined;
    if (!fn || !call) {
      warnings.push(warning('metricUnavailable', { metric: fn?.name ?? name }));
      continue;
    }
    if (fn.section === 'outlook') {
      const got = orSkipped(() => outlookOf(fn, call.args(null, undefined), env), skipped(fn.name));
      if (got) outlook = { spec: fn, outlook: got };
      continue;
    }
    if (fn.section === 'spill') {
      const got = orSkipped(() => runner.run(call, null), skipped(fn.name));
      if (Array.isArray(got)) sections.push({ spec: fn, table: got.slice(0, 1 + MAX_SECTION_ROWS) });
      continue;
    }
    const figures = orSkipped((): MetricFigures => {
      const figures: MetricFigures = { spec: fn, series: null, segments: new Map() };
      const got = call.takesPeriod ? runner.series(call, null, grain) : runner.run(call, null);
      if (Array.isArray(got)) {
        for (const p of got as PeriodValue[]) span = widen(span, p.start, parsePeriod(p.label)?.end ?? p.start);
        figures.series = (got as PeriodValue[]).filter((p) => inRange(p.start));
        for (const p of figures.series) periodLabels.set(p.label, p.start);
      } else if (typeof got === 'number') figures.overall = { value: got };
      else throw new MetricError(`${fn.name}: the result is a table, not one figure`);
      return figures;
    }, skipped(fn.name));
    if (!figures) continue;
    if (fn.breakdown && columns.has(fn.breakdown.role)) {
      const cells = columns.range([fn.breakdown.role], null);
      const parts = partition(data.length, (i) => (isBlank(cells[i][0]) ? undefined : groupKey(cells[i][0], toCivil)), `breakdown:${fn.breakdown.role}`);
      const table: (string | number)[][] = [];
      for (const [value, rows] of parts) {
        const got = orSkipped(() => runner.run(call, rows));
        if (typeof got === 'number') table.push([value, got]);
      }
      if (table.length) figures.breakdown = table;
    }
    metrics.push(figures);
    calls.set(figures, call);
  }

  checkComputable(metrics.length + sections.length + (outlook ? 1 : 0), warnings, language);
  checkRange(spec, span, periodLabels.size);
  const periods = [...periodLabels.entries()].sort((a, b) => a[1] - b[1]).map(([label, start]) => {
    const p = parsePeriod(label);
    return { label, start, end: p ? p.end : start };
  });
  const latest = latestComplete(periods, civilNow, warnings);
  const headline = latest >= 0 ? periods[latest].label : undefined;

  // A series spans its own data: a period of the axis past it (a quiet week after the last event) is asked by its label.
  const labelled = (call: Call, rows: Rows, label: string): PeriodValue | undefined => {
    const got = orSkipped(() => runner.run(call, rows, label));
    const p = parsePeriod(label);
    return typeof got === 'number' && p ? { label, start: p.start, value: got, n: '' } : undefined;
  };
  const previousLabel = latest > 0 ? periods[latest - 1].label : undefined;
  for (const m of metrics) {
    if (!m.series) continue;
    for (const label of [headline, previousLabel]) {
      if (label === undefined || m.series.some((p) => p.label === label)) continue;
      const got = labelled(calls.get(m) as Call, null, label);
      if (got) m.series = [...m.series, got].sort((a, b) => a.start - b.start);
    }
  }

  // Segment figures: each segment's rows with the headline period's label (the count from the series beside it);
  // metrics without a trend over all the segment's rows.
  for (const m of metrics) {
    const call = calls.get(m) as Call;
    for (const [segment, rows] of segmentRows) {
      let cell: { value: number | ''; n: number | '' } = { value: '', n: '' };
      if (m.series && headline !== undefined) {
        const got = orSkipped(() => runner.series(call, rows, grain));
        const hit = Array.isArray(got) ? got.find((p) => p.label === headline) : undefined;
        cell = hit ?? labelled(call, rows, headline) ?? cell;
      } else if (!m.series) {
        cell = { value: num(orSkipped(() => runner.run(call, rows))), n: '' };
      }
      m.segments.set(segment, { value: cell.value, n: cell.n });
    }
  }

  const figures: SummaryFigures = {
    metrics, sections, periods, latest, segments: [...segmentRows.keys()], warnings, runs: runner.runs, outlook,
    scaleOf: (role) => columns.scaleOf(role),
    segmentHeader: segmentColumn !== undefined ? headers[segmentColumn] || `Column ${segmentColumn + 1}` : undefined,
  };
  if (input.clock) figures.times = runner.times;
  return figures;
}
