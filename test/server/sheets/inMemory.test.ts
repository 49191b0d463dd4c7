// The in-memory workbook behaves like Apps Script where the server depends on it.

import { InMemoryWorkbook } from '../../../src/server/sheets/inMemory';

describe('InMemoryWorkbook', () => {
  const make = () => new InMemoryWorkbook([{ name: 'Data', values: [['a', 'b'], [1, 2], [3, '']] }]);

  it('reads the data range as rows × columns with blanks as ""', () => {
    const wb = make();
    expect(wb.readValues(0)).toEqual([['a', 'b'], [1, 2], [3, '']]);
    expect(wb.readValues(0, { row: 2, column: 2, rows: 2, columns: 2 })).toEqual([[2, ''], ['', '']]);
  });

  it('rejects ranges outside the sheet and blocks whose rows differ in length', () => {
    const wb = make();
    expect(() => wb.readValues(0, { row: 0, column: 1, rows: 1, columns: 1 })).toThrow(/too small/);
    expect(() => wb.readValues(0, { row: 1000, column: 1, rows: 2, columns: 1 })).toThrow(/outside the dimensions/);
    expect(() => wb.writeBlock(0, { row: 1, column: 1, values: [[1, 2], [3]] })).toThrow(/number of columns in the data/);
    expect(() => wb.writeBlock(0, { row: 1, column: 1, values: [[1]], formats: [['@'], ['@']] })).toThrow(/number of rows in the formats/);
  });

  it('refuses a sheet name already taken, whatever its case', () => {
    const wb = make();
    expect(() => wb.insertSheet('DATA', { hidden: false })).toThrow(/already exists/);
    const id = wb.insertSheet('Other', { hidden: true, tag: { key: 'k', value: 'v' } });
    expect(wb.listSheets().find((s) => s.id === id)).toMatchObject({ name: 'Other', hidden: true, tags: { k: 'v' } });
  });

  it('turns "=..." into a formula unless the cell is formatted as text, like Sheets does with typed input', () => {
    const wb = make();
    wb.writeBlock(0, { row: 5, column: 1, values: [['=1+1', '=1+1', "'=1+1", '42']], formats: [['', '@', '', '']] });
    const s = wb.sheetById(0)!;
    expect(s.formulas).toEqual(['5,1']);
    expect(s.values[4]).toEqual(['=1+1', '=1+1', '=1+1', 42]);
  });

  it('counts calls and fails at the chosen write', () => {
    const wb = make();
    wb.failAtWrite = 2;
    wb.listSheets();
    wb.setFrozenRows(0, 1);
    expect(() => wb.setFrozenRows(0, 2)).toThrow(/Injected failure at write 2/);
    expect(wb.sheetById(0)!.frozenRows).toBe(1);
    expect(wb.calls).toEqual({ listSheets: 1, setFrozenRows: 2 });
    expect(wb.totalCalls()).toBe(3);
  });

  it('finds sheets by id, by name ignoring case, and by tag', () => {
    const wb = make();
    const id = wb.insertSheet('Tab', { hidden: true, tag: { key: 'k', value: 'v' } });
    expect(wb.findSheet({ name: 'data' })?.id).toBe(0);
    expect(wb.findSheet({ id })?.name).toBe('Tab');
    expect(wb.findSheet({ id: 99 })).toBeUndefined();
    expect(wb.sheetsTagged('k').map((s) => s.id)).toEqual([id]);
    expect(wb.sheetsTagged('k', 'w')).toEqual([]);
  });

  it('moves a tag from the old tab to the new one (marking the old), names and untags the new one, each safe to repeat', () => {
    const wb = make();
    const old = wb.insertSheet('Old', { hidden: false, tag: { key: 's', value: 'r1' } });
    const tab = wb.insertSheet('New', { hidden: true, tag: { key: 'b', value: 'r1' } });
    for (let k = 0; k < 2; k++) wb.publishSheet({ sheetId: tab, tag: { key: 's', value: 'r1' }, from: old, mark: { key: 'b', value: 'r1' } });
    expect([wb.sheetById(old)!.tags, wb.sheetById(tab)!.tags, wb.sheetById(tab)!.hidden]).toEqual([{ b: 'r1' }, { b: 'r1', s: 'r1' }, false]);
    wb.deleteSheet(old);
    for (let k = 0; k < 2; k++) wb.finishSheet({ sheetId: tab, name: 'Old', removeTags: ['b'], activate: true });
    expect([wb.sheetById(tab)!.name, wb.sheetById(tab)!.tags, wb.activeSheetId]).toEqual(['Old', { s: 'r1' }, tab]);
  });

  it('sets several properties in one call, or none when one is too large', () => {
    const wb = make();
    expect(() => wb.setProperties({ a: '1', b: 'x'.repeat(9 * 1024 + 1) })).toThrow(/too large/);
    wb.setProperties({ a: '1', b: '2' });
    expect(wb.properties).toEqual({ a: '1', b: '2' });
  });

  it('will not delete the last visible sheet', () => {
    const wb = make();
    expect(() => wb.deleteSheet(0)).toThrow(/visible sheets/);
  });
});
