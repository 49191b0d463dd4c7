// `npm run sql -- --dialect bigquery|duckdb --report <file.json>`: bundles src/warehouse/cli.ts with esbuild and runs it.
import { buildSync } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dir = mkdtempSync(path.join(tmpdir(), 'crm-sql-'));
const entry = path.join(dir, 'entry.ts');
writeFileSync(entry, `import { main } from ${JSON.stringify(path.join(root, 'src/warehouse/cli.ts'))};\nprocess.exitCode = main(process.argv.slice(2));\n`);
const out = path.join(dir, 'sql.cjs');
buildSync({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: out, logLevel: 'warning' });
const run = spawnSync(process.execPath, [out, ...process.argv.slice(2)], { stdio: 'inherit', cwd: process.cwd() });
process.exit(run.status ?? 1);
