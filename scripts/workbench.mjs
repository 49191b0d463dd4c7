// `npm start`: the local workbench — the sample workbook in a grid (HyperFormula computes formulas, with the add-on's
// custom functions), and the real built sidebar beside it talking to the add-on's server code. Offline; 127.0.0.1.
//
// Options: --port=8765 (0 picks a free port), --rows=1000 (sample rows per table), --seed=42, --locale=en_US (default:
// the saved workbook's), --state=.workbench/workbook.json (where the workbook is saved after every change and loaded
// on start), --fresh (the sample workbook in memory only: nothing read or saved). Under Jest (JEST_WORKER_ID set) the
// default is --fresh, so no test reads or writes a person's saved workbook.

import { buildSync } from 'esbuild';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSidebar } from './buildSidebar.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const startedIn = process.env.INIT_CWD ?? process.cwd();
process.chdir(root);

const arg = (name, fallback) => {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit ? hit.slice(name.length + 3) : fallback;
};

/** Bundles a TypeScript module for Node and returns its exports (HyperFormula stays an ordinary require). */
function loadNode(entry) {
  const out = buildSync({ entryPoints: [entry], bundle: true, write: false, format: 'cjs', platform: 'node', target: 'node20', external: ['hyperformula'], logLevel: 'warning' });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', out.outputFiles[0].text)(module, module.exports, createRequire(path.resolve(entry)));
  return module.exports;
}

const flag = (name) => process.argv.includes(`--${name}`);

/** The state file: --state (relative to where the command was typed), none with --fresh or under Jest without --state. */
function statePath() {
  const given = arg('state', undefined);
  if (flag('fresh') || (given === undefined && process.env.JEST_WORKER_ID)) return undefined;
  return given ? path.resolve(startedIn, given) : path.join(root, '.workbench', 'workbook.json');
}

const bundleBrowser = (entry) => buildSync({ entryPoints: [entry], bundle: true, write: false, format: 'iife', platform: 'browser', target: 'es2019', minify: true, logLevel: 'warning' }).outputFiles[0].text;

// The sidebar is rebuilt into dist/ on start, so the frame shows the current code; the page serves those bytes from
// memory, so a build running meanwhile (it empties dist/) cannot pull the file from under it.
const { html: sidebarHtml } = buildSidebar({ outfile: 'dist/sidebar.html' });
const { start } = loadNode('scripts/workbench/main.ts');
const { url } = await start({
  port: Number(arg('port', process.env.PORT ?? '8765')),
  rows: Number(arg('rows', '1000')),
  seed: Number(arg('seed', '42')),
  locale: arg('locale', undefined),
  statePath: statePath(),
  pageScript: bundleBrowser('scripts/workbench/page.ts'),
  pageStyle: fs.readFileSync('scripts/workbench/page.css', 'utf8'),
  sidebarHtml: () => sidebarHtml,
});
console.log(`CRM Metrics workbench: ${url}`);
