// A saved report as the warehouse query's report: its table, clock, grain, range, metrics and each role's column name.

import type { Role } from '../../core/mapping/roles';
import { isoDay, parsePeriod } from '../../core/periods';
import { MS_PER_DAY } from '../../core/timezone';
import type { WarehouseReport } from '../../warehouse/query';
import { RpcError } from '../messages';
import type { ReportSpec } from '../rpc/contract';

/** The day after an ISO day: the sidebar's To is inclusive, a warehouse report's `to` the first day after the range. */
export function dayAfter(iso: string): string {
  const p = parsePeriod(iso);
  if (!p || p.grain !== 'day') throw new RpcError('badRequest', { detail: `not a day: ${iso}` });
  return isoDay(p.start + MS_PER_DAY);
}

/**
 * The warehouse report of `spec`: the table is `spec.warehouse.table` (a sheet report's sheet name otherwise), each
 * mapped role and the segment (segmentBy, else the segment role) named by `columnNames`, `to` the day after the
 * sidebar's inclusive To. Every chosen metric is kept; splitCompiled (query.ts) tells which ones compile.
 */
export function warehouseReportOf(spec: ReportSpec, timeZone: string, columnNames: readonly string[]): WarehouseReport {
  if (!spec.from || !spec.to) throw new RpcError('warehouseRangeNeeded');
  const columns: Partial<Record<Role, string>> = {};
  for (const [role, index] of Object.entries(spec.mapping) as [Role, number][]) {
    if (role !== 'segment' && columnNames[index] !== undefined) columns[role] = columnNames[index];
  }
  const segmentColumn = spec.segmentBy ?? spec.mapping.segment;
  const segment = segmentColumn === undefined ? undefined : columnNames[segmentColumn];
  return {
    table: spec.warehouse?.table ?? spec.source.sheetName, timeZone, grain: spec.grain, from: spec.from, to: dayAfter(spec.to),
    metrics: [...spec.metrics], columns, ...(segment !== undefined ? { segment } : {}),
  };
}
