// The built add-on (dist/) in node:vm with the simulation as its Apps Script: a refresh whose calls fail answers with
// the keyed message, never Apps Script's own text, and the next call leaves the document clean.

import vm from 'node:vm';
import { distFiles, distHtml } from '../../bundle/loadBundle';
import { AppsScriptSimulation } from '../../appsScript/simulation';
import { specFor, surveysTable } from '../helpers';

const TABLE = surveysTable(120);

function document(): { sim: AppsScriptSimulation; spec: unknown } {
  const sim = new AppsScriptSimulation({ sheets: [{ name: 'Notes', values: [['mine']] }, { name: TABLE.name, values: [TABLE.headers, ...TABLE.rows] }], userLocale: 'pl', html: (name) => distHtml(name) });
  return { sim, spec: specFor(TABLE, sim.sheet(TABLE.name)!.id) };
}

/** One execution: a fresh global scope holding the project's script files, as Apps Script starts each execution. */
function execute(sim: AppsScriptSimulation, entry: string, request: unknown): { ok: boolean; error?: { key: string; message: string } } {
  return sim.execute(() => {
    const context = vm.createContext(sim.globals());
    for (const file of distFiles()) vm.runInContext(file.code, context, { filename: file.name });
    return JSON.parse(JSON.stringify((context[entry] as (r: unknown) => unknown)(request)));
  });
}

describe('the built add-on on the simulation', () => {
  const { sim, spec } = document();
  expect(execute(sim, 'buildSummary', { spec, reportId: 'r1' }).ok).toBe(true);
  const probe = sim.fork();
  probe.resetCalls();
  expect(execute(probe, 'refreshReport', { id: 'r1' }).ok).toBe(true);
  const point = (label: string): number => probe.calls.find((c) => `${c.type}.${c.method}` === label)!.n;

  it.each(['Spreadsheet.insertSheet', 'Range.setValues', 'Properties.setProperties', 'DeveloperMetadata.moveToSheet', 'Spreadsheet.deleteSheet', 'Sheet.setName'])(
    'answers a refresh whose calls fail from %s on with the keyed message, and the next call tidies up', (label) => {
      const d = sim.fork();
      const before = d.picture(d.sheet('Notes')!.id);
      d.resetCalls();
      d.failFrom(point(label));
      const got = execute(d, 'refreshReport', { id: 'r1' });
      d.heal();
      expect(got.ok).toBe(false);
      expect(got.error!.key).toBe('sheetsUnavailable');
      expect(JSON.stringify(got)).not.toMatch(/Exception|Service Spreadsheets/);
      expect(execute(d, 'listReports', {}).ok).toBe(true);
      expect(execute(d, 'refreshReport', { id: 'r1' }).ok).toBe(true);
      expect(d.sheets.map((s) => s.name)).toEqual(['Notes', TABLE.name, 'Summary']);
      expect(Object.keys(d.properties)).toEqual(['crmMetrics.report.r1']);
      expect(d.picture(d.sheet('Notes')!.id)).toBe(before);
    });

  it('retries a call that failed once and refreshes as if nothing happened', () => {
    const d = sim.fork();
    d.resetCalls();
    d.failAt(point('Range.setValues'));
    expect(execute(d, 'refreshReport', { id: 'r1' }).ok).toBe(true);
    expect(d.slept).toEqual([500]);
  });
});
