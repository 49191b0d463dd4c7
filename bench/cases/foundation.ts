// Benchmark cases for the foundation functions (surveys, churn): Sheets-shaped inputs and tight-loop baselines.

import type { Arg } from '../../src/functions/spec';
import type { BenchCase, Random } from '../types';

const DAY = 86_400_000;
const START = Date.UTC(2023, 0, 1);
/** Scores with about 2% blank cells, as real survey exports have. */
const scoreColumn = (rows: number, random: Random, max = 10, min = 0): Arg =>
  Array.from({ length: rows }, () => [random() < 0.02 ? '' : min + Math.floor(random() * (max - min + 1))]);
const dateColumn = (rows: number, random: Random): Arg => Array.from({ length: rows }, () => [new Date(START + Math.floor(random() * 730) * DAY)]);

/** NPS over a column, the way a hand-written loop would do it (skipping blank cells). */
function npsLoop(range: (number | string)[][]): number {
  let p = 0;
  let d = 0;
  let n = 0;
  for (let i = 0; i < range.length; i++) {
    const s = range[i][0];
    if (typeof s !== 'number') continue;
    n++;
    if (s >= 9) p++;
    else if (s <= 6) d++;
  }
  return ((p - d) / n) * 100;
}

/** Monthly buckets of a date column by UTC calendar fields (the loop needs no time-zone work in UTC). */
function monthIndex(t: number): number {
  const d = new Date(t);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

export const cases: BenchCase[] = [
  { fn: 'NPS', cellsPerRow: 1, makeArgs: (rows, random) => [scoreColumn(rows, random)], baseline: ([scores]) => npsLoop(scores as (number | string)[][]) },
  {
    fn: 'NPS', variant: 'by month', cellsPerRow: 2,
    makeArgs: (rows, random) => [scoreColumn(rows, random), 'month', dateColumn(rows, random)],
    baseline: ([scores, , dates]) => {
      const s = scores as number[][];
      const t = dates as Date[][];
      const buckets = new Map<number, [number, number, number]>();
      for (let i = 0; i < s.length; i++) {
        if (typeof s[i][0] !== 'number') continue;
        const key = monthIndex(t[i][0].getTime());
        let b = buckets.get(key);
        if (!b) buckets.set(key, (b = [0, 0, 0]));
        b[2]++;
        if (s[i][0] >= 9) b[0]++;
        else if (s[i][0] <= 6) b[1]++;
      }
      return [...buckets.values()].map(([p, d, n]) => ((p - d) / n) * 100);
    },
  },
  { fn: 'NPS_BREAKDOWN', cellsPerRow: 1, makeArgs: (rows, random) => [scoreColumn(rows, random)], baseline: ([scores]) => npsLoop(scores as (number | string)[][]) },
  { fn: 'NPS_CI', cellsPerRow: 1, makeArgs: (rows, random) => [scoreColumn(rows, random)], baseline: ([scores]) => npsLoop(scores as (number | string)[][]) },
  {
    fn: 'CSAT', cellsPerRow: 1, makeArgs: (rows, random) => [scoreColumn(rows, random, 5, 1)],
    baseline: ([scores]) => {
      const s = scores as (number | string)[][];
      let ok = 0;
      let n = 0;
      for (let i = 0; i < s.length; i++) {
        const v = s[i][0];
        if (typeof v !== 'number') continue;
        n++;
        if (v >= 4) ok++;
      }
      return ok / n;
    },
  },
  {
    fn: 'CES', cellsPerRow: 1, makeArgs: (rows, random) => [scoreColumn(rows, random, 7, 1)],
    baseline: ([scores]) => {
      const s = scores as (number | string)[][];
      let sum = 0;
      let n = 0;
      for (let i = 0; i < s.length; i++) {
        const v = s[i][0];
        if (typeof v !== 'number') continue;
        sum += v;
        n++;
      }
      return sum / n;
    },
  },
  {
    fn: 'CHURN', variant: 'statuses', cellsPerRow: 1,
    makeArgs: (rows, random) => [Array.from({ length: rows }, () => [random() < 0.2 ? 'Yes' : 'No'])],
    baseline: ([statuses]) => {
      const s = statuses as string[][];
      let yes = 0;
      for (let i = 0; i < s.length; i++) if (s[i][0].toLowerCase() === 'yes') yes++;
      return yes / s.length;
    },
  },
  {
    fn: 'CHURN', variant: 'dates, one quarter', cellsPerRow: 2,
    makeArgs: (rows, random) => [spans(rows, random), '2024-Q2'],
    baseline: ([table]) => {
      const S = Date.UTC(2024, 3, 1);
      const E = Date.UTC(2024, 6, 1);
      let active = 0;
      let churned = 0;
      for (const [start, end] of table as (Date | string)[][]) {
        const s = (start as Date).getTime();
        const e = end === '' ? Infinity : (end as Date).getTime();
        if (s < S && e >= S) {
          active++;
          if (e < E) churned++;
        }
      }
      return churned / active;
    },
  },
  {
    fn: 'CHURN', variant: 'dates, by month', cellsPerRow: 2,
    makeArgs: (rows, random) => [spans(rows, random), 'month'],
    baseline: ([table]) => {
      const first = monthIndex(START);
      const delta = new Float64Array(41);
      const churned = new Float64Array(40);
      for (const [start, end] of table as (Date | string)[][]) {
        const si = monthIndex((start as Date).getTime()) - first;
        const ei = end === '' ? 39 : monthIndex((end as Date).getTime()) - first;
        delta[si + 1]++;
        delta[ei + 1]--;
        if (end !== '') churned[ei]++;
      }
      let active = 0;
      return Array.from(churned, (c, k) => ((active += delta[k]) ? c / active : 0));
    },
  },
];

/** Subscriptions over two years: a start date and, for about half, an end date after it. */
function spans(rows: number, random: Random): Arg {
  return Array.from({ length: rows }, () => {
    const start = START + Math.floor(random() * 600) * DAY;
    return [new Date(start), random() < 0.5 ? new Date(start + Math.floor(1 + random() * 120) * DAY) : ''];
  });
}
