// Benchmark cases for revenue and customer value: Sheets-shaped orders (customer, date, amount) and tight-loop baselines.

import type { Cell } from '../../src/core/values';
import { amountColumn, columnOf, dateColumn, num, time } from '../crmData';
import type { BenchCase, Random } from '../types';

type Range = Cell[][];

/** Customer ids "C-123" (about four orders per customer), 1% blank. */
const customerColumn = (rows: number, random: Random): Range =>
  columnOf(rows, () => (random() < 0.01 ? '' : `C-${Math.floor(random() * Math.max(1, rows / 4))}`));

/** Orders: customer, date, amount columns. */
const orders = (rows: number, random: Random): [Range, Range, Range] => [customerColumn(rows, random), dateColumn(rows, random), amountColumn(rows, random)];

/** 2023-03 and 2023-04 as civil ms (the data starts on 2023-01-01, UTC). */
const MARCH = Date.UTC(2023, 2, 1);
const APRIL = Date.UTC(2023, 3, 1);
const MAY = Date.UTC(2023, 4, 1);
const monthIndex = (t: number): number => {
  const d = new Date(t);
  return (d.getUTCFullYear() - 2023) * 12 + d.getUTCMonth();
};

/** Each customer's first order time, over rows with a customer, a date and an amount. */
function firstOrders(ids: Range, dates: Range, amounts: Range): Map<string, number> {
  const first = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i][0] as string;
    const t = time(dates[i][0]);
    if (id === '' || t !== t || num(amounts[i][0]) !== num(amounts[i][0])) continue;
    const f = first.get(id);
    if (f === undefined || t < f) first.set(id, t);
  }
  return first;
}

