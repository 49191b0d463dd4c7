// The RPC handlers on the in-memory workbook: validated JSON in, envelopes out, matching the contract's schemas.

import { RPC, type RpcMethod } from '../../../src/server/rpc/contract';
import { rpcHandlers } from '../../../src/server/rpc/handlers';
import { InMemoryWorkbook } from '../../../src/server/sheets/inMemory';
import { NOW } from '../helpers';

function setUp() {
  const wb = new InMemoryWorkbook([{ name: 'Notes', values: [['hello']] }]);
  const rpc = rpcHandlers(wb, { now: () => NOW, random: () => 0.5 });
  const call = <M extends RpcMethod>(method: M, request: unknown) => {
    const got = rpc[method](request);
    if (!got.ok) throw new Error(`${method}: ${got.error.key} ${got.error.message}`);
    expect(RPC[method].response.safeParse(got.data).success).toBe(true);
    return got.data;
  };
  return { wb, rpc, call };
}

describe('the RPC handlers', () => {
  it('insert sample data, detect its tables and their mapping, check data and build a summary', () => {
    const { wb, call } = setUp();
    const inserted = call('insertSampleData', { rows: 400 });
    expect(inserted.sheets.map((s) => s.name)).toEqual(['Sample Surveys', 'Sample Deals', 'Sample Subscriptions', 'Sample Orders', 'Sample Tickets']);
    const surveys = inserted.sheets[0];
    const table = call('detectTable', { sheetId: surveys.id });
    expect(table.source.range).toBe('A1:F401');
    expect(table.mapping).toEqual({ date: 0, customer: 1, segment: 2, score: 3, satisfaction: 4, effort: 5 });
    expect(table.metrics.filter((m) => m.available).map((m) => m.name)).toEqual(expect.arrayContaining(['NPS', 'CSAT', 'CES']));
    expect(table.metrics.find((m) => m.name === 'WIN_RATE')?.available).toBe(false);

    const check = call('checkData', { source: table.source, mapping: table.mapping });
    expect(check.rows).toBe(400);

    const built = call('buildSummary', { spec: { title: 'Survey summary', source: table.source, mapping: table.mapping, metrics: ['NPS', 'CSAT', 'CES'], grain: 'quarter' } });
    expect(built.sheetName).toBe('Survey summary');
    expect(built.metrics).toEqual(['NPS', 'CSAT', 'CES']);
    const reports = call('listReports', {});
    expect(reports.reports).toHaveLength(1);
    expect(reports.reports[0].sheetName).toBe('Survey summary');

    const refreshed = call('refreshReport', { id: built.report.id });
    expect(refreshed.report.createdAt).toBe(built.report.createdAt);
    const all = call('refreshAll', {});
    expect(all.results.map((r) => r.ok)).toEqual([true]);

    expect(call('deleteReport', { id: built.report.id, deleteSheet: true })).toEqual({ deleted: true });
    expect(call('listReports', {}).reports).toEqual([]);
    expect(wb.sheetByName('Survey summary')).toBeUndefined();
  });

  it('detects deals, subscriptions, orders and tickets well enough to offer their metrics', () => {
    const { call } = setUp();
    const [, deals, subs, orders, tickets] = call('insertSampleData', { rows: 300 }).sheets;
    const offered = (id: number) => call('detectTable', { sheetId: id }).metrics.filter((m) => m.available).map((m) => m.name);
    expect(offered(deals.id)).toEqual(expect.arrayContaining(['WIN_RATE', 'CLOSE_RATE', 'PIPELINE_VALUE', 'SALES_CYCLE']));
    expect(offered(subs.id)).toEqual(expect.arrayContaining(['CHURN', 'RETENTION']));
    expect(offered(orders.id)).toEqual(expect.arrayContaining(['APV']));
    expect(offered(tickets.id)).toEqual(expect.arrayContaining(['AVG_RESPONSE_TIME', 'RESOLUTION_TIME', 'FCR']));
  });

  it('answers a bad request with the badRequest key, never by throwing', () => {
    const { rpc } = setUp();
    const got = rpc.buildSummary({ spec: { title: '' } });
    expect(got.ok).toBe(false);
    if (!got.ok) expect(got.error.key).toBe('badRequest');
    const missing = rpc.refreshReport({ id: 'nope' });
    expect(!missing.ok && missing.error.key).toBe('reportNotFound');
    const sheet = rpc.detectTable({ sheetId: 999 });
    expect(!sheet.ok && sheet.error.key).toBe('sheetNotFound');
    const outside = rpc.detectTable({ sheetId: 0, range: 'A1:B5000' });
    expect(outside.ok && outside.data.source.range).toBe('A1:B1');
    const edited = rpc.detectTable({ sheetId: 0, range: 'A1:A1' });
    expect(edited.ok && edited.data.source).toEqual({ sheetId: 0, sheetName: 'Notes', range: 'A1', hasHeader: true, headers: ['hello'] });
  });

  it('selects the cells the data check points at', () => {
    const { wb, call } = setUp();
    const surveys = call('insertSampleData', { rows: 50 }).sheets[0];
    expect(call('selectRange', { sheetId: surveys.id, ranges: ['B3:B5', 'D9'] })).toEqual({ selected: 2 });
    expect(wb.selection).toEqual({ sheetId: surveys.id, ranges: [{ row: 3, column: 2, rows: 3, columns: 1 }, { row: 9, column: 4, rows: 1, columns: 1 }] });
  });

  it('reports the user language from the locale', () => {
    const { wb, call } = setUp();
    wb.locale = 'cs_CZ';
    expect(call('getLocale', {})).toEqual({ language: 'cs', locale: 'cs_CZ', timeZone: 'UTC' });
    wb.locale = 'de';
    expect(call('getLocale', {}).language).toBe('en');
  });
});
