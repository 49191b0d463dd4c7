// Customer health score: each signal scaled 0–1 over its observed range, then a weighted average × 100 per row.

/** A signals table (rows × columns, NaN blank) with one weight and one direction per column. */
export interface HealthInput {
  values: Float64Array;
  rows: number;
  columns: number;
  weights: Float64Array;
  /** 1 where a lower value is healthier (support tickets, days overdue). */
  lowerIsBetter: Uint8Array;
}

/** Scores 0–100 per row (NaN for a row with no usable signal), and which columns told rows apart. */
export interface HealthScores {
  scores: Float64Array;
  /** 1 for a column with at least two different values; constant and empty columns are left out. */
  used: Uint8Array;
}

/**
 * Each cell is scaled to (x − min) ÷ (max − min) over its column (1 − that where lower is better). A row's score
 * is the weighted mean of its non-blank scaled cells × 100, the weights renormalised over the cells it has.
 * A constant column cannot tell rows apart and is left out; a row with no non-blank cell in a used column
 * (or only zero weights there) has no score.
 */
export function healthScores({ values, rows, columns, weights, lowerIsBetter }: HealthInput): HealthScores {
  const min = new Float64Array(columns).fill(Infinity);
  const max = new Float64Array(columns).fill(-Infinity);
  for (let r = 0, i = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++, i++) {
      const v = values[i];
      if (v !== v) continue;
      if (v < min[c]) min[c] = v;
      if (v > max[c]) max[c] = v;
    }
  }
  const used = new Uint8Array(columns);
  const range = new Float64Array(columns);
  const weight = new Float64Array(columns);
  let heaviest = 0;
  for (let c = 0; c < columns; c++) heaviest = Math.max(heaviest, weights[c]);
  // Weights so large that their sum could overflow are taken relative to the heaviest.
  const divisor = heaviest > Number.MAX_VALUE / (columns + 1) ? heaviest : 1;
  for (let c = 0; c < columns; c++) {
    weight[c] = weights[c] / divisor;
    if (max[c] > min[c]) {
      used[c] = 1;
      range[c] = max[c] - min[c];
    }
  }
  const scores = new Float64Array(rows);
  for (let r = 0, i = 0; r < rows; r++) {
    let sum = 0;
    let total = 0;
    for (let c = 0; c < columns; c++, i++) {
      const v = values[i];
      if (v !== v || !used[c]) continue;
      // A range too wide for a double (1e308 − −1e308) is scaled in halves.
      const x = range[c] === Infinity ? (v / 2 - min[c] / 2) / (max[c] / 2 - min[c] / 2) : (v - min[c]) / range[c];
      sum += weight[c] * (lowerIsBetter[c] ? 1 - x : x);
      total += weight[c];
    }
    scores[r] = total > 0 ? (sum / total) * 100 : NaN;
  }
  return { scores, used };
}
