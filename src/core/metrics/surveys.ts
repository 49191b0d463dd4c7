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

/** Folds 0–10 scores into promoter (9–10), passive (7–8) and detractor (0–6) counts. */
export function npsAggregate(scores: Float64Array): Aggregate<NpsCounts> {
  return {
    create: () => ({ promoters: 0, passives: 0, detractors: 0 }),
    uses: (i) => scores[i] === scores[i],
    add: (c, i) => {
      const s = scores[i];
      if (s >= 9) c.promoters++;
      else if (s >= 7) c.passives++;
      else c.detractors++;
    },
    value: npsOf,
    count: total,
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

/** Folds scores into the share at or above `threshold` (CSAT). */
export function csatAggregate(scores: Float64Array, threshold: number): Aggregate<{ satisfied: number; n: number }> {
  return {
    create: () => ({ satisfied: 0, n: 0 }),
    uses: (i) => scores[i] === scores[i],
    add: (acc, i) => {
      acc.n++;
      if (scores[i] >= threshold) acc.satisfied++;
    },
    value: (acc) => (acc.n ? acc.satisfied / acc.n : undefined),
    count: (acc) => acc.n,
  };
}

/** Folds scores into their mean (Customer Effort Score, or any mean of a numeric column). */
export function meanAggregate(values: Float64Array): Aggregate<{ sum: number; n: number }> {
  return {
    create: () => ({ sum: 0, n: 0 }),
    uses: (i) => values[i] === values[i],
    add: (acc, i) => {
      acc.n++;
      acc.sum += values[i];
    },
    value: (acc) => (acc.n ? acc.sum / acc.n : undefined),
    count: (acc) => acc.n,
  };
}
