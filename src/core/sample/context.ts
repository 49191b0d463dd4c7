// The sample generator's shared pieces: the seeded random stream, the two-year span, date and time cells, working hours.

import { MS_PER_DAY } from '../timezone';

export type SampleCell = string | number | Date;
export interface SampleTable {
  name: string;
  headers: string[];
  rows: SampleCell[][];
}

export interface SampleOptions {
  seed?: number;
  rows?: number;
  /** Civil ms of the last day covered (default 2025-12-31); the data spans the two years before it. */
  end?: number;
  /** Dates as "YYYY-MM-DD" text (for writing into sheets) or as Date objects (as Sheets reads them back). */
  dates?: 'text' | 'date';
}

/** mulberry32: a small seeded generator in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const SEGMENTS = ['Enterprise', 'Mid-market', 'SMB', 'Startup'];
export const PRODUCTS = ['Basic', 'Pro', 'Team', 'Enterprise'];
export const SPAN_DAYS = 730;
export const HOUR = 3_600_000;

export interface Ctx {
  r: () => number;
  /** Civil ms of the last day covered, and of the first. */
  end: number;
  start: number;
  /** Times before this are in the past: the end of the last day. */
  cutoff: number;
  day: (t: number) => SampleCell;
  /** A date-time cell, to the minute: "YYYY-MM-DD hh:mm" text or a Date. */
  time: (t: number) => SampleCell;
  pick: <T>(xs: readonly T[]) => T;
  /** A day in the span, denser in spring and autumn (seasonality). */
  seasonalDay: () => number;
  customer: () => string;
  segmentOf: (customer: string) => string;
}

/** How busy a month is, 0.3 (summer and winter) to 1 (spring and autumn): the density of seasonalDay. */
export const season = (t: number): number => 0.65 + 0.35 * Math.sin(((new Date(t).getUTCMonth() - 1) / 12) * 4 * Math.PI);

export function context(o: SampleOptions): Ctx {
  const r = seededRandom(o.seed ?? 42);
  const end = o.end ?? Date.UTC(2025, 11, 31);
  const start = end - (SPAN_DAYS - 1) * MS_PER_DAY;
  const asDate = o.dates === 'date';
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const seasonalDay = (): number => {
    for (;;) {
      const d = Math.floor(r() * SPAN_DAYS);
      if (r() < season(start + d * MS_PER_DAY)) return start + d * MS_PER_DAY;
    }
  };
  const customers = Math.max(20, Math.round((o.rows ?? 1000) / 4));
  const customer = (): string => `C${String(1 + Math.floor(r() ** 1.3 * customers)).padStart(5, '0')}`;
  const segmentOf = (c: string): string => SEGMENTS[Number(c.slice(1)) % SEGMENTS.length];
  const day = (t: number): SampleCell => (asDate ? new Date(t) : new Date(t).toISOString().slice(0, 10));
  const time = (t: number): SampleCell => (asDate ? new Date(toMinute(t)) : new Date(toMinute(t)).toISOString().slice(0, 16).replace('T', ' '));
  return { r, end, start, cutoff: end + MS_PER_DAY, day, time, pick, seasonalDay, customer, segmentOf };
}

export const clamp = (x: number, lo: number, hi: number): number => Math.max(lo, Math.min(hi, Math.round(x)));
export const money = (x: number): number => Math.round(x * 100) / 100;
export const toMinute = (t: number): number => Math.round(t / 60_000) * 60_000;

/** One of `xs`, drawn with the given weights (which need not add up to 1). */
export function weighted<T>(r: () => number, xs: readonly T[], weights: readonly number[]): T {
  let u = r() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < xs.length; i++) if ((u -= weights[i]) < 0) return xs[i];
  return xs[xs.length - 1];
}

/** The first day of each month from the month of `from` to the month of `to`. */
export function monthStarts(from: number, to: number): number[] {
  const out: number[] = [];
  const d = new Date(from);
  for (let t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1); t <= to; t = Date.UTC(new Date(t).getUTCFullYear(), new Date(t).getUTCMonth() + 1, 1)) out.push(t);
  return out;
}

/** Months from the month of `from` to the month of `t` (0 in the same month). */
export const monthsBetween = (from: number, t: number): number =>
  (new Date(t).getUTCFullYear() - new Date(from).getUTCFullYear()) * 12 + new Date(t).getUTCMonth() - new Date(from).getUTCMonth();

/** `t` plus `hours` of office time, Monday to Friday 08:00–18:00: a Friday-evening request waits for Monday. */
export function addWorkingHours(t: number, hours: number): number {
  let left = hours * HOUR;
  let x = t;
  for (;;) {
    const midnight = Math.floor(x / MS_PER_DAY) * MS_PER_DAY;
    const weekday = new Date(midnight).getUTCDay();
    const close = midnight + 18 * HOUR;
    if (weekday === 0 || weekday === 6 || x >= close) {
      x = midnight + MS_PER_DAY + 8 * HOUR;
      continue;
    }
    x = Math.max(x, midnight + 8 * HOUR);
    if (left <= close - x) return x + left;
    left -= close - x;
    x = midnight + MS_PER_DAY + 8 * HOUR;
  }
}

/** A count of successes in `n` tries of chance `p`. */
export function binomial(r: () => number, n: number, p: number): number {
  let k = 0;
  for (let i = 0; i < n; i++) if (r() < p) k++;
  return k;
}

export function sortBy(rows: SampleCell[][], column: number): SampleCell[][] {
  const key = (v: SampleCell): number => (v instanceof Date ? v.getTime() : Date.parse(`${String(v).replace(' ', 'T')}${String(v).length > 10 ? 'Z' : ''}`));
  return rows.sort((a, b) => key(a[column]) - key(b[column]));
}
