// esbuild plugin: drops the function table's documentation text (the stubs' JSDoc and the sidebar half carry it)
// from the custom-function bundle, which Apps Script evaluates on every custom-function call.

import { transformSync } from 'esbuild';
import { parse } from 'acorn';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The FunctionSpec fields only docs, stubs, the sidebar and summaries read: the documentation text, the translated
 * labels, and the metric's meaning in summaries (inputs, kinds, direction, bands, chart, series, section, breakdown).
 */
export const DOC_FIELDS = new Set(['summary', 'definition', 'returns', 'examples', 'labels', 'inputs', 'kinds', 'direction', 'bands', 'chart', 'series', 'section', 'breakdown', 'optIn']);
/** Example builders (src/functions/examples.ts): pure, so the example tables they fill can be dropped too. */
const EXAMPLE_BUILDERS = new Set(['column', 'rows']);
const FUNCTIONS_FILE = /[\\/]src[\\/]functions[\\/].*\.ts$/;

/** Names of the parameter constructors: exported functions of src/functions whose arguments start (name, description, …). */
export function paramConstructors(dir = 'src/functions') {
  const names = new Set();
  for (const file of fs.readdirSync(dir, { recursive: true })) {
    if (!String(file).endsWith('.ts')) continue;
    const source = fs.readFileSync(path.join(dir, String(file)), 'utf8');
    for (const m of source.matchAll(/export function (\w+)\s*(?:<[^>]*>)?\s*\(\s*name: \w+, description: string/g)) names.add(m[1]);
  }
  return names;
}

/** Calls `visit` on every node of an acorn tree. */
function walk(node, visit) {
  if (!node || typeof node.type !== 'string') return;
  visit(node);
  for (const key of Object.keys(node)) {
    const child = node[key];
    if (Array.isArray(child)) for (const c of child) walk(c, visit);
    else if (child && typeof child.type === 'string') walk(child, visit);
  }
}

const isText = (node) => node && ((node.type === 'Literal' && typeof node.value === 'string') || node.type === 'TemplateLiteral');

/** The JavaScript of one module of src/functions without its documentation text. */
export function stripDocs(typescript, constructors) {
  const js = transformSync(typescript, { loader: 'ts', format: 'esm', target: 'es2022' }).code;
  const edits = [];
  walk(parse(js, { ecmaVersion: 'latest', sourceType: 'module' }), (node) => {
    if (node.type === 'Property' && !node.computed && node.key.name === 'description' && isText(node.value)) {
      edits.push({ start: node.value.start, end: node.value.end, text: '""' }); // a parameter written as an object
      return;
    }
    if (node.type !== 'CallExpression' || node.callee.type !== 'Identifier') return;
    const callee = node.callee.name;
    if (callee === 'defineFunction' && node.arguments[0]?.type === 'ObjectExpression') {
      // The property goes whole, with the comma after it (the next property's start, or its own end when last).
      const properties = node.arguments[0].properties;
      properties.forEach((p, k) => {
        if (p.type === 'Property' && !p.computed && DOC_FIELDS.has(p.key.name)) edits.push({ start: p.start, end: properties[k + 1]?.start ?? p.end, text: '' });
      });
    } else if (constructors.has(callee) && isText(node.arguments[1])) {
      edits.push({ start: node.arguments[1].start, end: node.arguments[1].end, text: '""' });
    } else if (EXAMPLE_BUILDERS.has(callee)) {
      edits.push({ start: node.start, end: node.start, text: '/* @__PURE__ */ ' });
    }
  });
  // Drop edits inside a replaced region (an example builder inside examples), then apply from the end.
  edits.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept = edits.filter((e, i) => !edits.slice(0, i).some((o) => o.end > o.start && e.start >= o.start && e.start < o.end));
  let out = js;
  for (const e of kept.reverse()) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** The plugin: the modules of src/functions lose their documentation text; everything else loads as usual. */
export function stripDocsPlugin() {
  const constructors = paramConstructors();
  return {
    name: 'strip-docs',
    setup(build) {
      build.onLoad({ filter: FUNCTIONS_FILE }, (args) => ({ contents: stripDocs(fs.readFileSync(args.path, 'utf8'), constructors), loader: 'js', resolveDir: path.dirname(args.path) }));
    },
  };
}
