// Benchmark: a summary built from 100k rows × 10 columns with every applicable metric by month over two years.
// Run: node bench/summary.mjs (bundles this file with esbuild). Prints engine time and the spreadsheet call counts.

import { isAvailable, neededRoles } from '../src/core/mapping/inputs';
import type { Role } from '../src/core/mapping/roles';
import { crmExport } from '../src/core/sample/generate';
import type { ReportSpec, SavedReport } from '../src/server/rpc/contract';
import { InMemoryWorkbook } from '../src/server/sheets/inMemory';
import { buildSummary } from '../src/server/summary/build';
import { computeFigures } from '../src/server/summary/figures';
import { SUMMARY_METRICS } from '../src/server/summary/offer';
import { RETRY } from '../src/server/sheets/serviceCalls';
import { appsScriptCosts } from '../test/appsScript/measure';

const ROWS = Number(process.env.ROWS ?? 100_000);
const RUNS = Number(process.env.RUNS ?? 5);
const NOW = Date.UTC(2026, 0, 15, 9, 30);

const table = crmExport({ rows: ROWS, seed: 7, dates: 'date' });
const mapping: Partial<Record<Role, number>> = {
  date: 0, customer: 1, segment: 2, score: 3, satisfaction: 4, effort: 5, amount: 6, dealOutcome: 7, dealClosed: 0, start: 8, end: 9,
};
const metrics = SUMMARY_METRICS.filter((f) => !f.section && isAvailable(neededRoles(f), (r) => mapping[r] !== undefined)).map((f) => f.name);
const spec: ReportSpec = {
  title: 'Summary', grain: 'month', metrics, mapping,
  source: { sheetId: 1, sheetName: table.name, hasHeader: true, range: `A1:J${ROWS + 1}` },
};
const report: SavedReport = { version: 1, id: 'bench', spec, createdAt: new Date(NOW).toISOString() };
const values = [table.headers, ...table.rows];

const median = (xs: number[]): number => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const best = (xs: number[]): number => Math.min(...xs);
const both = (xs: number[]): string => `${median(xs).toFixed(0)} ms (best ${best(xs).toFixed(0)} ms)`;
const buildTimes: number[] = [];
const figureTimes: number[] = [];
const readTimes: number[] = [];
/** Process CPU time: what the build costs when the machine is shared (wall time then includes waiting for a core). */
const cpuTimes: number[] = [];
let calls: Record<string, number | undefined> = {};
let total = 0;
let runs = 0;
let shown: string[] = [];
let times = new Map<string, number>();
for (let i = 0; i < RUNS; i++) {
  const wb = new InMemoryWorkbook([{ name: 'Notes' }]);
  wb.addSheet(table.name, values);
  // The source read is Sheets' work (getValues), not the engine's: time it apart.
  const read = wb.readValues.bind(wb);
  let readMs = 0;
  wb.readValues = (id, range) => {
    const r0 = performance.now();
    try {
      return read(id, range);
    } finally {
      readMs += performance.now() - r0;
    }
  };
  let t = performance.now();
  const cpu = process.cpuUsage();
  const result = buildSummary(wb, { report, now: NOW });
  const used = process.cpuUsage(cpu);
  buildTimes.push(performance.now() - t - readMs);
  cpuTimes.push((used.user + used.system) / 1000 - readMs);
  readTimes.push(readMs);
  calls = wb.calls;
  total = wb.totalCalls();
  shown = result.metrics;
  t = performance.now();
  const f = computeFigures({ spec, values, timeZone: 'UTC', now: NOW, clock: () => performance.now() });
  runs = f.runs;
  times = f.times ?? times;
  figureTimes.push(performance.now() - t);
}

console.log(`summary from ${ROWS} rows × ${table.headers.length} columns, grain month over 2 years, ${RUNS} runs: median (best)`);
console.log(`metrics offered (${metrics.length}): ${metrics.join(', ')}`);
console.log(`metrics on the tab (${shown.length}): ${shown.join(', ')}`);
console.log('');
console.log('| figure | value |');
console.log('|---|---|');
console.log(`| engine time: whole build minus the source read (in-memory workbook) | ${both(buildTimes)} |`);
console.log(`| engine CPU time (process, same build) | ${both(cpuTimes)} |`);
console.log(`| source read (in-memory getValues of ${ROWS} × 10) | ${both(readTimes)} |`);
console.log(`| figures alone (computeFigures, ${runs} function-table runs) | ${both(figureTimes)} |`);
const [few, as] = [5, 50].map(appsScriptCosts);
for (const c of [few, as]) {
  console.log(`| Apps Script service calls, ${c.sheets} sheets in the document (simulation): listSheets · detectTable · first build · refresh | ${c.listSheets} · ${c.detect} · ${c.build} · ${c.refresh} |`);
}
console.log(`| most retries a build can add | ${as.maxRetries} (${as.retriable} retriable calls × ${RETRY.perCall}, capped at ${RETRY.perExecution} per execution: ≤ ${as.maxRetryWaitMs / 1000} s of waiting) |`);
console.log(`| spreadsheet calls | ${total} |`);
for (const [method, n] of Object.entries(calls)) console.log(`| · ${method} | ${n} |`);

console.log('');
console.log('| function (trend + segments + charts) | ms, last run |');
console.log('|---|---|');
for (const [name, ms] of [...times.entries()].sort((a, b) => b[1] - a[1])) console.log(`| ${name} | ${ms.toFixed(0)} |`);
