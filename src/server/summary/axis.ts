// A chart's value axis that fits its values: round ends a few steps apart, zero kept in view for counts and money,
// a flat or all-zero series given a real range (never an axis of five equal labels).

import type { OutputFormat } from '../../functions/spec';

/** A round step (1, 2, 2.5 or 5 × a power of ten) at least `raw`. */
export function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 2.5, 5, 10].map((m) => m * power).find((x) => x >= raw - 1e-12) as number;
}

/** The axis range for `values` (blanks left out) and an optional goal, in the metric's output format. */
export function fitAxis(values: readonly (number | '')[], format: OutputFormat, goal?: number): { min: number; max: number } {
  const xs = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (goal !== undefined && Number.isFinite(goal)) xs.push(goal);
  const share = format === 'fraction';
  if (!xs.length) return { min: 0, max: share ? 1 : 10 };
  const dataHi = Math.max(...xs);
  let lo = Math.min(...xs);
  let hi = dataHi;
  if (hi === lo) {
    // A flat series: a range around it (an all-zero share gets 0–100%).
    const pad = lo === 0 ? (share ? 1 : 10) : Math.abs(lo) / 2;
    hi += pad;
    lo = lo >= 0 ? Math.max(0, lo - pad) : lo - pad;
  }
  // Counts, money and durations start at zero unless the values sit far above it; shares too, unless they huddle
  // high (retention near 100%), where zero would squeeze them into a sliver of the axis.
  if (lo > 0 && lo < (hi - lo) * (share ? 1.5 : 3)) lo = 0;
  const step = niceStep((hi - lo) / 4);
  let min = Math.floor(lo / step + 1e-9) * step;
  let max = Math.ceil(hi / step - 1e-9) * step;
  if (max === min) max = min + step;
  if (share && dataHi <= 1 && max > 1) max = 1;
  if (share && lo >= 0 && min < 0) min = 0;
  return { min: round(min), max: round(max) };
}

const round = (x: number): number => Number(x.toPrecision(12));
