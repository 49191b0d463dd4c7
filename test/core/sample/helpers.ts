// Helpers for the sample-data tests: one generated workbook, columns by header, dates parsed as UTC, month and quarter keys.

import { sampleTables, type SampleCell, type SampleTable } from '../../../src/core/sample/generate';

/** The sample data ends on the last day of 2025 and covers 2024-01-02 … 2025-12-31. */
export const END = Date.UTC(2025, 11, 31);
export const DAY = 86_400_000;
export const HOUR = 3_600_000;
export const SPAN_START = END - 729 * DAY;

const cache = new Map<string, SampleTable[]>();
/** The sample tables of a seed (1,000 rows per event table, dates as text), made once per test file. */
export function workbook(seed = 42, rows = 1000): SampleTable[] {
  const key = `${seed} ${rows}`;
  if (!cache.has(key)) cache.set(key, sampleTables({ seed, rows, end: END, dates: 'text' }));
  return cache.get(key)!;
}

/** A table's rows as records keyed by header. */
export function records(name: string, seed = 42, rows = 1000): Record<string, SampleCell>[] {
  const table = workbook(seed, rows).find((t) => t.name === name);
  if (!table) throw new Error(`no sample table ${name}`);
  return table.rows.map((row) => Object.fromEntries(table.headers.map((h, i) => [h, row[i]])));
}

/** "YYYY-MM-DD" or "YYYY-MM-DD hh:mm" as UTC ms. */
export function ms(cell: SampleCell): number {
  const text = String(cell);
  const t = Date.parse(text.length > 10 ? `${text.replace(' ', 'T')}Z` : text);
  if (Number.isNaN(t)) throw new Error(`not a date: ${text}`);
  return t;
}

export const monthOf = (cell: SampleCell): string => String(cell).slice(0, 7);
export const quarterOf = (cell: SampleCell): string => `${String(cell).slice(0, 4)}-Q${Math.floor((Number(String(cell).slice(5, 7)) - 1) / 3) + 1}`;

/** The months of the span, "2024-01" … "2025-12". */
export const MONTHS = Array.from({ length: 24 }, (_, k) => new Date(Date.UTC(2024, k, 1)).toISOString().slice(0, 7));

/** Counts (or sums) of `value` per key. */
export function tally<T>(items: readonly T[], key: (x: T) => string, value: (x: T) => number = () => 1): Map<string, number> {
  const out = new Map<string, number>();
  for (const x of items) out.set(key(x), (out.get(key(x)) ?? 0) + value(x));
  return out;
}

export const spread = (xs: readonly number[]): number => Math.max(...xs) - Math.min(...xs);
