// Refresh all inside the execution limit: least recently refreshed first, no report started past the time budget.

import { refreshAllMessage } from '../../../src/server/menuActions';
import { REFRESH_BUDGET_MS, refreshOrder, refreshWithinBudget } from '../../../src/server/reports/refreshAll';
import { reportKey, serialiseReport } from '../../../src/server/reports/store';
import { rpcHandlers } from '../../../src/server/rpc/handlers';
import type { SavedReport } from '../../../src/server/rpc/contract';
import { NOW, reportFor, specFor, surveysTable, workbookWith } from '../helpers';

const t = surveysTable(120);
const report = (id: string, createdAt: string, refreshedAt?: string): SavedReport =>
  ({ ...reportFor(specFor(t, 1, { title: id }), id), createdAt, ...(refreshedAt ? { refreshedAt } : {}) });

describe('refresh order', () => {
  it('takes the least recently refreshed first, a never-refreshed report by its creation time', () => {
    const reports = [
      report('a', '2026-01-01T00:00:00Z', '2026-03-01T00:00:00Z'),
      report('b', '2026-02-01T00:00:00Z'),
      report('c', '2026-01-15T00:00:00Z', '2026-01-20T00:00:00Z'),
    ];
    expect(refreshOrder(reports).map((r) => r.id)).toEqual(['c', 'b', 'a']);
  });
});

describe('refreshWithinBudget', () => {
  const reports = ['r1', 'r2', 'r3', 'r4', 'r5'].map((id, i) => report(id, `2026-01-0${i + 1}T00:00:00Z`));

  /** A clock that each refresh moves on by the given minutes, in turn. */
  function timed(minutes: number[]) {
    let now = 0;
    let i = 0;
    return { clock: () => now, refresh: (r: SavedReport) => ((now += minutes[i++] * 60_000), r.id) };
  }

  it('refreshes everything that fits', () => {
    const { clock, refresh } = timed([1, 1, 1, 1, 1]);
    const got = refreshWithinBudget(reports, refresh, clock);
    expect(got.done.map((d) => d.result)).toEqual(['r1', 'r2', 'r3', 'r4', 'r5']);
    expect(got.notStarted).toEqual([]);
  });

  it('starts no report that would end past the budget if it took as long as the slowest so far', () => {
    // 1 + 2 = 3 min spent; the slowest took 2, so a third would end at 5 min: still inside. After it, 4 + 2 > 5.
    const { clock, refresh } = timed([1, 2, 1, 1, 1]);
    const got = refreshWithinBudget(reports, refresh, clock);
    expect(REFRESH_BUDGET_MS).toBe(5 * 60_000);
    expect(got.done.map((d) => d.result)).toEqual(['r1', 'r2', 'r3']);
    expect(got.notStarted.map((r) => r.id)).toEqual(['r4', 'r5']);
  });

  it('tells each refresh how much of the budget is left (a warehouse query waits no longer)', () => {
    const { clock, refresh } = timed([1, 2, 1, 1, 1]);
    const left: number[] = [];
    refreshWithinBudget(reports, (r, leftMs) => ((left.push(leftMs / 60_000)), refresh(r)), clock);
    expect(left).toEqual([5, 4, 2]);
  });

  it('starts nothing more after a report that alone took the whole budget', () => {
    const { clock, refresh } = timed([6, 1, 1, 1, 1]);
    const got = refreshWithinBudget(reports, refresh, clock);
    expect(got.done.map((d) => d.result)).toEqual(['r1']);
    expect(got.notStarted.map((r) => r.id)).toEqual(['r2', 'r3', 'r4', 'r5']);
  });
});

describe('refreshAll through the handlers', () => {
  it('names the reports it did not start, and running it again continues with them', () => {
    const { wb, sheetId } = workbookWith(t);
    let minutes = 0;
    // Every reading of the clock is a minute later: each refresh seems to take one, and after two the next would end
    // past five minutes.
    const clock = () => ++minutes * 60_000;
    for (const [i, title] of ['A', 'B', 'C', 'D'].entries()) {
      const built = rpcHandlers(wb, { now: () => NOW + i * 1000 }).buildSummary({ spec: specFor(t, sheetId, { title, metrics: ['NPS'] }) });
      if (!built.ok) throw new Error(built.error.message);
    }
    const first = rpcHandlers(wb, { now: () => NOW + 10_000, clock }).refreshAll({});
    if (!first.ok) throw new Error(first.error.message);
    expect(first.data.results.map((r) => [r.title, r.ok])).toEqual([['A', true], ['B', true]]);
    expect(first.data.notRefreshed.map((r) => r.title)).toEqual(['C', 'D']);
    const second = rpcHandlers(wb, { now: () => NOW + 20_000, clock }).refreshAll({});
    if (!second.ok) throw new Error(second.error.message);
    expect(second.data.results.map((r) => r.title)).toEqual(['C', 'D']);
    expect(second.data.notRefreshed.map((r) => r.title)).toEqual(['A', 'B']);
  });

  it('keeps a broken report first in line, since it was not refreshed', () => {
    const { wb, sheetId } = workbookWith(t);
    const rpc = rpcHandlers(wb, { now: () => NOW });
    expect(rpc.buildSummary({ spec: specFor(t, sheetId, { title: 'A', metrics: ['NPS'] }) }).ok).toBe(true);
    wb.properties[reportKey('gone')] = serialiseReport({ ...reportFor(specFor(t, 77, { title: 'Gone' }), 'gone'), createdAt: '2020-01-01T00:00:00.000Z' });
    const all = rpc.refreshAll({});
    expect(all.ok && all.data.results.map((r) => [r.title, r.ok])).toEqual([['Gone', false], ['A', true]]);
  });
});

describe('the menu dialog of Refresh all', () => {
  const ok = { id: 'a', title: 'NPS monthly', ok: true, sheetName: 'NPS monthly' };
  it('lists each outcome and says how to continue the reports left out', () => {
    const { title, text } = refreshAllMessage({ results: [ok], notRefreshed: [{ id: 'b', title: 'Churn' }, { id: 'c', title: 'Pipeline' }] });
    expect(title).toBe('CRM Metrics: some summaries were not refreshed');
    expect(text).toBe([
      'NPS monthly: refreshed (NPS monthly)', '',
      "Not refreshed, to stay inside Apps Script's 6-minute limit: Churn, Pipeline.",
      'Run Refresh all summaries again to continue with them (it takes the least recently refreshed first), or refresh them from the sidebar.',
    ].join('\n'));
  });
  it('is plain when everything was refreshed, and says how to start when there is nothing', () => {
    expect(refreshAllMessage({ results: [ok], notRefreshed: [] })).toEqual({ title: 'CRM Metrics', text: 'NPS monthly: refreshed (NPS monthly)' });
    expect(refreshAllMessage({ results: [], notRefreshed: [] }).text).toBe('No saved summaries yet: build one from the sidebar.');
  });
});
