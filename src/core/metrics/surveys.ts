// Survey metrics: Net Promoter Score (with its breakdown and interval), CSAT and Customer Effort Score.

import type { Aggregate } from '../aggregate';
import { NO_SCORE, type ScoreCounts } from '../columns';
import { normalQuantile } from '../stats/normal';

/** Promoter, passive and detractor counts of 0–10 scores. */
export interface NpsCounts {
  promoters: number;
  passives: number;
  detractors: number;
}

const total = (c: NpsCounts): number => c.promoters + c.passives + c.detractors;
const sum = (h: Float64Array, from = 0): number => h.subarray(from).reduce((a, b) => a + b, 0);

/** NPS in points: (promoters − detractors) ÷ responses × 100; undefined without responses. */
export function npsOf(c: NpsCounts): number | undefined {
  const n = total(c);
  return n ? ((c.promoters - c.detractors) / n) * 100 : undefined;
}

/** Promoters (9–10), passives (7–8) and detractors (0–6) from an 11-bin histogram of 0–10 scores. */
export function npsCounts(h: Float64Array): NpsCounts {
  return { promoters: h[9] + h[10], passives: h[7] + h[8], detractors: sum(h) - h[7] - h[8] - h[9] - h[10] };
}

/**
 * Whole-number scores as a histogram, one bin per score: every survey metric is a summary of it. Over every row it
 * is the one counted while the scores were read; in a period the rows' scores (NO_SCORE marks a blank) are counted
 * with no branch to mispredict.
 */
export function histogramAggregate(scores: ScoreCounts, summarise: (h: Float64Array) => number | undefined): Aggregate<Float64Array> {
  const bins = scores.histogram.length;
  return {
    create: () => new Float64Array(bins),
    total: () => scores.histogram,
    uses: (i) => scores.column().values[i] !== NO_SCORE,
    addRows: (h, { count, rows }) => {
      const values = scores.column().values;
      for (let k = 0; k < count; k++) {
        const s = values[rows ? rows[k] : k];
        if (s !== NO_SCORE) h[s]++;
      }
    },
    value: (h) => (sum(h) ? summarise(h) : undefined),
    count: (h) => sum(h),
  };
}

/** NPS of 0–10 scores. */
export const npsAggregate = (scores: ScoreCounts): Aggregate<Float64Array> => histogramAggregate(scores, (h) => npsOf(npsCounts(h)));

/** CSAT: the share of scores 0..scale at or above `threshold`. */
export const csatAggregate = (scores: ScoreCounts, threshold: number): Aggregate<Float64Array> =>
  histogramAggregate(scores, (h) => sum(h, Math.ceil(threshold)) / sum(h));

/** The mean score (Customer Effort Score). */
export const meanScoreAggregate = (scores: ScoreCounts): Aggregate<Float64Array> =>
  histogramAggregate(scores, (h) => h.reduce((acc, n, score) => acc + n * score, 0) / sum(h));

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
