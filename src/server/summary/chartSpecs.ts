// The charts of a summary tab as specs, sized to their data, with axes that fit their values and colours that match
// their meaning: trends (with a dashed goal line), breakdowns, the NPS breakdown and the cohort chart.

import type { OutputFormat } from '../../functions/spec';
import type { ChartSpec, GridRange } from '../sheets/workbook';
import { fitAxis } from './axis';

export const ROW_PX = 21;
export const PROMOTERS = '#34a853';
export const PASSIVES = '#9aa0a6';
export const DETRACTORS = '#ea4335';
const SERIES = '#1a73e8';
const COHORT_SERIES = ['#174ea6', '#1a73e8', '#669df6', '#aecbfa'];

/** Rows a chart of this height covers, with one row of margin. */
export const rowsOf = (height: number): number => Math.ceil(height / ROW_PX) + 1;

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

/** A chart placed later: its anchor column and its width are settled once the column widths are known. */
export type Draft = Omit<ChartSpec, 'anchor'> & { row?: number };

export interface TrendInput {
  title: string;
  type: 'line' | 'column';
  /** The period column and the metric's column of the trend table (header row included). */
  domain: GridRange;
  series: GridRange;
  /** The goal repeated on every row (header row included), when a goal is set. */
  goal?: GridRange;
  values: readonly (number | '')[];
  goalValue?: number;
  format: OutputFormat;
  axisFormat: string;
}

/** A metric's trend: as wide as its periods need, its axis fitted to values and goal, the goal a dashed line. */
export function trendChart(t: TrendInput): Draft {
  return {
    type: t.type, title: t.title, width: clamp(300 + 14 * t.values.length, 380, 600), height: 260,
    ranges: t.goal ? [t.domain, t.series, t.goal] : [t.domain, t.series],
    axis: { format: t.axisFormat, ...fitAxis(t.values, t.format, t.goalValue) },
    colours: t.goal ? [SERIES, '#5f6368'] : [SERIES],
    ...(t.goal ? { goalSeries: [1] } : {}),
  };
}

/** A metric across the values of one column, as bars: taller with more bars. */
export function breakdownChart(title: string, type: 'bar' | 'column', domain: GridRange, series: GridRange, values: number[], format: OutputFormat, axisFormat: string): Draft {
  return {
    type, title, width: 440, height: clamp(70 + 28 * values.length, 180, 360), ranges: [domain, series],
    axis: { format: axisFormat, ...fitAxis(values, format) }, colours: [SERIES],
  };
}

/** The NPS breakdown as one 100% bar: promoters green, passives grey, detractors red. */
export function npsBreakdownChart(title: string, data: GridRange): Draft {
  return {
    type: 'stackedBar', title, width: 440, height: 150,
    ranges: [{ ...data, columns: 1 }, { ...data, column: data.column + 1, columns: data.columns - 1 }],
    axis: { format: '#,##0%', min: 0, max: 1 }, colours: [PROMOTERS, PASSIVES, DETRACTORS],
  };
}

/** Cohorts along the axis, one line per age (the share still active after 1, 3, 6, 12 periods). */
export function cohortChart(title: string, domain: GridRange, series: GridRange[], values: number[]): Draft {
  return {
    type: 'line', title, width: clamp(300 + 16 * (domain.rows - 1), 420, 640), height: 280, ranges: [domain, ...series],
    axis: { format: '#,##0%', ...fitAxis(values, 'fraction') }, colours: COHORT_SERIES.slice(0, series.length),
  };
}
