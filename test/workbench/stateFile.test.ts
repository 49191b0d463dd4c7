// The state file on disk: atomic replacement, a missing file, and a broken file set aside (never lost) on start.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSaved } from '../../scripts/workbench/openSaved';
import { stateText } from '../../scripts/workbench/state';
import { StateFile } from '../../scripts/workbench/stateFile';
import { sample, sampleDocument } from './helpers';

let dir: string;
beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'workbench-state-')); });
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const fresh = () => ({ workbook: sample(), typed: {} });

describe('the state file', () => {
  it('reads nothing when there is no file yet', () => {
    expect(new StateFile(path.join(dir, 'none.json')).read()).toBeUndefined();
  });

  it('creates its folder, replaces the file whole, and leaves no temp file behind', () => {
    const file = new StateFile(path.join(dir, 'deep', 'workbook.json'));
    file.write('first');
    file.write('second');
    expect(file.read()).toBe('second');
    expect(fs.readdirSync(path.join(dir, 'deep'))).toEqual(['workbook.json']);
  });
});

describe('opening the saved workbook on start', () => {
  it('without a state file: the sample, in memory only', () => {
    const opened = openSaved(undefined, fresh);
    expect(opened.store).toBeUndefined();
    expect(opened.note).toMatch(/in memory only/);
  });

  it('with no file yet: the sample, to be saved there', () => {
    const opened = openSaved(path.join(dir, 'w.json'), fresh);
    expect(opened.store?.path).toBe(path.join(dir, 'w.json'));
    expect(opened.saved.workbook.sheets.map((s) => s.name)).toEqual(sample().sheets.map((s) => s.name));
  });

  it('with a saved file: that workbook', () => {
    const { document } = sampleDocument();
    document.edit((m) => m.setCell(0, 2, 2, 'kept'));
    fs.writeFileSync(path.join(dir, 'w.json'), stateText(document.model));
    const opened = openSaved(path.join(dir, 'w.json'), fresh);
    expect(opened.saved.workbook.sheetById(0)?.values[1][1]).toBe('kept');
    expect(opened.note).toMatch(/saved in/);
  });

  it('with a broken file: moves it aside (its bytes kept), says where, and opens the sample', () => {
    fs.writeFileSync(path.join(dir, 'w.json'), '{"half a file');
    const opened = openSaved(path.join(dir, 'w.json'), fresh);
    const aside = fs.readdirSync(dir).filter((f) => f.startsWith('w.broken-'));
    expect(aside).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, aside[0]), 'utf8')).toBe('{"half a file');
    expect(fs.existsSync(path.join(dir, 'w.json'))).toBe(false);
    expect(opened.note).toContain(aside[0]);
    expect(opened.saved.workbook.sheets.length).toBe(sample().sheets.length);
  });
});
