// A table-shaped result on the tab (NPS breakdown, confidence interval, cohort matrix, time in stage, model fit): its
// words in the reader's language, its number formats, and its chart — the NPS breakdown's 100 % bar (from one row of
// chart data) or the cohort chart.

import type { CellValue, GridRange } from '../sheets/workbook';
import type { LayoutBlock } from './blocks';
import { cohortChart, npsBreakdownChart, type Draft } from './chartSpecs';
import type { SummaryFigures } from './figures';
import type { TabFormats } from './formats';
import { fill, sectionWord, type TabText } from './tabText';

/** Ages (periods after the start) the cohort chart follows. */
const COHORT_AGES = [1, 3, 6, 12];
const GROUPS = ['promoters', 'passives', 'detractors'];

export interface SectionLayout {
  /** The table under its display name. */
  values: CellValue[][];
  numberFormat(row: number, column: number): string;
  /** Its charts, made once the block's row is known. */
  charts: ((block: LayoutBlock) => Draft)[];
  /** A row of chart data to write at `chartData` (the NPS breakdown's shares, one column per group). */
  chartData?: CellValue[][];
  heatmap: boolean;
}

/** The words of a result (not its data) in the reader's language; cohort ages as "month 3"; bare bounds get a header. */
function translated(section: SummaryFigures['sections'][number], T: TabText, grainWord: string): CellValue[][] {
  const table: CellValue[][] = section.table.map((r) => r.slice());
  const heatmap = section.spec.chart === 'heatmap';
  if (table.length === 1 && table[0].length === 2 && table[0].every((v) => typeof v === 'number')) table.unshift(['low', 'high']);
  return table.map((r, k) => r.map((v, c) => {
    if (k === 0 && heatmap && c >= 2 && typeof v === 'number') return fill(T.afterPeriods, { grain: grainWord, n: v });
    return typeof v === 'string' ? sectionWord(T, v) : v;
  }));
}

/** A section laid out; `title` is its display name, `chartData` where its chart data go (columns N…). */
export function sectionLayout(section: SummaryFigures['sections'][number], title: string, T: TabText, F: TabFormats, grainWord: string, chartData: GridRange): SectionLayout {
  const values: CellValue[][] = [[title], ...translated(section, T, grainWord)];
  const heatmap = section.spec.chart === 'heatmap';
  const charts: ((b: LayoutBlock) => Draft)[] = [];
  let data: CellValue[][] | undefined;
  const shares = GROUPS.map((g) => section.table.find((r) => r[0] === g)?.[2]);
  if (shares.every((s) => typeof s === 'number')) {
    data = [['', ...GROUPS.map((g) => sectionWord(T, g))], [sectionWord(T, 'share'), ...(shares as number[])]];
    charts.push(() => npsBreakdownChart(title, { ...chartData, rows: 2, columns: 4 }));
  }
  const ages = heatmap ? COHORT_AGES.map((a) => section.table[0]?.indexOf(a)).filter((c): c is number => c !== undefined && c >= 2) : [];
  if (ages.length && section.table.length > 2) {
    const numbers = section.table.slice(1).flatMap((r) => ages.map((c) => r[c])).filter((v): v is number => typeof v === 'number');
    charts.push((b) => cohortChart(T.cohortChart, { row: b.row + 1, column: 1, rows: section.table.length, columns: 1 },
      ages.map((c) => ({ row: b.row + 1, column: 1 + c, rows: section.table.length, columns: 1 })), numbers));
  }
  // Shares as percent (the cohort matrix, a "share" column), other figures in the entry's format.
  const shareColumn = section.table[0]?.indexOf('share') ?? -1;
  const own = section.spec.format === 'table' ? 'General' : F.value(section.spec.format);
  const numberFormat = (r: number, c: number): string => (heatmap && r >= 2 && c >= 2 ? '0%' : c === shareColumn ? '0.0%' : own);
  return { values, numberFormat, charts, chartData: data, heatmap };
}
