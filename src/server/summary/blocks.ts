// The pieces a summary layout is made of: a block of values with its number formats, and the row flow that places them.

import type { CellStyle, CellValue } from '../sheets/workbook';

export interface LayoutBlock {
  /** What the block holds ("title", "headline", …), for tests and the workbench. */
  id: string;
  row: number;
  column: number;
  values: CellValue[][];
  formats: string[][];
}

/** Plain text: every string cell is written as text. */
export const TEXT = '@';

/** The format of every cell of a block: text for strings, `numberFormat` for numbers, none for blanks. */
export function formatsFor(values: CellValue[][], numberFormat: (row: number, column: number) => string): string[][] {
  return values.map((row, r) => row.map((v, c) => (typeof v === 'string' ? TEXT : typeof v === 'number' ? numberFormat(r, c) : '')));
}

/** A finite number, else a blank cell. */
export const numberOrBlank = (x: number | '' | undefined): CellValue => (typeof x === 'number' && Number.isFinite(x) ? x : '');

/** Styles that set the same properties to the same values, merged into one (one RangeList and its setters in Apps Script). */
export function mergeStyles(styles: CellStyle[]): CellStyle[] {
  const bySignature = new Map<string, CellStyle>();
  for (const { ranges, ...look } of styles) {
    const key = JSON.stringify(Object.entries(look).sort());
    const same = bySignature.get(key);
    if (same) same.ranges.push(...ranges);
    else bySignature.set(key, { ...look, ranges: [...ranges] });
  }
  return [...bySignature.values()].filter((s) => s.ranges.length);
}
