// A new report under the title of a saved report of the same source sheet: ask, or keep both under a distinct title.

import { RpcError } from '../messages';
import { reportsIn } from '../reports/store';
import type { ReportSpec } from './contract';
import type { Workbook } from '../sheets/workbook';

export type IfExists = 'ask' | 'keepBoth';

const same = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/** `title`, else the first of `title (2)`, `title (3)`, … that no saved report and no sheet has (case-insensitively). */
export function distinctTitle(title: string, taken: readonly string[]): string {
  const base = title.trim().slice(0, 90);
  for (let k = 1; ; k++) {
    const name = k === 1 ? base : `${base} (${k})`;
    if (!taken.some((t) => same(t, name))) return name;
  }
}

/** True when two reports read the same table: the same sheet, or the same warehouse table on the same engine. */
export function sameSource(a: ReportSpec, b: ReportSpec): boolean {
  if (a.warehouse || b.warehouse) return !!a.warehouse && !!b.warehouse && a.warehouse.engine === b.warehouse.engine && a.warehouse.table === b.warehouse.table;
  return a.source.sheetId === b.source.sheetId;
}

/**
 * The spec a new build uses: as given when no saved report of the same source (sheet or warehouse table) has its title; else "ask"
 * answers reportExists (the sidebar asks the user), "keepBoth" takes a distinct title, and no choice builds as given.
 */
export function titleFor(wb: Workbook, spec: ReportSpec, ifExists: IfExists | undefined): ReportSpec {
  if (!ifExists) return spec;
  const reports = reportsIn(wb.readProperties());
  const clash = reports.find((r) => sameSource(r.spec, spec) && same(r.spec.title, spec.title));
  if (!clash) return spec;
  if (ifExists === 'ask') throw new RpcError('reportExists', { id: clash.id, title: clash.spec.title });
  const taken = [...reports.map((r) => r.spec.title), ...wb.listSheets().map((s) => s.name)];
  return { ...spec, title: distinctTitle(spec.title, taken) };
}
