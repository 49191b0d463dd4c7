// Builds dist/: the server in two halves (the custom-function bundle and the sidebar half, both ES2019 IIFEs),
// the generated top-level stubs, the manifest and the sidebar.

import { buildSync } from 'esbuild';
import fs from 'node:fs';
import { buildSidebar } from './buildSidebar.mjs';
import { loadTs } from './loadTs.mjs';
import { stubsFile } from './stubs.mjs';
import { stripDocsPlugin } from './stripDocs.mjs';

export const GLOBAL_NAME = 'CrmMetrics';
const { SIDEBAR_SERVER } = loadTs('src/server/sidebarHalf.ts');

fs.rmSync('dist', { recursive: true, force: true });
fs.mkdirSync('dist');

const serverOptions = { bundle: true, write: false, format: 'iife', target: 'es2019', minify: true, legalComments: 'none', logLevel: 'warning' };

/** Bundles one server half and returns its code. */
async function bundle(entry, globalName, plugins = []) {
  const { build } = await import('esbuild');
  const result = await build({ ...serverOptions, entryPoints: [entry], outfile: `dist/${globalName}.js`, globalName, plugins });
  return result.outputFiles[0].text;
}

// Evaluated on every execution: the custom functions (without the table's documentation text) and the menu.
fs.writeFileSync('dist/lib.js', await bundle('src/server/main.ts', GLOBAL_NAME, [stripDocsPlugin()]));

// Evaluated only by executions that need it (src/server/sidebarHalf.ts): one <script> in an HTML project file.
const sidebarServer = await bundle('src/server/sidebarServer.ts', SIDEBAR_SERVER.globalName);
if (/<\/script/i.test(sidebarServer)) throw new Error('the sidebar half contains "</script": it cannot be kept in an HTML file');
fs.writeFileSync(`dist/${SIDEBAR_SERVER.file}.html`, `<script>\n${sidebarServer}</script>\n`);

const { FUNCTIONS } = loadTs('src/functions/catalogue.ts');
const { ENTRY_POINTS } = loadTs('src/server/publicApi.ts');
fs.writeFileSync('dist/stubs.js', stubsFile(FUNCTIONS, ENTRY_POINTS, GLOBAL_NAME));
fs.copyFileSync('appsscript.json', 'dist/appsscript.json');
const sidebar = buildSidebar({ outfile: 'dist/sidebar.html' });

const bytes = fs.readdirSync('dist').filter((f) => f.endsWith('.js')).reduce((n, f) => n + fs.statSync(`dist/${f}`).size, 0);
console.log(`dist/: ${FUNCTIONS.length} custom functions, ${ENTRY_POINTS.length} entry points, ${bytes} bytes of JavaScript evaluated on every call`);
console.log(`dist/${SIDEBAR_SERVER.file}.html: ${Buffer.byteLength(sidebarServer)} bytes, the sidebar half of the server`);
console.log(`dist/sidebar.html: ${sidebar.bytes} bytes, self-contained`);
