// The dashboard's headline cards: per metric its display name, value, change with an arrow coloured by the metric's
// direction, goal, progress and the count behind the figure — four cards a row in columns B–E, each one column wide
// and six rows tall, their rows named in column A.

import type { Language } from '../../core/languages';
import type { Direction, FunctionSpec } from '../../functions/spec';
import type { CellStyle, CellValue, ColourRule, GridRange } from '../sheets/workbook';
import { numberOrBlank, TEXT, type LayoutBlock } from './blocks';
import type { MetricFigures, SummaryFigures } from './figures';
import type { TabFormats } from './formats';
import { progressToGoal } from './progress';

/** One metric's headline figures. */
export interface Headline {
  spec: FunctionSpec;
  name: string;
  latest: number | '';
  previous: number | '';
  change: number | '';
  goal: number | undefined;
  progress: number | '';
  n: number | '';
  /** The figure is over all rows (a metric without a trend): the card says so where a change would be. */
  overall?: boolean;
}

/** A metric as the tab names it: its display name in the reader's language. */
export const displayName = (spec: FunctionSpec, language: Language = 'en'): string => spec.labels[language].name;

/** The headline figures of one metric: latest complete period, previous, change, goal and progress. */
export function headlineOf(m: MetricFigures, figures: SummaryFigures, goal: number | undefined, language: Language): Headline {
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
  return { spec: m.spec, name: displayName(m.spec, language), latest, previous, change, goal, progress: progressToGoal(m.spec, latest, goal), n, overall: !m.series };
}

export const CARDS_PER_ROW = 4;
/** Rows of one card (name, value, change, goal, progress, count) and the blank row under a row of cards. */
export const CARD_ROWS = 6;
/** A figure counted on fewer rows than this is marked a small sample (on its card, in the segment notes). */
export const SMALL_SAMPLE = 30;
const SMALL_SAMPLE_FONT = '#b06000';
const CARD_GAP = 1;
const CARD_BACKGROUND = '#f1f3f4';
export const GOOD = { background: '#e6f4ea', font: '#137333' };
export const BAD = { background: '#fce8e6', font: '#c5221f' };
const NEUTRAL_FONT = '#5f6368';
/** Changes smaller than this are no change (floating-point noise). */
const EPSILON = 1e-12;

/** Colours a change by the metric's direction: green where it moved the good way, red the bad way, grey otherwise. */
export function changeColours(direction: Direction, range: GridRange): { colours: ColourRule[]; styles: CellStyle[] } {
  if (direction === 'neither') return { colours: [], styles: [{ ranges: [range], fontColour: NEUTRAL_FONT }] };
  const [up, down] = direction === 'higher' ? [GOOD, BAD] : [BAD, GOOD];
  return {
    colours: [
      { range, when: 'greaterThanOrEqual', value: EPSILON, background: up.background, fontColour: up.font },
      { range, when: 'lessThan', value: -EPSILON, background: down.background, fontColour: down.font },
    ],
    styles: [],
  };
}

export interface CardLayout {
  blocks: LayoutBlock[];
  styles: CellStyle[];
  colours: ColourRule[];
  /** Rows the cards take, gaps included. */
  rows: number;
}

/** The names of a card's rows, in column A: blank (beside the metrics' names), latest, change, goal, progress, count. */
export type CardLabels = [string, string, string, string, string, string];

/** The words a card writes itself: beside an overall figure, and after a count under SMALL_SAMPLE. */
export interface CardWords {
  allRows: string;
  smallSample: string;
}

/** The count's number format: plain, or with the small-sample caption (a literal, so the cell stays a number). */
const countFormat = (n: number | '', words: CardWords): string =>
  typeof n === 'number' && n < SMALL_SAMPLE ? `0" · ${words.smallSample.replace(/["\\]/g, '')}"` : '#,##0';

/** Lays the cards out from `row`, in columns 2–5, their rows named by `labels` in column 1. */
export function layCards(headlines: Headline[], row: number, formats: TabFormats, labels: CardLabels, words: CardWords): CardLayout {
  const blocks: LayoutBlock[] = [];
  const styles: CellStyle[] = [];
  const colours: ColourRule[] = [];
  const names: GridRange[] = [];
  const values: GridRange[] = [];
  for (let start = 0; start < headlines.length; start += CARDS_PER_ROW) {
    const band = headlines.slice(start, start + CARDS_PER_ROW);
    const top = row + (start / CARDS_PER_ROW) * (CARD_ROWS + CARD_GAP);
    const cells: CellValue[][] = labels.map((label) => [label]);
    const cellFormats: string[][] = labels.map((label) => [label ? TEXT : '']);
    band.forEach((h, k) => {
      const f = h.spec.format;
      const column: [CellValue, string][] = [
        [h.name, TEXT],
        [numberOrBlank(h.latest), formats.value(f)],
        h.overall ? [words.allRows, TEXT] : [numberOrBlank(h.change), formats.change(f)],
        [numberOrBlank(h.goal), formats.value(f)],
        [numberOrBlank(h.progress), '0%'],
        [numberOrBlank(h.n), countFormat(h.n, words)],
      ];
      column.forEach(([v, fmt], r) => {
        cells[r].push(v);
        cellFormats[r].push(v === '' ? '' : fmt);
      });
      if (typeof h.n === 'number' && h.n < SMALL_SAMPLE) styles.push({ ranges: [{ row: top + 5, column: 2 + k, rows: 1, columns: 1 }], fontColour: SMALL_SAMPLE_FONT });
      const change = { row: top + 2, column: 2 + k, rows: 1, columns: 1 };
      const coloured = changeColours(h.spec.direction, change);
      colours.push(...coloured.colours);
      styles.push(...coloured.styles);
    });
    blocks.push({ id: `cards:${start / CARDS_PER_ROW + 1}`, row: top, column: 1, values: cells, formats: cellFormats });
    styles.push({ ranges: [{ row: top, column: 2, rows: CARD_ROWS, columns: band.length }], background: CARD_BACKGROUND });
    styles.push({ ranges: [{ row: top, column: 1, rows: CARD_ROWS, columns: 1 }], fontColour: '#5f6368' });
    names.push({ row: top, column: 2, rows: 1, columns: band.length });
    values.push({ row: top + 1, column: 2, rows: 1, columns: band.length });
  }
  if (names.length) {
    styles.unshift({ ranges: names, bold: true, wrap: true, fontColour: '#3c4043' });
    styles.push({ ranges: values, bold: true, fontSize: 18 });
  }
  const bands = Math.ceil(headlines.length / CARDS_PER_ROW);
  return { blocks, styles, colours, rows: bands ? bands * (CARD_ROWS + CARD_GAP) : 0 };
}
