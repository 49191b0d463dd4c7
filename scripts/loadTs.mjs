// Loads a TypeScript module into Node by bundling it with esbuild in memory (for build and doc scripts).

import { buildSync } from 'esbuild';
import { createRequire } from 'node:module';
import path from 'node:path';

/** Bundles `entry` as CommonJS and returns its exports. */
export function loadTs(entry) {
  const result = buildSync({ entryPoints: [entry], bundle: true, write: false, format: 'cjs', platform: 'node', target: 'node20', logLevel: 'silent' });
  const module = { exports: {} };
  const require = createRequire(path.resolve(entry));
  new Function('module', 'exports', 'require', result.outputFiles[0].text)(module, module.exports, require);
  return module.exports;
}
