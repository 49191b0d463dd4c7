// Assembles the workbench: the saved workbook or the sample (the add-on's own generator), the add-on's RPC handlers,
// the server.

import type http from 'node:http';
import path from 'node:path';
import { sampleTables } from '../../src/core/sample/generate';
import { rpcHandlers } from '../../src/server/rpc/handlers';
import { InMemoryWorkbook } from '../../src/server/sheets/inMemory';
import type { CellValue } from '../../src/server/sheets/workbook';
import { WorkbenchDocument } from './document';
import { openSaved } from './openSaved';
import { startWorkbench } from './server';
import { workbenchWarehouse, writeSampleWarehouse } from './warehouse';

export interface StartOptions {
  port: number;
  rows: number;
  seed: number;
  /** The user's locale; when absent, the saved workbook's (en_US for a new one). */
  locale?: string;
  /** The state file; absent, the workbook lives in memory only (a scratch sample). */
  statePath?: string;
  pageScript: string;
  pageStyle: string;
  sidebarHtml: () => string;
}

/** The last day of the month before `now` (UTC): the sample data runs up to it, so its latest month is complete. */
export function sampleEnd(now: number): number {
  const d = new Date(now);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 0);
}

/** The sample tables as sheets, dates as Date values (as Sheets holds them), ending last month. */
export function sampleWorkbook(rows: number, seed: number, locale: string, now = Date.now()): InMemoryWorkbook {
  const tables = sampleTables({ rows, seed, dates: 'date', end: sampleEnd(now) });
  const workbook = new InMemoryWorkbook(tables.map((t) => ({ name: t.name, values: [t.headers, ...t.rows] as CellValue[][] })));
  workbook.locale = locale;
  workbook.timeZone = 'UTC';
  workbook.activeSheetId = workbook.sheets[0].id;
  return workbook;
}

/** The signals that stop the workbench: `kill PID` (TERM), Ctrl+C (INT), a closed terminal (HUP). */
export const STOP_SIGNALS = ['SIGTERM', 'SIGINT', 'SIGHUP'] as const;

/**
 * Stops the server on SIGTERM, SIGINT or SIGHUP: closes it (open keep-alive connections too), then exits.
 *
 * npm runs a script through `sh -c`; the start script is `exec node scripts/workbench.mjs`, so the process npm starts
 * is this server and the signals npm hands on (TERM, INT) reach it. A shell that did not exec would die of TERM without
 * passing it on (and ignore INT), leaving the server serving. So, as a second guard, when npm started it
 * (npm_lifecycle_event is set) the workbench also stops as soon as the process that started it is gone (npm killed).
 */
export function stopOnSignals(server: http.Server, log: (line: string) => void = (l) => console.error(l)): void {
  let stopping = false;
  const stop = (why: string): void => {
    if (stopping) return;
    stopping = true;
    log(`CRM Metrics workbench: stopping (${why})`);
    server.close(() => process.exit(0));
    server.closeAllConnections();
    setTimeout(() => process.exit(0), 2000).unref(); // a connection that will not close does not keep it serving
  };
  for (const signal of STOP_SIGNALS) process.on(signal, () => stop(signal));
  if (process.env.npm_lifecycle_event && process.platform !== 'win32') {
    const parent = process.ppid;
    setInterval(() => {
      if (process.ppid !== parent) stop('the npm script that started it has ended');
    }, 250).unref();
  }
}

/** Writes the sample tables as warehouse files beside the state file (none when DuckDB cannot run: the workbench still starts). */
function sampleWarehouseFiles(dir: string, options: StartOptions, log: (line: string) => void): string[] {
  try {
    const files = writeSampleWarehouse(dir, options.rows, options.seed, sampleEnd(Date.now()));
    log(`CRM Metrics workbench: sample warehouse files (CSV, Parquet) for DuckDB in ${dir}`);
    return files;
  } catch (e) {
    log(`CRM Metrics workbench: no sample warehouse files (${e instanceof Error ? e.message : String(e)})`);
    return [];
  }
}

export async function start(options: StartOptions, log: (line: string) => void = (l) => console.log(l)): Promise<{ url: string }> {
  const sample = (locale: string): InMemoryWorkbook => sampleWorkbook(options.rows, options.seed, locale);
  const { saved, store, note } = openSaved(options.statePath, () => ({ workbook: sample(options.locale ?? 'en_US'), typed: {} }));
  if (options.locale) saved.workbook.locale = options.locale;
  // Every workbook the document opens (saved, sample, reset) runs its data-source tables on DuckDB.
  const handlers = (wb: InMemoryWorkbook): ReturnType<typeof rpcHandlers> => {
    wb.warehouseRunner = workbenchWarehouse;
    return rpcHandlers(wb);
  };
  const document = new WorkbenchDocument(saved, { handlers, sample, save: store && ((text) => store.write(text)) });
  document.save();
  log(`CRM Metrics workbench: ${note}`);
  const warehouseFiles = options.statePath ? sampleWarehouseFiles(path.join(path.dirname(options.statePath), 'warehouse'), options, log) : [];
  const { url, server } = await startWorkbench({
    port: options.port,
    document,
    savedIn: store?.path,
    warehouseFiles,
    pageScript: options.pageScript,
    pageStyle: options.pageStyle,
    sidebarHtml: options.sidebarHtml,
  });
  stopOnSignals(server);
  return { url };
}
