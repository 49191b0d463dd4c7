// Assembles the workbench: the sample workbook (the add-on's own generator), the add-on's RPC handlers, the server.

import { sampleTables } from '../../src/core/sample/generate';
import { rpcHandlers } from '../../src/server/rpc/handlers';
import { InMemoryWorkbook } from '../../src/server/sheets/inMemory';
import type { CellValue } from '../../src/server/sheets/workbook';
import { startWorkbench } from './server';

export interface StartOptions {
  port: number;
  rows: number;
  seed: number;
  locale: string;
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

export async function start(options: StartOptions): Promise<{ url: string }> {
  const workbook = sampleWorkbook(options.rows, options.seed, options.locale);
  const { url } = await startWorkbench({
    port: options.port,
    workbook,
    handlers: (wb) => rpcHandlers(wb),
    pageScript: options.pageScript,
    pageStyle: options.pageStyle,
    sidebarHtml: options.sidebarHtml,
  });
  return { url };
}
