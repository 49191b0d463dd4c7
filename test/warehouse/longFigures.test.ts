// The summary's figures from the DuckDB long table (longFigures) equal computeFigures on the sheet rows, on every sample
// table, grain, with and without a segment: each compiled metric's series, overall figure, headline period and segment
// figures; the metrics not compiled to SQL are named in warnings in the reader's language.

import type { DuckDBConnection } from '@duckdb/node-api';
import { isAvailable, neededRoles } from '../../src/core/mapping/inputs';
import { sampleTables } from '../../src/core/sample/generate';
import type { Cell } from '../../src/core/values';
import { SUMMARY_GRAINS, type ReportSpec } from '../../src/server/rpc/contract';
import type { CellValue } from '../../src/server/sheets/workbook';
import { computeFigures, type MetricFigures } from '../../src/server/summary/figures';
import { SUMMARY_METRICS } from '../../src/server/summary/offer';
import { tabText } from '../../src/server/summary/tabText';
import { warehouseReportOf } from '../../src/server/warehouse/reportOf';
import { DUCKDB } from '../../src/warehouse/duckdb';
import { longFigures } from '../../src/warehouse/longFigures';
import { RANGE_PARAMETERS, splitCompiled, summaryQuery } from '../../src/warehouse/query';
import { detectedSample } from '../server/helpers';
import { tableMismatches } from './compare';
import { modelFitMismatches, outlookMismatches } from './fitCompare';
import { loadTable, openDuckDb } from './duckdb';

const NOW = Date.UTC(2026, 0, 15, 9, 30);
const ZONE = 'America/Los_Angeles';
const TABLES = sampleTables({ rows: 400, end: Date.UTC(2026, 0, 14), dates: 'date', seed: 11 });
const RELATIVE = 1e-9;

/** The long table as a data-source table holds it: header row first, NULLs as blank cells. */
async function longValues(db: DuckDBConnection, sql: string, parameters: Record<string, string>): Promise<CellValue[][]> {
  const rows = (await db.runAndReadAll(sql, parameters)).getRowObjectsJS();
  const cell = (v: unknown): CellValue => (v === null || v === undefined ? '' : typeof v === 'bigint' ? Number(v) : (v as CellValue));
  return [['period', 'segment', 'metric', 'value', 'n'], ...rows.map((r) => [r.period, r.segment, r.metric, r.value, r.n].map(cell))];
}

/** Equal values: exact for counts and '' (no value), within RELATIVE otherwise (sums added in another order). */
const same = (a: number | '' | undefined, b: number | '' | undefined): boolean =>
  a === b || (typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) <= RELATIVE * Math.max(1, Math.abs(b)));

/** Each difference between a metric's figures on the sheet and from the warehouse, one a line. */
function differences(sheet: MetricFigures, long: MetricFigures, headline: string | undefined): string[] {
  const out: string[] = [];
  const name = sheet.spec.name;
  if (!!sheet.series !== !!long.series) return [`${name}: trend on the sheet ${!!sheet.series}, from the warehouse ${!!long.series}`];
  if (!sheet.series) {
    if (!same(sheet.overall?.value, long.overall?.value)) out.push(`${name} overall: sheet ${sheet.overall?.value}, warehouse ${long.overall?.value}`);
  } else {
    const theirs = new Map(long.series!.map((p) => [p.label, p]));
    for (const p of sheet.series) {
      const q = theirs.get(p.label);
      if (!q && p.value === '') continue; // an empty period the warehouse trimmed off an end of its series
      if (!q || !same(p.value, q.value) || (p.n !== '' && p.n !== q.n)) out.push(`${name} ${p.label}: sheet ${p.value} (n ${p.n}), warehouse ${q?.value} (n ${q?.n})`);
      theirs.delete(p.label);
    }
    for (const q of theirs.values()) if (q.value !== '' || q.label === headline) out.push(`${name} ${q.label}: only from the warehouse (${q.value}, n ${q.n})`);
  }
  for (const [segment, cell] of sheet.segments) {
    const got = long.segments.get(segment);
    if (!got || !same(cell.value, got.value) || (cell.n !== '' && cell.n !== got.n)) out.push(`${name} [${segment}]: sheet ${cell.value} (n ${cell.n}), warehouse ${got?.value} (n ${got?.n})`);
  }
  return out;
}

