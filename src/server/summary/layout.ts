// The summary tab as a pure layout model: blocks of values with number formats, colours and chart specs.

import { columnLetter, parseA1 } from '../../core/a1';
import type { OutputFormat } from '../../functions/spec';
import type { Message, ReportSpec } from '../rpc/contract';
import { TAB_TEXT as T, warning } from '../messages';
import type { CellValue, ChartSpec, ColourRule, GridRange } from '../sheets/workbook';
import type { MetricFigures, SummaryFigures } from './figures';

export interface LayoutBlock {
  /** What the block holds ("title", "headline", …), for tests and the workbench. */
  id: string;
  row: number;
  column: number;
  values: CellValue[][];
  formats: string[][];
}

export interface SummaryLayout {
  title: string;
  blocks: LayoutBlock[];
  frozenRows: number;
  columnWidths: { column: number; width: number }[];
  colours: ColourRule[];
  charts: ChartSpec[];
  /** The grid the tab needs (rows × columns), charts included. */
  rows: number;
  columns: number;
  metrics: string[];
  warnings: Message[];
}

export interface LayoutInput {
  spec: ReportSpec;
  figures: SummaryFigures;
  /** "'Deals'!A1:J1001" */
  sourceLabel: string;
  /** The refreshed-at stamp as shown ("2025-12-03 14:05 Europe/Prague"). */
  refreshedAt: string;
  /** Header of each source column, for the notes. */
  headers: string[];
  /** CLV_PREDICT's definition, for the notes when the customer outlook is shown. */
  outlookDefinition?: string;
}

/** Number formats by output format; changes of fractions are shown in percentage points. */
const FORMATS: Record<OutputFormat, string> = {
  points: '0.0', fraction: '0.0%', money: '#,##0.00', days: '0.0" d"', hours: '0.0" h"', number: '0.00', count: '#,##0',
  'money-per-day': '#,##0.00" /d"', table: 'General',
};
const CHANGE_FORMATS: Partial<Record<OutputFormat, string>> = { points: '+0.0;-0.0;0.0', fraction: '+0.0%;-0.0%;0.0%' };
const TEXT = '@';
const SMALL_SAMPLE = 30;
/** Metrics where lower is better: progress to goal is goal ÷ value. */
const LOWER_IS_BETTER = new Set(['CHURN', 'CES', 'SALES_CYCLE', 'LEAD_RESPONSE_TIME', 'AVG_RESPONSE_TIME', 'RESOLUTION_TIME', 'CAC', 'RETENTION_COST']);
const NPS_BANDS = { red: '#f4c7c3', yellow: '#fce8b2', green: '#b7e1cd' };
const CHART = { width: 480, height: 260, rows: 14 };

/** The format of every cell of a row: text for strings, the metric's format for numbers. */
function formatsFor(values: CellValue[][], numberFormat: (row: number, column: number) => string): string[][] {
  return values.map((row, r) => row.map((v, c) => (typeof v === 'string' ? TEXT : typeof v === 'number' ? numberFormat(r, c) : '')));
}

const numberOrBlank = (x: number | '' | undefined): CellValue => (typeof x === 'number' && Number.isFinite(x) ? x : '');

/** The headline figures of one metric: latest, previous, change, goal, progress, n. */
function headlineRow(m: MetricFigures, figures: SummaryFigures, goal: number | undefined): CellValue[] {
  let latest: number | '' = '';
  let previous: number | '' = '';
  let n: number | '' = '';
  if (m.series) {
    const label = figures.periods[figures.latest]?.label;
    const prevLabel = figures.periods[figures.latest - 1]?.label;
    const at = m.series.find((p) => p.label === label);
    latest = at ? at.value : '';
    n = at ? at.n : '';
    previous = m.series.find((p) => p.label === prevLabel)?.value ?? '';
  } else if (m.overall) {
    latest = m.overall.value;
    n = m.overall.n;
  }
  const change = latest !== '' && previous !== '' ? latest - previous : '';
  let progress: number | '' = '';
  if (goal !== undefined && latest !== '' && goal > 0 && latest > 0) {
    progress = LOWER_IS_BETTER.has(m.spec.name) ? goal / latest : latest / goal;
  }
  return [m.spec.name, numberOrBlank(latest), numberOrBlank(previous), numberOrBlank(change), numberOrBlank(goal), numberOrBlank(progress), numberOrBlank(n)];
}

