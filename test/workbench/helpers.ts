// Test helpers for the workbench's document and saved state: a small sample workbench, and a summary built in it.

import { columnLetter } from '../../src/core/a1';
import { rpcHandlers } from '../../src/server/rpc/handlers';
import type { InMemoryWorkbook } from '../../src/server/sheets/inMemory';
import { WorkbenchDocument } from '../../scripts/workbench/document';
import { sampleWorkbook } from '../../scripts/workbench/main';

export const NOW = Date.UTC(2026, 0, 15, 9, 30);
const ROWS = 80;

export const sample = (locale = 'en_US'): InMemoryWorkbook => sampleWorkbook(ROWS, 42, locale, NOW);

/** A workbench document on the sample workbook; `saves` collects every text it would write to its state file. */
export function sampleDocument(locale = 'en_US'): { document: WorkbenchDocument; saves: string[] } {
  const saves: string[] = [];
  const document = new WorkbenchDocument({ workbook: sample(locale), typed: {} }, {
    handlers: (wb) => rpcHandlers(wb, { now: () => NOW }),
    sample,
    save: (text) => saves.push(text),
  });
  return { document, saves };
}

/** Builds an NPS and CSAT summary of the Surveys sheet through the add-on's buildSummary, as the sidebar does. */
export function buildSurveySummary(document: WorkbenchDocument, title = 'NPS monthly'): { sheetId: number; reportId: string } {
  const surveys = document.workbook.sheetByName('Surveys')!;
  const headers = surveys.values[0] as string[];
  const col = (name: string): number => headers.indexOf(name);
  const spec = {
    title, grain: 'month', metrics: ['NPS', 'CSAT'],
    source: { sheetId: surveys.id, sheetName: surveys.name, hasHeader: true, range: `A1:${columnLetter(headers.length)}${surveys.values.length}` },
    mapping: { date: col('Date'), customer: col('Customer'), segment: col('Segment'), score: col('NPS score'), satisfaction: col('CSAT') },
  };
  const reply = document.rpc('buildSummary', { spec }) as { ok: boolean; data?: { sheetId: number; report: { id: string } }; error?: { message: string } };
  if (!reply.ok || !reply.data) throw new Error(`buildSummary failed: ${reply.error?.message}`);
  return { sheetId: reply.data.sheetId, reportId: reply.data.report.id };
}
