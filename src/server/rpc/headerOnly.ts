// A sheet holding column names and nothing under them: detection reads its one row as data; this tells it apart.

import { cellType, type DetectedTable } from '../../core/mapping/detect';
import { isBlank, type Cell } from '../../core/values';

/** True when the detected table is one row, without a header, of two or more cells that are mostly text: headers alone. */
export function onlyHeaders(values: readonly Cell[][], table: DetectedTable): boolean {
  if (table.hasHeader || table.rows !== 1) return false;
  const filled = (values[table.top] ?? []).filter((c) => !isBlank(c));
  return filled.length >= 2 && filled.filter((c) => cellType(c) === 'text').length >= 0.6 * filled.length;
}
