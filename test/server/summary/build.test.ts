// The summary build against the in-memory workbook: call counts, failure at every write, repeatability, names.
// (The same failures at the level of Apps Script calls: test/server/failures/.)

import { findFunction } from '../../../src/functions/catalogue';
import { runFunction } from '../../../src/functions/runner';
import { buildSummary, SUMMARY_TAG } from '../../../src/server/summary/build';
import type { MemorySheet } from '../../../src/server/sheets/inMemory';
import { exportTable, NOW, reportFor, specFor, surveysTable, workbookWith } from '../helpers';
import { headlineRow } from './tab';

/** A sheet's content without its id (a rebuild makes a new sheet). */
const content = (s: MemorySheet): string => JSON.stringify({ ...s, id: 0 }, (_k, v) => (v instanceof Date ? v.toISOString() : v));
const summaryTab = (sheets: MemorySheet[]): MemorySheet | undefined => sheets.find((s) => s.tags[SUMMARY_TAG]);

describe('building a summary', () => {
  it('writes a visible, tagged, warning-protected tab with the headline NPS the function table computes', () => {
    const t = surveysTable(1000);
    const { wb, sheetId } = workbookWith(t);
    const result = buildSummary(wb, { report: reportFor(specFor(t, sheetId)), now: NOW });
    const tab = wb.sheetById(result.sheetId)!;
    expect(tab.name).toBe('Summary');
    expect(tab.hidden).toBe(false);
    expect(tab.tags).toEqual({ [SUMMARY_TAG]: 'r1' });
    expect(tab.protection).toEqual({ description: expect.any(String), warningOnly: true });
    expect(tab.frozenRows).toBeGreaterThan(0);
    expect(wb.isLocked()).toBe(false);
    // The headline is December 2025 (the latest complete month on 2026-01-15): recompute it with NPS directly.
    const dec = t.rows.filter((r) => (r[0] as Date).toISOString().startsWith('2025-12'));
    const expected = runFunction(findFunction('NPS')!, [dec.map((r) => [r[3]])]);
    const npsRow = headlineRow(tab.values, findFunction('NPS')!.labels.en.name)!;
    expect(npsRow[1]).toBeCloseTo(expected as number, 9);
    expect(tab.charts.map((c) => c.type)).toEqual(expect.arrayContaining(['line']));
    expect(tab.formulas).toEqual([]);
  });

  it('calls the spreadsheet the same number of times for 1k and 100k rows, and at most 40 times', () => {
    const counts = [1000, 100_000].map((rows) => {
      const t = exportTable(rows);
      const { wb, sheetId } = workbookWith(t);
      wb.resetCounts();
      buildSummary(wb, { report: reportFor(specFor(t, sheetId, { metrics: ['NPS', 'CSAT', 'CES', 'CHURN', 'RETENTION', 'WIN_RATE', 'CLOSE_RATE', 'APV'] })), now: NOW });
      return { total: wb.totalCalls(), calls: wb.calls };
    });
    expect(counts[1].calls).toEqual(counts[0].calls);
    expect(counts[0].total).toBeLessThanOrEqual(40);
    expect(wb1ReadOnce(counts[0].calls)).toBe(true);
  });

  it('leaves the previous summary as it was when a write before the commit fails, and completes the new one after it', () => {
    const t = surveysTable(300);
    const start = (): ReturnType<typeof workbookWith> => {
      const made = workbookWith(t);
      buildSummary(made.wb, { report: reportFor(specFor(t, made.sheetId)), now: NOW });
      return made;
    };
    // A successful rebuild: its writes are the failure points, its result the "new" state.
    const probe = start();
    const before = withoutIds(probe.wb.snapshot());
    probe.wb.resetCounts();
    buildSummary(probe.wb, { report: reportFor(specFor(t, probe.sheetId)), now: NOW + 1000 });
    const after = withoutIds(probe.wb.snapshot());
    const writes = probe.wb.writes;
    expect(writes).toBeGreaterThan(5);
    const outcomes: string[] = [];
    for (let k = 1; k <= writes; k++) {
      const { wb, sheetId } = start();
      wb.resetCounts();
      wb.failAtWrite = k;
      try {
        buildSummary(wb, { report: reportFor(specFor(t, sheetId)), now: NOW + 1000 });
        outcomes.push('new');
        expect(withoutIds(wb.snapshot())).toBe(after);
      } catch (e) {
        expect(String(e)).toMatch(/Injected failure/);
        outcomes.push('old');
        expect(withoutIds(wb.snapshot())).toBe(before);
      }
      expect(wb.isLocked()).toBe(false);
    }
    // Every write up to the commit fails the build; after it, the build completes what it committed.
    expect(outcomes.indexOf('new')).toBeGreaterThan(5);
    expect(outcomes.slice(outcomes.indexOf('new')).every((o) => o === 'new')).toBe(true);
  });

  it('leaves the workbook exactly as it was when a first build fails at any write before its commit', () => {
    const t = surveysTable(200);
    const { wb, sheetId } = workbookWith(t);
    const before = wb.snapshot();
    let k = 1;
    for (; ; k++) {
      wb.resetCounts();
      wb.failAtWrite = k;
      let failed = false;
      try {
        buildSummary(wb, { report: reportFor(specFor(t, sheetId)), now: NOW });
      } catch (e) {
        failed = /Injected failure/.test(String(e));
      }
      if (!failed) break;
      expect(wb.snapshot()).toBe(before);
    }
    expect(k).toBeGreaterThan(5);
    expect(wb.sheets.filter((s) => s.tags[SUMMARY_TAG])).toHaveLength(1);
    expect(Object.keys(wb.properties).filter((key) => key.startsWith('crmMetrics.pending.'))).toEqual([]);
  });

  it('gives identical tabs for two builds of the same report in a row', () => {
    const t = exportTable(2000);
    const { wb, sheetId } = workbookWith(t);
    const report = reportFor(specFor(t, sheetId, { goals: { NPS: 30, CHURN: 0.02 } }));
    buildSummary(wb, { report, now: NOW });
    const first = content(summaryTab(wb.sheets)!);
    buildSummary(wb, { report, now: NOW });
    expect(wb.sheets.filter((s) => s.tags[SUMMARY_TAG])).toHaveLength(1);
    expect(content(summaryTab(wb.sheets)!)).toBe(first);
  });

  it('never touches a user sheet named like the summary: the tab gets another name', () => {
    const t = surveysTable(300);
    const { wb, sheetId } = workbookWith(t);
    const mine = wb.addSheet('Summary', [['my own summary', 42]]);
    const before = content(mine);
    const first = buildSummary(wb, { report: reportFor(specFor(t, sheetId)), now: NOW });
    expect(first.sheetName).toBe('Summary (2)');
    expect(first.warnings.map((w) => w.key)).toContain('userSheetNameTaken');
    const second = buildSummary(wb, { report: reportFor(specFor(t, sheetId)), now: NOW });
    expect(second.sheetName).toBe('Summary (2)');
    expect(content(wb.sheetByName('Summary')!)).toBe(before);
    expect(wb.sheets.filter((s) => s.name.startsWith('Summary'))).toHaveLength(2);
  });

  it('writes data strings as text, never as formulas', () => {
    const t = surveysTable(400);
    t.rows.forEach((r, i) => {
      r[2] = i % 2 ? '=1+1' : '=IMPORTXML("http://x","//a")';
    });
    const { wb, sheetId } = workbookWith(t);
    const result = buildSummary(wb, { report: reportFor(specFor(t, sheetId, { title: '=HYPERLINK("x")' })), now: NOW });
    const tab = wb.sheetById(result.sheetId)!;
    expect(tab.formulas).toEqual([]);
    const cells = tab.values.flat();
    expect(cells).toContain('=1+1');
    expect(cells).toContain('=IMPORTXML("http://x","//a")');
    expect(cells).toContain('=HYPERLINK("x")');
  });

  it('refuses to build while another user holds the document lock, touching nothing', () => {
    const t = surveysTable(100);
    const { wb, sheetId } = workbookWith(t);
    const before = wb.snapshot();
    wb.lockedByOther = true;
    expect(() => buildSummary(wb, { report: reportFor(specFor(t, sheetId)), now: NOW })).toThrow(/Someone else/);
    expect(wb.snapshot()).toBe(before);
  });
});

function wb1ReadOnce(calls: Record<string, number | undefined>): boolean {
  return calls.readValues === 1 && calls.tryLock === 1 && calls.releaseLock === 1 && calls.publishSheet === 1 && calls.finishSheet === 1 && !calls.listSheets;
}

/** A snapshot with sheet ids left out (a retried build makes sheets with new ids). */
function withoutIds(snapshot: string): string {
  const s = JSON.parse(snapshot) as { sheets: { id?: number }[] };
  for (const sheet of s.sheets) delete sheet.id;
  return JSON.stringify(s);
}
