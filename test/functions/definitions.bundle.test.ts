// The translations stay out of the custom-function bundle (lib.js), which Apps Script evaluates on every call.

import { buildSync } from 'esbuild';
import path from 'node:path';

/** The source files lib.js is bundled from (scripts/build.mjs's entry; its doc-stripping plugin removes no import). */
function libInputs(): string[] {
  const result = buildSync({
    absWorkingDir: path.join(__dirname, '../..'), entryPoints: ['src/server/main.ts'], bundle: true, write: false, format: 'iife',
    target: 'es2019', metafile: true, logLevel: 'silent', define: { __SIDEBAR_HALF__: JSON.stringify({ length: 0, hash: '' }) },
  });
  return Object.keys(result.metafile.inputs);
}

describe('lib.js', () => {
  const inputs = libInputs();

  it('is built from the function table and the English message texts', () => {
    expect(inputs).toContain('src/functions/catalogue.ts');
    expect(inputs).toContain('src/core/errorTexts/en.ts');
  });

  it('holds no translated definition or error text', () => {
    expect(inputs.filter((f) => f.startsWith('src/functions/definitions/') || /^src\/core\/errorTexts\/(cs|pl|ru|th|index)\.ts$/.test(f))).toEqual([]);
  });
});
