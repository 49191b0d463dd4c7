// A warehouse report's build through the Workbook interface, on DuckDB over a Parquet file: the hidden data sheet with
// its labelled control cells and parameterised data-source table, the same headline figures as the same report built
// from the sheet, refreshes reusing the data sheet, and timeouts and refused queries leaving everything as it was.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { columnLetter } from '../../../src/core/a1';
import { sampleTables } from '../../../src/core/sample/generate';
import type { Cell } from '../../../src/core/values';
import { RpcError } from '../../../src/server/messages';
import type { ReportSpec, SavedReport } from '../../../src/server/rpc/contract';
import { InMemoryWorkbook } from '../../../src/server/sheets/inMemory';
import type { CellValue } from '../../../src/server/sheets/workbook';
import { buildSummaryLocked, SUMMARY_TAG } from '../../../src/server/summary/build';
import { tabText } from '../../../src/server/summary/tabText';
import { buildWarehouseSummaryLocked, deleteWarehouseData, WAREHOUSE_DATA_TAG, WAREHOUSE_TIMEOUT_SECONDS } from '../../../src/server/warehouse/build';
import { describeWarehouseTable } from '../../../src/server/warehouse/describe';
import { warehouseReportOf } from '../../../src/server/warehouse/reportOf';
import { splitCompiled } from '../../../src/warehouse/query';
import { runDuckdbSync } from '../../../scripts/warehouse/duckdbSync';
import { loadTable, openDuckDb } from '../../warehouse/duckdb';
import { detectedSample } from '../helpers';

const NOW = Date.UTC(2026, 0, 15, 9, 30);
const DEALS = sampleTables({ rows: 400, end: Date.UTC(2026, 0, 14), dates: 'date', seed: 11 }).find((t) => t.name === 'Deals')!;
const { mapping } = detectedSample(DEALS, NOW).detected;
let file: string;

beforeAll(async () => {
  file = join(mkdtempSync(join(tmpdir(), 'warehouse-build-')), 'deals.parquet');
  const db = await openDuckDb();
  await loadTable(db, 'deals', DEALS.headers, DEALS.rows as Cell[][]);
  await db.run(`COPY deals TO '${file}' (FORMAT parquet)`);
  db.closeSync();
});

const specOf = (extra: Partial<ReportSpec> = {}): ReportSpec => ({
  title: 'Deals from DuckDB', grain: 'month', metrics: ['WIN_RATE', 'SALES_CYCLE', 'PIPELINE_VALUE', 'NPS'], from: '2025-01-01', to: '2025-12-31', mapping,
  source: { sheetId: -1, sheetName: file, range: 'A1', hasHeader: true, headers: DEALS.headers },
  warehouse: { engine: 'duckdb', table: file, columns: DEALS.headers }, ...extra,
});
const reportOf = (spec: ReportSpec, id = 'w1'): SavedReport => ({ version: 1, id, spec, createdAt: new Date(NOW).toISOString() });

function workbook(): InMemoryWorkbook {
  const wb = new InMemoryWorkbook([{ name: 'Notes', values: [['keep me']] }]);
  wb.warehouseRunner = (q) => runDuckdbSync(q.sql, q.parameters);
  return wb;
}

/** The headline table of a summary tab: its header row and one row per metric. */
function headline(wb: InMemoryWorkbook, sheetId: number): CellValue[][] {
  const values = wb.sheetById(sheetId)!.values;
  const top = values.findIndex((r) => r?.[0] === tabText('en').metric);
  const end = values.findIndex((r, i) => i > top && (r?.[0] ?? '') === '');
  return values.slice(top, end);
}

