// The warehouse RPC on the in-memory workbook with DuckDB behind it: describeWarehouse proposes a mapping from column
// names and types, summarySql writes runnable SQL for sheet and warehouse reports, and a warehouse report is built,
// refused when it clashes, refreshed and deleted with its hidden data sheet.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runDuckdbSync } from '../../../scripts/warehouse/duckdbSync';
import { sampleTables } from '../../../src/core/sample/generate';
import { RPC, type ReportSpec, type RpcMethod } from '../../../src/server/rpc/contract';
import { rpcHandlers } from '../../../src/server/rpc/handlers';
import { InMemoryWorkbook } from '../../../src/server/sheets/inMemory';
import { SUMMARY_METRICS } from '../../../src/server/summary/offer';
import { WAREHOUSE_DATA_TAG } from '../../../src/server/warehouse/build';
import { DESCRIBE_TIMEOUT_SECONDS } from '../../../src/server/warehouse/describe';
import { MEASURES } from '../../../src/warehouse/measures';
import { ROWS_PER_SEGMENT } from '../../../src/warehouse/query';
import { NOW } from '../helpers';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warehouse-rpc-'));
const deals = sampleTables({ seed: 7, rows: 300, end: Date.UTC(2025, 11, 31), dates: 'text' }).find((t) => t.name === 'Deals')!;
const file = path.join(dir, 'deals.csv');
fs.writeFileSync(file, [deals.headers, ...deals.rows].map((r) => r.join(',')).join('\n'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
/** The subscriptions as a file: start | end columns (churn, retention and cohorts from spans). */
const subscriptions = sampleTables({ seed: 7, rows: 300, end: Date.UTC(2025, 11, 31), dates: 'text' }).find((t) => t.name === 'Subscriptions')!;
const spansFile = path.join(dir, 'subscriptions.csv');
fs.writeFileSync(spansFile, [subscriptions.headers, ...subscriptions.rows].map((r) => r.join(',')).join('\n'));
/** A metric the subscriptions' columns cannot compute (no score column): left out of a query that names it. */
const LEFT_OUT = 'NPS';

function setUp(locale = 'en_US', runner = true) {
  const wb = new InMemoryWorkbook([{ name: 'Notes', values: [['hello']] }]);
  wb.locale = locale;
  if (runner) wb.warehouseRunner = (q) => runDuckdbSync(q.sql, q.parameters);
  let draws = 0;
  // Each report its own id (a fixed random would give two reports built at the same instant the same id).
  const rpc = rpcHandlers(wb, { now: () => NOW, random: () => (++draws % 10) / 10 });
  const call = <M extends RpcMethod>(method: M, request: unknown) => {
    const got = rpc[method](request);
    if (!got.ok) throw new Error(`${method}: ${got.error.key} ${got.error.message}`);
    expect(RPC[method].response.safeParse(got.data).success).toBe(true);
    return got.data;
  };
  const fails = (method: RpcMethod, request: unknown) => {
    const got = rpc[method](request);
    if (got.ok) throw new Error(`${method} did not fail`);
    return got.error;
  };
  return { wb, rpc, call, fails };
}

/** A warehouse report of the deals file, as the sidebar builds it from describeWarehouse's answer. */
function dealsSpec(call: ReturnType<typeof setUp>['call'], metrics = ['WIN_RATE', 'PIPELINE_VALUE'], title = 'Deals warehouse', table = call('describeWarehouse', { engine: 'duckdb', table: file })): ReportSpec {
  return { title, source: table.source, mapping: table.mapping, metrics, grain: 'quarter', from: '2025-01-01', to: '2025-12-31', warehouse: table.warehouse };
}

describe('getLocale', () => {
  it('names the warehouse this spreadsheet can run, and none without one', () => {
    expect(setUp().call('getLocale', {}).warehouse).toBe('duckdb');
    expect(setUp('en_US', false).call('getLocale', {})).not.toHaveProperty('warehouse');
  });
});

describe('describeWarehouse', () => {
  it('answers detectTable\'s shape: columns by name and type, a mapping from the names (word roles too), the kind', () => {
    const { call, wb } = setUp();
    const table = call('describeWarehouse', { engine: 'duckdb', table: file });
    expect(table.columns.map((c) => c.header)).toEqual(deals.headers);
    expect(table.columns.every((c) => c.letter === '' && c.samples.length === 0)).toBe(true);
    expect(table.columns.find((c) => c.header === 'Amount')?.type).toBe('number');
    expect(table.columns.find((c) => c.header === 'Closed')?.type).toBe('date');
    const at = (h: string) => deals.headers.indexOf(h);
    expect(table.mapping).toMatchObject({ dealOutcome: at('Outcome'), amount: at('Amount'), dealClosed: at('Closed'), dealCreated: at('Created'), probability: at('Probability') });
    expect(table.kind).toBe('deals');
    expect(table.source).toEqual({ sheetId: -1, sheetName: file, range: 'A1', hasHeader: true, headers: deals.headers });
    expect(table.warehouse).toEqual({ engine: 'duckdb', table: file, columns: deals.headers });
    // The scratch sheet it read the columns through is gone.
    expect(wb.listSheets().map((s) => s.name)).toEqual(['Notes']);
  });

  it('offers every summary metric its columns allow, as on a sheet: all of them compile to SQL (churn from start | end too)', () => {
    expect(SUMMARY_METRICS.filter((f) => !MEASURES[f.name]).map((f) => f.name)).toEqual([]);
    const table = setUp('cs').call('describeWarehouse', { engine: 'duckdb', table: spansFile });
    expect(table.notCompiled).toEqual([]);
    const available = table.metrics.filter((m) => m.available).map((m) => m.name);
    expect(available).toEqual(expect.arrayContaining(['CHURN', 'RETENTION', 'COHORT_RETENTION', 'RENEWAL_RATE']));
    expect(table.metrics.filter((m) => m.reason)).toEqual([]);
  });

  it.each([
    [{ engine: 'bigquery', table: 'dataset.table', billingProject: 'my-project-1' }, /project\.dataset\.table/],
    [{ engine: 'bigquery', table: 'My_Project.crm.deals', billingProject: 'my-project-1' }, /project is not valid/],
    [{ engine: 'bigquery', table: 'my-project.crm-x.deals', billingProject: 'my-project-1' }, /dataset is not valid/],
    [{ engine: 'bigquery', table: 'my-project.crm.deals', billingProject: 'x' }, /billing project/],
    [{ engine: 'bigquery', table: 'my-project.crm.deals' }, /billing project/],
  ])('refuses a BigQuery table or billing project that is not valid: %j', (request, message) => {
    const error = setUp().fails('describeWarehouse', request);
    expect(error.key).toBe('badRequest');
    expect(error.message).toMatch(message);
  });

  it('answers warehouseFailed for a file DuckDB cannot read', () => {
    const error = setUp().fails('describeWarehouse', { engine: 'duckdb', table: path.join(dir, 'missing.csv') });
    expect(error.key).toBe('warehouseFailed');
  });
});

describe('summarySql', () => {
  it('writes runnable SQL for a warehouse report and names the metrics left out', () => {
    const { call } = setUp();
    const spec = dealsSpec(call, ['COHORT_RETENTION', LEFT_OUT], 'Subscriptions', call('describeWarehouse', { engine: 'duckdb', table: spansFile }));
    const got = call('summarySql', { spec, dialect: 'duckdb' });
    expect(got.leftOut).toEqual([{ name: LEFT_OUT, reason: expect.stringContaining('NPS needs the column of its parameter scores') }]);
    const rows = runDuckdbSync(got.sql);
    expect(rows[0]).toEqual(['period', 'segment', 'metric', 'value', 'n']);
    // The metric, and the rows of each segment (the mapped Segment column) the summary ranks its segments by.
    expect(spec.mapping.segment).toBeDefined();
    expect(new Set(rows.slice(1).map((r) => r[2]))).toEqual(new Set(['COHORT_RETENTION', ROWS_PER_SEGMENT]));
    expect(call('summarySql', { spec, dialect: 'bigquery' }).sql).toContain('`');
    // A Czech reader gets the reason in Czech, without the compiler's English detail.
    const cs = setUp('cs').call('summarySql', { spec, dialect: 'duckdb' });
    expect(cs.leftOut).toEqual([{ name: LEFT_OUT, reason: expect.stringContaining('datového skladu') }]);
    expect(cs.leftOut[0].reason).not.toMatch(/needs|column of/);
  });

  it('reads a sheet report\'s sheet as the table and its headers as the columns', () => {
    const { call } = setUp();
    const sheet = call('insertSampleData', { rows: 100 }).sheets.find((s) => s.name === 'Sample Deals')!;
    const table = call('detectTable', { sheetId: sheet.id });
    const spec: ReportSpec = { title: 'Deals', source: table.source, mapping: table.mapping, metrics: ['WIN_RATE'], grain: 'month', from: '2025-01-01', to: '2025-06-30' };
    const sql = call('summarySql', { spec, dialect: 'bigquery' }).sql;
    expect(sql).toContain('Sample Deals');
    expect(sql).toContain('Outcome');
    // A sheet name with a dot or a slash stays one table name, not dataset.table or a file path.
    const dotted = { ...spec, source: { ...spec.source, sheetName: 'Deals v1.2/Q1' } };
    expect(call('summarySql', { spec: dotted, dialect: 'duckdb' }).sql).toContain('FROM "Deals v1_2_Q1"');
  });

  it('needs From and To, and at least one compiled metric', () => {
    const { call, fails } = setUp();
    const spec = dealsSpec(call);
    expect(fails('summarySql', { spec: { ...spec, from: undefined }, dialect: 'duckdb' }).key).toBe('warehouseRangeNeeded');
    const spans = dealsSpec(call, [LEFT_OUT], 'Subscriptions', call('describeWarehouse', { engine: 'duckdb', table: spansFile }));
    expect(fails('summarySql', { spec: spans, dialect: 'duckdb' })).toMatchObject({
      key: 'noMetricsAvailable', message: expect.stringContaining(LEFT_OUT),
    });
  });
});

describe('a warehouse report', () => {
  it('is built, asked about under a taken title of the same table only, refreshed, and deleted with its data sheet', () => {
    const { wb, call, fails } = setUp();
    const spec = dealsSpec(call);
    const built = call('buildSummary', { spec, ifExists: 'ask' });
    expect(built.metrics).toEqual(['WIN_RATE', 'PIPELINE_VALUE']);
    expect(wb.sheetsTagged(WAREHOUSE_DATA_TAG, built.report.id)).toHaveLength(1);
    // Its hidden data sheet is no source the sidebar offers.
    const dataSheet = wb.sheetsTagged(WAREHOUSE_DATA_TAG, built.report.id)[0].id;
    expect(call('listSheets', {}).sheets.map((s) => s.id)).not.toContain(dataSheet);

    expect(fails('buildSummary', { spec, ifExists: 'ask' })).toMatchObject({ key: 'reportExists', params: { id: built.report.id } });
    // The same title on another sheet's report is no clash: "same source" is the same warehouse table.
    const sheet = call('insertSampleData', { rows: 50 }).sheets.find((s) => s.name === 'Sample Deals')!;
    const sheetTable = call('detectTable', { sheetId: sheet.id });
    const onSheet = call('buildSummary', {
      spec: { title: spec.title, source: sheetTable.source, mapping: sheetTable.mapping, metrics: ['WIN_RATE'], grain: 'quarter' }, ifExists: 'ask',
    });
    expect(onSheet.report.spec.title).toBe(spec.title);

    const refreshed = call('refreshReport', { id: built.report.id });
    expect(refreshed.metrics).toEqual(['WIN_RATE', 'PIPELINE_VALUE']);
    expect(call('refreshAll', {}).results.map((r) => r.ok)).toEqual([true, true]);

    expect(call('deleteReport', { id: built.report.id, deleteSheet: true })).toEqual({ deleted: true });
    expect(wb.sheetsTagged(WAREHOUSE_DATA_TAG, built.report.id)).toEqual([]);
    expect(wb.sheetByName(built.sheetName)).toBeUndefined();
    expect(call('listReports', {}).reports.map((r) => r.report.id)).toEqual([onSheet.report.id]);
  });

  it('reads a table\'s columns under the document lock (its scratch sheet must not meet another user\'s build)', () => {
    const { wb, fails } = setUp();
    wb.lockedByOther = true;
    expect(fails('describeWarehouse', { engine: 'duckdb', table: file }).key).toBe('lockTimeout');
    expect(wb.sheets.map((s) => s.name)).toEqual(['Notes']);
  });

  it('says when the warehouse does not list the columns in time, in words of its own (not the summary\'s)', () => {
    const { wb, fails } = setUp();
    wb.warehouseTimesOut = true;
    const error = fails('describeWarehouse', { engine: 'duckdb', table: file });
    expect([error.key, error.params]).toEqual(['warehouseColumnsTimeout', { seconds: DESCRIBE_TIMEOUT_SECONDS }]);
    expect(error.message).toContain('did not list the table\'s columns');
    expect(wb.sheets.map((s) => s.name)).toEqual(['Notes']);
  });

  it('says when the answer has more rows than a data-source table holds (the opt-in sections grow with the customers)', () => {
    const { wb, call, fails } = setUp();
    const spec = dealsSpec(call);
    wb.warehouseRowLimit = 5;
    const error = fails('buildSummary', { spec });
    expect(error.key).toBe('warehouseTooManyRows');
    expect(error.message).toContain('Predicted CLV and CLV model fit');
    expect(call('listReports', {}).reports).toEqual([]);
  });

  it('needs From and To, and says when the warehouse does not answer in time', () => {
    const { wb, call, fails } = setUp();
    const spec = dealsSpec(call);
    expect(fails('buildSummary', { spec: { ...spec, to: undefined } }).key).toBe('warehouseRangeNeeded');
    wb.warehouseTimesOut = true;
    expect(fails('buildSummary', { spec }).key).toBe('warehouseTimeout');
    expect(call('listReports', {}).reports).toEqual([]);
  });
});
