// The summary's figures from the warehouse's long table (period | segment | metric | value | n) instead of sheet rows:
// the same SummaryFigures computeFigures gives, so the same layout, cards, charts and segments are built from them.

import { MetricError } from '../core/errors';
import { errorIn } from '../core/errorTexts';
import type { Language } from '../core/languages';
import { inSummaries, isAvailable, neededRoles } from '../core/mapping/inputs';
import { parsePeriod, type Grain } from '../core/periods';
import { civilClock } from '../core/timezone';
import { findFunction } from '../functions/catalogue';
import { warning } from '../server/messages';
import type { Message, ReportSpec } from '../server/rpc/contract';
import type { CellValue } from '../server/sheets/workbook';
import {
  latestComplete, MAX_SECTION_ROWS, MAX_SEGMENTS, type MetricFigures, type PeriodValue, type SectionFigures, type SummaryFigures,
} from '../server/summary/figures';
import { tabText } from '../server/summary/tabText';
import { ROWS_PER_SEGMENT } from './query';
import { finishSection } from './sections';

/** One row of the long table as read back from the engine (NULLs as ''). */
interface LongRow {
  period?: string;
  segment?: string;
  metric: string;
  value: number | '';
  n: number | '';
}

export interface LongInput {
  spec: ReportSpec;
  /** The long table's values, header row first (period, segment, metric, value, n, in any order). */
  values: readonly (readonly CellValue[])[];
  timeZone: string;
  /** The current instant (ms): decides which periods are complete. */
  now: number;
  /** The language of the messages about metrics left out (default English). */
  language?: Language;
}

const COLUMNS = ['period', 'segment', 'metric', 'value', 'n'] as const;
const number = (v: CellValue | undefined): number | '' => (typeof v === 'number' && Number.isFinite(v) ? v : '');
const text = (v: CellValue | undefined): string | undefined => (v === undefined || v === null || v === '' ? undefined : String(v));

/** The long table's rows, its columns found by their header names. */
function readRows(values: LongInput['values']): LongRow[] {
  const header = (values[0] ?? []).map((h) => String(h).trim().toLowerCase());
  const at = Object.fromEntries(COLUMNS.map((name) => [name, header.indexOf(name)])) as Record<(typeof COLUMNS)[number], number>;
  const missing = COLUMNS.filter((name) => at[name] < 0);
  if (missing.length) throw new Error(`the warehouse result has no ${missing.join(', ')} column (header: ${header.join(', ')})`);
  return values.slice(1).filter((r) => text(r[at.metric]) !== undefined).map((r) => ({
    period: text(r[at.period]), segment: text(r[at.segment]), metric: String(r[at.metric]), value: number(r[at.value]), n: number(r[at.n]),
  }));
}

const hasData = (r: { value: number | ''; n: number | '' }): boolean => r.value !== '' || (typeof r.n === 'number' && r.n > 0);

/** A metric's series over the whole table: its periods ascending, trimmed to those from its first to its last with data (as a function's series spans its own data). */
function seriesOf(rows: readonly LongRow[]): PeriodValue[] {
  const points = rows.flatMap((r): PeriodValue[] => {
    const p = r.period === undefined ? null : parsePeriod(r.period);
    return p ? [{ label: p.label, start: p.start, value: r.value, n: r.n }] : [];
  }).sort((a, b) => a.start - b.start);
  const first = points.findIndex(hasData);
  const last = points.length - 1 - [...points].reverse().findIndex(hasData);
  return first < 0 ? [] : points.slice(first, last + 1);
}

