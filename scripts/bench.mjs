// `npm run bench`: every function against its tight-loop baseline, the bundle's size and cold start, and the
// sidebar and predictive benchmarks; each figure is checked against its budget and printed as a table.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import vm from 'node:vm';
import { loadTs } from './loadTs.mjs';

const BUDGET = { ratio: 3, bundleBytes: 120 * 1024, coldMs: 30 };
const SIZES = [{ cells: 1_000 }, { cells: 100_000 }, { cells: 1_000_000 }, { rows: 100_000 }];
const SELF = new URL(import.meta.url).pathname;
const only = process.argv[2] && process.argv[2] !== '--case' ? new RegExp(process.argv[2], 'i') : null;

const { findFunction } = loadTs('src/functions/catalogue.ts');
const { runFunction } = loadTs('src/functions/runner.ts');

/** Mulberry32: a small seeded generator so every run measures the same data. */
function seeded(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Median time per call in ms: at least 3 calls and about 300 ms of calls, after one warm-up call. */
function timePerCall(fn) {
  fn();
  const times = [];
  let total = 0;
  while (times.length < 3 || (total < 300 && times.length < 50)) {
    const t0 = process.hrtime.bigint();
    fn();
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    times.push(ms);
    total += ms;
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const fmt = (ms) => (ms < 1 ? ms.toFixed(3) : ms < 100 ? ms.toFixed(2) : ms.toFixed(0));
const pad = (s, n) => String(s).padEnd(n);
const padL = (s, n) => String(s).padStart(n);
const failures = [];

/** Measures one case in this process: one row per size. */
function measureCase(c) {
  const label = c.variant ? `${c.fn} (${c.variant})` : c.fn;
  const spec = findFunction(c.fn);
  if (!spec) throw new Error(`bench case for unknown function ${c.fn}`);
  const rows = [...new Set(SIZES.map((size) => size.rows ?? Math.max(1, Math.round(size.cells / c.cellsPerRow))))];
  return rows.map((n) => {
    const args = c.makeArgs(n, seeded(42));
    const fnMs = timePerCall(() => runFunction(spec, args));
    const loopMs = timePerCall(() => c.baseline(args));
    return { label, rows: n, cellsPerRow: c.cellsPerRow, fnMs, loopMs };
  });
}

const caseFiles = () => fs.readdirSync('bench/cases').filter((f) => f.endsWith('.ts')).sort();

/**
 * Every case in a process of its own: Apps Script runs a custom-function call in a fresh execution, so one
 * function's code never shares type feedback or garbage with another's, and neither do the cases here.
 */
function benchFunctions() {
  console.log('\n## Custom functions vs. tight loops (median ms per call; budget: ratio ≤ 3 at 1M cells and at 100k rows)\n');
  console.log(`| ${pad('function', 38)} | ${pad('size', 18)} | ${padL('function ms', 11)} | ${padL('loop ms', 9)} | ${padL('ratio', 6)} | budget |`);
  console.log(`| ${'-'.repeat(38)} | ${'-'.repeat(18)} | ${'-'.repeat(11)}:| ${'-'.repeat(9)}:| ${'-'.repeat(6)}:| ------ |`);
  for (const file of caseFiles()) {
    const cases = loadTs(`bench/cases/${file}`).cases;
    cases.forEach((c, index) => {
      const label = c.variant ? `${c.fn} (${c.variant})` : c.fn;
      if (only && !only.test(label)) return;
      const child = spawnSync(process.execPath, [SELF, '--case', file, String(index)], { encoding: 'utf8', maxBuffer: 1 << 24 });
      if (child.status !== 0) {
        failures.push(`${label}: the benchmark failed\n${child.stderr}`);
        return;
      }
      for (const r of JSON.parse(child.stdout)) {
        const ratio = r.fnMs / r.loopMs;
        const checked = r.rows * r.cellsPerRow === 1_000_000 || r.rows === 100_000;
        const verdict = !checked ? '' : ratio <= BUDGET.ratio ? 'ok' : 'OVER';
        if (verdict === 'OVER') failures.push(`${label} at ${r.rows} rows: ${ratio.toFixed(2)}× its loop`);
        const sizeText = `${r.rows.toLocaleString('en')} rows×${r.cellsPerRow}`;
        console.log(`| ${pad(label, 38)} | ${pad(sizeText, 18)} | ${padL(fmt(r.fnMs), 11)} | ${padL(fmt(r.loopMs), 9)} | ${padL(ratio.toFixed(2), 6)} | ${pad(verdict, 6)} |`);
      }
    });
  }
}

/** Median ms of 25 cold evaluations of `sources` in a fresh vm context (a unique suffix defeats V8's compile cache). */
function coldEvaluation(sources, names) {
  const times = [];
  for (let run = 0; run < 25; run++) {
    const context = vm.createContext({});
    const t0 = process.hrtime.bigint();
    for (const [k, code] of sources.entries()) new vm.Script(`${code}\n//${run}`, { filename: names[k] }).runInContext(context);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

function benchBundle() {
  const files = fs.readdirSync('dist').filter((f) => f.endsWith('.js')).sort();
  const sources = files.map((f) => fs.readFileSync(`dist/${f}`, 'utf8'));
  const sizes = sources.map((s) => Buffer.byteLength(s));
  const bytes = sizes.reduce((n, b) => n + b, 0);
  const cold = coldEvaluation(sources, files);
  // The sidebar half: one <script> in dist/sidebarServer.html, evaluated only by executions that need it.
  const half = /<script>([\s\S]*)<\/script>/.exec(fs.readFileSync('dist/sidebarServer.html', 'utf8'))[1];
  const halfCold = coldEvaluation([...sources, half], [...files, 'sidebarServer.html']) - cold;
  const kb = (n) => `${n.toLocaleString('en')} bytes`;
  console.log('\n## Server bundle (dist/*.js, evaluated by Apps Script on every execution, custom-function calls included)\n');
  console.log('| figure | value | budget | |');
  console.log('| --- | ---: | ---: | --- |');
  for (const [k, f] of files.entries()) console.log(`| dist/${f} | ${kb(sizes[k])} | | |`);
  console.log(`| size of dist/*.js | ${kb(bytes)} | ${kb(BUDGET.bundleBytes)} | ${bytes <= BUDGET.bundleBytes ? 'ok' : 'OVER'} |`);
  console.log(`| cold parse + evaluate (median of 25, fresh vm context) | ${cold.toFixed(2)} ms | ${BUDGET.coldMs} ms | ${cold <= BUDGET.coldMs ? 'ok' : 'OVER'} |`);
  console.log(`| dist/sidebarServer.html (the sidebar half, read only by sidebar and menu executions) | ${kb(Buffer.byteLength(half))} | | |`);
  console.log(`| its cold parse + evaluate on top (median of 25) | ${halfCold.toFixed(2)} ms | | |`);
  if (bytes > BUDGET.bundleBytes) failures.push(`bundle is ${bytes} bytes`);
  if (cold > BUDGET.coldMs) failures.push(`cold start is ${cold.toFixed(1)} ms`);
}

/** Other benchmarks (sidebar summary builder, predictive fits, warehouse vs in-sheet) run as their own processes. */
function benchOthers() {
  for (const script of ['bench/summary.mjs', 'scripts/bench-predictive.mjs', 'bench/warehouse.mjs']) {
    if (only || !fs.existsSync(script)) continue;
    const run = spawnSync(process.execPath, [script], { stdio: 'inherit' });
    if (run.status !== 0) failures.push(`${script} reported a budget overrun or failed (exit ${run.status})`);
  }
}

if (process.argv[2] === '--case') {
  // A child process measuring one case: prints its rows as JSON.
  const [file, index] = process.argv.slice(3);
  process.stdout.write(JSON.stringify(measureCase(loadTs(`bench/cases/${file}`).cases[Number(index)])));
} else {
  benchBundle();
  benchFunctions();
  benchOthers();
  console.log(failures.length ? `\nOver budget:\n- ${failures.join('\n- ')}` : '\nAll budgets met.');
  process.exitCode = failures.length ? 1 : 0;
}
