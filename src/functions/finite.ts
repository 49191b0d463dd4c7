// Result shaping shared by metric entries: a spilled table holding a non-finite number becomes a user error.

import { MetricError, messages } from '../core/errors';
import type { Result } from './spec';

/** `result` unchanged, unless a table cell is NaN or ±Infinity (extreme inputs overflowed): then an error. */
export function finiteResult(fn: string, result: Result): Result {
  if (typeof result === 'number') {
    if (!Number.isFinite(result)) throw new MetricError(messages.notFinite(fn));
    return result;
  }
  if (Array.isArray(result)) {
    for (const row of result) for (const cell of row) if (typeof cell === 'number' && !Number.isFinite(cell)) throw new MetricError(messages.notFinite(fn));
  }
  return result;
}
