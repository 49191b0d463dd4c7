// The Apps Script workbook against a recording fake of SpreadsheetApp: the calls it makes and their order.

import { AppsScriptWorkbook } from '../../../src/server/sheets/appsScript';

type Log = string[];

function fakeSheet(log: Log, id: number, name: string) {
  const meta: { key: string; value: string; removed?: boolean }[] = [];
  const sheet = {
    meta, name,
    getSheetId: () => id,
    getName: () => sheet.name,
    isSheetHidden: () => false,
    getLastRow: () => 3,
    getLastColumn: () => 2,
    getMaxRows: () => 1000,
    getMaxColumns: () => 26,
    insertRowsAfter: (after: number, n: number) => log.push(`${name}.insertRowsAfter(${after},${n})`),
    insertColumnsAfter: (after: number, n: number) => log.push(`${name}.insertColumnsAfter(${after},${n})`),
    hideSheet: () => log.push(`${name}.hideSheet`),
    showSheet: () => log.push(`${sheet.name}.showSheet`),
    activate: () => log.push(`${sheet.name}.activate`),
    setName: (n: string) => {
      log.push(`${sheet.name}.setName(${n})`);
      sheet.name = n;
    },
    addDeveloperMetadata: (key: string, value: string) => {
      log.push(`${sheet.name}.addDeveloperMetadata(${key}=${value})`);
      meta.push({ key, value });
    },
    getDeveloperMetadata: () => meta.filter((m) => !m.removed).map((m) => ({ getKey: () => m.key, remove: () => { m.removed = true; log.push(`${sheet.name}.removeMetadata(${m.key})`); } })),
    getRange: (r: number, c: number, h: number, w: number) => {
      const range = {
        setNumberFormats: (f: string[][]) => {
          log.push(`${sheet.name}.setNumberFormats(${r},${c},${h},${w}:${JSON.stringify(f)})`);
          return range;
        },
        setValues: (v: unknown[][]) => log.push(`${sheet.name}.setValues(${r},${c},${h},${w}:${JSON.stringify(v)})`),
        getValues: () => [['a']],
      };
      return range;
    },
    getDataRange: () => ({ getValues: () => [['a', 'b']] }),
    protect: () => {
      const p = { setDescription: () => p, setWarningOnly: (w: boolean) => { log.push(`${sheet.name}.protect.setWarningOnly(${w})`); return p; } };
      return p;
    },
  };
  return sheet;
}

function fakeSpreadsheet(log: Log) {
  const sheets = [fakeSheet(log, 0, 'Data'), fakeSheet(log, 7, 'Old summary')];
  sheets[1].meta.push({ key: 'crmMetrics.summary', value: 'r1' });
  const ss = {
    sheets,
    getSheets: () => sheets,
    getNumSheets: () => sheets.length,
    getActiveSheet: () => sheets[0],
    insertSheet: (name: string) => {
      const s = fakeSheet(log, 42, name);
      sheets.push(s);
      log.push(`insertSheet(${name})`);
      return s;
    },
    deleteSheet: (s: { getName(): string }) => {
      log.push(`deleteSheet(${s.getName()})`);
      sheets.splice(sheets.indexOf(s as never), 1);
    },
    createDeveloperMetadataFinder: () => ({
      withLocationType: () => ({
        find: () => sheets.flatMap((s) => s.meta.filter((m) => !m.removed).map((m) => ({ getKey: () => m.key, getValue: () => m.value, getLocation: () => ({ getSheet: () => s }) }))),
      }),
    }),
  };
  return ss;
}

beforeAll(() => {
  (globalThis as Record<string, unknown>).SpreadsheetApp = { DeveloperMetadataLocationType: { SHEET: 'SHEET' } };
});

describe('AppsScriptWorkbook', () => {
  it('finds its tabs by developer metadata', () => {
    const log: Log = [];
    const wb = new AppsScriptWorkbook(fakeSpreadsheet(log) as never);
    expect(wb.listSheets().map((s) => [s.id, s.name, s.tags])).toEqual([[0, 'Data', {}], [7, 'Old summary', { 'crmMetrics.summary': 'r1' }]]);
  });

  it('sizes, hides and tags a new sheet (leaving the user on their sheet), writes formats before values, then swaps it in', () => {
    const log: Log = [];
    const ss = fakeSpreadsheet(log);
    const wb = new AppsScriptWorkbook(ss as never);
    const id = wb.insertSheet('tmp', { hidden: true, tag: { key: 'crmMetrics.building', value: 'r1' }, rows: 1200, columns: 30 });
    wb.writeBlock(id, { row: 1, column: 1, values: [['=1+1', 5]], formats: [['@', '']] });
    wb.protectWarningOnly(id, 'generated');
    wb.replaceSheet({ keep: id, remove: 7, name: 'Summary', tag: { key: 'crmMetrics.summary', value: 'r1' } });
    expect(log).toEqual([
      'insertSheet(tmp)', 'Data.activate', 'tmp.insertRowsAfter(1000,200)', 'tmp.insertColumnsAfter(26,4)', 'tmp.hideSheet', 'tmp.addDeveloperMetadata(crmMetrics.building=r1)',
      'tmp.setNumberFormats(1,1,1,2:[["@","General"]])', 'tmp.setValues(1,1,1,2:[["=1+1",5]])',
      'tmp.protect.setWarningOnly(true)',
      'deleteSheet(Old summary)', 'tmp.setName(Summary)', 'Summary.showSheet', 'Summary.removeMetadata(crmMetrics.building)',
      'Summary.addDeveloperMetadata(crmMetrics.summary=r1)', 'Summary.activate',
    ]);
    expect(ss.sheets.map((s) => s.name)).toEqual(['Data', 'Summary']);
  });
});
