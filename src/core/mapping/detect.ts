// Detects a sheet's table (header row, data range), each column's value type, the role of each column and the table's kind.

import { columnLetter } from '../a1';
import { coerceDate, coerceNumber, isBlank, type Cell } from '../values';
import { normaliseWord } from '../outcomes';
import { likeliestKind, type TableKind } from './kinds';
import { foldHeader, ROLE_DEFINITIONS, ROLES, roleType, type Role, type RoleDefinition } from './roles';

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
  for (const raw of ROLE_DEFINITIONS[role].words) {
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
  const want = roleType(role);
  if (type === 'empty') return false;
  return want === 'any' || want === type;
}

/** The distinct non-blank values of a column as compared words (at most `limit` + 1 of them). */
function distinctWords(values: readonly Cell[][], column: number, from: number, to: number, limit: number): Set<string> {
  const seen = new Set<string>();
  for (let r = from; r < to && seen.size <= limit; r++) {
    const c = values[r]?.[column];
    if (!isBlank(c)) seen.add(normaliseWord(String(c)));
  }
  return seen;
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

/** How a column's words fit a word role: compatible when (nearly) every value is one the role accepts. */
function wordFit(role: Role, words: ReadonlySet<string>): { compatible: boolean; telling: boolean } {
  const spec = (ROLE_DEFINITIONS[role] as RoleDefinition).values;
  if (!spec || !words.size || words.size > 12) return { compatible: !spec, telling: false };
  let accepted = 0;
  let telling = false;
  for (const w of words) {
    if (spec.accepts.includes(w)) accepted++;
    if (spec.telling.includes(w)) telling = true;
  }
  return { compatible: accepted >= Math.max(1, 0.8 * words.size), telling };
}

/** A column left unmapped although its header named a role, and why (its values do not fit). */
export interface MappingNote {
  column: number;
  role: Role;
  /** Up to five of the column's values, as read. */
  values: string[];
}

export interface DetectedMapping {
  mapping: RoleMapping;
  /** The kind of table the mapped roles say this is (null when nothing tells). */
  kind: TableKind | null;
  notes: MappingNote[];
}

/** What detection needs to know of the function table: which roles each kind's metrics read. */
export interface DetectionCatalogue {
  /** Each summary metric's kinds and the role alternatives it needs (FunctionShape through neededRoles). */
  metrics: readonly { kinds: readonly TableKind[]; needs: Role[][] | null }[];
  /** The kinds each role serves (kindsOfRoles). */
  roleKinds: ReadonlyMap<Role, ReadonlySet<TableKind>>;
}

interface Candidate {
  column: number;
  role: Role;
  score: number;
}

/**
 * Detects each column's role from its header words (in five languages) and its values: a column of won/lost/open
 * words is a deal outcome, never a churn status. The table's kind (from the roles found) then settles roles that
 * several kinds name alike ("Created" is a deal's, a lead's or a ticket's), and value patterns fill in columns
 * whose header says nothing.
 */
export function detectMapping(values: readonly Cell[][], table: DetectedTable, types: readonly ColumnType[], catalogue: DetectionCatalogue): DetectedMapping {
  const from = table.top + (table.hasHeader ? 1 : 0);
  const to = from + table.rows;
  const candidates: Candidate[] = [];
  const notes: MappingNote[] = [];
  table.headers.forEach((header, i) => {
    const col = table.left + i;
    const words = types[i] === 'text' || types[i] === 'boolean' ? distinctWords(values, col, from, to, 12) : new Set<string>();
    for (const role of ROLES) {
      const named = headerScore(header, role);
      if (!fits(role, types[i])) continue;
      const wordRole = !!(ROLE_DEFINITIONS[role] as RoleDefinition).values;
      if (!wordRole) {
        if (named > 0) candidates.push({ column: i, role, score: named });
        continue;
      }
      const fit = wordFit(role, words);
      if (!fit.compatible) {
        if (named >= 2) notes.push({ column: i, role, values: [...words].slice(0, 5) });
        continue;
      }
      const score = named + (fit.telling ? 2 : 0);
      if (score > 0) candidates.push({ column: i, role, score });
    }
  });
  const present = new Set(candidates.map((c) => c.role));
  const kind = likeliestKind(catalogue.metrics, (r) => present.has(r));
  // Roles of the table's kind win ties against roles other kinds use; roles no metric reads (segment) stay as they are.
  const weight = (role: Role): number => {
    const kinds = catalogue.roleKinds.get(role);
    if (!kind || !kinds || !kinds.size) return 1;
    return kinds.has(kind) ? 1.5 : 0.5;
  };
  for (const c of candidates) c.score *= weight(c.role);
  candidates.sort((a, b) => b.score - a.score || a.column - b.column);
  const mapping: RoleMapping = {};
  const taken = new Set<number>();
  const assign = (role: Role, column: number): void => {
    if (mapping[role] !== undefined || taken.has(column)) return;
    mapping[role] = column;
    taken.add(column);
  };
  for (const c of candidates) assign(c.role, c.column);
  const serves = (role: Role): boolean => weight(role) >= 1;
  // Value patterns for columns whose header said nothing.
  types.forEach((type, i) => {
    if (taken.has(i)) return;
    const col = table.left + i;
    if (type === 'date') assign('date', i);
    else if (type === 'number') {
      const { min, max, integers } = numberRange(values, col, from, to);
      if (integers && min >= 0 && max <= 10 && max > 5 && serves('score')) assign('score', i);
      else if ((!integers || max > 100) && serves('amount')) assign('amount', i);
    } else if (type === 'text' || type === 'boolean') {
      const words = distinctWords(values, col, from, to, 30);
      if (words.size >= 2 && words.size <= 20 && !notes.some((n) => n.column === i)) assign('segment', i);
    }
  });
  return { mapping, kind, notes: notes.filter((n) => !taken.has(n.column)) };
}
