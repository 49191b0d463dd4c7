// Tanh-sinh quadrature on (0, 1), used by tests to check closed forms against direct integration.

/**
 * ∫_0^1 f(t) dt by the double-exponential rule t = (1 + tanh(π/2 sinh s)) / 2, which stays accurate
 * for integrable power singularities at both ends; f also receives 1 − t, computed without cancellation.
 */
export function integrateUnit(f: (t: number, oneMinusT: number) => number, step = 1 / 64): number {
  let sum = 0;
  for (let k = -Math.ceil(4.5 / step); k <= Math.ceil(4.5 / step); k++) {
    const s = k * step;
    const u = Math.PI * Math.sinh(s);
    const t = 1 / (1 + Math.exp(-u));
    const oneMinusT = 1 / (1 + Math.exp(u));
    if (t === 0 || oneMinusT === 0) continue;
    const weight = (Math.PI / 2) * Math.cosh(s) * t * oneMinusT * 2;
    sum += weight * f(t, oneMinusT);
  }
  return sum * step;
}

/** ∫_0^1 t^(p−1) (1 − t)^(q−1) g(t) dt for p, q > 0. */
export function integrateBetaWeighted(p: number, q: number, g: (t: number) => number): number {
  return integrateUnit((t, oneMinusT) => Math.exp((p - 1) * Math.log(t) + (q - 1) * Math.log(oneMinusT)) * g(t));
}

/** ∫_0^∞ e^(logF(x)) dx, substituting x = scale · t / (1 − t); pick scale near where the mass lies. */
export function integrateExpOverHalfLine(logF: (x: number) => number, scale: number): number {
  return integrateUnit((t, oneMinusT) => {
    const x = (scale * t) / oneMinusT;
    return Math.exp(logF(x)) * (scale / (oneMinusT * oneMinusT));
  });
}
