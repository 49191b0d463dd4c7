// Registers the tests that run a table's summary query on DuckDB and compare it with the custom functions on the same rows.

import type { DuckDBConnection } from '@duckdb/node-api';
import type { Role } from '../../src/core/mapping/roles';
import { parsePeriod, type Grain } from '../../src/core/periods';
import { civilClock, MS_PER_DAY } from '../../src/core/timezone';
import type { Cell } from '../../src/core/values';
import { findFunction } from '../../src/functions/catalogue';
import { CompileError } from '../../src/warehouse/entryReader';
import { DUCKDB } from '../../src/warehouse/duckdb';
import { isAvailable, neededRoles } from '../../src/core/mapping/inputs';
import { SUMMARY_METRICS } from '../../src/server/summary/offer';
import { LEFT_OUT, MEASURES } from '../../src/warehouse/measures';
import { compileReport, periodRange, ROWS_PER_SEGMENT, summaryQuery, type WarehouseReport } from '../../src/warehouse/query';
import { finishSection } from '../../src/warehouse/sections';
import type { FinishedSection } from '../../src/warehouse/sections/section';
import type { CustomerOutlook } from '../../src/core/metrics/predictive/customer-outlook';
import type { FunctionSpec } from '../../src/functions/spec';
import { MetricError } from '../../src/core/errors';
import { mismatches, tableMismatches } from './compare';
import { SheetRows } from './customFunctions';
import { modelFitMismatches, outlookMismatches } from './fitCompare';
import { loadTable, openDuckDb, readLongTable } from './duckdb';

export interface TableCase {
  name: string;
  headers: string[];
  rows: Cell[][];
  /** Role → column index. */
  mapping: Partial<Record<Role, number>>;
  /** The column split into segments in the "by segment" runs. */
  segmentColumn: number;
  timeZone: string;
  grains: readonly Grain[];
  now: number;
  /** Tolerance per metric where the engines legitimately differ (medians' interpolation), else the summation one. */
  tolerance?: Partial<Record<string, number>>;
}

/** The compiled metrics this mapping can compute. */
export function compilableMetrics(c: Pick<TableCase, 'mapping' | 'headers'>): string[] {
  return Object.keys(MEASURES).filter((name) => {
    try {
      compileReport({ ...reportOf(c as TableCase, 'month', false, '2025-01-01', '2025-02-01'), metrics: [name] });
      return true;
    } catch (e) {
      if (e instanceof CompileError) return false;
      throw e;
    }
  });
}

function reportOf(c: TableCase, grain: Grain, segmented: boolean, from: string, to: string, metrics: string[] = []): WarehouseReport {
  const columns: Partial<Record<Role, string>> = {};
  for (const [role, index] of Object.entries(c.mapping)) if (role !== 'segment') columns[role as Role] = c.headers[index as number];
  return { table: c.name, timeZone: c.timeZone, grain, from, to, metrics, columns, ...(segmented ? { segment: c.headers[c.segmentColumn] } : {}) };
}

/** The day (YYYY-MM-DD) holding a civil time in ms. */
const dayOf = (t: number): string => new Date(Math.floor(t / MS_PER_DAY) * MS_PER_DAY).toISOString().slice(0, 10);

/** The civil days spanning every date cell of the table: from its first day to the day after its last. */
function dataSpan(c: TableCase): { from: string; to: string } {
  const clock = civilClock(c.timeZone);
  let min = Infinity;
  let max = -Infinity;
  for (const row of c.rows) for (const v of row) if (v instanceof Date) ((min = Math.min(min, clock(v.getTime()))), (max = Math.max(max, clock(v.getTime()))));
  if (min > max) return { from: '2025-01-01', to: '2025-01-02' };
  return { from: dayOf(min), to: dayOf(max + MS_PER_DAY) };
}

