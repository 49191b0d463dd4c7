import fs from 'node:fs';
import path from 'node:path';

const APPS_SCRIPT_GLOBALS = ['SpreadsheetApp', 'HtmlService', 'PropertiesService', 'LockService', 'CacheService', 'ScriptApp',
  'Session', 'Utilities', 'Charts', 'Logger', 'UrlFetchApp', 'DriveApp', 'google'];

const filesUnder = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));

describe('the core', () => {
  const files = filesUnder(path.join(__dirname, '../../src/core')).filter((f) => f.endsWith('.ts'));

  it('has files to check', () => expect(files.length).toBeGreaterThan(5));

  it.each(files.map((f) => [path.relative(process.cwd(), f), f]))('%s uses no Apps Script global', (_, file) => {
    const code = fs.readFileSync(file, 'utf8').replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
    const found = APPS_SCRIPT_GLOBALS.filter((g) => new RegExp(`\\b${g}\\s*\\.`).test(code));
    expect(found).toEqual([]);
  });
});

describe('the add-on', () => {
  it('never fetches from the network', () => {
    const files = filesUnder(path.join(__dirname, '../../src')).filter((f) => f.endsWith('.ts'));
    const offenders = files.filter((f) => /\bUrlFetchApp\b/.test(fs.readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
