// Writes the CDNOW tables (fitted parameters; predicted vs actual holdout purchases) into docs/predictive.md.

import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const docPath = `${root}docs/predictive.md`;
const dataDir = fileURLToPath(new URL('../test/fixtures/cdnow', import.meta.url));

const { outputFiles } = await build({
  entryPoints: [`${root}scripts/predictive/holdout-section.ts`],
  bundle: true, write: false, format: 'cjs', platform: 'node', logLevel: 'warning',
});
const module = { exports: {} };
new Function('module', 'exports', 'require', outputFiles[0].text)(module, module.exports, createRequire(import.meta.url));
const { cdnowHoldout, renderHoldoutTable, TABLE_START, TABLE_END, cdnowFit, renderFitTable, FIT_START, FIT_END } = module.exports;

/** Replaces the text between two markers (markers included) with `table`. */
function replaceBetween(doc, startMarker, endMarker, table) {
  const start = doc.indexOf(startMarker);
  const end = doc.indexOf(endMarker);
  if (start < 0 || end < start) throw new Error(`${docPath} has no ${startMarker} … ${endMarker} markers`);
  return doc.slice(0, start) + table + doc.slice(end + endMarker.length);
}

const comparison = cdnowHoldout(dataDir);
const table = renderHoldoutTable(comparison);
const fitTable = renderFitTable(cdnowFit(dataDir));
let doc = readFileSync(docPath, 'utf8');
doc = replaceBetween(doc, TABLE_START, TABLE_END, table);
doc = replaceBetween(doc, FIT_START, FIT_END, fitTable);
writeFileSync(docPath, doc);
console.log(fitTable);
console.log(table);
console.log(`holdout: ${comparison.holdoutLength.toFixed(2)} weeks; total actual ${comparison.total.actual}, predicted ${comparison.total.predicted.toFixed(1)}`);
