// Refresh all inside Apps Script's execution limit: the least recently refreshed reports first, and no report started
// once the next one might not finish in time; the rest are named so the user can continue them.

import type { SavedReport } from '../rpc/contract';

/**
 * Apps Script stops an execution after 6 minutes and loses what it was doing. Refresh all starts no report after
 * 5 minutes, nor one that would pass 5 minutes if it took as long as the slowest so far: a minute stays for the
 * lock, the answer and a report slower than any before it.
 */
export const REFRESH_BUDGET_MS = 300_000;

export interface RefreshOutcome<R> {
  /** Each report started, in the order refreshed, with what refreshing it gave. */
  done: { report: SavedReport; result: R }[];
  /** The reports not started because the time budget was spent. */
  notStarted: SavedReport[];
}

/** When a report was last written (refreshed or, never refreshed, created); older first. */
const lastWritten = (r: SavedReport): string => r.refreshedAt ?? r.createdAt;

/** The order Refresh all takes: least recently refreshed first, so running it again continues where it stopped. */
export function refreshOrder(reports: SavedReport[]): SavedReport[] {
  return [...reports].sort((a, b) => (lastWritten(a) < lastWritten(b) ? -1 : lastWritten(a) > lastWritten(b) ? 1 : 0));
}

/** Refreshes reports in `refreshOrder` until the budget (ms on `clock`) would be passed; `refresh` is told what is left. */
export function refreshWithinBudget<R>(
  reports: SavedReport[], refresh: (report: SavedReport, leftMs: number) => R, clock: () => number, budgetMs = REFRESH_BUDGET_MS,
): RefreshOutcome<R> {
  const start = clock();
  let slowest = 0;
  const outcome: RefreshOutcome<R> = { done: [], notStarted: [] };
  for (const report of refreshOrder(reports)) {
    const began = clock();
    if (outcome.notStarted.length || began - start + slowest > budgetMs) {
      outcome.notStarted.push(report);
      continue;
    }
    outcome.done.push({ report, result: refresh(report, budgetMs - (began - start)) });
    slowest = Math.max(slowest, clock() - began);
  }
  return outcome;
}
