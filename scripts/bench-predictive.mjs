// Benchmarks the predictive models: BG/NBD + Gamma-Gamma on CDNOW, CLV_PREDICT on 50k synthetic customers.
// Usage: node scripts/bench-predictive.mjs [--doc]   (--doc also writes the table into docs/predictive.md)

import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
const dataDir = fileURLToPath(new URL('../test/fixtures/cdnow', import.meta.url));

async function load(entry) {
  const { outputFiles } = await build({ entryPoints: [entry], bundle: true, write: false, format: 'cjs', platform: 'node', logLevel: 'warning' });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', outputFiles[0].text)(module, module.exports, createRequire(import.meta.url));
  return module.exports;
}

/** Minified (and gzipped) size of everything the predictive functions pull into the server bundle. */
async function bundleSize(contents) {
  const { outputFiles } = await build({
    stdin: { contents, resolveDir: root, loader: 'ts' }, bundle: true, write: false, minify: true, format: 'iife', target: 'es2019', logLevel: 'warning',
  });
  const bytes = outputFiles[0].contents;
  return `${(bytes.length / 1024).toFixed(1)} KB (${(gzipSync(bytes).length / 1024).toFixed(1)} KB gzip)`;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function time(runs, f) {
  const times = [];
  let result;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = f();
    times.push(performance.now() - t0);
  }
  return { ms: median(times), result };
}

const lib = await load(`${root}scripts/predictive/bench-cases.ts`);
const cdnow = lib.loadCdnowTransactions(dataDir);
for (let i = 0; i < 3; i++) lib.fitCdnow(dataDir, cdnow); // warm up the JIT as repeated calls would

const rows = [];
const summary = time(21, () => lib.summariseCustomers('BENCH', cdnow, 'weeks', lib.CALIBRATION_END));
rows.push([`CDNOW transactions → RFM (${cdnow.customerIds.length.toLocaleString('en')} rows, ${summary.result.ids.length.toLocaleString('en')} customers)`, `${summary.ms.toFixed(1)} ms`, '']);
const bg = time(21, () => lib.fitBgNbd('BENCH', summary.result));
rows.push(['BG/NBD fit on CDNOW', `${bg.ms.toFixed(1)} ms`, `${bg.result.iterations} iterations, LL ${bg.result.logLikelihood.toFixed(2)}`]);
const gg = time(21, () => lib.fitGammaGamma('BENCH', summary.result.frequency, summary.result.meanRepeatSpend));
rows.push(['Gamma-Gamma fit on CDNOW', `${gg.ms.toFixed(1)} ms`, `${gg.result.iterations} iterations`]);
const both = time(21, () => lib.fitCdnow(dataDir, cdnow));
rows.push(['RFM + BG/NBD + Gamma-Gamma on CDNOW', `${both.ms.toFixed(1)} ms`, 'budget ≤ 100 ms']);

const synthetic = lib.syntheticTransactions(50000);
const options = { horizon: 12, unit: 'months', monthlyDiscountRate: 0.01, calibrationEnd: synthetic.calibrationEnd };
const core = time(3, () => lib.predictCustomerValues('CLV_PREDICT', synthetic, options));
rows.push([`CLV_PREDICT core, 50,000 customers (${synthetic.customerIds.length.toLocaleString('en')} purchases), 12 months`,
  `${(core.ms / 1000).toFixed(2)} s`, 'limit 30 s']);
const column = (values) => values.map((v) => [v]);
const sheetArgs = [column(synthetic.customerIds), column(synthetic.dates.map((t) => new Date(t))), column(synthetic.amounts), 12, 'months', 0.01,
  new Date(synthetic.calibrationEnd)];
const full = time(3, () => lib.runFunction(lib.CLV_PREDICT, sheetArgs));
rows.push(['CLV_PREDICT with Sheets-shaped arguments (coercion + table)', `${(full.ms / 1000).toFixed(2)} s`, `${full.result.length - 1} rows spilled`]);

rows.push(['minified size: predictive cores + stats', await bundleSize(
  "export * from './src/core/metrics/predictive/customer-value'; export * from './src/core/metrics/predictive/retention-forecast';"), '']);
rows.push(['minified size: with the function table entries (incl. shared params/values)', await bundleSize(
  "export * from './src/functions/table/predictive';"), '']);

const table = ['| case | median | note |', '| --- | ---: | --- |', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
console.log(table);
if (process.argv.includes('--doc')) {
  const path = `${root}docs/predictive.md`;
  const doc = readFileSync(path, 'utf8');
  const [start, end] = ['<!-- bench:start -->', '<!-- bench:end -->'];
  const note = `Node ${process.version}, ${new Date().toISOString().slice(0, 10)}.`;
  writeFileSync(path, doc.slice(0, doc.indexOf(start) + start.length) + `\n${table}\n\n${note}\n` + doc.slice(doc.indexOf(end)));
}
