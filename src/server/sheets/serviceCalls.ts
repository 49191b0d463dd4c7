// Apps Script service calls with a bound on retries: a transient "Service … failed" error is retried with backoff.

import { RpcError } from '../messages';

/**
 * The bound. An idempotent call is tried at most 1 + `perCall` times, waiting `firstDelayMs` × 1, 2, 4 before the
 * retries (0.5 s, 1 s, 2 s); one execution retries at most `perExecution` times in all, after which every service
 * error ends the work at once. So retries add at most `perExecution` calls and maxRetryWaitMs() of waiting to any
 * execution, however many calls it makes. Calls that must not run twice (insert or delete a sheet, add or move
 * metadata, insert a chart, protect) are never retried: the build's repair deals with them.
 */
export const RETRY = { perCall: 3, perExecution: 10, firstDelayMs: 500 } as const;

/** The most waiting retries can add to one execution: the budget spent on the longest waits it allows. */
export function maxRetryWaitMs(): number {
  const delays = Array.from({ length: RETRY.perCall }, (_, k) => RETRY.firstDelayMs * 2 ** k);
  const full = Math.floor(RETRY.perExecution / RETRY.perCall);
  const rest = RETRY.perExecution % RETRY.perCall;
  return full * delays.reduce((a, b) => a + b, 0) + delays.slice(0, rest).reduce((a, b) => a + b, 0);
}

/**
 * Apps Script's words for Sheets not answering: "Service Spreadsheets failed while accessing document with id …",
 * "Service Spreadsheets timed out while accessing document …", "Service error: Spreadsheets", "We're sorry, a server
 * error occurred. Please wait a bit and try again." Read from the text: errors from the host may not be this realm's Error.
 */
const SERVICE_ERROR = /Service \w+ (?:failed|timed out)|Service error|server error occurred/i;

export function isServiceError(e: unknown): boolean {
  const text = typeof e === 'object' && e !== null && 'message' in e ? String((e as { message: unknown }).message) : String(e);
  return SERVICE_ERROR.test(text);
}

/** The error the sidebar gets: a keyed message ("Google Sheets did not respond…"); the service's own text kept aside. */
function unavailable(e: unknown): RpcError {
  return Object.assign(new RpcError('sheetsUnavailable'), { serviceError: String(e) });
}

export class ServiceCalls {
  /** Idempotent calls made (each could be retried): the bench multiplies these by the bound. */
  retriable = 0;
  /** Retries made in this execution. */
  retries = 0;

  constructor(private readonly sleep: (ms: number) => void) {}

  /** An idempotent call (a read, or a write that gives the same result when repeated): retried on service errors. */
  retried<T>(fn: () => T): T {
    this.retriable++;
    for (let attempt = 0; ; attempt++) {
      try {
        return fn();
      } catch (e) {
        if (!isServiceError(e)) throw e;
        if (attempt >= RETRY.perCall || this.retries >= RETRY.perExecution) throw unavailable(e);
        this.retries++;
        try {
          this.sleep(RETRY.firstDelayMs * 2 ** attempt);
        } catch {
          // A failed wait is only a shorter wait.
        }
      }
    }
  }

  /** A call that must not run twice: a service error ends it (as the keyed message), never retried. */
  once<T>(fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      throw isServiceError(e) ? unavailable(e) : e;
    }
  }
}
