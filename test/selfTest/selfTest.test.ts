// The self-test (Extensions ▸ CRM Metrics ▸ Run self-test, or runSelfTest in the editor), run by the built add-on
// in the Apps Script simulation: every item passes there, each item's failure is reported with what it means and
// what to do, and nothing it made is left behind, whatever fails.

import { ITEMS, type ItemText } from '../../src/server/selfTest/items';
import type { SelfTestReport } from '../../src/server/selfTest/report';
import { digestOf, halfScript } from '../../src/server/sidebarHalf';
import { stripCommentLike } from '../appsScript/simulation';
import { distHtml } from '../bundle/loadBundle';
import { deploy, type DeployOptions, type Deployed } from './deployed';
import { intercept, onMethod, type Patch } from './intercept';

const byName = (report: SelfTestReport, item: ItemText) => report.items.find((r) => r.name === item.name);
const failed = (report: SelfTestReport) => report.items.filter((r) => !r.passed).map((r) => r.name);
const [SIDEBAR_HALF, NEW_FUNCTION, TIME_ZONE, DATE_CELLS, METADATA, PROTECTION, CHARTS, COLOURS, NUMBER_FORMATS, PROPERTIES, LOCK, CUSTOM_FUNCTION, CLEAN_UP] = ITEMS;

/** A deployment whose SpreadsheetApp (and everything it hands out) goes through `patch`. */
const withSheets = (patch: Patch, options: DeployOptions = {}): Deployed =>
  deploy({ ...options, override: (g) => ({ SpreadsheetApp: intercept(g.SpreadsheetApp as object, patch) }) });

/** Runs the self-test and checks it left the document (sheets, metadata, properties) and the active sheet as they were. */
function runClean(d: Deployed): SelfTestReport {
  const before = d.sim.snapshot();
  const active = d.sim.activeSheetId;
  const report = d.runSelfTest();
  expect(d.sim.snapshot()).toBe(before);
  expect(d.sim.activeSheetId).toBe(active);
  return report;
}

/** Expects only `item` to fail, with `detail` in its line, what it means and what to do, in the log and the dialog. */
function expectOnlyFailure(d: Deployed, report: SelfTestReport, item: ItemText, detail: string | RegExp): void {
  expect(failed(report)).toEqual([item.name]);
  expect(byName(report, item)!.detail).toMatch(detail);
  expect(report.passed).toBe(false);
  expect(report.text).toContain(`FAILED  ${item.name}: `);
  expect(report.text).toContain(`What it means: ${item.means}`);
  expect(report.text).toContain(`What to do: ${item.todo}`);
  expect(d.log.join('\n')).toContain(`FAILED  ${item.name}: `);
  expect(d.dialogs).toHaveLength(1);
}

