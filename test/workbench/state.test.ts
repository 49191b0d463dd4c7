// The workbench's saved state: a workbook with reports, tabs, edits and typed formulas comes back whole from its text,
// Date cells as Dates, sheet ids kept; a file that is not a state file is refused with the reason.

import { parseState, stateText } from '../../scripts/workbench/state';
import { WorkbenchDocument } from '../../scripts/workbench/document';
import { rpcHandlers } from '../../src/server/rpc/handlers';
import { buildSurveySummary, NOW, sample, sampleDocument } from './helpers';

/** A document with a summary tab, a deleted sheet (a gap in the ids), typed cells and a spilled formula. */
function editedDocument(): WorkbenchDocument {
  const { document } = sampleDocument('cs_CZ');
  buildSurveySummary(document);
  const deals = document.workbook.sheetByName('Deals')!;
  document.workbook.deleteSheet(document.workbook.sheetByName('Orders')!.id);
  document.edit((m) => {
    m.setCell(deals.id, 2, 2, 'edited by hand');
    m.setCell(deals.id, 3, 1, '2025-02-28');
    m.setCell(0, 1, 10, '=NPS(D2:D81; "quarter"; A2:A81)');
    m.setCell(0, 1, 15, '=ROUND(2,75; 1)');
  });
  document.rpc('selectRange', { sheetId: deals.id, ranges: ['B2:B3'] });
  return document;
}

const reopen = (text: string): WorkbenchDocument =>
  new WorkbenchDocument(parseState(text), { handlers: (wb) => rpcHandlers(wb, { now: () => NOW }), sample });

describe('the saved state', () => {
  const before = editedDocument();
  const text = stateText(before.model);
  const after = reopen(text);

  it('brings back every sheet with its id, name, values, formats, charts, tags and colour rules', () => {
    expect(after.workbook.sheets.map((s) => [s.id, s.name, s.hidden])).toEqual(before.workbook.sheets.map((s) => [s.id, s.name, s.hidden]));
    for (const s of before.workbook.sheets) {
      const back = after.workbook.sheetById(s.id)!;
      expect(after.workbook.readValues(s.id)).toEqual(before.workbook.readValues(s.id));
      expect([back.charts, back.tags, back.colourRules, back.frozenRows, back.columnWidths, back.formulas])
        .toEqual([s.charts, s.tags, s.colourRules, s.frozenRows, s.columnWidths, s.formulas]);
    }
  });

  it('brings Date cells back as Dates at the same instant', () => {
    const deals = after.workbook.sheetByName('Deals')!;
    const typed = deals.values[2][0];
    expect(typed).toBeInstanceOf(Date);
    expect((typed as Date).toISOString()).toBe('2025-02-28T00:00:00.000Z');
    const surveys = before.workbook.sheetByName('Surveys')!.values;
    const back = after.workbook.sheetByName('Surveys')!.values;
    expect(back[1][0]).toBeInstanceOf(Date);
    expect((back[1][0] as Date).getTime()).toBe((surveys[1][0] as Date).getTime());
  });

  it('keeps the reports, the locale, the active sheet and the selection', () => {
    expect(after.workbook.properties).toEqual(before.workbook.properties);
    expect(after.rpc('listReports', {})).toEqual(before.rpc('listReports', {}));
    expect([after.workbook.locale, after.workbook.activeSheetId, after.workbook.selection])
      .toEqual([before.workbook.locale, before.workbook.activeSheetId, before.workbook.selection]);
  });

  it('computes typed formulas again (a spill included) and shows them as typed', () => {
    expect(after.model.view(0)?.formulas).toEqual(before.model.view(0)?.formulas);
    expect(after.model.view(0)?.formulas['1,10']).toBe('=NPS(D2:D81; "quarter"; A2:A81)');
    const spill = (d: WorkbenchDocument): unknown[] => d.workbook.sheetById(0)!.values.slice(0, 6).map((r) => r[10]);
    expect(spill(after)).toEqual(spill(before));
    expect(spill(after).filter((v) => typeof v === 'number').length).toBeGreaterThan(0);
    expect(after.model.cellValue(0, 1, 15)).toBe(2.8);
  });

  it('does not save formula results as inputs: saving again gives the same text', () => {
    expect(stateText(after.model)).toBe(text);
  });

  it('gives a sheet inserted later an id no restored sheet has', () => {
    const ids = after.workbook.sheets.map((s) => s.id);
    const id = after.workbook.insertSheet('New one', { hidden: false });
    expect(ids).not.toContain(id);
  });

  it('refreshes a restored report onto its tab', () => {
    const listed = after.rpc('listReports', {}) as { data: { reports: { report: { id: string } }[] } };
    const id = listed.data.reports[0].report.id;
    expect(after.rpc('refreshReport', { id })).toMatchObject({ ok: true });
  });
});

describe('a file that is not a saved workbench', () => {
  it.each([
    ['not JSON', '{"format": ', /JSON/],
    ['another format', '{"format":"x","version":1,"sheets":[]}', /format/],
    ['a newer version', '{"format":"crm-metrics-workbench","version":99,"sheets":[]}', /version 99/],
    ['no sheets', '{"format":"crm-metrics-workbench","version":1,"sheets":[]}', /no sheets/],
    ['a sheet without values', '{"format":"crm-metrics-workbench","version":1,"sheets":[{"id":0,"name":"A"}]}', /values/],
  ])('%s is refused, saying why', (_what, text, why) => {
    expect(() => parseState(text)).toThrow(why);
  });
});
