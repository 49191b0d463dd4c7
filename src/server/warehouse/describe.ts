// A warehouse table's column names and types, read through a scratch hidden sheet holding the engine's DESCRIBE query.

import { columnKind } from '../../warehouse/dialect';
import { DIALECTS } from '../../warehouse/dialects';
import { RpcError } from '../messages';
import type { WarehouseEngine, Workbook } from '../sheets/workbook';
import { BUILDING_TAG, freeSheetName } from '../summary/swap';
import { runWarehouseTable } from './run';

/** How long the column list may take (it reads metadata only). */
export const DESCRIBE_TIMEOUT_SECONDS = 60;
/** The scratch sheet's mark: a BUILDING sheet no saved report owns, so the next repair deletes it if this one could not. */
const SCRATCH_TAG = { key: BUILDING_TAG, value: 'describe' };

export interface WarehouseColumn {
  name: string;
  type: 'number' | 'date' | 'text' | 'boolean';
}

/** The table's columns in order; the scratch sheet is deleted afterwards, also when the query fails. */
export function describeWarehouseTable(wb: Workbook, source: { engine: WarehouseEngine; table: string; billingProject?: string }): WarehouseColumn[] {
  const sheetId = wb.insertSheet(freeSheetName(wb, '~ CRM Metrics columns'), { hidden: true, tag: SCRATCH_TAG });
  let values;
  try {
    const sql = DIALECTS[source.engine].describeQuery(source.table);
    values = runWarehouseTable(wb, sheetId, { row: 1, column: 1 }, {
      engine: source.engine, ...(source.billingProject ? { billingProject: source.billingProject } : {}), sql, parameters: [],
    }, DESCRIBE_TIMEOUT_SECONDS, 'warehouseColumnsTimeout');
  } finally {
    try {
      wb.deleteSheet(sheetId);
    } catch {
      // Tagged BUILDING with no report behind it: the next build's repair (swap.ts) deletes it.
    }
  }
  const header = (values[0] ?? []).map((h) => String(h).trim().toLowerCase());
  const name = header.indexOf('column_name');
  const type = header.indexOf('data_type');
  const rows = values.slice(1).filter((r) => name >= 0 && String(r[name] ?? '') !== '');
  if (!rows.length || type < 0) throw new RpcError('warehouseFailed', { message: `no columns found for ${source.table}: check the table's name and your access to it` });
  return rows.map((r) => ({ name: String(r[name]), type: columnKind(String(r[type])) }));
}
