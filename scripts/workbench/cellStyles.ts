// Cell styles as Sheets draws them: bold, size (points), colours and wrapping from setStyles, conditional colours on top.

import type { CellStyle } from '../../src/server/sheets/workbook';
import type { RuleColours } from './colourRules';

/** What the styles give one cell (the ranges aside). */
export type CellLook = Omit<CellStyle, 'ranges'>;

/**
 * Per "row,column" (1-based), each cell's look within the first `rows` × `columns`: the styles in the order they were
 * set, a later one changing only what it gives (as each setStyles call does in Sheets).
 */
export function looksByCell(styles: CellStyle[], rows: number, columns: number): Map<string, CellLook> {
  const looks = new Map<string, CellLook>();
  for (const { ranges, ...given } of styles) {
    const look = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined && v !== null)) as CellLook;
    for (const r of ranges) {
      for (let y = r.row; y < Math.min(r.row + r.rows, rows + 1); y++) for (let x = r.column; x < Math.min(r.column + r.columns, columns + 1); x++) {
        const k = `${y},${x}`;
        looks.set(k, { ...looks.get(k), ...look });
      }
    }
  }
  return looks;
}

/**
 * Draws a look on a grid cell. A conditional colour wins over the cell's own background and font colour, as in Sheets;
 * wrapped text breaks into lines (long words too) and the row grows to fit them, as do rows of larger text.
 */
export function paintCell(td: HTMLElement, look: CellLook | undefined, rule: RuleColours | undefined): void {
  if (look?.bold !== undefined) td.style.fontWeight = look.bold ? '700' : '400';
  if (look?.fontSize) td.style.fontSize = `${look.fontSize}pt`;
  const background = rule?.background ?? look?.background;
  if (background) td.style.background = background;
  const colour = rule?.fontColour ?? look?.fontColour;
  if (colour) td.style.color = colour;
  if (look?.wrap) td.classList.add('wrap');
}