export const cases: BenchCase[] = [
  {
    fn: 'APV', cellsPerRow: 1, makeArgs: (rows, random) => [amountColumn(rows, random)],
    baseline: ([a]) => {
      const amounts = a as Range;
      let sum = 0;
      let n = 0;
      for (let i = 0; i < amounts.length; i++) {
        const v = num(amounts[i][0]);
        if (v === v) {
          sum += v;
          n++;
        }
      }
      return sum / n;
    },
  },
  {
    fn: 'APV', variant: 'order ids', cellsPerRow: 2,
    makeArgs: (rows, random) => [amountColumn(rows, random), columnOf(rows, () => `O-${Math.floor(random() * rows / 2)}`)],
    baseline: ([a, o]) => {
      const amounts = a as Range;
      const ids = o as Range;
      const seen = new Set<string>();
      let sum = 0;
      let n = 0;
      for (let i = 0; i < amounts.length; i++) {
        const v = num(amounts[i][0]);
        if (v !== v) continue;
        sum += v;
        const id = ids[i][0] as string;
        if (!seen.has(id)) {
          seen.add(id);
          n++;
        }
      }
      return sum / n;
    },
  },
  {
    fn: 'CAC', cellsPerRow: 2, makeArgs: (rows, random) => [amountColumn(rows, random), customerColumn(rows, random)],
    baseline: ([c, n]) => {
      const costs = c as Range;
      const customers = n as Range;
      let sum = 0;
      let count = 0;
      for (let i = 0; i < costs.length; i++) {
        const v = num(costs[i][0]);
        if (v === v) sum += v;
        if (customers[i][0] !== '') count++;
      }
      return sum / count;
    },
  },
  {
    fn: 'CLV_HISTORIC', cellsPerRow: 2, makeArgs: (rows, random) => [customerColumn(rows, random), amountColumn(rows, random)],
    baseline: ([c, a]) => {
      const ids = c as Range;
      const amounts = a as Range;
      const seen = new Set<string>();
      let sum = 0;
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i][0] as string;
        const v = num(amounts[i][0]);
        if (id === '' || v !== v) continue;
        sum += v;
        seen.add(id);
      }
      return sum / seen.size;
    },
  },
  {
    fn: 'NET_NEW_REVENUE', cellsPerRow: 3, makeArgs: (rows, random) => [...orders(rows, random), '2023-03'],
    baseline: ([c, d, a]) => {
      const [ids, dates, amounts] = [c, d, a] as Range[];
      const first = firstOrders(ids, dates, amounts);
      let sum = 0;
      for (let i = 0; i < ids.length; i++) {
        const t = time(dates[i][0]);
        const v = num(amounts[i][0]);
        if (!(t >= MARCH && t < APRIL) || v !== v || ids[i][0] === '') continue;
        const f = first.get(ids[i][0] as string)!;
        if (f >= MARCH && f < APRIL) sum += v;
      }
      return sum;
    },
  },
  {
    fn: 'NET_NEW_REVENUE', variant: 'by month', cellsPerRow: 3, makeArgs: (rows, random) => [...orders(rows, random), 'month'],
    baseline: ([c, d, a]) => {
      const [ids, dates, amounts] = [c, d, a] as Range[];
      const first = firstOrders(ids, dates, amounts);
      const revenue = new Float64Array(25);
      for (let i = 0; i < ids.length; i++) {
        const t = time(dates[i][0]);
        const v = num(amounts[i][0]);
        if (t !== t || v !== v || ids[i][0] === '') continue;
        const m = monthIndex(t);
        if (monthIndex(first.get(ids[i][0] as string)!) === m) revenue[m] += v;
      }
      return revenue;
    },
  },
  {
    fn: 'UPSELL_RATE', cellsPerRow: 3, makeArgs: (rows, random) => orders(rows, random),
    baseline: ([c, d, a]) => {
      const [ids, dates, amounts] = [c, d, a] as Range[];
      const first = new Map<string, { t: number; v: number; up: boolean }>();
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i][0] as string;
        const t = time(dates[i][0]);
        const v = num(amounts[i][0]);
        if (id === '' || t !== t || v !== v) continue;
        const f = first.get(id);
        if (!f) first.set(id, { t, v, up: false });
        else if (t < f.t) {
          f.t = t;
          f.v = v;
        }
      }
      let up = 0;
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i][0] as string;
        const t = time(dates[i][0]);
        const v = num(amounts[i][0]);
        if (id === '' || t !== t || v !== v) continue;
        const f = first.get(id)!;
        if (!f.up && t > f.t && v > f.v) {
          f.up = true;
          up++;
        }
      }
      return up / first.size;
    },
  },
  {
    fn: 'CROSS_SELL_RATE', cellsPerRow: 2,
    makeArgs: (rows, random) => [customerColumn(rows, random), columnOf(rows, () => `Product ${Math.floor(random() * 12)}`)],
    baseline: ([c, p]) => {
      const ids = c as Range;
      const products = p as Range;
      const first = new Map<string, string>();
      const multi = new Set<string>();
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i][0] as string;
        const product = products[i][0] as string;
        if (id === '' || product === '') continue;
        const f = first.get(id);
        if (f === undefined) first.set(id, product);
        else if (f !== product) multi.add(id);
      }
      return multi.size / first.size;
    },
  },
  {
    fn: 'NRR', cellsPerRow: 3, makeArgs: (rows, random) => [...orders(rows, random), '2023-04'],
    baseline: ([c, d, a]) => {
      const [ids, dates, amounts] = [c, d, a] as Range[];
      const before = new Map<string, number>();
      const now = new Map<string, number>();
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i][0] as string;
        const t = time(dates[i][0]);
        const v = num(amounts[i][0]);
        if (id === '' || v !== v) continue;
        if (t >= MARCH && t < APRIL) before.set(id, (before.get(id) ?? 0) + v);
        else if (t >= APRIL && t < MAY) now.set(id, (now.get(id) ?? 0) + v);
      }
      let base = 0;
      let kept = 0;
      for (const [id, v] of before) {
        if (v <= 0) continue;
        base += v;
        kept += now.get(id) ?? 0;
      }
      return kept / base;
    },
  },
  {
    fn: 'NRR', variant: 'by month', cellsPerRow: 3, makeArgs: (rows, random) => [...orders(rows, random), 'month'],
    baseline: ([c, d, a]) => {
      const [ids, dates, amounts] = [c, d, a] as Range[];
      const sums = new Map<string, number>();
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i][0] as string;
        const t = time(dates[i][0]);
        const v = num(amounts[i][0]);
        if (id === '' || v !== v || t !== t) continue;
        const key = `${id}|${monthIndex(t)}`;
        sums.set(key, (sums.get(key) ?? 0) + v);
      }
      const base = new Float64Array(25);
      const kept = new Float64Array(25);
      for (const [key, v] of sums) {
        if (v <= 0) continue;
        const bar = key.lastIndexOf('|');
        const m = Number(key.slice(bar + 1));
        base[m + 1] += v;
        kept[m + 1] += sums.get(`${key.slice(0, bar)}|${m + 1}`) ?? 0;
      }
      return Array.from(base, (b, m) => (b ? kept[m] / b : ''));
    },
  },
];

