// The workbench's open document: saved after every change (and only then), the language switch sets the locale the
// add-on reads, and Reset brings the sample back.

import { parseState } from '../../scripts/workbench/state';
import { buildSurveySummary, sampleDocument } from './helpers';

describe('saving', () => {
  it('saves after a summary is built, with the report and its tab in the saved text', () => {
    const { document, saves } = sampleDocument();
    const { sheetId } = buildSurveySummary(document);
    expect(saves).toHaveLength(1);
    const saved = parseState(saves[0]).workbook;
    expect(saved.sheetById(sheetId)?.name).toBe('NPS monthly');
    expect(Object.keys(saved.properties).length).toBeGreaterThan(0);
  });

  it('does not save after a call that only reads', () => {
    const { document, saves } = sampleDocument();
    document.rpc('listSheets', {});
    document.rpc('detectTable', { sheetId: 0 });
    document.rpc('listReports', {});
    expect(saves).toHaveLength(0);
  });

  it('saves after a selection (the active sheet and the selected cells are the document’s too)', () => {
    const { document, saves } = sampleDocument();
    document.rpc('selectRange', { sheetId: 1, ranges: ['A2:A3'] });
    expect(saves).toHaveLength(1);
    expect(parseState(saves[0]).workbook.activeSheetId).toBe(1);
  });

  it('saves after every edit the page makes', () => {
    const { document, saves } = sampleDocument();
    document.edit((m) => m.setCell(0, 2, 2, 'typed'));
    document.edit((m) => { m.workbook.activeSheetId = 2; });
    expect(saves).toHaveLength(2);
    expect(parseState(saves[1]).workbook.sheetById(0)?.values[1][1]).toBe('typed');
  });
});

describe('the language switch', () => {
  it.each([['cs', 'cs_CZ'], ['pl', 'pl_PL'], ['ru', 'ru_RU'], ['th', 'th_TH'], ['en', 'en_US']] as const)(
    '%s sets the locale %s, which the add-on reads as the user’s, and keeps the workbook', (language, locale) => {
      const { document, saves } = sampleDocument(language === 'en' ? 'cs_CZ' : 'en_US');
      buildSurveySummary(document);
      const sheets = document.workbook.sheets.map((s) => s.name);
      document.setLanguage(language);
      expect(document.workbook.locale).toBe(locale);
      expect(document.rpc('getLocale', {})).toMatchObject({ ok: true, data: { language, locale } });
      expect(document.workbook.sheets.map((s) => s.name)).toEqual(sheets);
      expect(parseState(saves[saves.length - 1]).workbook.locale).toBe(locale);
    });

  it('keeps a locale that already speaks the language (en_GB stays en_GB)', () => {
    const { document, saves } = sampleDocument('en_GB');
    document.setLanguage('en');
    expect(document.workbook.locale).toBe('en_GB');
    expect(saves).toHaveLength(0);
  });
});

describe('Reset sample workbook', () => {
  it('restores the sample sheets and data, forgets reports and edits, and keeps the language', () => {
    const { document, saves } = sampleDocument('pl_PL');
    const sampleNames = document.workbook.sheets.map((s) => s.name);
    const firstRow = document.workbook.readValues(0, { row: 2, column: 1, rows: 1, columns: 6 });
    buildSurveySummary(document);
    document.edit((m) => m.setCell(0, 2, 2, 'typed'));
    document.reset();
    expect(document.workbook.sheets.map((s) => s.name)).toEqual(sampleNames);
    expect(document.workbook.readValues(0, { row: 2, column: 1, rows: 1, columns: 6 })).toEqual(firstRow);
    expect(document.workbook.properties).toEqual({});
    expect(document.workbook.locale).toBe('pl_PL');
    expect(parseState(saves[saves.length - 1]).workbook.sheets.map((s) => s.name)).toEqual(sampleNames);
  });

  it('answers the sidebar from the new workbook (the handlers follow it)', () => {
    const { document } = sampleDocument();
    buildSurveySummary(document);
    document.reset();
    expect(document.rpc('listReports', {})).toMatchObject({ ok: true, data: { reports: [] } });
    expect(() => buildSurveySummary(document)).not.toThrow();
  });
});
