// Runs the warehouse benchmarks: the DuckDB summary query over 10 million generated rows (time, peak memory, the bytes
// BigQuery would scan) and the in-sheet engine on the same report over 1 million rows. Each is bundled with esbuild
// and run in its own process, so each peak memory is its own. ROWS / IN_SHEET_ROWS / RUNS may be set to shrink them.
import { buildSync } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const folder = mkdtempSync(path.join(tmpdir(), 'bench-warehouse-'));
let status = 0;
for (const name of ['duckdbSummary', 'inSheetSummary']) {
  const out = path.join(folder, `${name}.cjs`);
  buildSync({ entryPoints: [`bench/warehouse/${name}.ts`], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: out, external: ['@duckdb/node-api'], logLevel: 'warning' });
  console.log('');
  const run = spawnSync(process.execPath, ['--max-old-space-size=8192', out], { stdio: 'inherit', env: { ...process.env, NODE_PATH: path.resolve('node_modules') } });
  status ||= run.status ?? 1;
}
process.exit(status);