describe('the self-test in the Apps Script simulation', () => {
  it.each(['UTC', 'Europe/Prague', 'Pacific/Auckland', 'America/Santiago', 'Australia/Lord_Howe', 'Asia/Kolkata'])(
    'passes every item in a spreadsheet in %s and leaves nothing behind', (timeZone) => {
      const d = deploy({ timeZone });
      const report = runClean(d);
      expect(failed(report)).toEqual([]);
      expect(report.passed).toBe(true);
      expect(report.items.map((r) => r.name)).toEqual(ITEMS.map((i) => i.name));
      expect(d.sim.events).toContain('dialog:CRM Metrics self-test');
    });

  it('reports each item in the execution log and in a text-only dialog', () => {
    const d = deploy({ timeZone: 'Europe/Prague' });
    const report = runClean(d);
    expect(d.log[0]).toMatch(/^CRM Metrics self-test: all 13 passed in \d+\.\d s\.$/);
    for (const item of ITEMS) expect(d.log.some((l) => l.startsWith(`passed  ${item.name}: `))).toBe(true);
    expect(byName(report, SIDEBAR_HALF)!.detail).toBe(`${digestOf(halfScript(distHtml('sidebarServer'))).length} characters, hash ${digestOf(halfScript(distHtml('sidebarServer'))).hash}, as the build recorded`);
    expect(byName(report, TIME_ZONE)!.detail).toMatch(/^Europe\/Prague: 8 instants around its 2 offset changes in \d{4} agree$/);
    expect(byName(report, PROPERTIES)!.detail).toBe('a saved report of 8192 bytes (the largest allowed) was written and read back unchanged');
    // One <pre> of escaped text: no markup but the wrapper, no slash HtmlService could take for a comment.
    const [dialog] = d.dialogs;
    expect(dialog.startsWith('<pre style="white-space:pre-wrap;font:12px monospace">')).toBe(true);
    const inner = dialog.slice(dialog.indexOf('>') + 1, dialog.lastIndexOf('</pre>'));
    expect(inner).not.toMatch(/[<>/]/);
    expect(stripCommentLike(dialog)).toBe(dialog);
  });

  it('checks a zone without daylight saving against one with it', () => {
    const report = runClean(deploy({ timeZone: 'UTC' }));
    expect(byName(report, TIME_ZONE)!.detail).toMatch(/^UTC has no offset change in \d{4}: 2 instants agree; it has no daylight saving, so America\/New_York was checked too: 8 instants agree$/);
  });

  it('never touches a user sheet, even one named like its scratch sheet', () => {
    const d = deploy({ sheets: [{ name: 'CRM Metrics self-test', values: [['mine']] }, { name: 'Deals', values: [['Owner'], ['Ana']], hidden: true }] });
    const report = runClean(d);
    expect(report.passed).toBe(true);
  });

  it('takes well under 30 s: a fixed, small number of service calls', () => {
    const d = deploy({ timeZone: 'Europe/Prague' });
    const start = performance.now();
    d.runSelfTest();
    const ms = performance.now() - start;
    // The figures for the report: calls and time in the simulation.
    console.log(`self-test in the simulation: ${d.sim.calls.length} service calls, ${ms.toFixed(0)} ms`);
    // Builders count too (newChart().setChartType()…): about half the calls never leave the script.
    expect(d.sim.calls.length).toBeLessThanOrEqual(200);
  });

  it('still reports, in the log, when run from the Apps Script editor without a UI', () => {
    const d = withSheets(onMethod('getUi', () => {
      throw new Error('Exception: Cannot call SpreadsheetApp.getUi() from this context.');
    }));
    const report = runClean(d);
    expect(report.passed).toBe(true);
    expect(d.log[d.log.length - 1]).toBe('(no dialog: Exception: Cannot call SpreadsheetApp.getUi() from this context.)');
  });

  it('escapes markup in a detail: the dialog shows it as text', () => {
    const d = withSheets(onMethod('getCharts', () => {
      throw new Error('<img src=x onerror=alert(1)> // and a comment');
    }));
    const report = runClean(d);
    expectOnlyFailure(d, report, CHARTS, '<img src=x onerror=alert(1)> // and a comment');
    expect(d.dialogs[0]).toContain('&#60;img src=x onerror=alert(1)&#62; &#47;&#47; and a comment');
    expect(d.dialogs[0]).not.toContain('<img');
  });
});

