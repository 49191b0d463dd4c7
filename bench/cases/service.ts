// Benchmark cases for service functions: Sheets-shaped tickets and engagement counts, and tight-loop baselines.

import type { Cell } from '../../src/core/values';
import { columnOf, countColumn, dateColumn, HOUR, laterColumn, num, time } from '../crmData';
import type { BenchCase } from '../types';

type Range = Cell[][];

/** Opened dates and, for 90% of tickets, a response up to two days later. */
const ticketTimes = (rows: number, random: () => number): [Range, Range] => {
  const opened = dateColumn(rows, random);
  return [opened, laterColumn(opened, random, 48, 0.1)];
};

/** Mean of end − start in hours over rows with both dates. */
function meanHoursLoop(starts: Range, ends: Range): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < starts.length; i++) {
    const d = time(ends[i][0]) - time(starts[i][0]);
    if (d === d) {
      sum += d;
      n++;
    }
  }
  return sum / n / HOUR;
}

export const cases: BenchCase[] = [
  {
    fn: 'AVG_RESPONSE_TIME', cellsPerRow: 2,
    makeArgs: (rows, random) => ticketTimes(rows, random),
    baseline: ([o, r]) => meanHoursLoop(o as Range, r as Range),
  },
  {
    fn: 'AVG_RESPONSE_TIME', variant: 'by month', cellsPerRow: 2,
    makeArgs: (rows, random) => [...ticketTimes(rows, random), 'hours', 'month'],
    baseline: ([o, r]) => {
      const opened = o as Range;
      const responded = r as Range;
      const sums = new Float64Array(25);
      const counts = new Float64Array(25);
      for (let i = 0; i < opened.length; i++) {
        const start = time(opened[i][0]);
        const d = time(responded[i][0]) - start;
        if (d !== d) continue;
        const date = new Date(start);
        const m = (date.getUTCFullYear() - 2023) * 12 + date.getUTCMonth();
        sums[m] += d / HOUR;
        counts[m]++;
      }
      return Array.from(sums, (s, m) => (counts[m] ? s / counts[m] : ''));
    },
  },
  {
    fn: 'RESOLUTION_TIME', variant: 'median', cellsPerRow: 2,
    makeArgs: (rows, random) => [...ticketTimes(rows, random), 'hours', 'median'],
    baseline: ([o, r]) => {
      const opened = o as Range;
      const resolved = r as Range;
      const hours: number[] = [];
      for (let i = 0; i < opened.length; i++) {
        const d = time(resolved[i][0]) - time(opened[i][0]);
        if (d === d) hours.push(d / HOUR);
      }
      hours.sort((a, b) => a - b);
      const n = hours.length;
      return n % 2 ? hours[(n - 1) / 2] : (hours[n / 2 - 1] + hours[n / 2]) / 2;
    },
  },
  {
    fn: 'RESOLUTION_TIME', variant: 'mean', cellsPerRow: 2,
    makeArgs: (rows, random) => ticketTimes(rows, random),
    baseline: ([o, r]) => meanHoursLoop(o as Range, r as Range),
  },
  {
    fn: 'FCR', variant: 'contact counts', cellsPerRow: 1,
    makeArgs: (rows, random) => [columnOf(rows, () => (random() < 0.01 ? '' : 1 + Math.floor(random() * random() * 4)))],
    baseline: ([c]) => {
      const contacts = c as Range;
      let first = 0;
      let n = 0;
      for (let i = 0; i < contacts.length; i++) {
        const v = contacts[i][0];
        if (v === '') continue;
        n++;
        if (v === 1) first++;
      }
      return first / n;
    },
  },
  {
    fn: 'FCR', variant: 'checkboxes', cellsPerRow: 1,
    makeArgs: (rows, random) => [columnOf(rows, () => random() < 0.7)],
    baseline: ([c]) => {
      const contacts = c as Range;
      let first = 0;
      for (let i = 0; i < contacts.length; i++) if (contacts[i][0] === true) first++;
      return first / contacts.length;
    },
  },
  {
    fn: 'SLA_COMPLIANCE', cellsPerRow: 2,
    makeArgs: (rows, random) => [...ticketTimes(rows, random), 8],
    baseline: ([o, r, target]) => {
      const opened = o as Range;
      const responded = r as Range;
      const limit = (target as number) * HOUR;
      let within = 0;
      let n = 0;
      for (let i = 0; i < opened.length; i++) {
        const d = time(responded[i][0]) - time(opened[i][0]);
        if (d !== d) continue;
        n++;
        if (d <= limit) within++;
      }
      return within / n;
    },
  },
  {
    fn: 'ENGAGEMENT_RATE', cellsPerRow: 2,
    makeArgs: (rows, random) => [countColumn(rows, random, 40), countColumn(rows, random, 500)],
    baseline: ([e, t]) => {
      const engaged = e as Range;
      const total = t as Range;
      let a = 0;
      let b = 0;
      for (let i = 0; i < engaged.length; i++) {
        const x = num(engaged[i][0]);
        const y = num(total[i][0]);
        if (x === x) a += x;
        if (y === y) b += y;
      }
      return a / b;
    },
  },
];
