// The number format of the source's money column (its first data cell), so the tab shows the source's currency.

import type { ReportSpec } from '../rpc/contract';
import type { GridRange, Workbook } from '../sheets/workbook';

/** Roles holding money, in the order their format is preferred. */
const MONEY_ROLES = ['amount', 'recurringRevenue', 'spend', 'retentionSpend'] as const;

/** The format of the first data cell of the first mapped money column; undefined when none is mapped or the range has no data row. */
export function moneyFormatOf(wb: Workbook, sheetId: number, range: GridRange, spec: ReportSpec): string | undefined {
  const role = MONEY_ROLES.find((r) => spec.mapping[r] !== undefined);
  const first = range.row + (spec.source.hasHeader ? 1 : 0);
  if (!role || first >= range.row + range.rows) return undefined;
  return wb.readNumberFormats(sheetId, { row: first, column: range.column + (spec.mapping[role] as number), rows: 1, columns: 1 })[0]?.[0];
}
