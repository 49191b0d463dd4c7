// Apps Script service calls of listSheets and of summary builds in a document of n sheets, on the simulation
// (used by bench/summary.ts and by test/server/sheets/appsScript.test.ts).

import { sampleTables } from '../../src/core/sample/generate';
import { rpcHandlers } from '../../src/server/rpc/handlers';
import type { RpcHandlers } from '../../src/server/rpc/contract';
import { AppsScriptWorkbook } from '../../src/server/sheets/appsScript';
import { maxRetryWaitMs, RETRY } from '../../src/server/sheets/serviceCalls';
import { AppsScriptSimulation } from './simulation';

export interface AppsScriptCosts {
  sheets: number;
  listSheets: number;
  /** detectTable on the data sheet (what the sidebar calls when a sheet is picked). */
  detect: number;
  /** A first build, and a refresh of it (the refresh also moves the tag and deletes the old tab). */
  build: number;
  refresh: number;
  /** Calls of the refresh that may be retried, and the most retries (and waiting) they can add. */
  retriable: number;
  maxRetries: number;
  maxRetryWaitMs: number;
}

const NOW = Date.UTC(2026, 0, 15, 9, 30);

/** Builds, refreshes and lists in a document of `sheets` sheets (a survey table among them), counting service calls. */
export function appsScriptCosts(sheets: number): AppsScriptCosts {
  const table = sampleTables({ rows: 300, dates: 'date' })[0];
  const sim = new AppsScriptSimulation({
    sheets: [{ name: table.name, values: [table.headers, ...table.rows] }, ...Array.from({ length: sheets - 1 }, (_, k) => ({ name: `Sheet ${k + 2}`, values: [['x']] }))],
  });
  const dataId = sim.sheet(table.name)!.id;
  let last: AppsScriptWorkbook | undefined;
  const call = (method: keyof RpcHandlers, request: unknown): number => {
    sim.resetCalls();
    const got = sim.execute(() => {
      last = new AppsScriptWorkbook(sim.services(), { sleep: () => undefined });
      return rpcHandlers(last, { now: () => NOW })[method](request) as { ok: boolean };
    });
    if (!got.ok) throw new Error(`${method} failed: ${JSON.stringify(got)}`);
    return sim.calls.length;
  };
  const col = (name: string): number => table.headers.indexOf(name);
  const spec = {
    title: 'Summary', grain: 'month', metrics: ['NPS', 'CSAT', 'CES'],
    source: { sheetId: dataId, sheetName: table.name, hasHeader: true, range: `A1:F${table.rows.length + 1}` },
    mapping: { date: col('Date'), segment: col('Segment'), score: col('NPS score'), satisfaction: col('CSAT'), effort: col('Effort') },
  };
  const listSheets = call('listSheets', {});
  const detect = call('detectTable', { sheetId: dataId });
  const build = call('buildSummary', { spec, reportId: 'bench' });
  const refresh = call('refreshReport', { id: 'bench' });
  const retriable = last!.calls.retriable;
  return {
    sheets, listSheets, detect, build, refresh, retriable,
    maxRetries: Math.min(RETRY.perCall * retriable, RETRY.perExecution), maxRetryWaitMs: maxRetryWaitMs(),
  };
}