describe("each item's failure", () => {
  it('the sidebar half: a half with a comment-like sequence, stripped by HtmlService, fails to load with what to do', () => {
    const damaged = distHtml('sidebarServer').replace('<script>\n', '<script>\nvar crmSite="https:' + '//example.com";\n');
    const built = digestOf(halfScript(damaged));
    const got = digestOf(halfScript(stripCommentLike(damaged)));
    const real = digestOf(halfScript(distHtml('sidebarServer')));
    const d = deploy({
      html: (name) => (name === 'sidebarServer' ? damaged : distHtml(name)),
      // As if the build had shipped this half: its digest is the one recorded in lib.js.
      replace: [[`{length:${real.length},hash:"${real.hash}"}`, `{length:${built.length},hash:"${built.hash}"}`]],
    });
    const report = runClean(d);
    expectOnlyFailure(d, report, SIDEBAR_HALF,
      `CRM Metrics: the sidebar code was changed on its way through HtmlService (${got.length} characters instead of ${built.length}): redeploy with npm run deploy; if it persists, report it.`);
    // The other checks live in the half: the report says they could not run.
    expect(report.items).toHaveLength(1);
    expect(report.text).toContain('The other checks run in the sidebar half, so they could not run.');
  });

  it('the sidebar half: lib.js without a recorded digest fails the item', () => {
    const real = digestOf(halfScript(distHtml('sidebarServer')));
    const d = deploy({ replace: [[`{length:${real.length},hash:"${real.hash}"}`, 'void 0']] });
    const report = runClean(d);
    expectOnlyFailure(d, report, SIDEBAR_HALF, 'lib.js holds no recorded length and hash: it was not made by npm run build');
  });

  it('new Function: a runtime that refuses code from text cannot load the half', () => {
    const d = deploy();
    // The half is loaded once per execution; refuse code from text only after it was.
    (d.context.CrmMetrics as { sidebarServer(): unknown }).sidebarServer();
    d.context.Function = function refused() {
      throw new EvalError('Code generation from strings disallowed for this context');
    };
    const report = runClean(d);
    expectOnlyFailure(d, report, NEW_FUNCTION, 'Code generation from strings disallowed for this context');
  });

  it('the time zone: Utilities.formatDate disagreeing with Intl around a change is named with the instant', () => {
    const d = deploy({
      timeZone: 'Europe/Prague',
      // Sheets' rules a minute off: the spring change at 01:00 UTC already applied at 00:59.
      override: (g) => {
        const real = g.Utilities as GoogleAppsScript.Utilities.Utilities;
        return {
          Utilities: intercept(real, onMethod('formatDate', ([date, zone, pattern], call) => {
            const t = (date as Date).getTime();
            return new Date(t).getUTCMonth() === 2 && t % 86_400_000 === 3_540_000 ? real.formatDate(new Date(t + 60_000), zone as string, pattern as string) : call();
          })),
        };
      },
    });
    const report = runClean(d);
    expectOnlyFailure(d, report, TIME_ZONE, /^in Europe\/Prague at (\d{4}-03-\d\d)T00:59:00\.000Z, Intl gives \1 01:59 but Utilities\.formatDate gives \1 03:00$/);
  });

  it('the time zone: a zone Intl does not know', () => {
    const d = deploy({ timeZone: 'Mars/Olympus_Mons' });
    const report = runClean(d);
    expect(failed(report)).toEqual([TIME_ZONE.name, DATE_CELLS.name]);
    expect(byName(report, TIME_ZONE)!.detail).toBe('Intl does not know the time zone Mars/Olympus_Mons');
  });

  it('date cells: a date read back a day early is named', () => {
    const d = withSheets(onMethod('getValues', (_args, call) => (call() as unknown[][]).map((row) => row.map((v) => (v instanceof Date ? new Date(v.getTime() - 86_400_000) : v)))), { timeZone: 'Europe/Prague' });
    const report = runClean(d);
    expectOnlyFailure(d, report, DATE_CELLS, /^2000-01-01 came back as 1999-12-30T23:00:00\.000Z, which is 1999-12-31 in Europe\/Prague$/);
  });

  it('developer metadata: a tag that cannot be found again', () => {
    const d = withSheets(onMethod('find', () => []));
    expectOnlyFailure(d, runClean(d), METADATA, 'the tag crmMetrics.selfTest = ');
  });

  it('protection: one that is not warning-only', () => {
    const d = withSheets(onMethod('isWarningOnly', () => false));
    expectOnlyFailure(d, runClean(d), PROTECTION, 'the protection is not warning-only');
  });

  it('charts: a chart of the wrong type', () => {
    const d = withSheets(onMethod('getChartType', () => 'COLUMN'));
    expectOnlyFailure(d, runClean(d), CHARTS, 'no line chart among the charts inserted (COLUMN, COLUMN, COLUMN)');
  });

  it('conditional colours: rules that did not apply', () => {
    const d = withSheets(onMethod('setConditionalFormatRules', () => undefined));
    expectOnlyFailure(d, runClean(d), COLOURS, 'the sheet has 0 conditional format rules, not 4');
  });

  it('number formats: a format that did not apply, and text taken as a formula', () => {
    const general = withSheets(onMethod('getNumberFormats', (_a, call) => (call() as string[][]).map((r) => r.map(() => 'General'))));
    expectOnlyFailure(general, runClean(general), NUMBER_FORMATS, 'the format 0.0% came back as General');
    const formula = withSheets(onMethod('getFormulas', (_a, call) => (call() as string[][]).map((r) => r.map((f, k) => (k === 3 ? '=1+1' : f)))));
    expectOnlyFailure(formula, runClean(formula), NUMBER_FORMATS, '"=1+1" written as plain text came back as "=1+1" with formula "=1+1"');
  });

  it('document properties: a store that rejects large values', () => {
    const d = deploy({
      override: (g) => ({
        PropertiesService: intercept(g.PropertiesService as object, onMethod('setProperty', ([, value], call) => {
          if (String(value).length > 4096) throw new Error('Exception: Argument too large: value');
          return call();
        })),
      }),
    });
    const report = runClean(d);
    expectOnlyFailure(d, report, PROPERTIES, 'Exception: Argument too large: value');
  });

  it('document properties: a value that comes back changed', () => {
    const d = deploy({
      override: (g) => ({
        PropertiesService: intercept(g.PropertiesService as object, onMethod('getProperties', (_a, call) => {
          const all = call() as Record<string, string>;
          return Object.fromEntries(Object.entries(all).map(([k, v]) => [k, `${v} `]));
        })),
      }),
    });
    expectOnlyFailure(d, runClean(d), PROPERTIES, 'the report came back changed: 8193 bytes instead of 8192');
  });

  it('the lock: one that another execution holds', () => {
    const d = deploy();
    d.sim.lockedByOther = true;
    expectOnlyFailure(d, runClean(d), LOCK, 'the lock was not free within 5 s');
  });

  it('the custom function: a project without the stubs file', () => {
    const d = deploy();
    // A top-level function cannot be deleted; a project without stubs.js has none: the same to the self-test.
    d.context.NPS = undefined;
    expectOnlyFailure(d, runClean(d), CUSTOM_FUNCTION, 'there is no top-level function NPS: dist/stubs.js is not in the project');
  });

  it('clean-up: a sheet that cannot be deleted is named, with what to do', () => {
    const d = withSheets(onMethod('deleteSheet', () => {
      throw new Error('Exception: Access denied');
    }));
    const report = d.runSelfTest();
    expectOnlyFailure(d, report, CLEAN_UP, /^the sheet "CRM Metrics self-test \w+" is left \(Exception: Access denied\)$/);
    // The property went even so; the sheet is the one the report names.
    expect(Object.keys(d.sim.properties)).toEqual([]);
    expect(d.sim.sheets.map((s) => s.name)).toEqual(['Deals', expect.stringMatching(/^CRM Metrics self-test \w+$/)]);
  });
});

