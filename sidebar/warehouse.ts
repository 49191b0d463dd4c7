// A warehouse source in the sidebar: which sources this spreadsheet offers, the checks of a typed table before the
// server is asked, a short name for the report's title, and the default From–To of a warehouse summary.

import type { WarehouseSource } from '../src/server/rpc/contract';
import { bigQueryTableProblem, billingProjectProblem, cleanTableName } from '../src/server/rpc/warehouseNames';
import type { MessageKey } from './i18n/catalogue';

export type Engine = WarehouseSource['engine'];
/** Where the figures come from: this spreadsheet's sheets, or a warehouse table on an engine. */
export type SourceKind = 'sheet' | Engine;

/** The sample files the workbench writes (scripts/workbench/warehouse.ts), offered as suggestions for the DuckDB path. */
export const SAMPLE_FILES = [
  ...['deals', 'surveys', 'subscriptions', 'orders', 'tickets', 'mrr', 'leads', 'marketing'].map((t) => `.workbench/warehouse/${t}.csv`),
  '.workbench/warehouse/surveys.parquet',
];

/** The sources offered: the sheets always, and the engine this spreadsheet can run. */
export function sourceKinds(engine: Engine | undefined): SourceKind[] {
  return engine ? ['sheet', engine] : ['sheet'];
}

/** The table and billing project to describe, or the catalogue key of the first problem with them. */
export function warehouseRequest(engine: Engine, tableText: string, billingText: string):
  { request: { engine: Engine; table: string; billingProject?: string } } | { error: MessageKey } {
  const table = cleanTableName(tableText);
  if (!table) return { error: engine === 'bigquery' ? 'error.bigQueryTable' : 'error.warehouseFile' };
  if (engine === 'duckdb') return { request: { engine, table } };
  if (bigQueryTableProblem(table)) return { error: 'error.bigQueryTable' };
  const billingProject = billingText.trim();
  if (!billingProject || billingProjectProblem(billingProject)) return { error: 'error.billingProject' };
  return { request: { engine, table, billingProject } };
}

/** A short name of a warehouse table for a title: a BigQuery table's own name, a file's name without its folder and type. */
export function tableLabel(table: string): string {
  const last = table.split(/[\\/]/).pop() ?? table;
  return (/\.(csv|parquet)$/i.test(last) ? last.replace(/\.(csv|parquet)$/i, '') : last.split('.').pop()) || table;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** The last 12 complete months before today in `timeZone`: from the first day of the first to the last day of the last. */
export function lastTwelveMonths(timeZone: string, now: number = Date.now()): { from: string; to: string } {
  let today: string;
  try {
    today = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(now));
  } catch {
    today = new Date(now).toISOString().slice(0, 10);
  }
  const [year, month] = today.split('-').map(Number);
  const start = new Date(Date.UTC(year, month - 13, 1));
  const end = new Date(Date.UTC(year, month - 1, 0));
  return {
    from: `${start.getUTCFullYear()}-${pad(start.getUTCMonth() + 1)}-01`,
    to: `${end.getUTCFullYear()}-${pad(end.getUTCMonth() + 1)}-${pad(end.getUTCDate())}`,
  };
}
