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
    expect(inserted.sheets.map((s) => s.name)).toEqual(['Sample Surveys', 'Sample Deals', 'Sample Subscriptions', 'Sample Orders', 'Sample Tickets', 'Sample MRR', 'Sample Leads', 'Sample Marketing']);
    const surveys = inserted.sheets[0];
    const table = call('detectTable', { sheetId: surveys.id });
    expect(table.source.range).toBe('A1:F401');
    expect(table.mapping).toEqual({ date: 0, customer: 1, segment: 2, score: 3, satisfaction: 4, effort: 5 });
    expect(table.kind).toBe('surveys');
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

  it.each([
    ['Surveys', 'surveys', ['CES', 'CSAT', 'NPS', 'NPS_BREAKDOWN', 'NPS_CI'], []],
    ['Deals', 'deals', ['CLOSE_RATE', 'PIPELINE_VALUE', 'SALES_CYCLE', 'SALES_VELOCITY', 'WIN_RATE'], ['APV', 'CLV_HISTORIC', 'CROSS_SELL_RATE']],
    ['Subscriptions', 'subscriptions', ['CHURN', 'COHORT_RETENTION', 'RENEWAL_RATE', 'RETENTION'], []],
    ['MRR', 'subscriptions', ['CROSS_SELL_RATE', 'NET_NEW_REVENUE', 'NRR', 'UPSELL_RATE'], []],
    ['Orders', 'orders', ['APV', 'CLV_HISTORIC', 'CROSS_SELL_RATE', 'NET_NEW_REVENUE', 'UPSELL_RATE'], ['CLV_PREDICT', 'MODEL_FIT']],
    ['Tickets', 'tickets', ['AVG_RESPONSE_TIME', 'FCR', 'RESOLUTION_TIME', 'SLA_COMPLIANCE'], []],
    ['Leads', 'leads', ['LEAD_CONVERSION', 'LEAD_QUALIFICATION_RATE', 'LEAD_RESPONSE_TIME'], []],
    ['Marketing', 'leads', ['CAC', 'ENGAGEMENT_RATE', 'RETENTION_COST', 'TRAFFIC_TO_LEAD'], []],
  ])('sees the sample %s sheet as a %s table, ticks its metrics and offers the others its columns allow', (name, kind, ticked, others) => {
    const { call } = setUp();
    const sheet = call('insertSampleData', { rows: 300 }).sheets.find((s) => s.name === `Sample ${name}`)!;
    const table = call('detectTable', { sheetId: sheet.id });
    expect(table.kind).toBe(kind);
    expect(table.metrics.filter((m) => m.available && m.ofKind).map((m) => m.name).sort()).toEqual(ticked);
    expect(table.metrics.filter((m) => m.available && !m.ofKind).map((m) => m.name).sort()).toEqual(others);
    expect(table.metrics.filter((m) => m.reason)).toEqual([]);
  });

  it('maps the Deals sheet’s Outcome as a deal outcome and its dates as the deal’s', () => {
    const { call } = setUp();
    const deals = call('insertSampleData', { rows: 100 }).sheets.find((s) => s.name === 'Sample Deals')!;
    const { mapping, columns } = call('detectTable', { sheetId: deals.id });
    const header = (role: keyof typeof mapping) => columns[mapping[role] as number]?.header;
    expect([header('dealOutcome'), header('dealCreated'), header('dealClosed'), header('amount'), header('probability'), header('stage')])
      .toEqual(['Outcome', 'Created', 'Closed', 'Amount', 'Probability', 'Stage']);
    expect(mapping.churnStatus).toBeUndefined();
  });

  it('shows why a metric whose columns are mapped cannot be computed on them', () => {
    const { wb, call } = setUp();
    const sheet = wb.addSheet('Bad scores', [['Date', 'NPS score'], [new Date(Date.UTC(2025, 0, 2)), 9], [new Date(Date.UTC(2025, 0, 3)), 12], [new Date(Date.UTC(2025, 0, 4)), 7]]);
    const nps = call('detectTable', { sheetId: sheet.id }).metrics.find((m) => m.name === 'NPS')!;
    expect(nps.available).toBe(false);
    expect(nps.reason).toBe('NPS: 1 value is not scores from 0 to 10 (first: 12 in row 2 of scores)');
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
