// Saved reports: versioned JSON in document properties, refreshed and deleted through the handlers.

import { parseReport, reportKey, reportsIn, serialiseReport } from '../../../src/server/reports/store';
import { rpcHandlers } from '../../../src/server/rpc/handlers';
import { SUMMARY_TAG } from '../../../src/server/summary/build';
import { NOW, reportFor, specFor, surveysTable, workbookWith } from '../helpers';

describe('saved reports', () => {
  const t = surveysTable(200);

  it('round-trips through JSON and rejects unknown versions and broken text', () => {
    const report = reportFor(specFor(t, 1));
    expect(parseReport(serialiseReport(report))).toEqual(report);
    expect(parseReport(JSON.stringify({ ...report, version: 2 }))).toBeUndefined();
    expect(parseReport('{not json')).toBeUndefined();
    expect(parseReport(JSON.stringify({ ...report, spec: { ...report.spec, grain: 'decade' } }))).toBeUndefined();
    expect(reportsIn({ [reportKey('r1')]: serialiseReport(report), [reportKey('zz')]: 'junk', other: 'x' })).toEqual([report]);
  });

  it('are saved by a build, refreshed with new rows, and deleted with or without their tab', () => {
    const { wb, sheetId } = workbookWith(t);
    const rpc = rpcHandlers(wb, { now: () => NOW, random: () => 0.25 });
    const built = rpc.buildSummary({ spec: specFor(t, sheetId, { metrics: ['NPS'] }) });
    if (!built.ok) throw new Error(built.error.message);
    const id = built.data.report.id;
    expect(Object.keys(wb.properties)).toEqual([reportKey(id)]);

    // New answers appended below the saved range are picked up by a refresh.
    const source = wb.sheetById(sheetId)!;
    const extra = t.rows.slice(0, 50).map((r) => r.slice());
    source.values.push(...extra);
    const refreshed = rpc.refreshReport({ id });
    if (!refreshed.ok) throw new Error(refreshed.error.message);
    expect(refreshed.data.report.createdAt).toBe(built.data.report.createdAt);
    const tab = wb.sheets.find((s) => s.tags[SUMMARY_TAG] === id)!;
    expect(String(tab.values[1][1])).toContain(`A1:F${t.rows.length + 51}`);

    // The user deletes the tab: the report stays listed without one, and a refresh recreates it.
    wb.sheets = wb.sheets.filter((s) => s !== tab);
    const listed = rpc.listReports({});
    expect(listed.ok && listed.data.reports[0].sheetName).toBeUndefined();
    expect(rpc.refreshAll({}).ok).toBe(true);
    expect(wb.sheets.filter((s) => s.tags[SUMMARY_TAG] === id)).toHaveLength(1);

    const kept = rpc.deleteReport({ id, deleteSheet: false });
    expect(kept.ok && kept.data.deleted).toBe(true);
    expect(wb.properties).toEqual({});
    expect(wb.sheets.filter((s) => s.tags[SUMMARY_TAG] === id)).toHaveLength(1);
  });

  it('delete a report whose tab is the only visible sheet left: a blank sheet stays, as Sheets needs one', () => {
    const { wb, sheetId } = workbookWith(t);
    const rpc = rpcHandlers(wb, { now: () => NOW });
    const built = rpc.buildSummary({ spec: specFor(t, sheetId, { title: 'Alone', metrics: ['NPS'] }) });
    if (!built.ok) throw new Error(built.error.message);
    // The user hides every other sheet.
    for (const s of wb.sheets) if (s.id !== built.data.sheetId) s.hidden = true;
    const deleted = rpc.deleteReport({ id: built.data.report.id, deleteSheet: true });
    expect(deleted.ok && deleted.data.deleted).toBe(true);
    expect(wb.sheetById(built.data.sheetId)).toBeUndefined();
    expect(wb.sheets.filter((s) => !s.hidden).map((s) => [s.name, s.values.length])).toEqual([['Sheet1', 0]]);
    expect(wb.properties).toEqual({});
  });

  it('keep going when one report of several fails to refresh', () => {
    const { wb, sheetId } = workbookWith(t);
    const rpc = rpcHandlers(wb, { now: () => NOW });
    const a = rpc.buildSummary({ spec: specFor(t, sheetId, { title: 'A', metrics: ['NPS'] }) });
    const b = rpc.buildSummary({ spec: { ...specFor(t, sheetId, { title: 'B', metrics: ['CSAT'] }), source: { ...specFor(t, sheetId).source, sheetId: 77 } } });
    expect(a.ok).toBe(true);
    expect(!b.ok && b.error.key).toBe('sheetNotFound');
    // Save a report whose source sheet is gone, as if the user deleted it later.
    const broken = { ...reportFor(specFor(t, 77, { title: 'Gone' }), 'gone'), createdAt: '2030-01-01T00:00:00.000Z' };
    wb.properties[reportKey('gone')] = serialiseReport(broken);
    const all = rpc.refreshAll({});
    expect(all.ok && all.data.results.map((r) => [r.title, r.ok, r.error?.key])).toEqual([['A', true, undefined], ['Gone', false, 'sheetNotFound']]);
  });
});

describe('a refresh after the user moved columns', () => {
  it('finds mapped columns by their saved headers and drops the ones whose header is gone', () => {
    const t = surveysTable(120);
    const { wb, sheetId } = workbookWith(t);
    const rpc = rpcHandlers(wb, { now: () => NOW });
    const detected = rpc.detectTable({ sheetId });
    if (!detected.ok) throw new Error(detected.error.message);
    const built = rpc.buildSummary({ spec: { title: 'S', source: detected.data.source, mapping: detected.data.mapping, metrics: ['NPS', 'CES'], grain: 'month' } });
    if (!built.ok) throw new Error(built.error.message);
    const npsBefore = wb.sheets.find((s) => s.tags[SUMMARY_TAG])!.values.find((r) => r && r[0] === 'NPS');

    // Insert a column before everything and delete the Effort column.
    const sheet = wb.sheetById(sheetId)!;
    const effort = t.headers.indexOf('Effort');
    sheet.values = sheet.values.map((row) => ['new', ...row.filter((_, i) => i !== effort)]);
    const refreshed = rpc.refreshReport({ id: built.data.report.id });
    if (!refreshed.ok) throw new Error(refreshed.error.message);
    expect(refreshed.data.metrics).toEqual(['NPS']);
    expect(refreshed.data.warnings.map((w) => [w.key, w.params.metric])).toContainEqual(['metricUnavailable', 'CES']);
    expect(wb.sheets.find((s) => s.tags[SUMMARY_TAG])!.values.find((r) => r && r[0] === 'NPS')).toEqual(npsBefore);
    expect(refreshed.data.report.spec.mapping.score).toBe(t.headers.indexOf('NPS score') + 1);
  });
});
