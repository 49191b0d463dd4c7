// Gauss hypergeometric function 2F1(a, b; c; z) for real z < 1, as used by the BG/NBD model.

const MAX_TERMS = 50000;

/** The power series of 2F1, summed until the remaining tail is below double precision. */
function series(a: number, b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  for (let n = 0; n < MAX_TERMS; n++) {
    const ratio = ((a + n) * (b + n)) / ((c + n) * (n + 1)) * z;
    term *= ratio;
    sum += term;
    if (!Number.isFinite(sum)) break;
    const bound = Math.max(Math.abs(ratio), Math.abs(z));
    if (term === 0 || (bound < 1 && Math.abs(term) * bound <= 1e-17 * (1 - bound) * Math.abs(sum))) return sum;
  }
  throw new Error(`2F1(${a}, ${b}; ${c}; ${z}) did not converge in double precision`);
}

/**
 * 2F1(a, b; c; z) for z < 1 and c not a non-positive integer. Negative z goes through the Pfaff
 * transformation 2F1(a, b; c; z) = (1 − z)^(−a) 2F1(a, c − b; c; z / (z − 1)), so the series always
 * runs on [0, 1) with terms of one sign once n exceeds the parameters.
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (!(z < 1)) throw new Error(`2F1 needs z < 1, got ${z}`);
  if (z < 0) return Math.pow(1 - z, -a) * series(a, c - b, c, z / (z - 1));
  return series(a, b, c, z);
}
