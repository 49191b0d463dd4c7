// Benchmark (not a test): the in-sheet engine (computeFigures, the function table) on the same report as the DuckDB
// benchmark — the same compiled metrics by month with segments — over IN_SHEET_ROWS rows (default 1,000,000) of the
// benchmark's wide export. Run:
//   node bench/warehouse.mjs (npm run bench runs it too)

import { isAvailable, neededRoles } from '../../src/core/mapping/inputs';
import type { Role } from '../../src/core/mapping/roles';
import { crmExport } from '../../src/core/sample/generate';
import { findFunction } from '../../src/functions/catalogue';
import type { ReportSpec } from '../../src/server/rpc/contract';
import { computeFigures } from '../../src/server/summary/figures';
import { MEASURES } from '../../src/warehouse/measures';

const ROWS = Number(process.env.IN_SHEET_ROWS ?? 1_000_000);
const NOW = Date.UTC(2026, 0, 15, 9, 30);
const mapping: Partial<Record<Role, number>> = {
  date: 0, customer: 1, segment: 2, score: 3, satisfaction: 4, effort: 5, amount: 6, dealOutcome: 7, dealClosed: 0, start: 8, end: 9,
};
// The DuckDB benchmark's report: every compiled metric the columns allow but the opt-in ones (bench-predictive.mjs times those).
const metrics = Object.keys(MEASURES).filter((name) => isAvailable(neededRoles(findFunction(name)!), (r) => mapping[r] !== undefined) && !findFunction(name)!.optIn);

let t0 = performance.now();
const table = crmExport({ rows: ROWS, seed: 7, dates: 'date' });
const generateMs = performance.now() - t0;
const spec = {
  title: 'Summary', grain: 'month', metrics, mapping, source: { sheetId: 1, sheetName: table.name, hasHeader: true, range: `A1:J${ROWS + 1}` },
} as ReportSpec;
t0 = performance.now();
const figures = computeFigures({ spec, values: [table.headers, ...table.rows], timeZone: 'Europe/Prague', now: NOW });
const figuresMs = performance.now() - t0;
console.log(`In-sheet engine (computeFigures): ${ROWS.toLocaleString('en')} rows × 10 columns, ${metrics.length} metrics (${metrics.join(', ')}), by month, by segment`);
console.log('| figure | value |');
console.log('|---|---|');
console.log(`| generate the rows in JavaScript | ${generateMs.toFixed(0)} ms |`);
console.log(`| figures (${figures.runs} function-table runs) | ${figuresMs.toFixed(0)} ms |`);
console.log(`| peak memory (max RSS) | ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB |`);
