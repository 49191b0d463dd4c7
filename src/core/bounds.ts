// Number bounds as plain data (a parameter's `bounds`): resolved against an answer scale, tested, worded, and the
// answer scale a column implies — one rule for the custom functions, the summary and the data checks.

import type { Cell } from './values';

/** The numbers a parameter accepts, as data: `{}` is any finite number. */
export interface NumberBounds {
  /** Whole numbers only. */
  integer?: boolean;
  min?: number;
  max?: number;
  /**
   * The parameter holding the answer scale (CSAT's and CES's `scale`): the highest accepted value is the scale, and
   * the lowest, unless `min` is given, the scale's lowest point (0 on a 10-point scale, else 1).
   */
  scale?: string;
}

/** Bounds with the scale resolved: what one value is tested against. */
export interface Limits {
  min: number;
  max: number;
  integer: boolean;
}

/** The lowest answer of a scale: 0 on a 10-point (0–10) scale, 1 on any other (1–5, 1–7). */
export const lowestPoint = (scale: number): number => (scale === 10 ? 0 : 1);

/** The limits of `bounds`, given the value of its scale parameter (when it has one). */
export function resolveBounds(bounds: NumberBounds, scale?: number): Limits {
  const scaled = bounds.scale !== undefined && scale !== undefined;
  return {
    min: bounds.min ?? (scaled ? lowestPoint(scale) : -Infinity),
    max: scaled ? scale : bounds.max ?? Infinity,
    integer: bounds.integer === true,
  };
}

/** True when `value` (a finite number) meets `limits`. */
export const withinLimits = (value: number, { min, max, integer }: Limits): boolean =>
  value >= min && value <= max && (!integer || Number.isInteger(value));

/** Names the values `limits` accepts after their noun: "scores from 0 to 10", "counts of 0 or more", "amounts". */
export function describeLimits(noun: string, { min, max }: Limits): string {
  if (min > -Infinity && max < Infinity) return `${noun} from ${min} to ${max}`;
  if (min > -Infinity) return `${noun} of ${min} or more`;
  if (max < Infinity) return `${noun} of ${max} or less`;
  return noun;
}

/** The answer scale a column implies, as a summary reads it: its highest number cell up to 5 → 5, up to 7 → 7, else 10. */
export function answerScale(cells: Iterable<Cell>): number {
  let max = 0;
  for (const v of cells) if (typeof v === 'number' && v > max) max = v;
  return max <= 5 ? 5 : max <= 7 ? 7 : 10;
}
