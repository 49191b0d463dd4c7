// A service that misbehaves: wraps a simulated Apps Script service so that chosen methods, on it or on anything it
// returns, give other results or throw. Everything else passes through (and is still counted by the simulation).

/** Gets the method's name, its arguments and the real call; returns what the call should give (default: the real one). */
export type Patch = (method: string, args: unknown[], call: () => unknown) => unknown;

export function intercept<T extends object>(target: T, patch: Patch): T {
  const wrap = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(wrap);
    return v && typeof v === 'object' && !(v instanceof Date) ? intercept(v as object, patch) : v;
  };
  return new Proxy(target, {
    get(t, prop, receiver) {
      const value = Reflect.get(t, prop, receiver);
      // Symbols (the simulation's model handle) and enums pass through as they are.
      if (typeof value !== 'function' || typeof prop === 'symbol') return value;
      return (...args: unknown[]) => wrap(patch(prop, args, () => (value as (...a: unknown[]) => unknown).apply(t, args)));
    },
  });
}

/** Patches one method by name; the others run as they are. */
export const onMethod = (name: string, replace: (args: unknown[], call: () => unknown) => unknown): Patch =>
  (method, args, call) => (method === name ? replace(args, call) : call());
