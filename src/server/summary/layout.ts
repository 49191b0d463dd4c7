// The summary tab as a pure layout model: blocks of values with number formats, colours and chart specs.

import { columnLetter, parseA1 } from '../../core/a1';
import type { ColourBand, FunctionSpec, OutputFormat } from '../../functions/spec';
import type { Message, ReportSpec } from '../rpc/contract';
import { TAB_TEXT as T, warning } from '../messages';
import type { CellValue, ChartSpec, ColourRule, GridRange } from '../sheets/workbook';
import type { MetricFigures, SummaryFigures } from './figures';
import { formulaText, type FormulaSource } from './formulaText';

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
  /** Where the data was read, for the formula beside each headline figure. */
  formulaSource: FormulaSource;
  /** The refreshed-at stamp as shown ("2025-12-03 14:05 Europe/Prague"). */
  refreshedAt: string;
  /** Header of each source column, for the notes. */
  headers: string[];
}

/** Number formats by output format; changes of fractions are shown in percentage points. */
const FORMATS: Record<OutputFormat, string> = {
  points: '0.0', fraction: '0.0%', money: '#,##0.00', days: '0.0" d"', hours: '0.0" h"', number: '0.00', count: '#,##0',
  'money-per-day': '#,##0.00" /d"', table: 'General',
};
const CHANGE_FORMATS: Partial<Record<OutputFormat, string>> = { points: '+0.0;-0.0;0.0', fraction: '+0.0%;-0.0%;0.0%' };
const TEXT = '@';
const SMALL_SAMPLE = 30;
const TONES: Record<ColourBand['tone'], string> = { bad: '#f4c7c3', fair: '#fce8b2', good: '#b7e1cd' };
const CHART = { width: 480, height: 260, rows: 14 };

/** The format of every cell of a row: text for strings, the metric's format for numbers. */
function formatsFor(values: CellValue[][], numberFormat: (row: number, column: number) => string): string[][] {
  return values.map((row, r) => row.map((v, c) => (typeof v === 'string' ? TEXT : typeof v === 'number' ? numberFormat(r, c) : '')));
}

const numberOrBlank = (x: number | '' | undefined): CellValue => (typeof x === 'number' && Number.isFinite(x) ? x : '');

/** A metric as the tab names it: its display name. */
export const displayName = (spec: FunctionSpec): string => spec.labels.en.name;

/** Progress towards a goal in the metric's good direction; blank where it cannot be read as a share. */
export function progressToGoal(spec: FunctionSpec, latest: number | '', goal: number | undefined): number | '' {
  if (goal === undefined || latest === '' || !(goal > 0) || !(latest > 0)) return '';
  if (spec.direction === 'higher') return latest / goal;
  if (spec.direction === 'lower') return goal / latest;
  return '';
}

/** The headline figures of one metric: latest, previous, change, goal, progress, n, and the formula that gives latest. */
function headlineRow(m: MetricFigures, figures: SummaryFigures, goal: number | undefined, formula: string): CellValue[] {
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
  }
  const change = latest !== '' && previous !== '' ? latest - previous : '';
  return [displayName(m.spec), numberOrBlank(latest), numberOrBlank(previous), numberOrBlank(change), numberOrBlank(goal),
    numberOrBlank(progressToGoal(m.spec, latest, goal)), numberOrBlank(n), formula];
}

