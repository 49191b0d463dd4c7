// Benchmark (not a test): the DuckDB summary query over a generated CRM table of 10 million rows × 10 columns — time,
// peak memory — and the bytes a BigQuery run of the same report would scan; then the opt-in predictive sections (CLV
// model fit, customer outlook) on their own, whose rows grow with the customers rather than the periods. Run:
//   node bench/warehouse.mjs (npm run bench runs it too)
// ROWS (default 10,000,000) and RUNS (default 3) may be set in the environment.

import { DuckDBInstance } from '@duckdb/node-api';
import type { Role } from '../../src/core/mapping/roles';
import { DUCKDB } from '../../src/warehouse/duckdb';
import { compileReport, summaryQuery, type WarehouseReport } from '../../src/warehouse/query';
import { isAvailable, neededRoles } from '../../src/core/mapping/inputs';
import { findFunction } from '../../src/functions/catalogue';
import { MEASURES } from '../../src/warehouse/measures';

const ROWS = Number(process.env.ROWS ?? 10_000_000);
const RUNS = Number(process.env.RUNS ?? 3);

/** The benchmark's wide export (bench/summary.ts's columns), generated inside DuckDB from hashes of the row number. */
const CREATE = `CREATE TABLE crm AS
SELECT
  TIMESTAMPTZ '2024-01-01 00:00:00+00' + to_days(CAST(hash(i, 1) % 730 AS INTEGER)) + to_minutes(CAST(hash(i, 2) % 1440 AS INTEGER)) AS "Date",
  'C' || CAST(hash(i, 3) % 200000 AS VARCHAR) AS "Customer",
  ['Enterprise', 'Mid-market', 'SMB', 'Startup'][CAST(hash(i, 4) % 4 AS INTEGER) + 1] AS "Segment",
  CAST(hash(i, 5) % 11 AS DOUBLE) AS "NPS",
  CAST(1 + hash(i, 6) % 5 AS DOUBLE) AS "CSAT",
  CAST(1 + hash(i, 7) % 7 AS DOUBLE) AS "Effort",
  100 + CAST(hash(i, 8) % 90000 AS DOUBLE) / 100 AS "Amount",
  ['Open', 'Won', 'Lost'][CAST(hash(i, 9) % 3 AS INTEGER) + 1] AS "Outcome",
  TIMESTAMPTZ '2024-01-01 00:00:00+00' + to_days(CAST(hash(i, 1) % 730 AS INTEGER)) AS "Start date",
  CASE WHEN hash(i, 10) % 3 = 0 THEN NULL ELSE TIMESTAMPTZ '2024-01-01 00:00:00+00' + to_days(CAST(hash(i, 1) % 730 + 30 + hash(i, 11) % 900 AS INTEGER)) END AS "End date"
FROM range(${ROWS}) AS t(i)`;

// Every column mapped: the report holds every compiled metric they allow but the opt-in ones (as the sidebar ticks them).
const columns: Partial<Record<Role, string>> = {
  date: 'Date', customer: 'Customer', score: 'NPS', satisfaction: 'CSAT', effort: 'Effort', amount: 'Amount', dealOutcome: 'Outcome', dealClosed: 'Date',
  start: 'Start date', end: 'End date',
};
const allowed = Object.keys(MEASURES).filter((name) => isAvailable(neededRoles(findFunction(name)!), (r) => columns[r] !== undefined));
const metrics = allowed.filter((name) => !findFunction(name)!.optIn);
const optIn = allowed.filter((name) => findFunction(name)!.optIn);
const report: WarehouseReport = { table: 'crm', timeZone: 'Europe/Prague', grain: 'month', from: '2024-01-01', to: '2026-01-01', metrics, columns, segment: 'Segment' };

/** Bytes BigQuery bills for reading these columns once: 8 per TIMESTAMP or FLOAT64 value, 2 + UTF-8 bytes (strlen) per STRING; NULLs are free. */
function scannedBytesSql(names: readonly string[], types: ReadonlyMap<string, string>): string {
  const size = (name: string): string => {
    const q = DUCKDB.identifier(name);
    return types.get(name) === 'VARCHAR' ? `SUM(2 + strlen(${q}))` : `COUNT(${q}) * 8`;
  };
  return `SELECT ${names.map(size).join(' + ')} AS bytes FROM crm`;
}

const ms = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e6;
const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MB`;

async function main(): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:');
  const db = await instance.connect();
  await db.run("SET TimeZone = 'UTC'");
  let t0 = process.hrtime.bigint();
  await db.run(CREATE);
  const createMs = ms(t0);
  const rssAfterTable = process.memoryUsage().rss;
  const sql = summaryQuery(report, DUCKDB);
  const times: number[] = [];
  let rows = 0;
  for (let k = 0; k < RUNS; k++) {
    t0 = process.hrtime.bigint();
    rows = (await db.runAndReadAll(sql)).getRowObjectsJS().length;
    times.push(ms(t0));
  }
  const types = new Map((await db.runAndReadAll("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'crm'")).getRowsJS().map((r) => [String(r[0]), String(r[1])]));
  const read = [...new Set([...compileReport(report).flatMap((m) => [...m.roles, ...m.words, ...m.keys, ...(m.datedBy ? [m.datedBy] : [])]).map((r) => columns[r] as string), "Segment"])];
  const bytes = Number((await db.runAndReadAll(scannedBytesSql(read, types))).getRowsJS()[0][0]);
  times.sort((a, b) => a - b);
  console.log(`DuckDB summary query: ${ROWS.toLocaleString('en')} rows × 10 columns, ${metrics.length} metrics (${metrics.join(', ')}), by month over 2 years, by segment`);
  console.log('| figure | value |');
  console.log('|---|---|');
  console.log(`| generate the table in DuckDB | ${createMs.toFixed(0)} ms |`);
  console.log(`| summary query, median of ${RUNS} (best) | ${times[Math.floor(RUNS / 2)].toFixed(0)} ms (${times[0].toFixed(0)} ms) |`);
  console.log(`| long table rows | ${rows} |`);
  console.log(`| process memory: after the table · peak (max RSS) | ${mb(rssAfterTable)} · ${mb(process.resourceUsage().maxRSS * 1024)} |`);
  console.log(`| BigQuery bytes scanned for this report (${read.length} columns: ${read.join(', ')}) | ${mb(bytes)} (${bytes.toLocaleString('en')} B) |`);
  const customers = Number((await db.runAndReadAll('SELECT COUNT(DISTINCT "Customer") FROM crm')).getRowsJS()[0][0]);
  t0 = process.hrtime.bigint();
  const predictive = (await db.runAndReadAll(summaryQuery({ ...report, metrics: optIn }, DUCKDB))).getRowObjectsJS();
  const predictiveMs = ms(t0);
  const rowsOf = (name: string): number => predictive.filter((r) => r.metric === name).length;
  console.log(`| opt-in sections (${optIn.join(', ')}), one run, ${customers.toLocaleString('en')} customers | ${predictiveMs.toFixed(0)} ms |`);
  console.log(`| their long table rows (${optIn.map((name) => `${name} ${rowsOf(name).toLocaleString('en')}`).join(', ')}) | ${predictive.length.toLocaleString('en')} |`);
  console.log(`| peak memory after both (max RSS) | ${mb(process.resourceUsage().maxRSS * 1024)} |`);
  db.closeSync();
}

void main();
