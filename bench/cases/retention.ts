// Benchmark cases for retention functions: renewal outcomes, retention spend and start | end spans, with tight-loop baselines.

import type { Cell } from '../../src/core/values';
import { amountColumn, columnOf, DAY, dateColumn, num, START, time, word } from '../crmData';
import type { BenchCase, Random } from '../types';

type Range = Cell[][];

const RENEWAL_TEXTS = ['Renewed', 'renewed', 'Churned', 'Cancelled', 'auto-renewed', 'Lapsed', ''];
const RENEWED = new Set(['renewed', 'renew', 'auto-renewed', 'auto renewed', 'yes', 'y', 'true', '1', 'won', 'closed won']);

/** Renewal outcomes in mixed case, about one in seven blank. */
const renewalColumn = (rows: number, random: Random): Range => columnOf(rows, () => RENEWAL_TEXTS[Math.floor(random() * RENEWAL_TEXTS.length)]);

/** Subscriptions over two years: a start, and for 60% an end up to a year later. */
function spans(rows: number, random: Random): Range {
  return Array.from({ length: rows }, () => {
    const start = START + Math.floor(random() * 730) * DAY;
    return [new Date(start), random() < 0.6 ? new Date(start + Math.floor(random() * 365) * DAY) : ''];
  });
}

const monthIndex = (t: number): number => {
  const d = new Date(t);
  return (d.getUTCFullYear() - 2023) * 12 + d.getUTCMonth();
};

export const cases: BenchCase[] = [
  {
    fn: 'RENEWAL_RATE', cellsPerRow: 1, makeArgs: (rows, random) => [renewalColumn(rows, random)],
    baseline: ([o]) => {
      const outcomes = o as Range;
      let renewed = 0;
      let n = 0;
      for (let i = 0; i < outcomes.length; i++) {
        const w = word(outcomes[i][0]);
        if (w === '') continue;
        n++;
        if (RENEWED.has(w)) renewed++;
      }
      return renewed / n;
    },
  },
  {
    fn: 'RENEWAL_RATE', variant: 'by quarter', cellsPerRow: 2,
    makeArgs: (rows, random) => [renewalColumn(rows, random), '', 'quarter', dateColumn(rows, random)],
    baseline: ([o, , , d]) => {
      const outcomes = o as Range;
      const dates = d as Range;
      const renewed = new Float64Array(9);
      const n = new Float64Array(9);
      for (let i = 0; i < outcomes.length; i++) {
        const w = word(outcomes[i][0]);
        if (w === '') continue;
        const q = Math.floor(monthIndex(time(dates[i][0])) / 3);
        n[q]++;
        if (RENEWED.has(w)) renewed[q]++;
      }
      return Array.from(n, (x, q) => (x ? renewed[q] / x : ''));
    },
  },
  {
    fn: 'RETENTION_COST', cellsPerRow: 2,
    makeArgs: (rows, random) => [amountColumn(rows, random), columnOf(rows, (i) => (random() < 0.1 ? '' : `Customer ${i}`))],
    baseline: ([c, r]) => {
      const costs = c as Range;
      const retained = r as Range;
      let sum = 0;
      let n = 0;
      for (let i = 0; i < costs.length; i++) {
        const v = num(costs[i][0]);
        if (v === v) sum += v;
        if (retained[i][0] !== '') n++;
      }
      return sum / n;
    },
  },
  {
    fn: 'COHORT_RETENTION', cellsPerRow: 2, makeArgs: (rows, random) => [spans(rows, random)],
    baseline: ([s]) => {
      const table = s as Range;
      let last = 0;
      for (let i = 0; i < table.length; i++) last = Math.max(last, time(table[i][0]), time(table[i][1]) || 0);
      const k = monthIndex(last) + 1;
      const sizes = new Float64Array(k);
      const lasting = new Float64Array(k * (k + 1));
      for (let i = 0; i < table.length; i++) {
        const c = monthIndex(time(table[i][0]));
        const e = time(table[i][1]);
        const m = e === e ? monthIndex(e) - c : k - c;
        sizes[c]++;
        lasting[c * (k + 1) + m]++;
      }
      const out: (string | number)[][] = [];
      for (let c = 0; c < k; c++) {
        const row: (string | number)[] = [c, sizes[c]];
        let still = 0;
        for (let m = k - c; m >= 1; m--) still += lasting[c * (k + 1) + m];
        for (let j = 0; j < k; j++) {
          row.push(c + j < k && sizes[c] ? still / sizes[c] : '');
          if (c + j < k) still -= lasting[c * (k + 1) + j + 1];
        }
        out.push(row);
      }
      return out;
    },
  },
];
