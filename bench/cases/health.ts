// Benchmark cases for the health score and METRIC_BY: Sheets-shaped signal tables and segments, with tight-loop baselines.

import type { Cell } from '../../src/core/values';
import { columnOf, num } from '../crmData';
import type { BenchCase, Random } from '../types';

type Range = Cell[][];

const WEIGHTS = [3, 2, 1, 1];
const LOWER = [0, 1, 0, 1];
const REGIONS = ['North', 'South', 'East', 'West', 'Central', 'Online', 'Partner', ''];

/** Four signals per customer (usage hours, open tickets, NPS, days overdue), 2% of cells blank. */
const signals = (rows: number, random: Random): Range =>
  Array.from({ length: rows }, () => [
    Math.round(random() * 200), Math.floor(random() * 12), Math.floor(random() * 11), Math.floor(random() * 90),
  ].map((v) => (random() < 0.02 ? '' : v)));

export const cases: BenchCase[] = [
  {
    fn: 'HEALTH_SCORE', cellsPerRow: 4,
    makeArgs: (rows, random) => [signals(rows, random), [WEIGHTS], [LOWER.map((l) => (l ? 'lower' : 'higher'))]],
    baseline: ([s]) => {
      const table = s as Range;
      const min = [Infinity, Infinity, Infinity, Infinity];
      const max = [-Infinity, -Infinity, -Infinity, -Infinity];
      for (let r = 0; r < table.length; r++) {
        for (let c = 0; c < 4; c++) {
          const v = num(table[r][c]);
          if (v < min[c]) min[c] = v;
          if (v > max[c]) max[c] = v;
        }
      }
      const out: (number | string)[][] = new Array(table.length);
      for (let r = 0; r < table.length; r++) {
        let sum = 0;
        let weight = 0;
        for (let c = 0; c < 4; c++) {
          const v = num(table[r][c]);
          if (v !== v) continue;
          const x = (v - min[c]) / (max[c] - min[c]);
          sum += WEIGHTS[c] * (LOWER[c] ? 1 - x : x);
          weight += WEIGHTS[c];
        }
        out[r] = [weight ? (sum / weight) * 100 : ''];
      }
      return out;
    },
  },
  {
    fn: 'METRIC_BY', variant: 'NPS by region', cellsPerRow: 2,
    makeArgs: (rows, random) => [
      'NPS', columnOf(rows, () => REGIONS[Math.floor(random() * REGIONS.length)]),
      columnOf(rows, () => (random() < 0.02 ? '' : Math.floor(random() * 11))),
    ],
    baseline: ([, g, s]) => {
      const segments = g as Range;
      const scores = s as Range;
      const counts = new Map<string, number[]>();
      for (let i = 0; i < segments.length; i++) {
        const v = num(scores[i][0]);
        const key = (segments[i][0] as string) || '(blank)';
        let c = counts.get(key);
        if (!c) counts.set(key, (c = [0, 0, 0]));
        if (v !== v) continue;
        c[2]++;
        if (v >= 9) c[0]++;
        else if (v <= 6) c[1]++;
      }
      return [...counts.keys()].sort().map((key) => {
        const [p, d, n] = counts.get(key)!;
        return [key, n ? ((p - d) / n) * 100 : '', n];
      });
    },
  },
];
