// Rate folds shared by several families: the share of rows in a class, and a ratio of two columns' sums.

import { aggregateAll, type Aggregate } from './aggregate';

/** Hits and the base they are counted against. */
export interface RateAcc {
  hits: number;
  base: number;
}

const rate = (acc: RateAcc): number | undefined => (acc.base ? acc.hits / acc.base : undefined);

/**
 * Share of rows coded `hit` among the rows coded as one of `base` (all non-blank rows when `base` is omitted).
 * Codes are those of a classified column (-1 blank). It owns its loop: status columns are long.
 */
export function shareAggregate(codes: Int8Array, hit: number, base?: readonly number[]): Aggregate<RateAcc> {
  const inBase = new Uint8Array(128).fill(base ? 0 : 1);
  if (base) for (const c of base) inBase[c] = 1;
  return {
    create: () => ({ hits: 0, base: 0 }),
    uses: (i) => codes[i] >= 0 && inBase[codes[i]] === 1,
    addRows: (acc, { count, rows }) => {
      let hits = 0;
      let n = 0;
      // No branch on which code a row holds (random to the CPU); only blanks (rare) are skipped by one.
      for (let k = 0; k < count; k++) {
        const c = codes[rows ? rows[k] : k];
        if (c < 0) continue;
        const used = inBase[c];
        n += used;
        hits += used & +(c === hit);
      }
      acc.hits += hits;
      acc.base += n;
    },
    value: rate,
    count: (acc) => acc.base,
  };
}

/** The same share over every row. */
export function shareOf(codes: Int8Array, hit: number, base?: readonly number[]): RateAcc {
  return aggregateAll(shareAggregate(codes, hit, base), codes.length);
}

/** Sum of `numerators` ÷ sum of `denominators` over rows where at least one is given; blanks add nothing. */
export function ratioOfSumsAggregate(numerators: Float64Array, denominators: Float64Array): Aggregate<RateAcc & { rows: number }> {
  return {
    create: () => ({ hits: 0, base: 0, rows: 0 }),
    uses: (i) => numerators[i] === numerators[i] || denominators[i] === denominators[i],
    add: (acc, i) => {
      const a = numerators[i];
      const b = denominators[i];
      if (a === a) acc.hits += a;
      if (b === b) acc.base += b;
      acc.rows++;
    },
    value: rate,
    count: (acc) => acc.rows,
  };
}

/** Sum of the non-blank values. */
export function sumOf(values: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) if (values[i] === values[i]) sum += values[i];
  return sum;
}
