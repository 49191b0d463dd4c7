// Numerically stable ln(e^a + e^b), the core of log-space likelihoods.

/** ln(e^a + e^b) without overflow; −Infinity terms are ignored. */
export function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  const high = a > b ? a : b;
  return high + Math.log1p(Math.exp(-Math.abs(a - b)));
}

/** 1 / (1 + e^x), evaluated without overflow for any x. */
export function logisticOfMinus(x: number): number {
  if (x >= 0) {
    const e = Math.exp(-x);
    return e / (1 + e);
  }
  return 1 / (1 + Math.exp(x));
}