/** Computes every figure a summary shows from the long table. */
export function longFigures(input: LongInput): SummaryFigures {
  const { spec } = input;
  const language = input.language ?? 'en';
  const T = tabText(language).warehouse;
  const warnings: Message[] = [];
  const rows = readRows(input.values);
  const env = { timeZone: () => input.timeZone, nowMs: () => input.now };
  const byMetric = new Map<string, LongRow[]>();
  for (const r of rows) {
    const list = byMetric.get(r.metric);
    if (list) list.push(r);
    else byMetric.set(r.metric, [r]);
  }

  const metrics: MetricFigures[] = [];
  const sections: SectionFigures[] = [];
  let outlook: SummaryFigures['outlook'];
  /** Each metric's rows of the segments (its rows for the whole table are read once, above). */
  const scoped = new Map<MetricFigures, LongRow[]>();
  for (const name of new Set(spec.metrics)) {
    const fn = findFunction(name);
    if (!fn || !inSummaries(fn) || !isAvailable(neededRoles(fn), (role) => spec.mapping[role] !== undefined)) {
      warnings.push(warning('metricUnavailable', { metric: fn?.name ?? name }));
      continue;
    }
    const own = byMetric.get(fn.name);
    if (!own) {
      warnings.push(warning('metricSkipped', { metric: fn.name, message: T.notCompiled }));
      continue;
    }
    if (fn.section === 'spill' || fn.section === 'outlook') {
      // A section's own rows (its row key in the segment column), finished as the function would over every row.
      const rows = own.map((r) => ({ period: r.period, key: r.segment, value: r.value, n: r.n }));
      try {
        const finished = finishSection(fn, rows, { env, grain: spec.grain as Grain });
        if ('outlook' in finished) outlook = { spec: fn, outlook: finished.outlook };
        else sections.push({ spec: fn, table: finished.table.slice(0, 1 + MAX_SECTION_ROWS) });
      } catch (e) {
        if (!(e instanceof MetricError)) throw e;
        warnings.push(warning('metricSkipped', { metric: fn.name, message: errorIn(e.said, language) }));
      }
      continue;
    }
    const whole = own.filter((r) => r.segment === undefined);
    const figures: MetricFigures = { spec: fn, series: null, segments: new Map() };
    if (whole.some((r) => r.period !== undefined)) figures.series = seriesOf(whole);
    else if (typeof whole[0]?.value === 'number') figures.overall = { value: whole[0].value };
    // Nothing in range (or nothing at all) to compute it on: said, as a function's own error is on a sheet.
    if (figures.series?.length === 0 || (!figures.series && !figures.overall)) {
      warnings.push(warning('metricSkipped', { metric: fn.name, message: T.noValue }));
      continue;
    }
    metrics.push(figures);
    scoped.set(figures, own.filter((r) => r.segment !== undefined));
  }

  // The axis: every period of a series, ascending; the headline is the latest complete one, as computeFigures picks it.
  const labels = new Map<string, number>();
  for (const m of metrics) for (const p of m.series ?? []) labels.set(p.label, p.start);
  const periods = [...labels.keys()].map((label) => parsePeriod(label)).filter((p) => p !== null)
    .sort((a, b) => a.start - b.start).map(({ label, start, end }) => ({ label, start, end }));
  const latest = latestComplete(periods, civilClock(input.timeZone)(input.now), warnings);
  const headline = latest >= 0 ? periods[latest].label : undefined;

  // Segments: the largest by their rows, at most MAX_SEGMENTS (as on a sheet); each metric's headline (or overall) figure.
  const segmentColumn = spec.segmentBy ?? spec.mapping.segment;
  const sizes = new Map<string, number>();
  if (segmentColumn !== undefined && metrics.length) {
    for (const r of byMetric.get(ROWS_PER_SEGMENT) ?? []) if (r.segment !== undefined) sizes.set(r.segment, r.n || 0);
  }
  const segments = [...sizes.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, MAX_SEGMENTS).map(([s]) => s);
  for (const m of metrics) {
    const own = scoped.get(m) ?? [];
    for (const segment of segments) {
      const hit = own.find((r) => r.segment === segment && (m.series ? r.period === headline : r.period === undefined));
      m.segments.set(segment, hit ? { value: hit.value, n: m.series ? hit.n : '' } : { value: '', n: '' });
    }
  }

  const headers = spec.warehouse?.columns ?? spec.source.headers ?? [];
  return {
    metrics, sections, periods, latest, segments, warnings, runs: 0, ...(outlook ? { outlook } : {}),
    // The answer scale is read in SQL (compile.ts); the tab of a warehouse report shows no formula that would need it.
    scaleOf: () => NaN,
    segmentHeader: segmentColumn !== undefined ? headers[segmentColumn] || `Column ${segmentColumn + 1}` : undefined,
  };
}
