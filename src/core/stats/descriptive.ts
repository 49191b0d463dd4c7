// Descriptive statistics over typed arrays that skip blanks (NaN): count, sum, mean, median.

/** The non-blank values of `values` (optionally only where `keep(i)`), as a new array. */
export function present(values: ArrayLike<number>, keep?: (i: number) => boolean): Float64Array {
  const out = new Float64Array(values.length);
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === v && (!keep || keep(i))) out[n++] = v;
  }
  return out.subarray(0, n);
}

/** Mean of the values, or undefined when there are none. */
export function mean(values: ArrayLike<number>): number | undefined {
  if (values.length === 0) return undefined;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return sum / values.length;
}

/** Median of the values (the mean of the middle two for an even count), or undefined when there are none. */
export function median(values: Float64Array): number | undefined {
  const n = values.length;
  if (n === 0) return undefined;
  const sorted = Float64Array.from(values).sort();
  return n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}
