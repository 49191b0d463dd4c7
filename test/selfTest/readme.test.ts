// The README's deploy steps end with the self-test, and its table says for each item what the dialog says.

import fs from 'node:fs';
import path from 'node:path';
import { ITEMS } from '../../src/server/selfTest/items';

const readme = fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
const deploySection = readme.slice(readme.indexOf('## Deploying to a real spreadsheet'), readme.indexOf('\n## ', readme.indexOf('## Deploying to a real spreadsheet') + 1));

describe("the README's deploy steps", () => {
  it('end with running the self-test, from the menu or the editor', () => {
    const steps = [...deploySection.matchAll(/^(\d+)\. /gm)].map((m) => Number(m[1]));
    const last = deploySection.slice(deploySection.lastIndexOf(`\n${steps[steps.length - 1]}. `));
    expect(steps).toEqual(steps.map((_, k) => k + 1));
    expect(last).toContain('*Extensions ▸ CRM Metrics ▸ Run self-test*');
    expect(last).toContain('`runSelfTest`');
  });

  it.each(ITEMS.map((item) => [item.name, item]))('give what a failure of "%s" means and what to do, as the self-test does', (_, item) => {
    expect(deploySection).toContain(`| ${item.name} | ${item.means} | ${item.todo} |`);
  });

  it('list no item the self-test does not have', () => {
    const rows = [...deploySection.matchAll(/^ {3}\| (?!item \||---)([^|]+) \|/gm)].map((m) => m[1]);
    expect(rows).toEqual(ITEMS.map((i) => i.name));
  });
});
