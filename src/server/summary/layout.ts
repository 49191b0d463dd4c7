// The summary tab as a pure layout model: blocks of values with number formats, styles, colours and chart specs.
// The first screen is a dashboard (cards and the main chart); the headline table, trend, segments, sections and
// notes follow, each chart beside its table and every chart within columns A–L.

import type { Language } from '../../core/languages';
import type { ColourBand, FunctionSpec } from '../../functions/spec';
import type { Message, ReportSpec } from '../rpc/contract';
import { warning } from '../messages';
import type { CellStyle, CellValue, ChartSpec, ColourRule, GridRange } from '../sheets/workbook';
import { formatsFor, mergeStyles, numberOrBlank, type LayoutBlock } from './blocks';
import { changeColours, displayName, headlineOf, layCards, SMALL_SAMPLE } from './cards';
import { breakdownChart, rowsOf, trendChart, type Draft } from './chartSpecs';
import type { MetricFigures, SummaryFigures } from './figures';
import { tabFormats } from './formats';
import { localeFormula } from '../../core/formulaSyntax';
import { formulaText, type FormulaSource } from './formulaText';
import { notesRows } from './notes';
import { sectionLayout } from './sections';
import { fill, tabText, type TabText } from './tabText';
import { columnWidths, pixelsBetween } from './widths';

export type { LayoutBlock } from './blocks';
export { displayName } from './cards';

export interface SummaryLayout {
  title: string;
  language: Language;
  blocks: LayoutBlock[];
  frozenRows: number;
  columnWidths: { column: number; width: number }[];
  styles: CellStyle[];
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
  /** Where the data was read, for the formula beside each headline figure; absent (no Formula column) for a warehouse report. */
  formulaSource?: FormulaSource;
  /**
   * When the figures were computed and the spreadsheet's zone: written as a date-time cell in the automatic format,
   * so Sheets shows it as the spreadsheet's locale shows dates (2. 12. 2026 in cs, 2/12/2026 in th), the zone in its label.
   */
  refreshedAt: { at: Date; timeZone: string };
  /** Header of each source column, for the notes. */
  headers: string[];
  /** The reader's language (the tab's words) and locale (the currency when the source has none). */
  language?: Language;
  locale?: string;
  /** The number format of the source's money column, when it has one (its currency is the tab's). */
  moneyFormat?: string;
}

const TONES: Record<ColourBand['tone'], string> = { bad: '#f4c7c3', fair: '#fce8b2', good: '#b7e1cd' };
/** The last column a chart may reach (L), the first column of chart data (N), where the cards' main chart starts (F). */
export const LAST_CHART_COLUMN = 12;
const CHART_DATA_COLUMN = 14;
const MAIN_CHART_COLUMN = 6;
const MAIN_CHART_WIDTH = 480;
const CARDS_ROW = 5;
const HEADER_BACKGROUND = '#e8eaed';

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

/**
 * Lays a summary out top to bottom. Twice: the column widths fit the blocks' contents, which do not depend on where
 * the charts go; the second pass knows them and puts a chart beside its table only where it fits left of column L.
 */
export function buildLayout(input: LayoutInput): SummaryLayout {
  return layOut(input, layOut(input).columnWidths);
}

/** The narrowest a chart beside a table may be (px); narrower room puts it below or above the table. */
const MIN_SIDE_CHART = 360;

