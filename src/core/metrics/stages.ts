// Time in stage from a stage-history table (deal, stage, date entered): per stage, deals and mean/median days.

import type { KeyCodes } from '../grouping';
import { MS_PER_DAY } from '../timezone';

/** A stage history: per row the deal's key, the stage's key and the civil time it entered the stage. */
export interface StageHistory {
  deals: KeyCodes;
  stages: KeyCodes;
  entered: Float64Array;
}

/** Per (bucket, stage), flat at bucket × stages + stage: deals that left it, and their mean and median days. */
export interface StageFigures {
  stages: number;
  deals: Float64Array;
  mean: Float64Array;
  median: Float64Array;
}

/** Row indices grouped by deal (counting sort) and, within a deal, ordered by date then row. */
function orderByDealAndDate(deals: Int32Array, stages: Int32Array, entered: Float64Array, dealCount: number): { order: Int32Array; starts: Int32Array } {
  const valid = (i: number): boolean => deals[i] >= 0 && stages[i] >= 0 && entered[i] === entered[i];
  const starts = new Int32Array(dealCount + 1);
  for (let i = 0; i < deals.length; i++) if (valid(i)) starts[deals[i] + 1]++;
  for (let d = 0; d < dealCount; d++) starts[d + 1] += starts[d];
  const fill = starts.slice(0, dealCount);
  const order = new Int32Array(starts[dealCount]);
  for (let i = 0; i < deals.length; i++) if (valid(i)) order[fill[deals[i]]++] = i;
  const before = (a: number, b: number): boolean => entered[a] < entered[b] || (entered[a] === entered[b] && a < b);
  for (let d = 0; d < dealCount; d++) {
    const lo = starts[d];
    const hi = starts[d + 1];
    if (hi - lo > 32) {
      const sorted = Array.from(order.subarray(lo, hi)).sort((a, b) => entered[a] - entered[b] || a - b);
      order.set(sorted, lo);
      continue;
    }
    for (let j = lo + 1; j < hi; j++) {
      const row = order[j];
      let k = j - 1;
      while (k >= lo && before(row, order[k])) {
        order[k + 1] = order[k];
        k--;
      }
      order[k + 1] = row;
    }
  }
  return { order, starts };
}

const medianOf = (values: number[]): number => {
  values.sort((a, b) => a - b);
  const n = values.length;
  return n % 2 ? values[(n - 1) / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
};

/**
 * A deal stays in a stage from the date it entered it until the date it entered its next stage; its current
 * (last) stage has no end and is not counted. A deal's stays in the same stage (re-entries) add up. Each stay
 * goes to the bucket `bucketOf(entered)` returns (-1 leaves it out), so one pass serves a period or a series.
 * Rows with a blank deal, stage or date are skipped.
 */
export function stageFigures(history: StageHistory, buckets: number, bucketOf: (entered: number) => number): StageFigures {
  const { deals, stages, entered } = history;
  const stageCount = stages.keys.length;
  const cells = buckets * stageCount;
  const { order, starts } = orderByDealAndDate(deals.codes, stages.codes, entered, deals.keys.length);
  const perDeal = new Float64Array(cells).fill(NaN);
  const touched: number[] = [];
  const totals: number[][] = Array.from({ length: cells }, () => []);
  for (let d = 0; d < deals.keys.length; d++) {
    for (let j = starts[d]; j < starts[d + 1] - 1; j++) {
      const row = order[j];
      const stage = stages.codes[row];
      const bucket = bucketOf(entered[row]);
      if (bucket < 0) continue;
      const cell = bucket * stageCount + stage;
      const days = (entered[order[j + 1]] - entered[row]) / MS_PER_DAY;
      if (perDeal[cell] === perDeal[cell]) perDeal[cell] += days;
      else {
        perDeal[cell] = days;
        touched.push(cell);
      }
    }
    for (const cell of touched) {
      totals[cell].push(perDeal[cell]);
      perDeal[cell] = NaN;
    }
    touched.length = 0;
  }
  const figures: StageFigures = { stages: stageCount, deals: new Float64Array(cells), mean: new Float64Array(cells), median: new Float64Array(cells) };
  for (let cell = 0; cell < cells; cell++) {
    const list = totals[cell];
    figures.deals[cell] = list.length;
    let sum = 0;
    for (const v of list) sum += v;
    figures.mean[cell] = list.length ? sum / list.length : NaN;
    figures.median[cell] = list.length ? medianOf(list) : NaN;
  }
  return figures;
}

/** Deals of one stage whose stays in it add up to the same `days` (a histogram of per-deal totals). */
export interface StageTotal {
  stage: number;
  days: number;
  deals: number;
}

/**
 * The figures `stageFigures` gives (one bucket) from its per-deal totals already counted, as a warehouse returns them:
 * the same deals and median (the same middle totals, halved alike), the mean summed in another order.
 */
export function stageFiguresOfTotals(stageCount: number, totals: readonly StageTotal[]): StageFigures {
  const figures: StageFigures = { stages: stageCount, deals: new Float64Array(stageCount), mean: new Float64Array(stageCount), median: new Float64Array(stageCount) };
  const byStage: StageTotal[][] = Array.from({ length: stageCount }, () => []);
  for (const t of totals) if (t.deals > 0) byStage[t.stage].push(t);
  byStage.forEach((list, s) => {
    list.sort((a, b) => a.days - b.days);
    let n = 0;
    let sum = 0;
    for (const t of list) {
      n += t.deals;
      sum += t.days * t.deals;
    }
    /** The k-th smallest total (from 0), counting each total once per deal. */
    const kth = (k: number): number => {
      let seen = 0;
      for (const t of list) if (k < (seen += t.deals)) return t.days;
      return NaN;
    };
    figures.deals[s] = n;
    figures.mean[s] = n ? sum / n : NaN;
    figures.median[s] = n ? (n % 2 ? kth((n - 1) / 2) : (kth(n / 2 - 1) + kth(n / 2)) / 2) : NaN;
  });
  return figures;
}