/** Lays a summary out top to bottom; charts go to the right of the widest table. */
export function buildLayout(input: LayoutInput): SummaryLayout {
  const { spec, figures } = input;
  const blocks: LayoutBlock[] = [];
  const colours: ColourRule[] = [];
  const charts: ChartSpec[] = [];
  const warnings = [...figures.warnings];
  let row = 1;
  const add = (id: string, values: CellValue[][], numberFormat: (r: number, c: number) => string = () => ''): LayoutBlock => {
    const block = { id, row, column: 1, values, formats: formatsFor(values, numberFormat) };
    blocks.push(block);
    row += values.length + 1;
    return block;
  };
  const metrics = figures.metrics;
  const fmt = (m: MetricFigures): string => FORMATS[m.spec.format];
  const isNps = (m: MetricFigures): boolean => m.spec.name === 'NPS';
  const npsBands = (range: GridRange): void => {
    colours.push({ range, when: 'lessThan', value: 0, background: NPS_BANDS.red });
    colours.push({ range, when: 'between', value: 0, to: 29.999, background: NPS_BANDS.yellow });
    colours.push({ range, when: 'greaterThanOrEqual', value: 30, background: NPS_BANDS.green });
  };
  const latest = figures.periods[figures.latest];
  const previous = figures.periods[figures.latest - 1];

  // Title block (frozen).
  add('title', [
    [spec.title, ''],
    [T.source, input.sourceLabel],
    [T.refreshedAt, input.refreshedAt],
    [T.headlinePeriod, latest ? `${spec.grain}: ${latest.label}` : T.overall],
  ]);

  // Headline.
  const head: CellValue[][] = [[T.metric, latest ? `${T.latest} (${latest.label})` : T.latest, previous ? `${T.previous} (${previous.label})` : T.previous, T.change, T.goal, T.progress, T.responses]];
  for (const m of metrics) head.push(headlineRow(m, figures, spec.goals?.[m.spec.name]));
  const headline = add('headline', head, (r, c) => {
    if (r === 0) return '';
    const m = metrics[r - 1];
    if (c === 3) return CHANGE_FORMATS[m.spec.format] ?? fmt(m);
    if (c === 5) return '0%';
    if (c === 6) return '#,##0';
    return fmt(m);
  });
  metrics.forEach((m, k) => {
    if (isNps(m)) npsBands({ row: headline.row + 1 + k, column: 2, rows: 1, columns: 2 });
  });

  // Trend table: one column per trended metric.
  const trended = metrics.filter((m) => m.series && m.series.length);
  let trend: LayoutBlock | undefined;
  if (trended.length && figures.periods.length) {
    const values: CellValue[][] = [[`${T.period} (${spec.grain})`, ...trended.map((m) => m.spec.name)]];
    for (const p of figures.periods) values.push([p.label, ...trended.map((m) => numberOrBlank(m.series?.find((x) => x.label === p.label)?.value))]);
    trend = add('trend', values, (_r, c) => fmt(trended[c - 1]));
    const rows = values.length;
    trended.forEach((m, k) => {
      if (isNps(m)) npsBands({ row: trend!.row + 1, column: 2 + k, rows: rows - 1, columns: 1 });
      charts.push({
        type: 'line', title: `${m.spec.name} ${T.trend.toLowerCase()} ${spec.grain}`, anchor: { row: 0, column: 0 }, width: CHART.width, height: CHART.height,
        ranges: [{ row: trend!.row, column: 1, rows, columns: 1 }, { row: trend!.row, column: 2 + k, rows, columns: 1 }],
        percent: m.spec.format === 'fraction',
      });
    });
  }

  // Segment table: value and n per metric, with a small-sample note.
  if (figures.segments.length && metrics.length) {
    const header: CellValue[] = [`${T.bySegment} ${figures.segmentHeader ?? ''}`.trim()];
    for (const m of metrics) header.push(m.spec.name, `${m.spec.name} ${T.responses}`);
    header.push(T.note);
    const values: CellValue[][] = [header];
    for (const segment of figures.segments) {
      const r: CellValue[] = [segment];
      let small = false;
      for (const m of metrics) {
        const cell = m.segments.get(segment);
        r.push(numberOrBlank(cell?.value), numberOrBlank(cell?.n));
        if (typeof cell?.n === 'number' && cell.n < SMALL_SAMPLE) small = true;
      }
      r.push(small ? T.smallSample : '');
      if (small) warnings.push(warning('smallSample', { segment, n: Math.min(...metrics.map((m) => Number(m.segments.get(segment)?.n ?? 0))) }));
      values.push(r);
    }
    const block = add('segments', values, (_r, c) => (c % 2 === 0 ? '#,##0' : fmt(metrics[(c - 1) / 2])));
    metrics.forEach((m, k) => {
      if (isNps(m)) npsBands({ row: block.row + 1, column: 2 + 2 * k, rows: values.length - 1, columns: 1 });
    });
  }

  // Breakdown tables with their charts.
  const chartTable = (id: string, title: string, table: (string | number)[][] | undefined, type: ChartSpec['type'], format: string): LayoutBlock | undefined => {
    if (!table) return undefined;
    const values: CellValue[][] = [[title], ...table.map((r) => r.slice())];
    const width = Math.max(...values.map((r) => r.length));
    for (const r of values) while (r.length < width) r.push('');
    const block = add(id, values, () => format);
    const rows = table.length;
    charts.push({
      type, title, anchor: { row: 0, column: 0 }, width: CHART.width, height: CHART.height,
      ranges: [{ row: block.row + 1, column: 1, rows, columns: 1 }, { row: block.row + 1, column: 2, rows, columns: table[0].length - 1 }],
    });
    return block;
  };
  chartTable('npsBreakdown', T.npsBreakdown, figures.npsBreakdown, 'stackedColumn', '#,##0');
  chartTable('won', T.won, figures.wonByPeriod, 'column', '#,##0');
  chartTable('pipeline', T.pipeline, figures.pipelineByStage, 'bar', FORMATS.money);
  if (figures.cohorts) {
    // Retention curves of the latest cohorts with at least two periods: the matrix turned so each cohort is a line.
    const [header, ...cohorts] = figures.cohorts;
    const recent = cohorts.filter((r) => r.slice(3).some((v) => typeof v === 'number')).slice(-6);
    if (recent.length) {
      const offsets = header.slice(2);
      const curves: (string | number)[][] = [[T.periodsSinceStart, ...recent.map((r) => String(r[0]))]];
      offsets.forEach((o, k) => curves.push([String(o), ...recent.map((r) => (typeof r[2 + k] === 'number' ? r[2 + k] : ''))]));
      chartTable('cohortCurves', T.cohorts, curves, 'line', '0%');
      charts[charts.length - 1].percent = true;
    }
  }
  const outlook = figures.outlook;
  if (outlook) {
    const top: CellValue[][] = [[T.outlookTop, '', '', ''], [T.customer, T.pAlive, T.expectedPurchases, T.clv]];
    for (const c of outlook.top) top.push([c.customer, c.probabilityAlive, c.expectedPurchases, c.lifetimeValue]);
    add('outlookTop', top, (_r, c) => (c === 1 ? '0%' : c === 2 ? '0.0' : FORMATS.money));
    const risk: CellValue[][] = [[T.outlookAtRisk, '', '', ''], [T.customer, T.pastSpend, T.pAlive, T.clv]];
    for (const c of outlook.atRisk) risk.push([c.customer, c.pastSpend, c.probabilityAlive, c.lifetimeValue]);
    if (!outlook.atRisk.length) risk.push([T.noneAtRisk, '', '', '']);
    add('outlookAtRisk', risk, (_r, c) => (c === 2 ? '0%' : FORMATS.money));
  }

  // Notes: each metric's definition as computed, and the columns it read.
  const notes: CellValue[][] = [[T.notes, '']];
  for (const m of metrics) notes.push([m.spec.name, m.spec.definition]);
  if (outlook && input.outlookDefinition) notes.push(['CLV_PREDICT', input.outlookDefinition]);
  const first = parseA1(spec.source.range)?.column ?? 1;
  const mapped = Object.entries(spec.mapping).map(([role, i]) => `${role}: ${columnLetter(first + (i as number))} “${input.headers[i as number] ?? ''}”`);
  notes.push([T.columns, mapped.join('; ')]);
  add('notes', notes);

  // Charts to the right of the tables, stacked; the (wide) cohort matrix goes below both.
  const tableWidth = Math.max(...blocks.map((b) => b.values[0].length), 2);
  const chartColumn = tableWidth + 2;
  charts.forEach((c, k) => {
    c.anchor = { row: 1 + k * CHART.rows, column: chartColumn };
  });
  if (figures.cohorts) {
    row = Math.max(row, 2 + charts.length * CHART.rows);
    const values: CellValue[][] = [[T.cohorts], ...figures.cohorts.map((r) => r.slice())];
    const width = Math.max(...values.map((r) => r.length));
    for (const r of values) while (r.length < width) r.push('');
    const block = add('cohorts', values, (r, c) => (r >= 2 && c >= 2 ? '0%' : '#,##0'));
    if (width > 2 && values.length > 2) colours.push({ range: { row: block.row + 2, column: 3, rows: values.length - 2, columns: width - 2 }, when: 'gradient', min: '#ffffff', max: '#57bb8a' });
  }
  const width = Math.max(chartColumn + 8, ...blocks.map((b) => b.values[0].length));
  const rows = Math.max(row, charts.length * CHART.rows + 2) + 10;
  return {
    title: spec.title, blocks, frozenRows: 4, colours, charts,
    columnWidths: [{ column: 1, width: 180 }, { column: 2, width: 140 }],
    rows, columns: Math.max(26, width), metrics: [...metrics.map((m) => m.spec.name), ...(outlook ? ['CLV_PREDICT'] : [])], warnings,
  };
}

