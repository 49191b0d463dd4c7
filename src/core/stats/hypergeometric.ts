// Gauss hypergeometric function 2F1(a, b; c; z) for real z < 1, as used by the BG/NBD model.

const MAX_TERMS = 50000;
const RESCALE = 1e250;
const LOG_RESCALE = Math.log(RESCALE);

/** The power series of 2F1 as (1 + tail) · e^logScale, rescaled whenever it grows past 1e250. */
interface SeriesSum {
  head: number;
  tail: number;
  logScale: number;
}

/** Sums the series until the remaining terms, bounded geometrically, are below double precision. */
function series(a: number, b: number, c: number, z: number): SeriesSum {
  const sum: SeriesSum = { head: 1, tail: 0, logScale: 0 };
  let term = 1;
  for (let n = 0; n < MAX_TERMS; n++) {
    const ratio = (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
    term *= ratio;
    sum.tail += term;
    if (Math.abs(sum.tail) > RESCALE) {
      term /= RESCALE;
      sum.tail /= RESCALE;
      sum.head /= RESCALE;
      sum.logScale += LOG_RESCALE;
    }
    if (!Number.isFinite(sum.tail)) break;
    const bound = Math.max(Math.abs(ratio), Math.abs(z));
    // Relative to the tail as well as the sum, so that ln(1 + tail) keeps its precision when the sum is near 1.
    const scale = Math.min(Math.abs(sum.head + sum.tail), Math.max(Math.abs(sum.tail), 1e-30 * sum.head));
    if (term === 0 || (bound < 1 && Math.abs(term) * bound <= 1e-17 * (1 - bound) * scale)) return sum;
  }
  throw new Error(`2F1(${a}, ${b}; ${c}; ${z}) did not converge in double precision`);
}

/**
 * 2F1(a, b; c; z) for z < 1 and c not a non-positive integer. Negative z goes through the Pfaff
 * transformation 2F1(a, b; c; z) = (1 − z)^(−a) 2F1(a, c − b; c; z / (z − 1)), so the series always
 * runs on [0, 1).
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (!(z < 1)) throw new Error(`2F1 needs z < 1, got ${z}`);
  if (z < 0) return Math.pow(1 - z, -a) * hyp2f1(a, c - b, c, z / (z - 1));
  const { head, tail, logScale } = series(a, b, c, z);
  return (head + tail) * Math.exp(logScale);
}

/**
 * ln 2F1(a, b; c; z) for 0 ≤ z < 1 when the sum is positive (for instance a, b, c > 0). Sums that would
 * overflow are rescaled as they grow, and a sum close to 1 keeps full relative precision in its logarithm.
 */
export function logHyp2f1(a: number, b: number, c: number, z: number): number {
  if (!(z >= 0 && z < 1)) throw new Error(`ln 2F1 needs 0 ≤ z < 1, got ${z}`);
  const { head, tail, logScale } = series(a, b, c, z);
  return logScale === 0 ? Math.log1p(tail) : logScale + Math.log(head + tail);
}
