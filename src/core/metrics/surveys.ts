// Survey metrics: Net Promoter Score (with its breakdown and interval), CSAT and Customer Effort Score.

import type { Aggregate } from '../aggregate';
import { normalQuantile } from '../stats/normal';

/** Promoter, passive and detractor counts of 0–10 scores. */
export interface NpsCounts {
  promoters: number;
  passives: number;
  detractors: number;
}

const total = (c: NpsCounts): number => c.promoters + c.passives + c.detractors;

/** NPS in points: (promoters − detractors) ÷ responses × 100; undefined without responses. */
export function npsOf(c: NpsCounts): number | undefined {
  const n = total(c);
  return n ? ((c.promoters - c.detractors) / n) * 100 : undefined;
}

/** Folds 0–10 scores into promoter (9–10), passive (7–8) and detractor (0–6) counts, via an 11-bin histogram. */
export function npsAggregate(scores: Float64Array): Aggregate<Float64Array> & { counts(histogram: Float64Array): NpsCounts } {
  const counts = (h: Float64Array): NpsCounts => ({
    promoters: h[9] + h[10],
    passives: h[7] + h[8],
    detractors: h[0] + h[1] + h[2] + h[3] + h[4] + h[5] + h[6],
  });
  return {
    create: () => new Float64Array(11),
    uses: (i) => scores[i] === scores[i],
    // Scores are validated whole numbers 0–10, so each is its own bin: no branch to mispredict.
    addRows: (h, { count, rows }) => {
      for (let k = 0; k < count; k++) {
        const s = scores[rows ? rows[k] : k];
        if (s === s) h[s]++;
      }
    },
    value: (h) => npsOf(counts(h)),
    count: (h) => total(counts(h)),
    counts,
  };
}

/**
 * Adjusted-Wald interval for NPS (Rocks 2016): add 3 to n and ¾ to promoters and detractors, variance
 * (p + d − (p − d)²)/n, z from the normal quantile; in points, clamped to −100..100.
 */
export function npsInterval(c: NpsCounts, confidence: number): [number, number] {
  const n = total(c) + 3;
  const p = (c.promoters + 0.75) / n;
  const d = (c.detractors + 0.75) / n;
  const centre = p - d;
  const se = Math.sqrt((p + d - centre * centre) / n);
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const clamp = (x: number): number => Math.min(100, Math.max(-100, x * 100));
  return [clamp(centre - z * se), clamp(centre + z * se)];
}

/** Folds whole-number scores 0..scale into the share at or above `threshold` (CSAT), via a histogram. */
export function csatAggregate(scores: Float64Array, scale: number, threshold: number): Aggregate<Float64Array> {
  const satisfied = (h: Float64Array): number => h.subarray(Math.ceil(threshold)).reduce((a, b) => a + b, 0);
  const all = (h: Float64Array): number => h.reduce((a, b) => a + b, 0);
  return {
    create: () => new Float64Array(scale + 1),
    uses: (i) => scores[i] === scores[i],
    addRows: (h, { count, rows }) => {
      for (let k = 0; k < count; k++) {
        const s = scores[rows ? rows[k] : k];
        if (s === s) h[s]++;
      }
    },
    value: (h) => {
      const n = all(h);
      return n ? satisfied(h) / n : undefined;
    },
    count: all,
  };
}

/** Folds scores into their mean (Customer Effort Score, or any mean of a numeric column). */
export function meanAggregate(values: Float64Array): Aggregate<{ sum: number; n: number }> {
  return {
    create: () => ({ sum: 0, n: 0 }),
    uses: (i) => values[i] === values[i],
    addRows: (acc, { count, rows }) => {
      let sum = 0;
      let n = 0;
      for (let k = 0; k < count; k++) {
        const v = values[rows ? rows[k] : k];
        if (v === v) {
          sum += v;
          n++;
        }
      }
      acc.sum += sum;
      acc.n += n;
    },
    value: (acc) => (acc.n ? acc.sum / acc.n : undefined),
    count: (acc) => acc.n,
  };
}
