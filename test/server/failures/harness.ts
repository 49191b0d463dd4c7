// The failure tests' world: a simulated spreadsheet whose every Apps Script call can fail, the add-on's RPC handlers
// on AppsScriptWorkbook over it, and the checks each failure point must pass (issue 13).

import { rpcHandlers } from '../../../src/server/rpc/handlers';
import type { RpcHandlers, RpcMethod } from '../../../src/server/rpc/contract';
import { AppsScriptWorkbook } from '../../../src/server/sheets/appsScript';
import { BUILDING_TAG, PENDING_KEY_PREFIX, SUMMARY_TAG } from '../../../src/server/summary/swap';
import { REPORT_KEY_PREFIX } from '../../../src/server/reports/store';
import { lookup } from '../../../sidebar/i18n/catalogue';
import { AppsScriptSimulation } from '../../appsScript/simulation';
import { NOW, specFor, surveysTable } from '../helpers';

export const LATER = NOW + 86_400_000;
const TABLE = surveysTable(120);

/** A report the tests build: its id, title and metrics. */
export interface ReportDef {
  id: string;
  title: string;
  metrics: string[];
}

export type Answer = { ok: true; data: unknown } | { ok: false; error: { key: string; params: Record<string, unknown>; message: string } };

/** A document: user sheets (one with another add-on's metadata, one hidden), a user property, and the data table. */
export class Document {
  constructor(readonly sim: AppsScriptSimulation, readonly dataId: number, readonly userIds: number[]) {}

  static create(): Document {
    const sim = new AppsScriptSimulation({
      sheets: [{ name: 'Notes', values: [['my notes'], ['=1+1']] }, { name: TABLE.name, values: [TABLE.headers, ...TABLE.rows] }, { name: 'Archive', values: [['old']], hidden: true }],
      userLocale: 'cs', timeZone: 'Europe/Prague',
    });
    sim.doc.metadata.push({ id: 999, key: 'otherAddon.tag', value: 'theirs', sheet: sim.sheet('Notes')! });
    sim.properties['otherAddon.setting'] = 'keep me';
    return new Document(sim, sim.sheet(TABLE.name)!.id, sim.sheets.map((s) => s.id));
  }

  fork(): Document {
    return new Document(this.sim.fork(), this.dataId, this.userIds);
  }

  /** One RPC in its own execution, as google.script.run makes it. */
  call(method: RpcMethod, request: unknown, now = NOW): Answer {
    return this.sim.execute(() => {
      const wb = new AppsScriptWorkbook(this.sim.services(), { sleep: (ms) => this.sim.slept.push(ms) });
      return (rpcHandlers(wb, { now: () => now }) as RpcHandlers)[method](request) as Answer;
    });
  }

  build(r: ReportDef, now = NOW): Answer {
    return this.call('buildSummary', { spec: specFor(TABLE, this.dataId, { title: r.title, metrics: r.metrics }), reportId: r.id }, now);
  }

  /** Report id → its tab's content (no name, id or tags), for the reports listReports shows. */
  contents(): Map<string, string> {
    const got = this.call('listReports', {});
    if (!got.ok) throw new Error(JSON.stringify(got));
    const out = new Map<string, string>();
    for (const r of (got.data as { reports: { report: { id: string }; sheetId?: number }[] }).reports) out.set(r.report.id, r.sheetId === undefined ? 'no tab' : content(this.sim, r.sheetId));
    return out;
  }
}

/** A tab's content: everything but its id, name, position, visibility and tags. */
export function content(sim: AppsScriptSimulation, sheetId: number): string {
  const { id: _i, name: _n, hidden: _h, index: _x, metadata: _m, ...rest } = JSON.parse(sim.picture(sheetId)) as Record<string, unknown>;
  return JSON.stringify(rest);
}

/** What may be true of each report after a failure: its content before the operation, and after it (undefined = no report). */
export type Worlds = Map<string, { old?: string; new?: string }>;

