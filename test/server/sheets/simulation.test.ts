// The Apps Script simulation (test/appsScript/) behaves like Apps Script where the add-on and its tests rely on it.

import vm from 'node:vm';
import { AppsScriptSimulation, stripCommentLike } from '../../appsScript/simulation';

describe('the Apps Script simulation', () => {
  it('counts every service call and fails the chosen one with Apps Script’s message, doing nothing', () => {
    const sim = new AppsScriptSimulation({ sheets: [{ name: 'Data' }], documentId: 'doc1' });
    const ss = sim.services().SpreadsheetApp.getActive();
    sim.failAt(3);
    const sheet = ss.getSheets()[0];
    expect(() => sheet.setName('Renamed')).toThrow('Exception: Service Spreadsheets failed while accessing document with id doc1.');
    expect(sim.sheet(sheet.getSheetId())!.name).toBe('Data');
    expect(sim.calls.map((c) => `${c.n} ${c.type}.${c.method}`)).toEqual(['1 SpreadsheetApp.getActive', '2 Spreadsheet.getSheets', '3 Sheet.setName', '4 Sheet.getSheetId']);
    expect(sim.callLabel(3)).toBe('Sheet.setName');
  });

  it('fails every call from k on until healed (an outage), counting builder calls too', () => {
    const sim = new AppsScriptSimulation();
    const app = sim.services().SpreadsheetApp;
    app.newConditionalFormatRule().whenNumberLessThan(1).setBackground('#f00');
    expect(sim.calls.map((c) => c.method)).toEqual(['newConditionalFormatRule', 'whenNumberLessThan', 'setBackground']);
    sim.failFrom(4);
    expect(() => app.getActive()).toThrow(/failed/);
    expect(() => app.getActive()).toThrow(/failed/);
    sim.heal();
    expect(app.getActive().getSheets()).toHaveLength(1);
  });

  it('installs into a node:vm context, where a failed call reads as the issue saw it: "Error: Exception: Service Spreadsheets failed…"', () => {
    const sim = new AppsScriptSimulation({ documentId: 'doc1' });
    const context = vm.createContext(sim.globals());
    expect(vm.runInContext('SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getName()', context)).toBe('Sheet1');
    sim.failAt(sim.calls.length + 1);
    const got = vm.runInContext('(() => { try { SpreadsheetApp.getActive(); } catch (e) { return [String(e), e instanceof Error]; } })()', context);
    expect(got).toEqual(['Error: Exception: Service Spreadsheets failed while accessing document with id doc1.', false]);
    const target: Record<string, unknown> = {};
    const remove = sim.install(target);
    expect(Object.keys(target).sort()).toEqual(['Charts', 'HtmlService', 'LockService', 'PropertiesService', 'Session', 'SpreadsheetApp', 'Utilities']);
    remove();
    expect(target).toEqual({});
  });

  it('serves HTML files with comment-like text stripped, even inside strings and template literals, unless told not to', () => {
    const file = 'const a = "https://example.com"; const b = `x /* y */ z`; // note\nconst c = 1;';
    const sim = new AppsScriptSimulation({ html: { sidebarServer: file } });
    const { HtmlService } = sim.globals();
    expect(HtmlService.createHtmlOutputFromFile('sidebarServer').getContent()).toBe('const a = "https:\nconst c = 1;');
    sim.stripHtmlComments = false;
    expect(HtmlService.createHtmlOutputFromFile('sidebarServer').getContent()).toBe(file);
    expect(() => sim.globals().HtmlService.createHtmlOutputFromFile('missing')).toThrow(/No HTML file named missing/);
    expect(stripCommentLike('a /* open to the end')).toBe('a ');
    expect(sim.events).toEqual(['html:sidebarServer', 'html:sidebarServer']);
  });

  it('holds document properties to 9 KB per value, and sets several in one call or none', () => {
    const sim = new AppsScriptSimulation();
    const props = sim.services().PropertiesService.getDocumentProperties();
    props.setProperty('a', 'x'.repeat(9 * 1024));
    expect(() => props.setProperty('b', 'é'.repeat(4700))).toThrow('Exception: Argument too large: value');
    expect(() => props.setProperties({ c: '1', d: 'x'.repeat(9 * 1024 + 1) })).toThrow(/too large/);
    expect(props.getKeys()).toEqual(['a']);
    props.setProperties({ c: '1', d: '2' });
    expect(props.getProperty('d')).toBe('2');
    expect(props.getProperty('zz')).toBeNull();
    props.deleteProperty('c');
    expect(Object.keys(props.getProperties())).toEqual(['a', 'd']);
  });

  it('gives the document lock to one holder at a time, and frees it when an execution ends', () => {
    const sim = new AppsScriptSimulation();
    const { LockService } = sim.services();
    const mine = LockService.getDocumentLock();
    sim.execute(() => expect(mine.tryLock(1000)).toBe(true));
    expect(mine.hasLock()).toBe(false);
    const a = LockService.getDocumentLock();
    const b = LockService.getDocumentLock();
    expect(a.tryLock(1)).toBe(true);
    expect(b.tryLock(1)).toBe(false);
    a.releaseLock();
    sim.lockedByOther = true;
    expect(b.tryLock(1)).toBe(false);
  });

  it.each([
    ['Asia/Bangkok', '2024-12-31T17:30:00Z', '2025-01-01 00:30 +0700'],
    ['Pacific/Auckland', '2025-03-31T12:00:00Z', '2025-04-01 01:00 +1300'],
    ['Pacific/Auckland', '2025-04-06T12:00:00Z', '2025-04-07 00:00 +1200'],
    ['America/Los_Angeles', '2025-03-09T10:30:00Z', '2025-03-09 03:30 -0700'],
  ])('formats dates like Utilities.formatDate in %s (%s)', (zone, iso, expected) => {
    const { Utilities } = new AppsScriptSimulation().services();
    expect(Utilities.formatDate(new Date(iso), zone, 'yyyy-MM-dd HH:mm Z')).toBe(expected);
    expect(Utilities.formatDate(new Date('2025-01-05T08:09:10Z'), 'UTC', "EEE d MMM yy 'at' h:mm a XXX")).toBe('Sun 5 Jan 25 at 8:09 AM Z');
  });

  it('keeps Sheets’ rules: names unique ignoring case, one visible sheet at least, ranges inside the grid, inserted sheets active', () => {
    const sim = new AppsScriptSimulation({ sheets: [{ name: 'Data', values: [[1, 2], [3, '']] }] });
    const ss = sim.services().SpreadsheetApp.getActive();
    expect(() => ss.insertSheet('DATA')).toThrow('Exception: A sheet with the name "DATA" already exists. Please enter another name.');
    expect(ss.getSheetByName('data')!.getName()).toBe('Data');
    const data = ss.getSheets()[0];
    expect(() => data.hideSheet()).toThrow(/hide all the sheets/);
    expect(() => ss.deleteSheet(data)).toThrow(/remove all the visible sheets/);
    expect(() => data.getRange(1, 1, 1001, 1)).toThrow(/outside the dimensions/);
    expect(data.getDataRange().getValues()).toEqual([[1, 2], [3, '']]);
    expect([data.getLastRow(), data.getLastColumn(), data.getMaxRows(), data.getMaxColumns()]).toEqual([2, 2, 1000, 26]);
    const other = ss.insertSheet('Other', 1);
    expect(ss.getActiveSheet()!.getName()).toBe('Other');
    other.getRange(1, 1, 1, 3).setNumberFormats([['@', 'General', 'General']]).setValues([['=1+1', '=1+1', "'007"]]);
    expect(other.getRange('A1:C1').getValues()).toEqual([['=1+1', '=1+1', '007']]);
    expect(sim.sheet('Other')!.formulas).toEqual(new Set(['1,2']));
    other.insertRowsAfter(1000, 5);
    expect(other.getMaxRows()).toBe(1005);
  });

  it('finds developer metadata by key and value, moves it to another sheet, and drops it with its sheet', () => {
    const sim = new AppsScriptSimulation({ sheets: [{ name: 'A' }, { name: 'B' }] });
    const app = sim.services().SpreadsheetApp;
    const ss = app.getActive();
    const [a, b] = ss.getSheets();
    a.addDeveloperMetadata('k', 'v1');
    a.addDeveloperMetadata('other', 'v');
    const find = (key: string, value?: string) => {
      let f = ss.createDeveloperMetadataFinder().withLocationType(app.DeveloperMetadataLocationType.SHEET).withKey(key);
      if (value) f = f.withValue(value);
      return f.find().map((m) => m.getLocation().getSheet()!.getName());
    };
    expect(find('k', 'v1')).toEqual(['A']);
    expect(find('k', 'v2')).toEqual([]);
    a.getDeveloperMetadata()[0].moveToSheet(b);
    expect(find('k')).toEqual(['B']);
    ss.deleteSheet(b);
    expect(find('k')).toEqual([]);
    expect(() => b.getName()).toThrow(/deleted/);
  });

  it('stores charts, conditional colours and a warning-only protection as set', () => {
    const sim = new AppsScriptSimulation();
    const app = sim.services().SpreadsheetApp;
    const { Charts } = sim.services();
    const s = app.getActive().getSheets()[0];
    s.insertChart(s.newChart().setChartType(Charts.ChartType.LINE).addRange(s.getRange('A1:B5')).setPosition(1, 4, 0, 0).setOption('title', 'T').build());
    s.setConditionalFormatRules([app.newConditionalFormatRule().setRanges([s.getRange('B2:B5')]).whenNumberBetween(0, 30).setBackground('#ff0').build()]);
    s.protect().setDescription('generated').setWarningOnly(true);
    const model = sim.sheet('Sheet1')!;
    expect(model.charts).toEqual([expect.objectContaining({ type: 'LINE', ranges: [{ row: 1, column: 1, rows: 5, columns: 2 }], options: { title: 'T' } })]);
    expect(model.rules).toEqual([{ ranges: [{ row: 2, column: 2, rows: 4, columns: 1 }], condition: { type: 'NUMBER_BETWEEN', values: [0, 30] }, background: '#ff0' }]);
    expect(s.getProtections(app.ProtectionType.SHEET)[0].isWarningOnly()).toBe(true);
    s.removeChart(s.getCharts()[0]);
    expect(model.charts).toEqual([]);
  });

  it('records the menu, alerts and sidebars the user sees', () => {
    const sim = new AppsScriptSimulation({ userLocale: 'th', html: { sidebar: '<p>hi</p>' } });
    const { SpreadsheetApp, Session } = sim.services();
    const ui = SpreadsheetApp.getUi();
    ui.createAddonMenu().addItem('Open sidebar', 'showSidebar').addSeparator().addToUi();
    ui.alert('CRM Metrics', 'Done', ui.ButtonSet.OK);
    ui.showSidebar(sim.globals().HtmlService.createHtmlOutputFromFile('sidebar').setTitle('CRM Metrics'));
    expect(sim.events).toEqual(['menu:Open sidebar', 'menu:added', 'alert:CRM Metrics\nDone', 'html:sidebar', 'sidebar:CRM Metrics']);
    expect([Session.getActiveUserLocale(), Session.getActiveUser().getEmail()]).toEqual(['th', 'user@example.com']);
  });

  it('forks an independent copy of the document', () => {
    const sim = new AppsScriptSimulation({ sheets: [{ name: 'A', values: [[1]] }] });
    sim.properties.k = 'v';
    const copy = sim.fork();
    copy.services().SpreadsheetApp.getActive().getSheets()[0].setName('B');
    copy.services().PropertiesService.getDocumentProperties().setProperty('k', 'w');
    expect([sim.sheets[0].name, sim.properties.k, copy.sheets[0].name, copy.properties.k]).toEqual(['A', 'v', 'B', 'w']);
  });
});
