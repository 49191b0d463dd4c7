// Test helpers: an in-memory workbook holding a sample table, and a report over it.

import { crmExport, sampleTables, type SampleTable } from '../../src/core/sample/generate';
import type { ReportSpec, SavedReport } from '../../src/server/rpc/contract';
import { rpcHandlers } from '../../src/server/rpc/handlers';
import { InMemoryWorkbook } from '../../src/server/sheets/inMemory';
import { columnLetter } from '../../src/core/a1';

export const NOW = Date.UTC(2026, 0, 15, 9, 30);

export function workbookWith(table: SampleTable): { wb: InMemoryWorkbook; sheetId: number } {
  const wb = new InMemoryWorkbook([{ name: 'Notes', values: [['my notes'], ['keep me']] }]);
  const sheet = wb.addSheet(table.name, [table.headers, ...table.rows]);
  return { wb, sheetId: sheet.id };
}

export function surveysTable(rows = 1000): SampleTable {
  return sampleTables({ rows, dates: 'date' })[0];
}

export function exportTable(rows = 1000): SampleTable {
  return crmExport({ rows, dates: 'date' });
}

export function specFor(table: SampleTable, sheetId: number, extra: Partial<ReportSpec> = {}): ReportSpec {
  const h = table.headers;
  const col = (name: string): number => h.indexOf(name);
  const mapping: ReportSpec['mapping'] = {};
  const roles: [string, keyof ReportSpec['mapping']][] = [
    ['Date', 'date'], ['Customer', 'customer'], ['Segment', 'segment'], ['NPS score', 'score'], ['NPS', 'score'], ['CSAT', 'satisfaction'],
    ['Effort', 'effort'], ['Amount', 'amount'], ['Outcome', 'dealOutcome'], ['Start date', 'start'], ['End date', 'end'],
  ];
  for (const [name, role] of roles) if (col(name) >= 0) mapping[role] = col(name);
  return {
    title: 'Summary', grain: 'month', metrics: ['NPS', 'CSAT', 'CES', 'CHURN', 'RETENTION'],
    source: { sheetId, sheetName: table.name, hasHeader: true, range: `A1:${columnLetter(h.length)}${table.rows.length + 1}` },
    mapping, ...extra,
  };
}

export function reportFor(spec: ReportSpec, id = 'r1'): SavedReport {
  return { version: 1, id, spec, createdAt: new Date(NOW).toISOString() };
}

/** A workbook holding `table` alone, its RPC handlers at `now`, and what detectTable answers for it. */
export function detectedSample(table: SampleTable, now = NOW) {
  const wb = new InMemoryWorkbook([]);
  const sheet = wb.addSheet(table.name, [table.headers, ...table.rows]);
  const rpc = rpcHandlers(wb, { now: () => now });
  const detected = rpc.detectTable({ sheetId: sheet.id });
  if (!detected.ok) throw new Error(detected.error.message);
  return { wb, rpc, detected: detected.data };
}
