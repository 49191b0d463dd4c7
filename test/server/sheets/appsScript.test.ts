// The Apps Script workbook on the simulation: the calls it makes and their order, sheets looked up once, fixed costs.

import { AppsScriptWorkbook } from '../../../src/server/sheets/appsScript';
import { AppsScriptSimulation } from '../../appsScript/simulation';
import { appsScriptCosts } from '../../appsScript/measure';

function setUp(): { sim: AppsScriptSimulation; wb: AppsScriptWorkbook; data: number; old: number } {
  const sim = new AppsScriptSimulation({ sheets: [{ name: 'Data', values: [['a', 'b'], [1, 2], [3, 4]] }, { name: 'Old summary', values: [['old']] }] });
  const data = sim.sheet('Data')!.id;
  const old = sim.sheet('Old summary')!.id;
  sim.doc.metadata.push({ id: 1, key: 'crmMetrics.summary', value: 'r1', sheet: sim.sheet(old)! }, { id: 2, key: 'otherAddon.x', value: 'y', sheet: sim.sheet(data)! });
  sim.resetCalls();
  return { sim, wb: new AppsScriptWorkbook(sim.services(), { sleep: (ms) => sim.slept.push(ms) }), data, old };
}

const labels = (sim: AppsScriptSimulation): string[] => sim.calls.map((c) => `${c.type}.${c.method}`);

describe('AppsScriptWorkbook', () => {
  it('finds its tabs by developer metadata, and only its own tags', () => {
    const { wb, data, old } = setUp();
    expect(wb.listSheets().map((s) => [s.id, s.name, s.hidden, s.lastRow, s.tags])).toEqual([[data, 'Data', false, 3, {}], [old, 'Old summary', false, 1, { 'crmMetrics.summary': 'r1' }]]);
    expect(wb.sheetsTagged('crmMetrics.summary', 'r1').map((s) => s.id)).toEqual([old]);
    expect(wb.sheetsTagged('crmMetrics.summary', 'r2')).toEqual([]);
  });

  it('inserts a sheet and tags it at once, puts the user back on their sheet, then hides and grows it', () => {
    const { sim, wb, data } = setUp();
    const id = wb.insertSheet('tmp', { hidden: true, tag: { key: 'crmMetrics.building', value: 'r1' }, rows: 1200, columns: 30 });
    expect(labels(sim)).toEqual([
      'SpreadsheetApp.getActive', 'Spreadsheet.getActiveSheet', 'Spreadsheet.getNumSheets', 'Spreadsheet.insertSheet', 'Sheet.getSheetId',
      'Sheet.addDeveloperMetadata', 'Sheet.activate', 'Sheet.hideSheet', 'Sheet.getMaxRows', 'Sheet.insertRowsAfter', 'Sheet.getMaxColumns', 'Sheet.insertColumnsAfter',
    ]);
    expect(sim.sheet(id)).toMatchObject({ name: 'tmp', hidden: true, maxRows: 1200, maxColumns: 30 });
    expect(sim.tagsOf(id)).toEqual({ 'crmMetrics.building': ['r1'] });
    expect(sim.activeSheetId).toBe(data);
    expect(sim.sheets.map((s) => s.name)).toEqual(['Data', 'Old summary', 'tmp']);
  });

  it('writes number formats before values, so "=1+1" in a text cell stays text', () => {
    const { sim, wb, data } = setUp();
    wb.writeBlock(data, { row: 5, column: 1, values: [['=1+1', 5]], formats: [['@', '']] });
    expect(labels(sim).slice(-3)).toEqual(['Sheet.getRange', 'Range.setNumberFormats', 'Range.setValues']);
    expect(sim.sheet(data)!.values[4]).toEqual(['=1+1', 5]);
    expect(sim.sheet(data)!.formulas.size).toBe(0);
    expect(sim.sheet(data)!.formats[4]).toEqual(['@', 'General']);
  });

  it('looks each sheet up once per execution, never by scanning every sheet', () => {
    const { sim, wb, data } = setUp();
    for (let k = 1; k <= 5; k++) wb.writeBlock(data, { row: k, column: 4, values: [[k]] });
    wb.setFrozenRows(data, 1);
    wb.setColumnWidths(data, [{ column: 1, width: 120 }, { column: 2, width: 120 }, { column: 4, width: 80 }]);
    expect(labels(sim).filter((l) => l === 'Spreadsheet.getSheetById')).toHaveLength(1);
    expect(labels(sim)).not.toContain('Spreadsheet.getSheets');
    // Equal widths of neighbouring columns go in one call.
    expect(labels(sim).filter((l) => l === 'Sheet.setColumnWidths')).toHaveLength(2);
    expect(sim.sheet(data)!.columnWidths).toEqual({ 1: 120, 2: 120, 4: 80 });
  });

  it('moves the tag in one call (marking the old tab first), so exactly one visible sheet carries it after every call', () => {
    const probe = setUp();
    const id = probe.wb.insertSheet('new', { hidden: true, tag: { key: 'crmMetrics.building', value: 'r1' } });
    const start = probe.sim.fork();
    probe.sim.resetCalls();
    const publish = (wb: AppsScriptWorkbook): void => wb.publishSheet({ sheetId: id, tag: { key: 'crmMetrics.summary', value: 'r1' }, from: probe.old, mark: { key: 'crmMetrics.building', value: 'r1' } });
    publish(probe.wb);
    expect(labels(probe.sim).filter((l) => !/get|find|with|Location/i.test(l))).toEqual(['Sheet.showSheet', 'Sheet.addDeveloperMetadata', 'DeveloperMetadata.moveToSheet']);
    expect(probe.sim.tagsOf(id)).toEqual({ 'crmMetrics.building': ['r1'], 'crmMetrics.summary': ['r1'] });
    expect(probe.sim.tagsOf(probe.old)).toEqual({ 'crmMetrics.building': ['r1'] });
    const visibleTagged = (sim: AppsScriptSimulation): number =>
      sim.sheets.filter((s) => !s.hidden && sim.tagsOf(s.id)['crmMetrics.summary']?.includes('r1')).length;
    for (let k = 1; k <= probe.sim.calls.length; k++) {
      const sim = start.fork();
      sim.failFrom(k);
      expect(() => publish(new AppsScriptWorkbook(sim.services(), { sleep: () => undefined }))).toThrow(/Google Sheets did not respond/);
      expect([k, visibleTagged(sim)]).toEqual([k, 1]);
    }
  });

  it('makes a build and a refresh cost the same Apps Script calls with 5 sheets or 50; listing costs a few calls per sheet', () => {
    const [few, many] = [5, 50].map(appsScriptCosts);
    expect(many.build).toBe(few.build);
    expect(many.refresh).toBe(few.refresh);
    expect(many.detect).toBe(few.detect);
    // The sheet list returns every sheet's id and name: Apps Script has no call that gives them all at once.
    expect((many.listSheets - few.listSheets) / 45).toBe(2);
  });

  it('tags, names and activates the finished tab, and removes its building mark, each only when needed', () => {
    const { sim, wb, data } = setUp();
    wb.finishSheet({ sheetId: data, name: 'Data', removeTags: ['crmMetrics.building'], activate: false });
    expect(labels(sim).filter((l) => !/get|find/i.test(l))).toEqual([]);
  });
});