/** The colour rules of a metric's bands over a range. */
function bandRules(spec: FunctionSpec, range: GridRange): ColourRule[] {
  return (spec.bands ?? []).map((b): ColourRule => {
    const background = TONES[b.tone];
    if (b.from === undefined) return { range, when: 'lessThan', value: b.to as number, background };
    if (b.to === undefined) return { range, when: 'greaterThanOrEqual', value: b.from, background };
    // Sheets' "between" is inclusive: stop just below the next band's start.
    return { range, when: 'between', value: b.from, to: b.to - 1e-9, background };
  });
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
  const bands = (m: MetricFigures, range: GridRange): void => void colours.push(...bandRules(m.spec, range));
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
  const head: CellValue[][] = [[T.metric, latest ? `${T.latest} (${latest.label})` : T.latest, previous ? `${T.previous} (${previous.label})` : T.previous, T.change, T.goal, T.progress, T.responses, T.formula]];
  for (const m of metrics) {
    const formula = formulaText(m.spec, input.formulaSource, m.series ? latest?.label : undefined, spec.grain, figures.scaleOf);
    head.push(headlineRow(m, figures, spec.goals?.[m.spec.name], formula));
  }
  const headline = add('headline', head, (r, c) => {
    if (r === 0) return '';
    const m = metrics[r - 1];
    if (c === 3) return CHANGE_FORMATS[m.spec.format] ?? fmt(m);
    if (c === 5) return '0%';
    if (c === 6) return '#,##0';
    return fmt(m);
  });
  metrics.forEach((m, k) => bands(m, { row: headline.row + 1 + k, column: 2, rows: 1, columns: 2 }));

  // Trend table: one column per trended metric.
  const trended = metrics.filter((m) => m.series && m.series.length);
  let trend: LayoutBlock | undefined;
  if (trended.length && figures.periods.length) {
    const values: CellValue[][] = [[`${T.period} (${spec.grain})`, ...trended.map((m) => displayName(m.spec))]];
    for (const p of figures.periods) values.push([p.label, ...trended.map((m) => numberOrBlank(m.series?.find((x) => x.label === p.label)?.value))]);
    trend = add('trend', values, (_r, c) => fmt(trended[c - 1]));
    const rows = values.length;
    trended.forEach((m, k) => {
      bands(m, { row: trend!.row + 1, column: 2 + k, rows: rows - 1, columns: 1 });
      if (m.spec.chart !== 'line' && m.spec.chart !== 'column') return;
      charts.push({
        type: m.spec.chart, title: `${displayName(m.spec)} ${T.trend.toLowerCase()} ${spec.grain}`, anchor: { row: 0, column: 0 }, width: CHART.width, height: CHART.height,
        ranges: [{ row: trend!.row, column: 1, rows, columns: 1 }, { row: trend!.row, column: 2 + k, rows, columns: 1 }],
        percent: m.spec.format === 'fraction',
      });
    });
  }

  // Segment tables: trended metrics in the headline period (value and n), the others over all rows.
  const headlineLabel = latest ? latest.label : undefined;
  const segmentTable = (id: string, ms: MetricFigures[], period: string): void => {
    if (!figures.segments.length || !ms.length) return;
    // A count column only for metrics whose function reports one (trended metrics do; overall figures do not).
    const withN = ms.map((m) => [...m.segments.values()].some((c) => c.n !== ''));
    const header: CellValue[] = [`${T.bySegment} ${figures.segmentHeader ?? ''} ${T.inPeriod} ${period}`.replace(/\s+/g, ' ').trim()];
    ms.forEach((m, k) => header.push(displayName(m.spec), ...(withN[k] ? [`${displayName(m.spec)} ${T.responses}`] : [])));
    header.push(T.note);
    const values: CellValue[][] = [header];
    const formats: string[] = [''];
    ms.forEach((m, k) => formats.push(fmt(m), ...(withN[k] ? ['#,##0'] : [])));
    for (const segment of figures.segments) {
      const r: CellValue[] = [segment];
      const small: { name: string; n: number }[] = [];
      ms.forEach((m, k) => {
        const cell = m.segments.get(segment);
        r.push(numberOrBlank(cell?.value));
        if (withN[k]) r.push(numberOrBlank(cell?.n));
        if (typeof cell?.n === 'number' && cell.n < SMALL_SAMPLE) small.push({ name: displayName(m.spec), n: cell.n });
      });
      r.push(small.length ? `${T.smallSample}: ${small.map((x) => `${x.name} n = ${x.n}`).join(', ')}` : '');
      if (small.length) warnings.push(warning('smallSample', { segment, n: Math.min(...small.map((x) => x.n)) }));
      values.push(r);
    }
    const block = add(id, values, (_r, c) => formats[c] ?? '');
    let column = 2;
    ms.forEach((m, k) => {
      bands(m, { row: block.row + 1, column, rows: values.length - 1, columns: 1 });
      column += withN[k] ? 2 : 1;
    });
  };
  if (headlineLabel) segmentTable('segments', metrics.filter((m) => m.series), headlineLabel);
  segmentTable('segmentsAllRows', metrics.filter((m) => !m.series), T.allRows);

  // Breakdowns (a metric across the values of one column) with their bar charts.
  for (const m of metrics) {
    if (!m.breakdown || !m.spec.breakdown) continue;
    const title = `${displayName(m.spec)} ${T.by} ${input.headers[spec.mapping[m.spec.breakdown.role] ?? -1] ?? m.spec.breakdown.role}`;
    const values: CellValue[][] = [[title, ''], ...m.breakdown.map((r) => r.slice())];
    const block = add(`breakdown:${m.spec.name}`, values, () => fmt(m));
    charts.push({
      type: m.spec.breakdown.chart, title, anchor: { row: 0, column: 0 }, width: CHART.width, height: CHART.height,
      ranges: [{ row: block.row + 1, column: 1, rows: m.breakdown.length, columns: 1 }, { row: block.row + 1, column: 2, rows: m.breakdown.length, columns: 1 }],
      percent: m.spec.format === 'fraction',
    });
  }

  // Charts go to the right of the tables above (stacked); a section wider than those tables starts below the charts.
  const chartColumn = Math.max(...blocks.map((b) => b.values[0].length), 2) + 2;
  const belowCharts = 2 + charts.length * CHART.rows;

  // Sections: table-shaped entries as their own spilled tables under their display names.
  for (const section of figures.sections) {
    const width = Math.max(...section.table.map((r) => r.length));
    if (width >= chartColumn - 1) row = Math.max(row, belowCharts);
    const values: CellValue[][] = [[displayName(section.spec)], ...section.table.map((r) => r.slice())];
    for (const r of values) while (r.length < width) r.push('');
    const heatmap = section.spec.chart === 'heatmap';
    const block = add(`section:${section.spec.name}`, values, (r, c) => (heatmap && r >= 2 && c >= 2 ? '0%' : 'General'));
    if (heatmap && width > 2 && values.length > 2) {
      colours.push({ range: { row: block.row + 2, column: 3, rows: values.length - 2, columns: width - 2 }, when: 'gradient', min: '#ffffff', max: '#57bb8a' });
    }
  }

  const outlook = figures.outlook;
  if (outlook) {
    const { top: best, atRisk } = outlook.outlook;
    const top: CellValue[][] = [[T.outlookTop, '', '', ''], [T.customer, T.pAlive, T.expectedPurchases, T.clv]];
    for (const c of best) top.push([c.customer, c.probabilityAlive, c.expectedPurchases, c.lifetimeValue]);
    add('outlookTop', top, (_r, c) => (c === 1 ? '0%' : c === 2 ? '0.0' : FORMATS.money));
    const risk: CellValue[][] = [[T.outlookAtRisk, '', '', ''], [T.customer, T.pastSpend, T.pAlive, T.clv]];
    for (const c of atRisk) risk.push([c.customer, c.pastSpend, c.probabilityAlive, c.lifetimeValue]);
    if (!atRisk.length) risk.push([T.noneAtRisk, '', '', '']);
    add('outlookAtRisk', risk, (_r, c) => (c === 2 ? '0%' : FORMATS.money));
  }

  // Notes: each metric's definition as computed, and the columns it read.
  const notes: CellValue[][] = [[T.notes, '']];
  const fixed = (f: FunctionSpec): string => Object.entries(f.inputs).filter(([, s]) => typeof s === 'object' && 'fixed' in s)
    .map(([param, s]) => ` ${T.fixedInput} ${param} = ${(s as { fixed: number | string }).fixed}.`).join('');
  for (const f of [...metrics.map((m) => m.spec), ...figures.sections.map((x) => x.spec), ...(outlook ? [outlook.spec] : [])]) {
    notes.push([`${displayName(f)} (${f.name})`, f.definition + fixed(f)]);
  }
  const first = parseA1(spec.source.range)?.column ?? 1;
  const mapped = Object.entries(spec.mapping).map(([role, i]) => `${role}: ${columnLetter(first + (i as number))} “${input.headers[i as number] ?? ''}”`);
  notes.push([T.columns, mapped.join('; ')]);
  add('notes', notes);

  charts.forEach((c, k) => {
    c.anchor = { row: 1 + k * CHART.rows, column: chartColumn };
  });
  const width = Math.max(chartColumn + 8, ...blocks.map((b) => b.values[0].length));
  const rows = Math.max(row, charts.length * CHART.rows + 2) + 10;
  return {
    title: spec.title, blocks, frozenRows: 4, colours, charts,
    columnWidths: [{ column: 1, width: 180 }, { column: 2, width: 140 }],
    rows, columns: Math.max(26, width), metrics: [...metrics.map((m) => m.spec.name), ...figures.sections.map((x) => x.spec.name), ...(outlook ? [outlook.spec.name] : [])], warnings,
  };
}

