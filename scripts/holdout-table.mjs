// Writes the CDNOW holdout table (predicted vs actual repeat purchases) into docs/predictive.md.

import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const docPath = `${root}docs/predictive.md`;
const dataDir = fileURLToPath(new URL('../../shared/data/cdnow', import.meta.url));

const { outputFiles } = await build({
  entryPoints: [`${root}scripts/predictive/holdout-section.ts`],
  bundle: true, write: false, format: 'cjs', platform: 'node', logLevel: 'warning',
});
const module = { exports: {} };
new Function('module', 'exports', 'require', outputFiles[0].text)(module, module.exports, createRequire(import.meta.url));
const { cdnowHoldout, renderHoldoutTable, TABLE_START, TABLE_END } = module.exports;

const comparison = cdnowHoldout(dataDir);
const table = renderHoldoutTable(comparison);
const doc = readFileSync(docPath, 'utf8');
const start = doc.indexOf(TABLE_START);
const end = doc.indexOf(TABLE_END);
if (start < 0 || end < start) throw new Error(`${docPath} has no ${TABLE_START} … ${TABLE_END} markers`);
writeFileSync(docPath, doc.slice(0, start) + table + doc.slice(end + TABLE_END.length));
console.log(table);
console.log(`holdout: ${comparison.holdoutLength.toFixed(2)} weeks; total actual ${comparison.total.actual}, predicted ${comparison.total.predicted.toFixed(1)}`);
