// Column widths that fit what a tab shows: every header (wrapped at most onto a few lines), the labels in column A,
// the figures; and the pixels between two columns, for charts that must end at column L.

import type { GridRange } from '../sheets/workbook';
import type { LayoutBlock } from './blocks';

const MIN = 90;
const MAX = 240;
const LABELS = { min: 150, max: 280 };
/** Card columns hold an 18-point figure: at least this wide, and as wide as its figure up to CARD_MAX. */
const CARD_MIN = 150;
const CARD_MAX = 320;
const DEFAULT = 100;

/** Thai vowel and tone marks above or below a letter take no width of their own. */
const ZERO_WIDTH = /[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u0300-\u036f]/;

/** About how many pixels a text takes in Sheets' default 10-point font, bold (headers are), with the cell's padding. */
export function textPixels(text: string): number {
  let px = 16;
  for (const ch of text) px += ZERO_WIDTH.test(ch) ? 0 : /[A-ZА-ЯÁ-Ž%@mwMWшщжюЩЖ]/.test(ch) ? 10 : /[\s.,:;'!|il()]/.test(ch) ? 4.5 : 8;
  return Math.ceil(px);
}

/** A number as wide as it shows with separators and two decimals. */
const numberPixels = (v: number): number => textPixels(Math.round(Math.abs(v)).toLocaleString('en-US')) + 24;

/**
 * A card's figure at 18 points (1.8 × the 10-point width) with two decimals, a sign, and the longest currency and unit
 * the languages put beside it ("Kč", "/den").
 */
const cardPixels = (v: number): number =>
  Math.ceil(1.8 * textPixels(`−${Math.abs(v).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} Kč /den`));

/** Widths (px) for every column a block uses: headers fit (their longest word at least), column A fits its labels. */
export function columnWidths(blocks: LayoutBlock[], headerRows: GridRange[]): { column: number; width: number }[] {
  const need = new Map<number, number>();
  const fit = (column: number, px: number): void => void need.set(column, Math.max(need.get(column) ?? 0, px));
  const isHeader = (row: number, column: number): boolean => headerRows.some((h) => h.row === row && column >= h.column && column < h.column + h.columns);
  for (const b of blocks) {
    const cards = b.id.startsWith('cards:');
    const prose = b.id === 'title' || b.id === 'notes' || b.id.startsWith('chartData');
    b.values.forEach((r, i) => r.forEach((v, j) => {
      const column = b.column + j;
      if (cards) {
        if (j === 0) return fit(column, Math.min(LABELS.max, textPixels(String(v))));
        return fit(column, typeof v === 'number' ? Math.min(CARD_MAX, Math.max(CARD_MIN, cardPixels(v))) : CARD_MIN);
      }
      // The refreshed-at date-time, as wide as the longest locale's automatic format ("02.12.2026 12:45:17").
      if (v instanceof Date) return fit(column, textPixels('00.00.0000 00:00:00'));
      if (typeof v === 'number') return prose ? undefined : fit(column, Math.min(MAX, numberPixels(v)));
      if (typeof v !== 'string' || !v) return;
      if (b.id === 'title') {
        // The labels of the title rows (Source, Refreshed at, Language) must show whole.
        if (i > 0 && j % 3 === 0) fit(column, Math.min(MAX, textPixels(v)));
        return;
      }
      if (prose) return;
      if (isHeader(b.row + i, column)) {
        const longestWord = Math.max(...v.split(/\s+/).map(textPixels));
        return fit(column, Math.max(Math.min(MAX, textPixels(v)), Math.min(LABELS.max, longestWord)));
      }
      if (column === 1 && j === 0 && i > 0) fit(column, Math.min(LABELS.max, textPixels(v)));
    }));
  }
  const last = Math.max(0, ...need.keys());
  const out: { column: number; width: number }[] = [];
  for (let c = 1; c <= last; c++) {
    const px = need.get(c) ?? DEFAULT;
    const lo = c === 1 ? LABELS.min : MIN;
    const hi = c === 1 ? LABELS.max : Math.max(MAX, Math.min(CARD_MAX, px));
    out.push({ column: c, width: Math.round(Math.max(lo, Math.min(hi, px))) });
  }
  return out;
}

/** Pixels from the left edge of column `from` to the right edge of column `to`. */
export function pixelsBetween(widths: { column: number; width: number }[], from: number, to: number): number {
  let px = 0;
  for (let c = from; c <= to; c++) px += widths.find((w) => w.column === c)?.width ?? DEFAULT;
  return px;
}