function layOut(input: LayoutInput, knownWidths?: { column: number; width: number }[]): SummaryLayout {
  const { spec, figures } = input;
  const language = input.language ?? 'en';
  const T = tabText(language);
  const F = tabFormats(T, input.locale ?? 'en_US', input.moneyFormat);
  const grainWord = T.grains[spec.grain as keyof TabText['grains']] ?? spec.grain;
  const name = (s: FunctionSpec): string => displayName(s, language);
  const blocks: LayoutBlock[] = [];
  const styles: CellStyle[] = [];
  const colours: ColourRule[] = [];
  const drafts: { draft: Draft; row: number; column: number }[] = [];
  /** Rows that are a table's header: bold, wrapped, shaded. */
  const headerRows: GridRange[] = [];
  const warnings = [...figures.warnings];
  let row = 1;
  const add = (id: string, values: CellValue[][], numberFormat: (r: number, c: number) => string = () => '', header = 0, column = 1): LayoutBlock => {
    const width = Math.max(...values.map((r) => r.length));
    for (const r of values) while (r.length < width) r.push('');
    const block = { id, row, column, values, formats: formatsFor(values, numberFormat) };
    blocks.push(block);
    if (header >= 0) headerRows.push({ row: row + header, column, rows: 1, columns: width });
    row += values.length + 1;
    return block;
  };
  /** Charts beside a table when they fit left of column L, else stacked above (`above`) or below it. */
  const withCharts = (makeBlock: () => LayoutBlock, charts: ((block: LayoutBlock) => Draft)[], width: number, above = false): LayoutBlock => {
    const beside = knownWidths ? width + 2 <= LAST_CHART_COLUMN && pixelsBetween(knownWidths, width + 2, LAST_CHART_COLUMN) >= MIN_SIDE_CHART
      : width + 1 + 4 <= LAST_CHART_COLUMN;
    if (beside || !above) {
      const block = makeBlock();
      let at = block.row;
      const column = beside ? width + 2 : 1;
      if (!beside) at = row;
      for (const make of charts) {
        const draft = make(block);
        drafts.push({ draft, row: at, column });
        at += rowsOf(draft.height);
      }
      row = Math.max(row, at + 1);
      return block;
    }
    // Above: the charts' rows first, then the table they draw (its row known once they are counted).
    const probe = { ...blocks[0], row: 0 };
    const heights = charts.map((make) => rowsOf(make(probe).height));
    const top = row;
    row += heights.reduce((a, b) => a + b, 0) + 1;
    const block = makeBlock();
    let at = top;
    charts.forEach((make, k) => {
      drafts.push({ draft: make(block), row: at, column: 1 });
      at += heights[k];
    });
    return block;
  };
  const metrics = figures.metrics;
  const fmt = (m: MetricFigures): string => F.value(m.spec.format);
  const bands = (m: MetricFigures, range: GridRange): void => void colours.push(...bandRules(m.spec, range));
  const latest = figures.periods[figures.latest];
  const previous = figures.periods[figures.latest - 1];

  // Title block (frozen): what, from where, when, which period, in which language.
  const meaning = latest ? fill(previous ? T.headlineMeaning : T.headlineMeaningFirst, { grain: grainWord, previous: previous?.label ?? '' }) : '';
  const title = add('title', [
    [spec.title],
    [T.source, input.sourceLabel, '', `${T.refreshedAt} (${input.refreshedAt.timeZone})`, input.refreshedAt.at, '', T.language, T.languageName],
    [T.headlinePeriod, latest ? `${grainWord}: ${latest.label}` : T.overall, meaning],
  ], () => '', -1);
  styles.push({ ranges: [{ row: title.row, column: 1, rows: 1, columns: 1 }], bold: true, fontSize: 14 });
  styles.push({ ranges: [{ row: 2, column: 1, rows: 2, columns: 1 }, { row: 2, column: 4, rows: 1, columns: 1 }, { row: 2, column: 7, rows: 1, columns: 1 }], bold: true });

  // Cards: the first screen.
  const headlines = metrics.map((m) => headlineOf(m, figures, spec.goals?.[m.spec.name], language));
  row = CARDS_ROW;
  const cards = layCards(headlines, row, F, [
    '', latest ? `${T.latest} (${latest.label})` : T.latest, previous ? `${T.change} (${T.versus} ${previous.label})` : T.change, T.goal, T.progress, T.counted,
  ], { allRows: `(${T.allRows})`, smallSample: T.smallSample });
  blocks.push(...cards.blocks);
  styles.push(...cards.styles);
  colours.push(...cards.colours);
  row += cards.rows;
  const mainChartRow = CARDS_ROW;
  const cardsEnd = row;

  // Headline table: every figure with the custom-function call that gives it.
  const head: CellValue[][] = [[T.metric, latest ? `${T.latest} (${latest.label})` : T.latest, previous ? `${T.previous} (${previous.label})` : T.previous, T.change, T.goal, T.progress, T.responses, ...(input.formulaSource ? [T.formula] : [])]];
  metrics.forEach((m, k) => {
    const h = headlines[k];
    // As the reader's Sheets writes formulas: `;` between arguments and decimal commas in cs, pl and ru.
    const source = input.formulaSource;
    const formula = source ? [localeFormula(formulaText(m.spec, source, m.series ? latest?.label : undefined, spec.grain, figures.scaleOf), input.locale ?? 'en_US')] : [];
    head.push([h.name, numberOrBlank(h.latest), numberOrBlank(h.previous), numberOrBlank(h.change), numberOrBlank(h.goal), numberOrBlank(h.progress), numberOrBlank(h.n), ...formula]);
  });
  // Leave room for the main chart beside the cards before the table starts.
  row = Math.max(row, mainChartRow + rowsOf(Math.max(220, (cardsEnd - mainChartRow) * 21 - 10)));
  const headline = add('headline', head, (r, c) => {
    if (r === 0) return '';
    const m = metrics[r - 1];
    if (c === 3) return F.change(m.spec.format);
    if (c === 5) return '0%';
    if (c === 6) return '#,##0';
    return fmt(m);
  });
  metrics.forEach((m, k) => {
    bands(m, { row: headline.row + 1 + k, column: 2, rows: 1, columns: 2 });
    const coloured = changeColours(m.spec.direction, { row: headline.row + 1 + k, column: 4, rows: 1, columns: 1 });
    colours.push(...coloured.colours);
    styles.push(...coloured.styles);
  });

  // Trend table: one column per trended metric; its charts beside it, each goal a dashed line (goal columns in N…).
  const trended = metrics.filter((m) => m.series && m.series.length);
  let main: Draft | undefined;
  if (trended.length && figures.periods.length) {
    const values: CellValue[][] = [[`${T.period} (${grainWord})`, ...trended.map((m) => name(m.spec))]];
    for (const p of figures.periods) values.push([p.label, ...trended.map((m) => numberOrBlank(m.series?.find((x) => x.label === p.label)?.value))]);
    const charted = trended.filter((m) => m.spec.chart === 'line' || m.spec.chart === 'column');
    const withGoal = charted.filter((m) => spec.goals?.[m.spec.name] !== undefined);
    const mainMetric = withGoal[0] ?? charted[0];
    const trendDraft = (m: MetricFigures, block: LayoutBlock): Draft => {
      const k = trended.indexOf(m);
      const g = withGoal.indexOf(m);
      return trendChart({
        title: fill(T.trendChart, { metric: name(m.spec), grain: grainWord }), type: m.spec.chart as 'line' | 'column',
        domain: { row: block.row, column: 1, rows: values.length, columns: 1 },
        series: { row: block.row, column: 2 + k, rows: values.length, columns: 1 },
        goal: g >= 0 ? { row: block.row, column: CHART_DATA_COLUMN + g, rows: values.length, columns: 1 } : undefined,
        values: values.slice(1).map((r) => r[1 + k] as number | ''), goalValue: spec.goals?.[m.spec.name],
        format: m.spec.format, axisFormat: F.axis(m.spec.format),
      });
    };
    const side = charted.filter((m) => m !== mainMetric);
    const trend = withCharts(() => add('trend', values, (_r, c) => fmt(trended[c - 1])), side.map((m) => (b: LayoutBlock) => trendDraft(m, b)), values[0].length);
    if (mainMetric) main = trendDraft(mainMetric, trend);
    trended.forEach((m, k) => bands(m, { row: trend.row + 1, column: 2 + k, rows: values.length - 1, columns: 1 }));
    if (withGoal.length) {
      const goals: CellValue[][] = values.map((_, r) => withGoal.map((m) => (r === 0 ? `${T.goal}: ${name(m.spec)}` : (spec.goals?.[m.spec.name] as number))));
      blocks.push({ id: 'chartData:goals', row: trend.row, column: CHART_DATA_COLUMN, values: goals, formats: formatsFor(goals, (_r, c) => fmt(withGoal[c])) });
    }
  }

  // Segment tables: trended metrics in the headline period (value and n), the others over all rows.
  const segmentTable = (id: string, ms: MetricFigures[], period: string, inPeriod: boolean): void => {
    if (!figures.segments.length || !ms.length) return;
    // A count column only for metrics whose function reports one (trended metrics do; overall figures do not).
    const withN = ms.map((m) => [...m.segments.values()].some((c) => c.n !== ''));
    const header: CellValue[] = [`${T.bySegment} ${figures.segmentHeader ?? ''} ${T.inPeriod} ${period}`.replace(/\s+/g, ' ').trim()];
    ms.forEach((m, k) => header.push(name(m.spec), ...(withN[k] ? [`${name(m.spec)} ${T.responses}`] : [])));
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
        if (typeof cell?.n === 'number' && cell.n < SMALL_SAMPLE) small.push({ name: name(m.spec), n: cell.n });
      });
      // In the headline period, no figure and nothing counted for any metric: the segment has no rows there. Else the
      // fewest counted (a metric counting 0 while others count more is in the Note column, not the segment's size).
      const empty = inPeriod && ms.every((m) => { const cell = m.segments.get(segment); return (cell?.value ?? '') === '' && !cell?.n; });
      const counted = small.filter((x) => x.n > 0).map((x) => x.n);
      r.push(empty ? T.noRows : small.length ? `${T.smallSample}: ${small.map((x) => `${x.name} n = ${x.n}`).join(', ')}` : '');
      if (empty) warnings.push(warning('emptySegment', { segment }));
      else if (counted.length) warnings.push(warning('smallSample', { segment, n: Math.min(...counted) }));
      values.push(r);
    }
    const block = add(id, values, (_r, c) => formats[c] ?? '');
    let column = 2;
    ms.forEach((m, k) => {
      bands(m, { row: block.row + 1, column, rows: values.length - 1, columns: 1 });
      column += withN[k] ? 2 : 1;
    });
  };
  if (latest) segmentTable('segments', metrics.filter((m) => m.series), latest.label, true);
  segmentTable('segmentsAllRows', metrics.filter((m) => !m.series), T.allRows, false);

  // Breakdowns (a metric across the values of one column) with their bar charts beside them.
  for (const m of metrics) {
    const by = m.spec.breakdown;
    if (!m.breakdown || !by) continue;
    const heading = `${name(m.spec)} ${T.by} ${input.headers[spec.mapping[by.role] ?? -1] ?? by.role}`;
    // The heading row is the chart's header row: its second cell names the series.
    const values: CellValue[][] = [[heading, name(m.spec)], ...m.breakdown.map((r) => r.slice())];
    const amounts = m.breakdown.map((r) => r[1]).filter((v): v is number => typeof v === 'number');
    withCharts(() => add(`breakdown:${m.spec.name}`, values, () => fmt(m)), [(b) => breakdownChart(heading, by.chart, { row: b.row, column: 1, rows: values.length, columns: 1 },
      { row: b.row, column: 2, rows: values.length, columns: 1 }, amounts, m.spec.format, F.axis(m.spec.format))], 2);
  }

  // Sections: table-shaped entries as their own tables under their display names, the words translated; the NPS
  // breakdown and the cohort matrix with their charts beside (or, when too wide, above) them.
  let chartDataRow = 1;
  for (const section of figures.sections) {
    const at = { row: Math.max(row, chartDataRow), column: CHART_DATA_COLUMN, rows: 1, columns: 1 };
    const laid = sectionLayout(section, name(section.spec), T, F, grainWord, at);
    if (laid.chartData) {
      blocks.push({ id: `chartData:${section.spec.name}`, row: at.row, column: at.column, values: laid.chartData, formats: formatsFor(laid.chartData, () => '0.0%') });
      chartDataRow = at.row + laid.chartData.length + 1;
    }
    const { values } = laid;
    const width = Math.max(...values.map((r) => r.length));
    const block = withCharts(() => add(`section:${section.spec.name}`, values, laid.numberFormat, 1), laid.charts, width, laid.heatmap);
    if (laid.heatmap && width > 2 && values.length > 2) {
      colours.push({ range: { row: block.row + 2, column: 3, rows: values.length - 2, columns: width - 2 }, when: 'gradient', min: '#ffffff', max: '#57bb8a' });
    }
  }

  const outlook = figures.outlook;
  if (outlook) {
    const { top: best, atRisk } = outlook.outlook;
    const money = F.value('money');
    const top: CellValue[][] = [[T.outlookTop, '', '', ''], [T.customer, T.pAlive, T.expectedPurchases, T.clv]];
    for (const c of best) top.push([c.customer, c.probabilityAlive, c.expectedPurchases, c.lifetimeValue]);
    add('outlookTop', top, (_r, c) => (c === 1 ? '0%' : c === 2 ? '0.0' : money), 1);
    const risk: CellValue[][] = [[T.outlookAtRisk, '', '', ''], [T.customer, T.pastSpend, T.pAlive, T.clv]];
    for (const c of atRisk) risk.push([c.customer, c.pastSpend, c.probabilityAlive, c.lifetimeValue]);
    if (!atRisk.length) risk.push([T.noneAtRisk, '', '', '']);
    add('outlookAtRisk', risk, (_r, c) => (c === 2 ? '0%' : money), 1);
  }

  // Notes: each metric's definition as computed, what progress means, and the columns read.
  const specs = [...metrics.map((m) => m.spec), ...figures.sections.map((x) => x.spec), ...(outlook ? [outlook.spec] : [])];
  const notes = add('notes', notesRows({ specs, spec, headers: input.headers, language, text: T, withGoals: !!spec.goals && Object.keys(spec.goals).length > 0 }), () => '', -1);
  styles.push({ ranges: [{ row: notes.row, column: 1, rows: 1, columns: 1 }], bold: true });
  styles.push({ ranges: headerRows, bold: true, wrap: true, background: HEADER_BACKGROUND });

  // Column widths fit the headers; then each chart gets its column and the width left of column L (at most its own).
  const widths = columnWidths(blocks, headerRows);
  const charts: ChartSpec[] = [];
  if (main) {
    // On the first screen beside the cards: at most MAIN_CHART_WIDTH wide, as tall as the cards.
    const height = Math.max(220, (cardsEnd - mainChartRow - 1) * 21 + 10);
    drafts.unshift({ draft: { ...main, width: Math.min(main.width, MAIN_CHART_WIDTH), height }, row: mainChartRow, column: MAIN_CHART_COLUMN });
  }
  for (const { draft, row: at, column } of drafts) {
    const room = pixelsBetween(widths, column, LAST_CHART_COLUMN) - 8;
    const { row: _unused, ...chart } = draft;
    void _unused;
    charts.push({ ...chart, anchor: { row: at, column }, width: Math.max(240, Math.min(draft.width, room)) });
  }
  const chartRows = charts.map((c) => c.anchor.row + rowsOf(c.height));
  const lastColumn = Math.max(...blocks.map((b) => b.column + b.values[0].length - 1), LAST_CHART_COLUMN);
  return {
    title: spec.title, language, blocks, frozenRows: 3, styles: mergeStyles(styles), colours, charts,
    columnWidths: widths,
    rows: Math.max(row, ...chartRows) + 10, columns: Math.max(26, lastColumn + 1),
    metrics: [...metrics.map((m) => m.spec.name), ...figures.sections.map((x) => x.spec.name), ...(outlook ? [outlook.spec.name] : [])], warnings,
  };
}
