// Runs a query in a data-source table and answers its values, or the keyed error of a timeout or a refused query.

import { RpcError } from '../messages';
import type { CellValue, WarehouseQuery, Workbook } from '../sheets/workbook';

/**
 * Puts `query` in the data-source table at `anchor` of the sheet, refreshes it and waits at most `timeoutSeconds`;
 * running out of time is `timeoutKey` (a summary's, or the column list's).
 */
export function runWarehouseTable(
  wb: Workbook, sheetId: number, anchor: { row: number; column: number }, query: WarehouseQuery, timeoutSeconds: number,
  timeoutKey: 'warehouseTimeout' | 'warehouseColumnsTimeout' = 'warehouseTimeout',
): CellValue[][] {
  wb.setWarehouseTable(sheetId, anchor, query);
  const run = wb.refreshWarehouseTable(sheetId, anchor, timeoutSeconds);
  if (run.state === 'timeout') throw new RpcError(timeoutKey, { seconds: timeoutSeconds });
  if (run.state === 'truncated') throw new RpcError('warehouseTooManyRows', {});
  if (run.state === 'failed') throw new RpcError('warehouseFailed', { message: run.message });
  return run.values;
}

/** The engines as a tab names them in its source label ("BigQuery: project.dataset.table"). */
export const ENGINE_NAMES = { bigquery: 'BigQuery', duckdb: 'DuckDB' } as const;
