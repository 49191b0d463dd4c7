// Builds dist/: the server bundle (one ES2019 IIFE), the generated top-level stubs, the manifest and the sidebar.

import { buildSync } from 'esbuild';
import fs from 'node:fs';
import { buildSidebar } from './buildSidebar.mjs';
import { loadTs } from './loadTs.mjs';
import { stubsFile } from './stubs.mjs';

export const GLOBAL_NAME = 'CrmMetrics';

fs.rmSync('dist', { recursive: true, force: true });
fs.mkdirSync('dist');

buildSync({
  entryPoints: ['src/server/main.ts'],
  bundle: true,
  outfile: 'dist/lib.js',
  format: 'iife',
  globalName: GLOBAL_NAME,
  target: 'es2019',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
});

const { FUNCTIONS } = loadTs('src/functions/catalogue.ts');
const { ENTRY_POINTS } = loadTs('src/server/publicApi.ts');
fs.writeFileSync('dist/stubs.js', stubsFile(FUNCTIONS, ENTRY_POINTS, GLOBAL_NAME));
fs.copyFileSync('appsscript.json', 'dist/appsscript.json');
const sidebar = buildSidebar({ outfile: 'dist/sidebar.html' });

const bytes = fs.readdirSync('dist').filter((f) => f.endsWith('.js')).reduce((n, f) => n + fs.statSync(`dist/${f}`).size, 0);
console.log(`dist/: ${FUNCTIONS.length} custom functions, ${ENTRY_POINTS.length} entry points, ${bytes} bytes of JavaScript`);
console.log(`dist/sidebar.html: ${sidebar.bytes} bytes, self-contained`);