export interface Scenario {
  /** The document before the operation (forked for every failure point). */
  base: Document;
  run(d: Document): Answer;
  worlds: Worlds;
  /** Final tab names by report (after the next call). */
  names: Record<string, string>;
}

/** The failure points: each call of a successful run, numbered and named ("Sheet.setName"). */
export function failurePoints(s: Scenario): [number, string][] {
  const d = s.base.fork();
  d.sim.resetCalls();
  const got = s.run(d);
  if (!got.ok) throw new Error(`the operation fails without a failure: ${JSON.stringify(got)}`);
  return d.sim.calls.map((c) => [c.n, `${c.type}.${c.method}`]);
}

/** The worlds of a scenario: contents before, and after a run without failures. */
export function worldsOf(base: Document, run: (d: Document) => Answer): Worlds {
  const before = base.contents();
  const after = base.fork();
  run(after);
  const now = after.contents();
  const worlds: Worlds = new Map();
  for (const id of new Set([...before.keys(), ...now.keys()])) worlds.set(id, { old: before.get(id), new: now.get(id) });
  return worlds;
}

const pendingRecords = (sim: AppsScriptSimulation): { sheetIds?: number[]; tempId?: number; oldId?: number; temp?: string }[] =>
  Object.keys(sim.properties).filter((k) => k.startsWith(PENDING_KEY_PREFIX)).map((k) => JSON.parse(sim.properties[k]));

/** The sheets carrying a tag key = value. */
const carrying = (sim: AppsScriptSimulation, key: string, value?: string): number[] =>
  sim.sheets.filter((s) => (sim.tagsOf(s.id)[key] ?? []).some((v) => value === undefined || v === value)).map((s) => s.id);

/**
 * How call k fails: `once` (a transient error, the call did nothing), `afterEffect` (it did its work, then reported
 * the error, as a time-out can), `outage` (it and every later call fail until the next call).
 */
export type FailureMode = 'once' | 'afterEffect' | 'outage';

/** Runs the operation with call k failing in the given way, then checks the document. */
export function failAndCheck(s: Scenario, k: number, mode: FailureMode): void {
  const d = s.base.fork();
  const users = new Map(d.userIds.map((id) => [id, d.sim.picture(id)]));
  d.sim.resetCalls();
  if (mode === 'outage') d.sim.failFrom(k);
  else d.sim.failAt(k, { afterEffect: mode === 'afterEffect' });
  const answer = s.run(d);
  d.sim.heal();
  expectKeyedErrors(answer);

  // The document as the failure left it.
  expectUserSheetsUnchanged(d, users);
  expectOldOrNew(d, s.worlds);
  const pending = pendingRecords(d.sim);
  const known = new Set([...d.userIds, ...visibleTabs(d)]);
  for (const sheet of d.sim.sheets.filter((x) => !known.has(x.id))) {
    // Any other sheet is the add-on's and findable: by its BUILDING tag, or by an id or name in a pending record.
    const findable = carrying(d.sim, BUILDING_TAG).includes(sheet.id)
      || pending.some((p) => p.tempId === sheet.id || p.oldId === sheet.id || p.temp === sheet.name || p.sheetIds?.includes(sheet.id));
    expect({ sheet: sheet.name, findable }).toEqual({ sheet: sheet.name, findable: true });
  }

  // The next call (any locked one) repairs: nothing is left over.
  expect(d.call('deleteReport', { id: 'none', deleteSheet: false }).ok).toBe(true);
  expectUserSheetsUnchanged(d, users);
  expectOldOrNew(d, s.worlds);
  const tabs = visibleTabs(d);
  expect(d.sim.sheets.map((x) => x.id).sort()).toEqual([...d.userIds, ...tabs].sort());
  expect(carrying(d.sim, BUILDING_TAG)).toEqual([]);
  expect(pendingRecords(d.sim)).toEqual([]);
  for (const id of tabs) expect(Object.keys(d.sim.tagsOf(id))).toEqual([SUMMARY_TAG]);
  const names = Object.fromEntries(reportTabs(d).map(([report, id]) => [report, d.sim.sheet(id)!.name]));
  expect(names).toEqual(Object.fromEntries(Object.keys(names).map((r) => [r, s.names[r]])));
}