describe('buildWarehouseSummaryLocked', () => {
  it('runs the query on a hidden data sheet and builds the tab a sheet report gives, without a Formula column', () => {
    const wb = workbook();
    const result = buildWarehouseSummaryLocked(wb, { report: reportOf(specOf()), now: NOW });
    const data = wb.sheetsTagged(WAREHOUSE_DATA_TAG, 'w1');
    expect(data).toHaveLength(1);
    expect(data[0].hidden).toBe(true);
    const sheet = wb.sheetById(data[0].id)!;
    const T = tabText('en').warehouse;
    expect(sheet.values.slice(0, 2).map((r) => r.slice(0, 2))).toEqual([[T.from, '2025-01-01'], [T.toExclusive, '2026-01-01']]);
    expect(sheet.warehouseTables).toHaveLength(1);
    expect(sheet.warehouseTables[0].query).toMatchObject({ engine: 'duckdb', parameters: [{ name: 'from_day', cell: 'B1' }, { name: 'to_day', cell: 'B2' }] });
    expect(sheet.warehouseTables[0].query.sql).toContain('CAST($from_day AS DATE)');
    expect(sheet.values[3].slice(0, 5)).toEqual(['period', 'segment', 'metric', 'value', 'n']);

    const tab = wb.sheetById(result.sheetId)!;
    expect(tab.tags[SUMMARY_TAG]).toBe('w1');
    expect(tab.values[1].slice(0, 2)).toEqual([tabText('en').source, `DuckDB: ${file}`]);
    // The columns used are named, not lettered: a warehouse table has no column letters.
    const used = tab.values.find((r) => r?.[0] === tabText('en').columns)?.[1];
    expect(used).toContain('“Amount”');
    expect(used).not.toMatch(/\b[A-Z] “/);
    // NPS has no score column here: left out, said so (a metric not compiled to SQL is said so too: longFiguresRules.test.ts).
    expect(result.warnings).toContainEqual(expect.objectContaining({ key: 'metricUnavailable', params: { metric: 'NPS' } }));
    expect(result.metrics).toEqual(['WIN_RATE', 'SALES_CYCLE', 'PIPELINE_VALUE']);

    // The same report's compiled metrics built from the rows in a sheet: the same headline figures, plus its Formula column.
    const { compiled } = splitCompiled(warehouseReportOf(specOf(), 'UTC', DEALS.headers));
    const rows = wb.addSheet('Deals', [DEALS.headers, ...DEALS.rows] as CellValue[][]);
    const { warehouse: _w, ...sheetSpec } = specOf({ metrics: compiled, source: { sheetId: rows.id, sheetName: 'Deals', range: `A1:${columnLetter(DEALS.headers.length)}${DEALS.rows.length + 1}`, hasHeader: true, headers: DEALS.headers } });
    void _w;
    const fromSheet = buildSummaryLocked(wb, { report: reportOf(sheetSpec, 's1'), now: NOW });
    const theirs = headline(wb, fromSheet.sheetId);
    const mine = headline(wb, result.sheetId);
    expect(theirs[0].at(-1)).toBe(tabText('en').formula);
    expect(mine[0]).not.toContain(tabText('en').formula);
    expect(mine).toHaveLength(1 + compiled.length);
    expect(mine.map((r) => r.slice(0, 7))).toEqual(theirs.map((r) => r.slice(0, 7)));
  });

  it('refreshes through the same data sheet, which a deleted report takes with it', () => {
    const wb = workbook();
    const first = buildWarehouseSummaryLocked(wb, { report: reportOf(specOf()), now: NOW });
    const dataId = wb.sheetsTagged(WAREHOUSE_DATA_TAG, 'w1')[0].id;
    const again = buildWarehouseSummaryLocked(wb, { report: first.report, now: NOW + 60_000 });
    expect(wb.sheetsTagged(WAREHOUSE_DATA_TAG, 'w1').map((s) => s.id)).toEqual([dataId]);
    expect(wb.sheetsTagged(SUMMARY_TAG, 'w1').map((s) => s.id)).toEqual([again.sheetId]);
    expect(deleteWarehouseData(wb, 'w1')).toBe(1);
    expect(wb.sheetsTagged(WAREHOUSE_DATA_TAG)).toEqual([]);
  });

  it('removes data sheets of reports that are not saved (a failed first build that could not clean up), keeps the others', () => {
    const wb = workbook();
    const kept = buildWarehouseSummaryLocked(wb, { report: reportOf(specOf(), 'w1'), now: NOW });
    const keptData = wb.sheetsTagged(WAREHOUSE_DATA_TAG, 'w1')[0].id;
    wb.addSheet('~ CRM Metrics data ghost', [['From', '2025-01-01']], true).tags[WAREHOUSE_DATA_TAG] = 'ghost';
    buildWarehouseSummaryLocked(wb, { report: reportOf(specOf({ title: 'Second' }), 'w2'), now: NOW });
    expect(wb.sheetsTagged(WAREHOUSE_DATA_TAG).map((s) => s.tags[WAREHOUSE_DATA_TAG]).sort()).toEqual(['w1', 'w2']);
    expect(wb.sheetsTagged(WAREHOUSE_DATA_TAG, 'w1')[0].id).toBe(keptData);
    expect(kept.report.id).toBe('w1');
  });

  it('writes the control cells in the tab language', () => {
    const wb = workbook();
    buildWarehouseSummaryLocked(wb, { report: reportOf(specOf()), now: NOW, language: 'cs' });
    const sheet = wb.sheetById(wb.sheetsTagged(WAREHOUSE_DATA_TAG, 'w1')[0].id)!;
    expect(sheet.values.slice(0, 2).map((r) => r[0])).toEqual([tabText('cs').warehouse.from, tabText('cs').warehouse.toExclusive]);
  });

  const thrown = (fn: () => unknown): RpcError => {
    try {
      fn();
    } catch (e) {
      if (e instanceof RpcError) return e;
      throw e;
    }
    throw new Error('did not throw');
  };

  it('needs From and To', () => {
    const wb = workbook();
    const { to: _to, ...noTo } = specOf();
    void _to;
    expect(thrown(() => buildWarehouseSummaryLocked(wb, { report: reportOf(noTo), now: NOW })).key).toBe('warehouseRangeNeeded');
    expect(wb.sheetsTagged(WAREHOUSE_DATA_TAG)).toEqual([]);
  });

  it('answers a timeout with the seconds waited: a first build leaves nothing, a refresh keeps its tab and data sheet', () => {
    const wb = workbook();
    wb.warehouseTimesOut = true;
    const before = wb.snapshot();
    const e = thrown(() => buildWarehouseSummaryLocked(wb, { report: reportOf(specOf()), now: NOW }));
    expect([e.key, e.params]).toEqual(['warehouseTimeout', { seconds: WAREHOUSE_TIMEOUT_SECONDS }]);
    expect(wb.snapshot()).toBe(before);
    // Refresh all passes what its time budget has left: the wait (and the message) says so; never more than the ceiling.
    expect(thrown(() => buildWarehouseSummaryLocked(wb, { report: reportOf(specOf()), now: NOW, timeoutSeconds: 30.5 })).params).toEqual({ seconds: 30 });
    expect(thrown(() => buildWarehouseSummaryLocked(wb, { report: reportOf(specOf()), now: NOW, timeoutSeconds: 900 })).params).toEqual({ seconds: WAREHOUSE_TIMEOUT_SECONDS });

    wb.warehouseTimesOut = false;
    const built = buildWarehouseSummaryLocked(wb, { report: reportOf(specOf()), now: NOW });
    wb.warehouseTimesOut = true;
    expect(thrown(() => buildWarehouseSummaryLocked(wb, { report: built.report, now: NOW + 1 })).key).toBe('warehouseTimeout');
    expect(wb.sheetsTagged(SUMMARY_TAG, 'w1').map((s) => s.id)).toEqual([built.sheetId]);
    expect(wb.sheetsTagged(WAREHOUSE_DATA_TAG, 'w1')).toHaveLength(1);
  });

  it('answers a refused query with the engine\'s message', () => {
    const wb = workbook();
    const e = thrown(() => buildWarehouseSummaryLocked(wb, { report: reportOf(specOf({ warehouse: { engine: 'duckdb', table: join(tmpdir(), 'no-such-file.csv'), columns: DEALS.headers } })), now: NOW }));
    expect(e.key).toBe('warehouseFailed');
    expect(String(e.params.message)).toMatch(/no-such-file/);
    expect(wb.sheetsTagged(WAREHOUSE_DATA_TAG)).toEqual([]);
  });

  it('refuses a report none of whose metrics compile, before writing anything', () => {
    const wb = workbook();
    const before = wb.snapshot();
    expect(thrown(() => buildWarehouseSummaryLocked(wb, { report: reportOf(specOf({ metrics: ['NPS'] })), now: NOW })).key).toBe('noMetricsAvailable');
    expect(wb.snapshot()).toBe(before);
  });
});

describe('describeWarehouseTable', () => {
  it('reads the column names and kinds through a scratch sheet it deletes', () => {
    const wb = workbook();
    const before = wb.snapshot();
    const columns = describeWarehouseTable(wb, { engine: 'duckdb', table: file });
    expect(columns.map((c) => c.name)).toEqual(DEALS.headers);
    expect(columns.find((c) => c.name === 'Amount')?.type).toBe('number');
    expect(columns.find((c) => c.name === 'Created')?.type).toBe('date');
    expect(wb.snapshot()).toBe(before);
  });

  it('deletes the scratch sheet when the query fails too', () => {
    const wb = workbook();
    const before = wb.snapshot();
    expect(() => describeWarehouseTable(wb, { engine: 'duckdb', table: join(tmpdir(), 'missing.parquet') })).toThrow(RpcError);
    expect(wb.snapshot()).toBe(before);
  });
});
