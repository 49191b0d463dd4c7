// Builds dist/sidebar.html: the sidebar's TypeScript (an IIFE) and CSS inlined into one self-contained HTML file.

import { buildSync } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadTs } from './loadTs.mjs';

const { assertNoCommentLike } = loadTs(fileURLToPath(new URL('./htmlSafety.ts', import.meta.url)));

/** Inline text may not close its own element early: "</script" inside JS, "</style" inside CSS. */
const guard = (text, tag) => text.replace(new RegExp(`</(${tag})`, 'gi'), '<\\/$1');

/** Bundles sidebar/main.ts and sidebar/style.css and writes them into sidebar/index.html's placeholders. */
export function buildSidebar({ outfile = 'dist/sidebar.html', minify = true } = {}) {
  const output = buildSync({
    entryPoints: ['sidebar/main.ts'],
    outfile: 'sidebar.js',
    sourcemap: 'external',
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2019',
    minify,
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'warning',
  }).outputFiles;
  // The map only locates a comment-like sequence (see scripts/htmlSafety.ts); "external" leaves the code as it is.
  const script = output.find((f) => f.path.endsWith('.js')).text;
  const map = output.find((f) => f.path.endsWith('.map')).text;
  const style = buildSync({ entryPoints: ['sidebar/style.css'], bundle: true, write: false, minify, charset: 'utf8', logLevel: 'warning' }).outputFiles[0].text;
  const template = fs.readFileSync('sidebar/index.html', 'utf8');
  if (!template.includes('/*STYLE*/') || !template.includes('/*SCRIPT*/')) throw new Error('sidebar/index.html lacks the /*STYLE*/ or /*SCRIPT*/ placeholder');
  // Function replacers: a "$&" or "$'" in the bundle must not be read as a replacement pattern.
  const inlined = guard(script.trim(), 'script');
  const html = template.replace('/*STYLE*/', () => guard(style.trim(), 'style')).replace('/*SCRIPT*/', () => inlined);
  // HtmlService serves this file with comment-like text stripped, even inside strings: refuse any.
  assertNoCommentLike(outfile, html, [{ code: inlined, map }]);
  fs.mkdirSync(path.dirname(outfile), { recursive: true });
  // Written aside and renamed: a test or workbench reading the file meanwhile sees the old or the new one, never half.
  const temporary = `${outfile}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, html);
  fs.renameSync(temporary, outfile);
  return { outfile, bytes: Buffer.byteLength(html), html };
}
