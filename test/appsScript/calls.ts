// Counts every Apps Script service method call of the simulation and fails the chosen ones the way Apps Script does.

/** One counted call: its 1-based number, the Apps Script type it was made on and the method. */
export interface ServiceCall {
  n: number;
  type: string;
  method: string;
}

/**
 * Which calls fail: only call `at` (a transient error), every call from `from` on (an outage), or any `when` says.
 * A failing call does nothing, unless `afterEffect`: then it does its work and fails after (as a time-out can).
 */
export interface FailurePlan {
  at?: number;
  from?: number;
  when?: (call: ServiceCall) => boolean;
  afterEffect?: boolean;
}

/** A model object behind an API object: `apiOf` wraps it, `modelOf` finds it again when the API object comes back. */
export const MODEL = Symbol('model');

export class CallLog {
  calls: ServiceCall[] = [];
  plan: FailurePlan = {};
  /** When false, calls are not recorded (set-up and inspection by tests). */
  recording = true;

  constructor(private readonly documentId: string) {}

  get count(): number {
    return this.calls.length;
  }

  /** "Sheet.setName" for call k (1-based). */
  label(k: number): string {
    const c = this.calls[k - 1];
    return c ? `${c.type}.${c.method}` : '?';
  }

  reset(): void {
    this.calls = [];
  }

  /**
   * Counts a call; throws Apps Script's service error when the plan says this one fails (the call then does nothing),
   * or returns true when it is to fail after doing its work.
   */
  record(type: string, method: string): boolean {
    if (!this.recording) return false;
    const call = { n: this.calls.length + 1, type, method };
    this.calls.push(call);
    const { at, from, when, afterEffect } = this.plan;
    const fails = call.n === at || (from !== undefined && call.n >= from) || !!when?.(call);
    if (fails && !afterEffect) throw this.serviceError();
    return fails;
  }

  /** The error Apps Script throws when Sheets does not answer. */
  serviceError(): Error {
    return new Error(`Exception: Service Spreadsheets failed while accessing document with id ${this.documentId}.`);
  }

  /** Runs `fn` without counting (test set-up and inspection). */
  quietly<T>(fn: () => T): T {
    const was = this.recording;
    this.recording = false;
    try {
      return fn();
    } finally {
      this.recording = was;
    }
  }
}

/**
 * The API object for `target`: every method call is counted as `type.method` before it runs (a method returning its
 * own object, as builders do, returns the counted one). Properties that are not functions (enums) pass through
 * uncounted; the target's MODEL stays readable so the simulation can unwrap arguments.
 */
export function counted<T extends object>(log: CallLog, type: string, target: T): T {
  const proxy: T = new Proxy(target, {
    get(t, prop, receiver) {
      const value = Reflect.get(t, prop, receiver);
      if (typeof value !== 'function' || typeof prop === 'symbol') return value;
      return (...args: unknown[]) => {
        const failsAfter = log.record(type, prop);
        const got = (value as (...a: unknown[]) => unknown).apply(t, args);
        if (failsAfter) throw log.serviceError();
        return got === t ? proxy : got;
      };
    },
  });
  return proxy;
}

/** The model behind an API object the simulation handed out (throws for anything else, as Apps Script would). */
export function modelOf<M>(api: unknown, what: string): M {
  const model = (api as { [MODEL]?: M } | null)?.[MODEL];
  if (!model) throw new Error(`Exception: Invalid argument: ${what}`);
  return model;
}