describe('the self-test leaves nothing behind, whatever fails', () => {
  /** The calls one clean run makes. */
  const calls = (() => {
    const d = deploy({ timeZone: 'Europe/Prague' });
    d.runSelfTest();
    return d.sim.calls.length;
  })();

  /** A failed call during clean-up may leave what it was removing: then the report must say so, by name. */
  function expectCleanOrNamed(d: Deployed, before: string, report: SelfTestReport): void {
    const cleanUp = byName(report, CLEAN_UP);
    if (d.sim.snapshot() === before) return;
    expect(cleanUp?.passed).toBe(false);
    const leftSheets = d.sim.sheets.filter((s) => s.name !== 'Deals').map((s) => s.name);
    for (const name of leftSheets) expect(cleanUp!.detail).toContain(`the sheet "${name}" is left`);
    for (const key of Object.keys(d.sim.properties)) expect(cleanUp!.detail).toContain(`the property ${key} is left`);
  }

  it.each(Array.from({ length: calls }, (_, k) => k + 1))('when service call %i fails once', (k) => {
    const d = deploy({ timeZone: 'Europe/Prague' });
    const before = d.sim.snapshot();
    d.sim.failAt(k);
    const report = d.runSelfTest();
    expect(report.items.length).toBeGreaterThanOrEqual(1);
    expectCleanOrNamed(d, before, report);
  });

  it.each([20, 60, 100, 140])('when every service call fails from call %i on, and what it left is named', (k) => {
    const d = deploy({ timeZone: 'Europe/Prague' });
    const before = d.sim.snapshot();
    d.sim.failFrom(k);
    const report = d.runSelfTest();
    d.sim.heal();
    expectCleanOrNamed(d, before, report);
  });
});
