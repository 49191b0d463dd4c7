import fs from 'node:fs';
import path from 'node:path';
import { functionReference, readmeReference } from '../scripts/reference';
import { FUNCTIONS } from '../src/functions/catalogue';

const root = path.join(__dirname, '..');
const read = (file: string): string => fs.readFileSync(path.join(root, file), 'utf8');

describe('the generated function reference', () => {
  it('docs/functions.md is in step with the function table (run `npm run docs` after changing it)', () => {
    expect(read('docs/functions.md')).toBe(functionReference(FUNCTIONS) + '\n');
  });

  it('the README table is in step with the function table', () => {
    const readme = read('README.md');
    const block = readme.slice(readme.indexOf('<!-- function-reference:start -->'), readme.indexOf('<!-- function-reference:end -->'));
    expect(block).toBe('<!-- function-reference:start -->\n' + readmeReference(FUNCTIONS) + '\n');
  });

  it('covers every function with a worked example', () => {
    const docs = read('docs/functions.md');
    for (const f of FUNCTIONS) {
      expect(docs).toContain(`### ${f.name}(`);
      expect(docs).toContain(`=${f.name}(`);
    }
  });
});
