// Builds dist/: the server in two halves (the custom-function bundle and the sidebar half, both ES2019 IIFEs),
// the generated top-level stubs, the manifest and the sidebar. The HTML files are refused when they hold
// comment-like text, which HtmlService strips (scripts/htmlSafety.ts); the sidebar half's length and hash are
// recorded into lib.js, whose loader checks the text HtmlService returns against them (src/server/sidebarHalf.ts).

import { buildSync } from 'esbuild';
import fs from 'node:fs';
import { buildSidebar } from './buildSidebar.mjs';
import { loadTs } from './loadTs.mjs';
import { stubsFile } from './stubs.mjs';
import { stripDocsPlugin } from './stripDocs.mjs';

export const GLOBAL_NAME = 'CrmMetrics';
const { SIDEBAR_SERVER, digestOf, halfScript } = loadTs('src/server/sidebarHalf.ts');
const { assertNoCommentLike } = loadTs('scripts/htmlSafety.ts');

fs.rmSync('dist', { recursive: true, force: true });
fs.mkdirSync('dist');

// UTF-8 output: Cyrillic and Thai texts take 2–3 bytes a character instead of a 6-byte \uXXXX escape.
const serverOptions = { bundle: true, write: false, format: 'iife', target: 'es2019', minify: true, legalComments: 'none', charset: 'utf8', logLevel: 'warning' };

/** Bundles one server half; returns its code and its source map (external: the code is the same as without one). */
async function bundle(entry, globalName, { plugins = [], define = {} } = {}) {
  const { build } = await import('esbuild');
  const result = await build({ ...serverOptions, entryPoints: [entry], outfile: `dist/${globalName}.js`, globalName, plugins, define, sourcemap: 'external' });
  return { code: result.outputFiles.find((f) => f.path.endsWith('.js')).text, map: result.outputFiles.find((f) => f.path.endsWith('.map')).text };
}

// Evaluated only by executions that need it (src/server/sidebarHalf.ts): one <script> in an HTML project file.
const { code: sidebarServer, map: sidebarServerMap } = await bundle('src/server/sidebarServer.ts', SIDEBAR_SERVER.globalName);
if (/<\/script/i.test(sidebarServer)) throw new Error('the sidebar half contains "</script": it cannot be kept in an HTML file');
const sidebarServerHtml = `<script>\n${sidebarServer}</script>\n`;
assertNoCommentLike(`dist/${SIDEBAR_SERVER.file}.html`, sidebarServerHtml, [{ code: sidebarServer, map: sidebarServerMap }]);
fs.writeFileSync(`dist/${SIDEBAR_SERVER.file}.html`, sidebarServerHtml);
// What the loader must get back from HtmlService: the script, as written.
const half = digestOf(halfScript(sidebarServerHtml));

// Evaluated on every execution: the custom functions (without the table's documentation text), the menu, the loader.
const lib = await bundle('src/server/main.ts', GLOBAL_NAME, { plugins: [stripDocsPlugin()], define: { __SIDEBAR_HALF__: JSON.stringify(half) } });
fs.writeFileSync('dist/lib.js', lib.code);

const { FUNCTIONS } = loadTs('src/functions/catalogue.ts');
const { ENTRY_POINTS } = loadTs('src/server/publicApi.ts');
fs.writeFileSync('dist/stubs.js', stubsFile(FUNCTIONS, ENTRY_POINTS, GLOBAL_NAME));
fs.copyFileSync('appsscript.json', 'dist/appsscript.json');
const sidebar = buildSidebar({ outfile: 'dist/sidebar.html' });

const bytes = fs.readdirSync('dist').filter((f) => f.endsWith('.js')).reduce((n, f) => n + fs.statSync(`dist/${f}`).size, 0);
console.log(`dist/: ${FUNCTIONS.length} custom functions, ${ENTRY_POINTS.length} entry points, ${bytes} bytes of JavaScript evaluated on every call`);
console.log(`dist/${SIDEBAR_SERVER.file}.html: ${Buffer.byteLength(sidebarServer)} bytes, the sidebar half of the server (${half.length} characters, hash ${half.hash}, recorded in lib.js)`);
console.log(`dist/sidebar.html: ${sidebar.bytes} bytes, self-contained`);
