// Detects a sheet's table (header row, data range), each column's value type, and the role of each column.

import { columnLetter } from '../a1';
import { coerceDate, coerceNumber, isBlank, type Cell } from '../values';
import { foldHeader, ROLE_TYPE, ROLE_WORDS, ROLES, type Role } from './roles';

export type ColumnType = 'number' | 'date' | 'text' | 'boolean' | 'empty';
export type RoleMapping = Partial<Record<Role, number>>;

/** A table found in a sheet's values: 0-based offsets into the values, headers and data row count. */
export interface DetectedTable {
  /** 0-based row of the header (or of the first data row when hasHeader is false). */
  top: number;
  /** 0-based first column and the number of columns. */
  left: number;
  width: number;
  hasHeader: boolean;
  headers: string[];
  /** Data rows below the header. */
  rows: number;
}

const SAMPLE = 200;
const identity = (t: number): number => t;

/** The type of one non-blank cell. */
export function cellType(cell: Cell): ColumnType {
  if (isBlank(cell)) return 'empty';
  if (typeof cell === 'boolean') return 'boolean';
  if (cell instanceof Date) return 'date';
  if (typeof cell === 'number') return 'number';
  const text = String(cell);
  if (coerceNumber(text).ok) return 'number';
  if (/\d/.test(text) && coerceDate(text, identity).ok) return 'date';
  return 'text';
}

/** The type most of a column's cells share (80%+), else text; looks at an even sample of at most 200 cells. */
export function columnType(values: readonly Cell[][], column: number, from: number, to: number): ColumnType {
  const counts: Record<ColumnType, number> = { number: 0, date: 0, text: 0, boolean: 0, empty: 0 };
  const step = Math.max(1, Math.floor((to - from) / SAMPLE));
  let n = 0;
  for (let r = from; r < to; r += step) {
    const t = cellType(values[r]?.[column]);
    if (t === 'empty') continue;
    counts[t]++;
    n++;
  }
  if (!n) return 'empty';
  for (const t of ['date', 'number', 'boolean'] as const) if (counts[t] >= 0.8 * n) return t;
  return 'text';
}

const isLabel = (cell: Cell): boolean => cellType(cell) === 'text';

/** Finds the table: the first of the top 20 rows that looks like headers (2+ cells, mostly words), and the rows below it. */
export function detectTable(values: readonly Cell[][]): DetectedTable | null {
  const height = values.length;
  let top = -1;
  for (let r = 0; r < Math.min(height, 20); r++) {
    const row = values[r] ?? [];
    const filled = row.filter((c) => !isBlank(c));
    if (filled.length >= 2 && filled.filter(isLabel).length >= 0.6 * filled.length && r + 1 < height) {
      top = r;
      break;
    }
  }
  const hasHeader = top >= 0;
  if (!hasHeader) top = values.findIndex((row) => row && row.some((c) => !isBlank(c)));
  if (top < 0) return null;
  const first = values[top];
  let left = first.findIndex((c) => !isBlank(c));
  let right = left;
  if (hasHeader) while (right + 1 < first.length && !isBlank(first[right + 1])) right++;
  else {
    left = 0;
    right = Math.max(0, ...values.map((row) => (row ? row.length - 1 : 0)));
  }
  let bottom = top;
  for (let r = height - 1; r > top; r--) {
    const row = values[r];
    if (row && row.slice(left, right + 1).some((c) => !isBlank(c))) {
      bottom = r;
      break;
    }
  }
  const width = right - left + 1;
  const headers = Array.from({ length: width }, (_, i) =>
    hasHeader ? String(first[left + i] ?? '').trim() : `Column ${columnLetter(left + i + 1)}`);
  return { top, left, width, hasHeader, headers, rows: bottom - top + (hasHeader ? 0 : 1) };
}

const SHORT_WORD = /^[a-zа-я]{1,3}$/;

/** How well `header` names `role`: 0 for no match; longer and whole-header matches score higher. */
export function headerScore(header: string, role: Role): number {
  const h = foldHeader(header);
  if (!h) return 0;
  const tokens = h.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  let best = 0;
  for (const raw of ROLE_WORDS[role]) {
    const word = foldHeader(raw);
    let s = 0;
    if (h === word) s = 3;
    else if (SHORT_WORD.test(word)) s = tokens.includes(word) ? 2 : 0;
    else if (tokens.includes(word)) s = 2;
    else if (h.includes(word)) s = 1.5;
    if (s) best = Math.max(best, s + word.length / 20);
  }
  // A generic "date" loses against the role a date column is named for ("Start date", "Closed on").
  return role === 'date' ? best * 0.6 : best;
}

function fits(role: Role, type: ColumnType): boolean {
  const want = ROLE_TYPE[role];
  if (type === 'empty') return false;
  return want === 'any' || want === type;
}

function distinctCount(values: readonly Cell[][], column: number, from: number, to: number, limit: number): number {
  const seen = new Set<string>();
  for (let r = from; r < to && seen.size <= limit; r++) {
    const c = values[r]?.[column];
    if (!isBlank(c)) seen.add(String(c).trim().toLowerCase());
  }
  return seen.size;
}

function numberRange(values: readonly Cell[][], column: number, from: number, to: number): { min: number; max: number; integers: boolean } {
  let min = Infinity;
  let max = -Infinity;
  let integers = true;
  for (let r = from; r < to; r++) {
    const got = coerceNumber(values[r]?.[column]);
    if (!got.ok) continue;
    min = Math.min(min, got.value);
    max = Math.max(max, got.value);
    if (!Number.isInteger(got.value)) integers = false;
  }
  return { min, max, integers };
}

const OUTCOME_WORDS = /^(won|lost|open|closed won|closed lost|churned|active|yes|no|true|false|renewed|cancelled|canceled)$/;

/** Detects each column's role: header words first (checked against the column's type), then value patterns. */
export function detectMapping(values: readonly Cell[][], table: DetectedTable, types: readonly ColumnType[]): RoleMapping {
  const from = table.top + (table.hasHeader ? 1 : 0);
  const to = from + table.rows;
  const candidates: { column: number; role: Role; score: number }[] = [];
  table.headers.forEach((header, i) => {
    for (const role of ROLES) {
      const score = headerScore(header, role);
      if (score > 0 && fits(role, types[i])) candidates.push({ column: i, role, score });
    }
  });
  candidates.sort((a, b) => b.score - a.score || a.column - b.column);
  const mapping: RoleMapping = {};
  const taken = new Set<number>();
  const assign = (role: Role, column: number): void => {
    if (mapping[role] !== undefined || taken.has(column)) return;
    mapping[role] = column;
    taken.add(column);
  };
  for (const c of candidates) assign(c.role, c.column);
  // Value patterns for columns whose header said nothing.
  types.forEach((type, i) => {
    if (taken.has(i)) return;
    const col = table.left + i;
    if (type === 'date') assign('date', i);
    else if (type === 'number') {
      const { min, max, integers } = numberRange(values, col, from, to);
      if (integers && min >= 0 && max <= 10 && max > 5) assign('score', i);
      else if (!integers || max > 100) assign('amount', i);
    } else if (type === 'text' || type === 'boolean') {
      const distinct = distinctCount(values, col, from, to, 30);
      const firstWord = String(values[from]?.[col] ?? '').trim().toLowerCase();
      if (distinct <= 6 && (type === 'boolean' || OUTCOME_WORDS.test(firstWord))) assign('status', i);
      else if (distinct >= 2 && distinct <= 20) assign('segment', i);
    }
  });
  return mapping;
}