describe('AppsScriptWorkbook retries', () => {
  it('retries an idempotent call that failed, after waiting half a second', () => {
    const { sim, wb, data } = setUp();
    sim.fail({ when: (c) => c.method === 'setValues' && sim.calls.filter((x) => x.method === 'setValues').length === 1 });
    wb.writeBlock(data, { row: 1, column: 1, values: [['x']] });
    expect(sim.sheet(data)!.values[0][0]).toBe('x');
    expect(sim.slept).toEqual([500]);
    expect(wb.calls.retries).toBe(1);
  });

  it('gives up on one call after 3 retries (waiting 0.5, 1 and 2 s) with the keyed message, never the service text', () => {
    const { sim, wb, data } = setUp();
    sim.fail({ when: (c) => c.method === 'setValues' });
    expect(() => wb.writeBlock(data, { row: 1, column: 1, values: [['x']] })).toThrow(expect.objectContaining({ key: 'sheetsUnavailable', message: expect.not.stringMatching(/Exception/) }));
    expect(sim.slept).toEqual([500, 1000, 2000]);
    expect(sim.calls.filter((c) => c.method === 'setValues')).toHaveLength(4);
  });

  it('retries at most 10 times in one execution, then every service error ends the work at once', () => {
    const { sim, wb, data } = setUp();
    sim.fail({ when: (c) => c.method === 'setValues' });
    for (let k = 0; k < 4; k++) expect(() => wb.writeBlock(data, { row: 1, column: 1, values: [['x']] })).toThrow(/did not respond/);
    expect(wb.calls.retries).toBe(10);
    expect(sim.slept).toEqual([500, 1000, 2000, 500, 1000, 2000, 500, 1000, 2000, 500]);
  });

  it('never retries a call that must not run twice', () => {
    const { sim, wb } = setUp();
    sim.fail({ when: (c) => c.method === 'insertSheet' });
    expect(() => wb.insertSheet('tmp', { hidden: true })).toThrow(/did not respond/);
    expect(sim.calls.filter((c) => c.method === 'insertSheet')).toHaveLength(1);
    expect(sim.slept).toEqual([]);
  });

  it('passes other errors through as they are', () => {
    const { wb } = setUp();
    expect(() => wb.insertSheet('data', { hidden: true })).toThrow(/A sheet with the name "data" already exists/);
  });
});
