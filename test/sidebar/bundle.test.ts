// dist/sidebar.html is one self-contained file, the sidebar's code stays out of dist/lib.js, and no view writes HTML.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { FUNCTIONS } from '../../src/functions/catalogue';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const read = (file: string): string => fs.readFileSync(path.join(root, file), 'utf8');

beforeAll(() => {
  if (!fs.existsSync(path.join(root, 'dist/sidebar.html')) || !fs.existsSync(path.join(root, 'dist/lib.js'))) {
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'ignore' });
  }
});

describe('dist/sidebar.html', () => {
  it('inlines its script and style and loads nothing from anywhere', () => {
    const html = read('dist/sidebar.html');
    expect(html).toMatch(/<script>[\s\S]{1000,}<\/script>/);
    expect(html).toMatch(/<style>[\s\S]{500,}<\/style>/);
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/@import|url\(\s*['"]?(https?:)?\/\//i);
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org)/i);
    expect(html.match(/<\/script>/gi)).toHaveLength(1);
  });

  it('stays small: under 150 KB', () => {
    expect(Buffer.byteLength(read('dist/sidebar.html'))).toBeLessThan(150_000);
  });

  it('carries every language of the catalogue', () => {
    const html = read('dist/sidebar.html');
    for (const text of ['Build summary', 'Vytvořit souhrn', 'Utwórz podsumowanie', 'Построить сводку', 'สร้างสรุป']) expect(html).toContain(text);
  });
});

describe('dist/lib.js (the server bundle evaluated on every call)', () => {
  const lib = read('dist/lib.js');

  it('holds none of the sidebar’s code or the workbench’s formula engine', () => {
    for (const marker of ['Vytvořit souhrn', 'withSuccessHandler', 'createElement', 'HyperFormula', 'gpl-v3']) expect(lib).not.toContain(marker);
  });

  it('leaves the sidebar half (zod schemas, summary builder, column mapping) to dist/sidebarServer.html', () => {
    const half = read('dist/sidebarServer.html');
    for (const marker of ['__zod_globalConfig', 'crmMetrics.summary', 'zakaznik']) {
      expect([marker, lib.includes(marker)]).toEqual([marker, false]);
      expect([marker, half.includes(marker)]).toEqual([marker, true]);
    }
  });

  it('carries no documentation text of the function table (the stubs and the sidebar half have it)', () => {
    for (const f of FUNCTIONS) {
      const texts = [f.definition, f.returns, ...f.params.map((p) => p.description)].filter((t) => t.length > 20);
      for (const t of texts) expect([f.name, lib.includes(JSON.stringify(t).slice(1, 30))]).toEqual([f.name, false]);
    }
  });
});

describe('sidebar sources', () => {
  const files = ['sidebar'].flatMap(function walk(dir: string): string[] {
    return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(`${dir}/${d.name}`) : d.name.endsWith('.ts') ? [`${dir}/${d.name}`] : []));
  });

  it.each(files)('%s never writes HTML from strings', (file) => {
    expect(read(file)).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|createContextualFragment|DOMParser/);
  });
});
