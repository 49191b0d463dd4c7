// A1 notation: column letters and ranges to and from 1-based row/column rectangles.

export interface A1Range {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

/** 1 → "A", 27 → "AA". */
export function columnLetter(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** "AA" → 27; 0 for text that is not a column. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    const c = ch.charCodeAt(0) - 64;
    if (c < 1 || c > 26) return 0;
    n = n * 26 + c;
  }
  return n;
}

/** "B2:D9" or "C5" (with optional $) to a rectangle, or null. */
export function parseA1(text: string): A1Range | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(text.trim());
  if (!m) return null;
  const c1 = columnNumber(m[1]);
  const r1 = Number(m[2]);
  const c2 = m[3] ? columnNumber(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) : r1;
  if (!c1 || !c2 || r1 < 1 || r2 < 1) return null;
  const row = Math.min(r1, r2);
  const column = Math.min(c1, c2);
  return { row, column, rows: Math.abs(r2 - r1) + 1, columns: Math.abs(c2 - c1) + 1 };
}

/** A rectangle as "B2:D9" ("C5" for one cell). */
export function toA1(r: A1Range): string {
  const start = `${columnLetter(r.column)}${r.row}`;
  if (r.rows === 1 && r.columns === 1) return start;
  return `${start}:${columnLetter(r.column + r.columns - 1)}${r.row + r.rows - 1}`;
}

/** A sheet name as Sheets writes it in a reference: quoted, inner quotes doubled ('Bob''s data'). */
export const quoteSheetName = (name: string): string => `'${name.replace(/'/g, "''")}'`;