/** Registers one test per grain × with/without segment: the DuckDB long table equals the functions' figures. */
export function describeTableCase(c: TableCase): void {
  const metrics = compilableMetrics(c);
  /** Spill sections (tables) and the outlook run over every row (compared below), the others are figures by period and segment. */
  const isSection = (name: string): boolean => ['spill', 'outlook'].includes(findFunction(name)?.section ?? '');
  const figureMetrics = metrics.filter((name) => !isSection(name));
  const sections = metrics.filter(isSection);
  let connection: DuckDBConnection;
  const sheet = new SheetRows(c.rows, c.mapping, c.timeZone, c.now);
  beforeAll(async () => {
    connection = await openDuckDb();
    await loadTable(connection, c.name, c.headers, c.rows);
  });
  afterAll(() => connection?.closeSync());

  it('compiles every metric offered on its mapping, or lists it as left out', () => {
    const offered = SUMMARY_METRICS.filter((f) => isAvailable(neededRoles(f), (r) => c.mapping[r] !== undefined)).map((f) => f.name);
    expect(offered.length).toBeGreaterThan(0);
    expect(offered.filter((name) => !metrics.includes(name) && !(name in LEFT_OUT))).toEqual([]);
  });

  /** Runs the query over [from, to) and compares every row with the functions over all the rows (the summary's call). */
  async function compare(grain: Grain, segmented: boolean, from: string, to: string): Promise<void> {
    const sql = summaryQuery(reportOf(c, grain, segmented, from, to, figureMetrics), DUCKDB);
    const all = await readLongTable(connection, sql);
    // Each segment's rows over the whole table, as a sheet's summary ranks its segments.
    const sizes = all.filter((r) => r.metric === ROWS_PER_SEGMENT).map((r) => [r.segment, r.n] as const);
    expect(new Map(sizes)).toEqual(new Map(segmented ? [...sheet.segments(c.segmentColumn)].map(([s, rows]) => [s, rows.length]) : []));
    const rows = all.filter((r) => r.metric !== ROWS_PER_SEGMENT);
    const range = periodRange(grain, from, to);
    const span = { first: (parsePeriod(range.first) as { start: number }).start, end: (parsePeriod(range.end) as { start: number }).start };
    const scopes: [string | null, number[] | null][] = [[null, null]];
    if (segmented) scopes.push(...sheet.segments(c.segmentColumn).entries());
    const problems: string[] = [];
    let compared = 0;
    for (const name of figureMetrics) {
      const spec = findFunction(name)!;
      const whole = sheet.expected(spec, grain, null);
      for (const [segment, subset] of scopes) {
        const got = rows.filter((r) => r.metric === name && r.segment === segment);
        const want = sheet.expected(spec, grain, subset);
        // A segment's period outside its own series but inside the whole table's: the function given that period's
        // label, as the summary asks for a segment's headline figure.
        if (want.kind === 'series' && whole.kind === 'series' && segment !== null) {
          for (const r of got) if (r.period && !want.periods.has(r.period) && whole.periods.has(r.period)) want.periods.set(r.period, sheet.labelled(spec, grain, r.period, subset));
        }
        problems.push(...mismatches(name, segment, got, want, span, c.tolerance?.[name]));
        compared += got.length;
      }
    }
    // No row the comparison did not look at: segments the query invented would be missed otherwise.
    expect(rows.length).toBe(compared);
    if (process.env.WAREHOUSE_TRACE) console.log(`${c.name} ${grain} ${segmented}: ${figureMetrics.join(' ')}; ${compared} rows, ${rows.filter((r) => r.n > 0).length} with data`);
    expect(problems.slice(0, 20)).toEqual([]);
  }

  // The functions' sections over every row, computed once (the fitted models take a while on CDNOW).
  const sheetTables = new Map<string, (string | number)[][] | undefined>();
  const sheetOutlooks = new Map<string, CustomerOutlook | undefined>();
  const sheetSection = (spec: FunctionSpec): (string | number)[][] | undefined => {
    if (!sheetTables.has(spec.name)) sheetTables.set(spec.name, sheet.section(spec));
    return sheetTables.get(spec.name);
  };
  const sheetOutlook = (spec: FunctionSpec): CustomerOutlook | undefined => {
    if (!sheetOutlooks.has(spec.name)) sheetOutlooks.set(spec.name, sheet.outlook(spec));
    return sheetOutlooks.get(spec.name);
  };

  /** Runs the sections' query over [from, to) and finishes each table from its rows, as the function over every row. */
  async function compareSections(segmented: boolean, from: string, to: string): Promise<void> {
    const rows = await readLongTable(connection, summaryQuery(reportOf(c, 'month', segmented, from, to, sections), DUCKDB));
    const env = { timeZone: () => c.timeZone, nowMs: () => c.now };
    const problems: string[] = [];
    let tables = 0;
    for (const name of sections) {
      const spec = findFunction(name)!;
      const own = rows.filter((r) => r.metric === name);
      // A score histogram is the whole table's only: never split by segment or period.
      if (MEASURES[name].shape === 'scoreHistogram' && own.some((r) => r.segment !== null || r.period !== null)) problems.push(`${name}: a row with a segment or a period`);
      let got: FinishedSection | undefined;
      try {
        got = finishSection(spec, own.map((r) => ({ period: r.period ?? undefined, key: r.segment ?? undefined, value: r.value ?? '', n: r.n })), { env, grain: 'month' });
      } catch (e) {
        if (!(e instanceof MetricError)) throw e;
      }
      if (spec.section === 'outlook') {
        // The customer outlook: the same customers in the same order, fitted figures within the fit's tolerance.
        const want = sheetOutlook(spec);
        if (want) tables++;
        problems.push(...outlookMismatches(name, got && 'outlook' in got ? got.outlook : undefined, want));
        continue;
      }
      const want = sheetSection(spec);
      if (want) tables++;
      const table = got && 'table' in got ? got.table : undefined;
      // Fitted models agree within the fit's tolerance (fitCompare.ts); the rest to the summation one (the NPS breakdown exactly).
      if (MEASURES[name].shape === 'purchaseModels') problems.push(...modelFitMismatches(name, table, want));
      else problems.push(...tableMismatches(name, table, want, name === 'NPS_BREAKDOWN' ? 0 : undefined));
    }
    expect(sections.filter((name) => !rows.some((r) => r.metric === name))).toEqual([]);
    expect(tables).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  }

  if (sections.length) {
    it.each([false, true])('finishes each section from its rows as the function over every row (segmented: %s)', async (segmented) => {
      const { from, to } = dataSpan(c);
      await compareSections(segmented, from, to);
      // A range cutting the data changes nothing: the section covers every row, as on a sheet.
      const [a, b] = [from, to].map((d) => Date.parse(d));
      await compareSections(segmented, dayOf(a + (b - a) / 3), dayOf(a + (2 * (b - a)) / 3 + MS_PER_DAY));
    });
  }

  // A table whose offered metrics were all left out would have no query to run.
  const runs = figureMetrics.length ? c.grains.flatMap((grain) => [false, true].map((segmented) => [grain, segmented] as const)) : [];
  if (!runs.length) return;
  it.each(runs)('by %s (segmented: %s) returns what the custom functions return', async (grain, segmented) => {
    const { from, to } = dataSpan(c);
    await compare(grain, segmented, from, to);
  });

  it('returns the same periods when from and to cut the data (rows before from still count) or reach past it', async () => {
    const { from, to } = dataSpan(c);
    const [a, b] = [from, to].map((d) => Date.parse(d));
    const grain = c.grains.includes('month') ? 'month' : c.grains[0];
    await compare(grain, true, dayOf(a + (b - a) / 3), dayOf(a + (2 * (b - a)) / 3 + MS_PER_DAY));
    await compare(grain, true, dayOf(a + (2 * (b - a)) / 3), dayOf(b + 400 * MS_PER_DAY));
  });
}
