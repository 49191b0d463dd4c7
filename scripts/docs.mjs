// Writes the function reference generated from the function table: docs/functions.md and the README's table.

import fs from 'node:fs';
import { loadTs } from './loadTs.mjs';

export const README_START = '<!-- function-reference:start -->';
export const README_END = '<!-- function-reference:end -->';

const { functionReference, readmeReference } = loadTs('scripts/reference.ts');
const { FUNCTIONS } = loadTs('src/functions/catalogue.ts');
fs.mkdirSync('docs', { recursive: true });
fs.writeFileSync('docs/functions.md', functionReference(FUNCTIONS) + '\n');
const readme = fs.readFileSync('README.md', 'utf8');
const start = readme.indexOf(README_START);
const end = readme.indexOf(README_END);
if (start < 0 || end < start) throw new Error(`README.md needs the markers ${README_START} and ${README_END}`);
fs.writeFileSync('README.md', readme.slice(0, start + README_START.length) + '\n' + readmeReference(FUNCTIONS) + '\n' + readme.slice(end));
console.log(`docs/functions.md and README.md: ${FUNCTIONS.length} functions`);
