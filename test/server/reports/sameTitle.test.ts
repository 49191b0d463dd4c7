// Building under the title of a saved report of the same source: ask, replace in place, or keep both; and a tab name
// taken by the add-on's own tab is never called a user's sheet (issue 11).

import { rpcHandlers } from '../../../src/server/rpc/handlers';
import { distinctTitle } from '../../../src/server/rpc/sameTitle';
import { InMemoryWorkbook } from '../../../src/server/sheets/inMemory';
import { NOW } from '../helpers';

function setUp() {
  const wb = new InMemoryWorkbook([]);
  const rows: (string | number | Date)[][] = [['Date', 'NPS score']];
  for (let i = 0; i < 40; i++) rows.push([new Date(Date.UTC(2025, i % 12, 10)), i % 11]);
  const surveys = wb.addSheet('Surveys', rows);
  const other = wb.addSheet('Other surveys', rows);
  let n = 0;
  const rpc = rpcHandlers(wb, { now: () => NOW, random: () => (++n % 97) / 97 });
  const detect = (sheetId: number) => {
    const got = rpc.detectTable({ sheetId });
    if (!got.ok) throw new Error(got.error.message);
    return got.data;
  };
  const spec = (sheetId: number, title = 'NPS monthly') => {
    const t = detect(sheetId);
    return { title, source: t.source, mapping: t.mapping, metrics: ['NPS'], grain: 'month' as const };
  };
  const ok = <T>(got: { ok: true; data: T } | { ok: false; error: { message: string } }): T => {
    if (!got.ok) throw new Error(got.error.message);
    return got.data;
  };
  return { wb, rpc, spec, ok, surveys, other };
}

it('asks before building a second report of the same title on the same sheet', () => {
  const { wb, rpc, spec, ok, surveys } = setUp();
  const first = ok(rpc.buildSummary({ spec: spec(surveys.id), ifExists: 'ask' }));
  const again = rpc.buildSummary({ spec: spec(surveys.id, ' nps MONTHLY '), ifExists: 'ask' });
  expect(again.ok).toBe(false);
  if (!again.ok) expect([again.error.key, again.error.params]).toEqual(['reportExists', { id: first.report.id, title: 'NPS monthly' }]);
  // Nothing was built or saved by the question.
  expect(ok(rpc.listReports({})).reports).toHaveLength(1);
  expect(wb.listSheets().map((s) => s.name)).toEqual(['Surveys', 'Other surveys', 'NPS monthly']);
});

it('replaces in place: the same report id and tab, no second report, no note about a user sheet', () => {
  const { rpc, spec, ok, surveys } = setUp();
  const first = ok(rpc.buildSummary({ spec: spec(surveys.id), ifExists: 'ask' }));
  const replaced = ok(rpc.buildSummary({ spec: { ...spec(surveys.id), grain: 'quarter' }, reportId: first.report.id }));
  expect(replaced.report.id).toBe(first.report.id);
  expect(replaced.sheetName).toBe('NPS monthly');
  expect(replaced.warnings.map((w) => w.key)).not.toContain('userSheetNameTaken');
  const reports = ok(rpc.listReports({})).reports;
  expect(reports.map((r) => [r.report.id, r.report.spec.grain, r.sheetName])).toEqual([[first.report.id, 'quarter', 'NPS monthly']]);
});

it('keeps both under a distinct title, the tab named alike, without calling the first tab a user’s', () => {
  const { rpc, spec, ok, surveys } = setUp();
  ok(rpc.buildSummary({ spec: spec(surveys.id), ifExists: 'ask' }));
  const both = ok(rpc.buildSummary({ spec: spec(surveys.id), ifExists: 'keepBoth' }));
  expect(both.report.spec.title).toBe('NPS monthly (2)');
  expect(both.sheetName).toBe('NPS monthly (2)');
  expect(both.warnings.map((w) => w.key)).toEqual([]);
  const third = ok(rpc.buildSummary({ spec: spec(surveys.id), ifExists: 'keepBoth' }));
  expect(third.report.spec.title).toBe('NPS monthly (3)');
  expect(ok(rpc.listReports({})).reports.map((r) => r.report.spec.title).sort()).toEqual(['NPS monthly', 'NPS monthly (2)', 'NPS monthly (3)']);
});

it('does not ask when the report of that title reads another sheet; its tab is named as the add-on’s', () => {
  const { rpc, spec, ok, surveys, other } = setUp();
  ok(rpc.buildSummary({ spec: spec(surveys.id), ifExists: 'ask' }));
  const built = ok(rpc.buildSummary({ spec: spec(other.id), ifExists: 'ask' }));
  expect(built.sheetName).toBe('NPS monthly (2)');
  expect(built.warnings.map((w) => [w.key, w.params])).toEqual([['reportSheetNameTaken', { name: 'NPS monthly', used: 'NPS monthly (2)' }]]);
  expect(built.warnings[0].message).toBe('The tab NPS monthly belongs to another saved report; this summary is in NPS monthly (2).');
});

it('leaves a real user sheet of that name alone and says so', () => {
  const { wb, rpc, spec, ok, surveys } = setUp();
  wb.addSheet('NPS monthly', [['my own notes']]);
  const built = ok(rpc.buildSummary({ spec: spec(surveys.id), ifExists: 'ask' }));
  expect(built.sheetName).toBe('NPS monthly (2)');
  expect(built.warnings.map((w) => [w.key, w.params])).toEqual([['userSheetNameTaken', { name: 'NPS monthly', used: 'NPS monthly (2)' }]]);
  expect(wb.sheetByName('NPS monthly')?.values).toEqual([['my own notes']]);
});

it('finds a title no report and no sheet has, ignoring case', () => {
  expect(distinctTitle('NPS', [])).toBe('NPS');
  expect(distinctTitle('NPS', ['nps', 'NPS (2)', 'Nps (4)'])).toBe('NPS (3)');
});
