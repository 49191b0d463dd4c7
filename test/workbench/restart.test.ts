// Restarting the workbench keeps the workbook: `node scripts/workbench.mjs --state=<file>` saves every change and
// loads it on the next start; --fresh neither reads nor writes it; under Jest, no flag means no file at all.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { api, ROOT, startWorkbench, type Workbench } from '../browser/harness';

interface Book { locale: string; language: string; savedIn: string | null; sheets: { id: number; name: string }[] }
interface Sheet { rows: unknown[][]; formulas: Record<string, string> }

let dir: string;
let state: string;
const running: Workbench[] = [];

async function start(...args: string[]): Promise<Workbench> {
  const wb = await startWorkbench(['--rows=50', ...args]);
  running.push(wb);
  return wb;
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'workbench-restart-'));
  state = path.join(dir, 'workbook.json');
});
afterAll(async () => {
  await Promise.all(running.map((w) => w.stop()));
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a workbench with a state file', () => {
  it('keeps a typed formula, a Date cell, a new sheet and the language across a restart', async () => {
    const first = await start(`--state=${state}`);
    await api(first.url, '/api/cell', { sheetId: 0, row: 1, column: 12, input: '=NPS(D2:D51; "2025"; A2:A51)' });
    await api(first.url, '/api/cell', { sheetId: 0, row: 2, column: 12, input: '2025-03-01' });
    await api(first.url, '/api/sheets', { name: 'Pasted', values: [['Score'], [9]] });
    await api(first.url, '/api/language', { language: 'ru' });
    await first.stop();

    const second = await start(`--state=${state}`);
    const book = await api<Book>(second.url, '/api/workbook');
    expect([book.locale, book.language, book.savedIn]).toEqual(['ru_RU', 'ru', state]);
    expect(book.sheets.map((s) => s.name)).toContain('Pasted');
    const sheet = await api<Sheet>(second.url, '/api/sheet/0');
    expect(sheet.formulas['1,12']).toBe('=NPS(D2:D51; "2025"; A2:A51)');
    expect(typeof sheet.rows[0][11]).toBe('number');
    expect(sheet.rows[1][11]).toEqual({ d: '2025-03-01T00:00:00.000Z' });
    await second.stop();
  });

  it('--locale= overrides the saved locale (and is saved)', async () => {
    const wb = await start(`--state=${state}`, '--locale=th_TH');
    expect((await api<Book>(wb.url, '/api/workbook')).locale).toBe('th_TH');
    await wb.stop();
    expect(JSON.parse(fs.readFileSync(state, 'utf8')).locale).toBe('th_TH');
  });

  it('--fresh starts from the sample and leaves the saved file as it was', async () => {
    const before = fs.readFileSync(state, 'utf8');
    const wb = await start(`--state=${state}`, '--fresh');
    const book = await api<Book>(wb.url, '/api/workbook');
    expect(book.savedIn).toBeNull();
    expect(book.sheets.map((s) => s.name)).not.toContain('Pasted');
    await api(wb.url, '/api/cell', { sheetId: 0, row: 1, column: 12, input: 'scratch' });
    await wb.stop();
    expect(fs.readFileSync(state, 'utf8')).toBe(before);
  });

  it('Reset sample workbook restores the sample and saves it', async () => {
    const wb = await start(`--state=${state}`);
    const book = await api<Book>(wb.url, '/api/reset', {});
    expect(book.sheets.map((s) => s.name)).not.toContain('Pasted');
    await wb.stop();
    expect(JSON.parse(fs.readFileSync(state, 'utf8')).sheets.map((s: { name: string }) => s.name)).not.toContain('Pasted');
  });
});

describe('under Jest without --state', () => {
  it('keeps the workbook in memory and never touches the default file', async () => {
    const own = path.join(ROOT, '.workbench', 'workbook.json');
    const stat = (): string => (fs.existsSync(own) ? `${fs.statSync(own).mtimeMs}:${fs.statSync(own).size}` : 'absent');
    const before = stat();
    const wb = await start();
    expect((await api<Book>(wb.url, '/api/workbook')).savedIn).toBeNull();
    await api(wb.url, '/api/cell', { sheetId: 0, row: 1, column: 12, input: 'not saved' });
    await wb.stop();
    expect(stat()).toBe(before);
  });
});