describe.each(TABLES.map((t) => [t.name, t] as const))('figures from the long table of the sample %s table', (_name, table) => {
  const { mapping: detected } = detectedSample(table, NOW).detected;
  const textColumn = table.headers.findIndex((_, c) => table.rows.every((r) => typeof r[c] === 'string') && new Set(table.rows.map((r) => r[c])).size <= 12);
  const segmentColumn = detected.segment ?? textColumn;
  const { segment: _segment, ...mapping } = detected;
  void _segment;
  const offered = SUMMARY_METRICS.filter((f) => isAvailable(neededRoles(f), (r) => mapping[r as keyof typeof mapping] !== undefined)).map((f) => f.name);
  let db: DuckDBConnection;
  beforeAll(async () => {
    db = await openDuckDb();
    await loadTable(db, table.name, table.headers, table.rows as Cell[][]);
  });
  afterAll(() => db?.closeSync());

  const runs = SUMMARY_GRAINS.flatMap((grain) => [false, true].map((segmented) => [grain, segmented] as const));
  it.each(runs)('by %s (segmented: %s) equal computeFigures on the rows', async (grain, segmented) => {
    const spec: ReportSpec = {
      title: 'Summary', grain, metrics: offered, from: '2025-01-01', to: '2026-01-13', mapping,
      source: { sheetId: -1, sheetName: table.name, range: 'A1', hasHeader: true, headers: table.headers },
      warehouse: { engine: 'duckdb', table: table.name, columns: table.headers }, ...(segmented ? { segmentBy: segmentColumn } : {}),
    };
    const report = warehouseReportOf(spec, ZONE, table.headers);
    const { compiled, left } = splitCompiled(report);
    // The sheet's figures of the compiled metrics alone: the axis and headline then come from the same metrics.
    const sheet = computeFigures({ spec: { ...spec, metrics: compiled }, values: [table.headers, ...table.rows] as Cell[][], timeZone: ZONE, now: NOW, language: 'cs' });
    const values = await longValues(db, summaryQuery({ ...report, metrics: compiled }, DUCKDB, { parameters: true }), { [RANGE_PARAMETERS.from]: report.from, [RANGE_PARAMETERS.to]: report.to });
    const long = longFigures({ spec, values, timeZone: ZONE, now: NOW, language: 'cs' });

    const headline = sheet.periods[sheet.latest]?.label;
    expect(long.periods[long.latest]?.label).toBe(headline);
    // The same segments in the same order: the largest by their rows.
    expect(long.segments).toEqual(sheet.segments);
    expect(long.segmentHeader).toBe(sheet.segmentHeader);
    const problems: string[] = [];
    let compared = 0;
    for (const m of sheet.metrics) {
      const got = long.metrics.find((x) => x.spec.name === m.spec.name);
      if (!compiled.includes(m.spec.name)) continue;
      if (!got) problems.push(`${m.spec.name}: computed on the sheet, missing from the warehouse figures`);
      else (problems.push(...differences(m, got, headline)), compared++);
    }
    // The sections, finished from their rows: the same tables in the same order (fitted models within the fit
    // tolerance), and the same customer outlook.
    expect(long.sections.map((x) => x.spec.name)).toEqual(sheet.sections.map((x) => x.spec.name));
    for (const [k, x] of sheet.sections.entries()) {
      expect(long.sections[k].spec).toBe(x.spec);
      if (x.spec.name === 'MODEL_FIT') problems.push(...modelFitMismatches(x.spec.name, long.sections[k].table, x.table));
      else problems.push(...tableMismatches(x.spec.name, long.sections[k].table, x.table, x.spec.name === 'NPS_BREAKDOWN' ? 0 : 1e-12));
    }
    problems.push(...outlookMismatches('CLV_PREDICT', long.outlook?.outlook, sheet.outlook?.outlook));
    if (offered.includes('NPS_BREAKDOWN')) expect(sheet.sections.length).toBe(2);
    if (process.env.WAREHOUSE_TRACE) console.log(`${table.name} ${grain} ${segmented}: ${compared} metrics, ${sheet.metrics.reduce((k, m) => k + (m.series?.length ?? 1) * (1 + m.segments.size), 0)} figures`);
    expect(problems.slice(0, 20)).toEqual([]);
    expect(compared).toBeGreaterThan(0);
    expect(compared).toBe(compiled.filter((name) => sheet.metrics.some((m) => m.spec.name === name)).length);
    // Every chosen metric not compiled to SQL is named, in Czech as the tab is.
    for (const { metric } of left) {
      expect(long.warnings).toContainEqual(expect.objectContaining({ key: 'metricSkipped', params: { metric, message: tabText('cs').warehouse.notCompiled } }));
    }
  });
});
