// Seeded Sheets-shaped columns for the sales and service benchmarks: outcomes, amounts, date pairs, counts.

import type { Cell } from '../src/core/values';
import type { Random } from './types';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const START = Date.UTC(2023, 0, 1);

/** A column of `rows` cells made by `cell`. */
export const columnOf = (rows: number, cell: (i: number) => Cell): Cell[][] => Array.from({ length: rows }, (_, i) => [cell(i)]);

/** Pick one of `choices` with the given weights (summing to 1). */
function pick<T>(random: Random, choices: readonly [T, number][]): T {
  let r = random();
  for (const [value, weight] of choices) if ((r -= weight) < 0) return value;
  return choices[choices.length - 1][0];
}

const OUTCOME_TEXTS: [string, number][] = [
  ['Won', 0.2], ['closed won', 0.1], ['Lost', 0.12], ['Closed Lost', 0.08], ['Open', 0.2], ['Negotiation', 0.15], ['Proposal', 0.13], ['', 0.02],
];

/** Deal outcomes in mixed case: about 30% won, 20% lost, 48% open, 2% blank. */
export const outcomeColumn = (rows: number, random: Random): Cell[][] => columnOf(rows, () => pick(random, OUTCOME_TEXTS));

const LEAD_TEXTS: [string, number][] = [
  ['New', 0.3], ['Contacted', 0.2], ['MQL', 0.15], ['SQL', 0.1], ['Customer', 0.1], ['Converted', 0.05], ['Disqualified', 0.08], ['', 0.02],
];

/** Lead statuses in mixed case. */
export const leadColumn = (rows: number, random: Random): Cell[][] => columnOf(rows, () => pick(random, LEAD_TEXTS));

/** Money amounts from 100 to 50,000, 2% blank. */
export const amountColumn = (rows: number, random: Random): Cell[][] =>
  columnOf(rows, () => (random() < 0.02 ? '' : Math.round(100 + random() * 49_900)));

/** Non-negative whole counts up to `max`, 1% blank. */
export const countColumn = (rows: number, random: Random, max: number): Cell[][] =>
  columnOf(rows, () => (random() < 0.01 ? '' : Math.floor(random() * (max + 1))));

/** Dates over two years, at a random minute of the day. */
export const dateColumn = (rows: number, random: Random): Cell[][] =>
  columnOf(rows, () => new Date(START + Math.floor(random() * 730 * 1440) * 60_000));

/** A later date beside each of `starts`, `maxHours` at most after it; blank for a share `blank` of rows. */
export const laterColumn = (starts: Cell[][], random: Random, maxHours: number, blank: number): Cell[][] =>
  starts.map(([s]) => [random() < blank ? '' : new Date((s as Date).getTime() + Math.floor(random() * maxHours * 60) * 60_000)]);

/** The lower-cased, trimmed text of a cell, as a hand-written loop would compare it. */
export const word = (cell: Cell): string => (typeof cell === 'string' ? cell.trim().toLowerCase() : '');

/** A cell as a number, NaN when blank. */
export const num = (cell: Cell): number => (typeof cell === 'number' ? cell : NaN);

/** A Date cell's time, NaN when blank. */
export const time = (cell: Cell): number => (cell instanceof Date ? cell.getTime() : NaN);
