// summarySql's answer: the summary query of a report in a dialect, for analysts (the sidebar's Copy SQL). Metrics
// that do not compile are left out of the query and named with why; a sheet report reads its sheet as the table.

import { columnLetter } from '../../core/a1';
import { DIALECTS } from '../../warehouse/dialects';
import { splitCompiled, summaryQuery } from '../../warehouse/query';
import { RpcError } from '../messages';
import { warehouseReportOf } from '../warehouse/reportOf';
import type { Language } from '../../core/languages';
import type { ReportSpec, RpcData } from './contract';
import { notOnWarehouse } from './warehouseOffer';

/** The column names mapping and segmentBy index into: the warehouse table's, else the sheet's headers (letters without a header row). */
function columnNames(spec: ReportSpec): string[] {
  if (spec.warehouse) return spec.warehouse.columns;
  if (spec.source.headers?.length) return spec.source.headers;
  const width = Math.max(-1, ...Object.values(spec.mapping).map(Number), spec.segmentBy ?? -1) + 1;
  return Array.from({ length: width }, (_, i) => `Column ${columnLetter(i + 1)}`);
}

/**
 * A sheet's name as the stand-in for its table: one name, so dots and slashes (which the dialects read as
 * dataset.table or a file path) become underscores — "Deals v1.2" is the table "Deals v1_2", not "Deals v1"."2".
 */
const standIn = (sheetName: string): string => sheetName.replace(/[./\\`"]/g, '_');

/**
 * The query of `spec`'s compiled metrics in `dialect` (dates written in, runnable as it is), and the chosen metrics left
 * out with why, in the reader's language.
 */
export function summarySqlOf(spec: ReportSpec, dialect: keyof typeof DIALECTS, timeZone: string, language: Language): RpcData<'summarySql'> {
  const named = spec.warehouse ? spec : { ...spec, source: { ...spec.source, sheetName: standIn(spec.source.sheetName) } };
  const report = warehouseReportOf(named, timeZone, columnNames(spec));
  const { compiled, left } = splitCompiled(report);
  const leftOut = left.map((l) => ({ name: l.metric, reason: notOnWarehouse(language, l.reason) }));
  if (!compiled.length) throw new RpcError('noMetricsAvailable', { reasons: leftOut.map((l) => `${l.name}: ${l.reason}`).join('; ') });
  return { sql: summaryQuery({ ...report, metrics: compiled }, DIALECTS[dialect]), leftOut };
}
