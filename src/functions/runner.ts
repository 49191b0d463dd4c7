// The one runner: validates and coerces every argument, runs the core, and guarantees a clean Sheets result.

import { MetricError, messages } from '../core/errors';
import { civilClock } from '../core/timezone';
import type { Arg, CallContext, FunctionSpec, Param, Result } from './spec';

/** Where a call runs: the spreadsheet's time zone and the current instant, read only when needed. */
export interface CallEnvironment {
  timeZone(): string;
  nowMs?(): number;
}

export const UTC_ENVIRONMENT: CallEnvironment = { timeZone: () => 'UTC' };

/** A CallContext whose clock is built on first use, so calls without dates never ask for the time zone. */
export function callContext(fn: string, env: CallEnvironment): CallContext {
  let clock: ((t: number) => number) | undefined;
  const getClock = (): ((t: number) => number) => (clock ??= civilClock(env.timeZone()));
  const toCivil = (t: number): number => getClock()(t);
  return { fn, toCivil, clock: getClock, now: () => toCivil(env.nowMs ? env.nowMs() : Date.now()) };
}

/** Left out: an argument Sheets did not pass, or an empty cell given for an optional value. */
const isOmitted = (raw: Arg): boolean => raw === undefined || raw === null || raw === '';

const rank = (param: Param): number => (param.rest ? 2 : param.type === 'range' ? 1 : 0);

/** The arguments from `i` on, without the trailing ones a stub passes as undefined. */
function restOf(raw: readonly Arg[], i: number): Arg[] {
  let end = raw.length;
  while (end > i && (raw[end - 1] === undefined || raw[end - 1] === null)) end--;
  return raw.slice(i, end);
}

/** How many cells a coerced range holds: a column's rows × columns (its values may not be built yet), or a folded range's count. */
function cellCount(arg: unknown): number | undefined {
  if (!arg) return undefined;
  const range = arg as { values?: ArrayLike<unknown>; cells?: number; rows?: number; columns?: number };
  if (typeof range.cells === 'number') return range.cells;
  if (typeof range.rows === 'number' && typeof range.columns === 'number') return range.rows * range.columns;
  return range.values?.length;
}

/** Coerces the raw arguments into the record the core function receives. */
export function coerceArguments(spec: FunctionSpec, raw: readonly Arg[], call: CallContext): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  // Single values first, so range checks may depend on them (CSAT's scores on its scale).
  const order = spec.params.map((param, i) => ({ param, i })).sort((a, b) => rank(a.param) - rank(b.param) || a.i - b.i);
  order.forEach(({ param, i }) => {
    if (param.rest) {
      args[param.name] = param.rest.coerceAll(restOf(raw, i), call, args);
      return;
    }
    const value = raw[i];
    if (isOmitted(value) && (param.optional || value === undefined || value === null)) {
      if (!param.fallback) throw new MetricError(messages.missingArgument(spec.name, param.name));
      args[param.name] = param.fallback(call, args);
    } else {
      args[param.name] = param.coerce(value as Arg, call, args);
    }
  });
  for (const param of spec.params) {
    const other = param.sameSizeAs;
    const mine = cellCount(args[param.name]);
    const theirs = other ? cellCount(args[other]) : undefined;
    if (other && mine !== undefined && theirs !== undefined && mine !== theirs) {
      throw new MetricError(messages.sizeMismatch(spec.name, param.name, mine, other, theirs));
    }
  }
  return args;
}

/** Checks a core result against the output contract: finite numbers, strings, rectangular tables. */
export function checkResult(fn: string, result: Result): Result {
  if (typeof result === 'number') {
    if (!Number.isFinite(result)) throw new MetricError(messages.notFinite(fn));
    return result;
  }
  if (typeof result === 'string') return result;
  if (!Array.isArray(result) || result.length === 0) throw new MetricError(messages.internal(fn, 'empty result'));
  const width = result[0].length;
  for (const row of result) {
    if (!Array.isArray(row) || row.length !== width) throw new MetricError(messages.internal(fn, 'ragged table'));
    for (let c = 0; c < width; c++) {
      const cell = row[c];
      if (typeof cell === 'number' ? !Number.isFinite(cell) : typeof cell !== 'string') {
        throw new MetricError(messages.internal(fn, `bad cell ${String(cell)} in the result`));
      }
    }
  }
  return result;
}

/** Runs a custom function: every error leaves as an Error whose message starts with the function's name. */
export function runFunction(spec: FunctionSpec, raw: readonly Arg[], env: CallEnvironment = UTC_ENVIRONMENT): Result {
  const call = callContext(spec.name, env);
  try {
    return checkResult(spec.name, spec.compute(coerceArguments(spec, raw, call) as never, call));
  } catch (e) {
    if (e instanceof MetricError) throw e;
    throw new MetricError(messages.internal(spec.name, e instanceof Error ? e.message : String(e)));
  }
}