function expectKeyedErrors(answer: Answer): void {
  const errors = answer.ok
    ? ((answer.data as { results?: { error?: { key: string } }[] }).results ?? []).flatMap((r) => (r.error ? [r.error] : []))
    : [answer.error];
  for (const e of errors) {
    expect(e.key).toBe('sheetsUnavailable');
    expect(JSON.stringify(e)).not.toMatch(/Exception|Service Spreadsheets/);
    // The sidebar shows it in the user's language (Czech here).
    expect(lookup('cs', `error.${e.key}`)).toBe('Tabulky Google neodpověděly; vaše data a souhrny zůstaly beze změny. Zkuste to znovu.');
  }
}

function expectUserSheetsUnchanged(d: Document, users: Map<number, string>): void {
  for (const [id, picture] of users) expect(d.sim.picture(id)).toBe(picture);
  expect(d.sim.properties['otherAddon.setting']).toBe('keep me');
}

/** [report id, its one visible SUMMARY-tagged sheet] for each report listReports shows. */
function reportTabs(d: Document): [string, number][] {
  const got = d.call('listReports', {});
  expect(got.ok).toBe(true);
  const listed = (got as { data: { reports: { report: { id: string }; sheetId?: number }[] } }).data.reports;
  // Saved reports are readable: every stored one is listed.
  expect(listed.length).toBe(Object.keys(d.sim.properties).filter((k) => k.startsWith(REPORT_KEY_PREFIX)).length);
  return listed.map((r) => {
    const visible = carrying(d.sim, SUMMARY_TAG, r.report.id).filter((id) => !d.sim.sheet(id)!.hidden);
    expect({ report: r.report.id, visibleTabs: visible.length, listed: r.sheetId }).toEqual({ report: r.report.id, visibleTabs: 1, listed: visible[0] });
    return [r.report.id, visible[0]];
  });
}

function visibleTabs(d: Document): number[] {
  return reportTabs(d).map(([, id]) => id);
}

/** Each report is in its old state or its new one: present with that content, or absent. */
function expectOldOrNew(d: Document, worlds: Worlds): void {
  const now = new Map(reportTabs(d).map(([report, id]) => [report, content(d.sim, id)]));
  for (const [id, w] of worlds) {
    const got = now.get(id);
    const allowed = [w.old, w.new];
    expect({ report: id, oldOrNew: allowed.includes(got) }).toEqual({ report: id, oldOrNew: true });
  }
  for (const id of now.keys()) expect(worlds.has(id)).toBe(true);
}

/**
 * Fails each call of `run` on `base` in turn, in all three modes, one test per failure point named after the call:
 * `what` names the operation in the suite titles ("a refresh"); `names` are the reports' final tab names.
 */
export function describeFailures(what: string, base: Document, run: (d: Document) => Answer, names: Record<string, string>): void {
  const scenario: Scenario = { base, run, worlds: worldsOf(base, run), names };
  const points = failurePoints(scenario);
  const modes: [FailureMode, string][] = [
    ['once', 'with one call failing (retried when safe to repeat, else rolled back or completed)'],
    ['afterEffect', 'with one call failing after it took effect (a time-out: retried when safe to repeat, else settled)'],
    ['outage', 'with Sheets down from call k on (no retry, rollback or completion gets through)'],
  ];
  for (const [mode, title] of modes) {
    describe(`${what} ${title}`, () => {
      it.each(points)('fails at call %i (%s)', (k) => failAndCheck(scenario, k, mode));
    });
  }
}
