// The workbench in Chromium: formulas typed into cells, the real sidebar building a summary, and hostile text shown as text.

import type { Browser, FrameLocator, Page } from 'playwright-core';
import { findFunction } from '../../src/functions/catalogue';
import { runFunction } from '../../src/functions/runner';
import type { Arg } from '../../src/functions/spec';
import { api, launchChromium, screenshotPath, startWorkbench, type Workbench } from './harness';

type CellJson = string | number | boolean | { d: string };
interface SheetView { id: number; name: string; rows: CellJson[][]; formulas: Record<string, string>; errors: Record<string, string>; charts: unknown[] }
interface WorkbookJson { activeSheetId: number; sheets: { id: number; name: string; generated: boolean }[]; selection: unknown }

const HOSTILE_HEADER = '<img src=x onerror=alert(1)>';
const HOSTILE_SEGMENT = '=1+1';

let workbench: Workbench;
let browser: Browser;
let page: Page;
let side: FrameLocator;
const dialogs: string[] = [];
const pageErrors: string[] = [];

/** A Sheets-shaped argument from the workbench's JSON (dates back to Date). */
const toArg = (rows: CellJson[][]): Arg => rows.map((r) => r.map((v) => (typeof v === 'object' ? new Date(v.d) : v)));
const column = (view: SheetView, header: string): CellJson[][] => {
  const c = view.rows[0].indexOf(header);
  if (c < 0) throw new Error(`no column ${header} in ${view.name}`);
  return view.rows.slice(1).filter((r) => r.some((v) => v !== '')).map((r) => [r[c] ?? '']);
};

async function sheetByName(name: string): Promise<SheetView> {
  const book = await api<WorkbookJson>(workbench.url, '/api/workbook');
  const sheet = book.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return api<SheetView>(workbench.url, `/api/sheet/${sheet.id}`);
}

/** Types into a cell as a person would: click it, type, Enter. */
async function typeInto(cell: string, text: string): Promise<void> {
  await page.click(`#grid td[data-cell="${cell}"]`);
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  // Done when the grid shows it: the formula recorded on the cell, or the value as typed.
  await page.waitForFunction(([c, t]) => {
    const td = document.querySelector(`#grid td[data-cell="${c}"]`);
    return t.startsWith('=') ? td?.getAttribute('data-formula') === t : td?.textContent === t;
  }, [cell, text]);
}

const cellText = (cell: string): Promise<string> => page.locator(`#grid td[data-cell="${cell}"]`).innerText();

async function openTab(name: string): Promise<void> {
  await page.click(`#tabs .tab[data-sheet-name="${name}"]`);
  await page.waitForSelector(`#tabs .tab.on[data-sheet-name="${name}"]`);
}

/** Waits until the sidebar is idle (no progress bar) and returns its status text. */
async function sidebarIdle(): Promise<string> {
  await side.locator('#status:not(.busy)').waitFor();
  return side.locator('#status').innerText();
}

beforeAll(async () => {
  browser = await launchChromium();
  workbench = await startWorkbench();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(workbench.url);
  await page.waitForSelector('body[data-ready]');
  side = page.frameLocator('#sidebar');
  await side.locator('#metrics-card .metric input[type=checkbox]').first().waitFor();
});

afterAll(async () => {
  await browser?.close();
  await workbench?.stop();
});

describe('the workbench grid', () => {
  it('shows the sample workbook in tabs', async () => {
    const tabs = await page.locator('#tabs .tab').allInnerTexts();
    expect(tabs).toEqual(expect.arrayContaining(['Surveys', 'Deals', 'Subscriptions', 'Orders', 'Tickets']));
    expect(await cellText('A1')).toBe('Date');
  });

  it('evaluates =NPS(...) typed into a cell to what the core computes', async () => {
    await openTab('Surveys');
    await typeInto('H2', '=NPS(D2:D1001)');
    const shown = Number(await cellText('H2'));
    const surveys = await sheetByName('Surveys');
    const expected = runFunction(findFunction('NPS')!, [toArg(column(surveys, 'NPS score'))]) as number;
    expect(shown).toBeCloseTo(expected, 6);
    await page.screenshot({ path: screenshotPath('formula') });
  });

  it('spills a series for a grain, with the header row', async () => {
    await typeInto('H4', '=NPS(D2:D1001, "quarter", A2:A1001)');
    expect(await cellText('H4')).toBe('period');
    expect(await cellText('I4')).toBe('NPS');
    expect(await cellText('H5')).toMatch(/^\d{4}-Q[1-4]$/);
  });

  it('helps while a formula is typed, from the function table', async () => {
    await page.click('#grid td[data-cell="H30"]');
    await page.keyboard.type('=NP');
    expect(await page.locator('#help').innerText()).toMatch(/^NPS — Net Promoter Score/m);
    await page.keyboard.type('S(D2:D1001, ');
    const help = await page.locator('#help').innerText();
    expect(help).toMatch(/^NPS\(scores, \[period\], \[dates\]\)$/m);
    expect(await page.locator('#help b').innerText()).toBe('[period]');
    await page.keyboard.press('Escape');
    expect(await page.locator('#help').isHidden()).toBe(true);
  });

  it('shows #ERROR! with the message for bad input', async () => {
    await typeInto('H20', '=NPS(B2:B10)');
    expect(await cellText('H20')).toBe('#ERROR!');
    expect(await page.locator('#grid td[data-cell="H20"]').getAttribute('data-error')).toMatch(/^NPS: 9 values are not scores from 0 to 10 \(first: "C\d+" in row 1 of scores\)/);
  });
});

describe('the sidebar', () => {
  it('detects the table and maps columns from their headers and values', async () => {
    expect(await side.locator('#header-row').inputValue()).toBe('1');
    expect(await side.locator('#data-range').inputValue()).toMatch(/^A2:[A-Z]+1001$/);
    expect(await side.locator('#role-score').inputValue()).toBe('3');
    expect(await side.locator('#role-date').inputValue()).toBe('0');
  });

  it('offers only the metrics whose columns are mapped', async () => {
    const nps = side.locator('#metric-NPS');
    await nps.waitFor();
    await side.locator('#role-score').selectOption('');
    await nps.waitFor({ state: 'detached' });
    await side.locator('#more-roles summary').click();
    await side.locator('#role-score').selectOption('3');
    await nps.waitFor();
    expect(await nps.isChecked()).toBe(true);
  });

  it('checks the data: counts, first rows, and a button that selects those cells', async () => {
    // Two mistakes typed into the source, as a person might: a score of 11 and a score written as text.
    await openTab('Surveys');
    const original = [await cellText('D5'), await cellText('D7')];
    await typeInto('D5', '11');
    await typeInto('D7', 'n/a');
    await side.locator('#check').click();
    await side.locator('#check-result:not([hidden])').waitFor();
    await sidebarIdle();
    expect(await side.locator('#check-result p').first().innerText()).toMatch(/^Rows checked: 1000\. Kinds of problem found: \d+\.$/);
    const outOfRange = side.locator('#check-result .issue[data-kind="scoreOutOfRange"]');
    expect(await outOfRange.locator('.issue-title').innerText()).toBe('Scores out of range');
    expect(await outOfRange.locator('.count').innerText()).toBe('Count: 1');
    expect(await outOfRange.locator('.rows').innerText()).toBe('First rows: 5');
    const notANumber = side.locator('#check-result .issue[data-kind="notANumber"]');
    expect(await notANumber.locator('.rows').innerText()).toMatch(/^First rows: 7\b/);
    await outOfRange.locator('[data-select]').click();
    expect(await sidebarIdle()).toBe('Selected in the sheet: D5');
    await page.waitForSelector('#grid td.picked[data-cell="D5"]');
    expect(await page.locator('#grid td.picked').count()).toBe(1);
    await page.screenshot({ path: screenshotPath('check-data') });
    // Put the data back for the summary below.
    await typeInto('D5', original[0]);
    await typeInto('D7', original[1]);
    await side.locator('#check').click();
    await sidebarIdle();
    expect(await side.locator('#check-result').innerText()).toMatch(/No problems found \(rows checked: 1000\)\./);
  });

  it('builds a summary whose headline figures match the core', async () => {
    await side.locator('#segment').selectOption({ label: 'C · Segment' });
    await side.locator('#grain').selectOption('quarter');
    await side.locator('#build').click();
    await side.locator('#build-done').waitFor({ timeout: 30_000 });
    const status = await sidebarIdle();
    expect(status).toMatch(/The summary is ready on the tab “.+”\./);
    const book = await api<WorkbookJson>(workbench.url, '/api/workbook');
    const summaryTab = book.sheets.find((s) => s.generated)!;
    expect(summaryTab).toBeDefined();
    await page.waitForSelector(`#tabs .tab.on[data-sheet-name="${summaryTab.name}"]`);
    const summary = await api<SheetView>(workbench.url, `/api/sheet/${summaryTab.id}`);
    // Headline block: a "Metric | Latest (label) | Previous (label) | …" header, then one row per metric.
    const headerRow = summary.rows.findIndex((r) => r[0] === 'Metric');
    expect(headerRow).toBeGreaterThan(0);
    const latestLabel = /\(([^)]+)\)/.exec(String(summary.rows[headerRow][1]))?.[1];
    const previousLabel = /\(([^)]+)\)/.exec(String(summary.rows[headerRow][2]))?.[1];
    expect(latestLabel).toMatch(/^\d{4}-Q[1-4]$/);
    const npsRow = summary.rows.slice(headerRow + 1).find((r) => r[0] === findFunction('NPS')!.labels.en.name)!;
    expect(npsRow).toBeDefined();
    const surveys = await sheetByName('Surveys');
    const scores = toArg(column(surveys, 'NPS score'));
    const dates = toArg(column(surveys, 'Date'));
    const nps = findFunction('NPS')!;
    expect(npsRow[1] as number).toBeCloseTo(runFunction(nps, [scores, latestLabel!, dates]) as number, 9);
    expect(npsRow[2] as number).toBeCloseTo(runFunction(nps, [scores, previousLabel!, dates]) as number, 9);
    expect(npsRow[3] as number).toBeCloseTo((npsRow[1] as number) - (npsRow[2] as number), 9);
    // The grid shows it formatted, and the charts the builder gave Sheets are drawn.
    expect(await page.locator('#grid td', { hasText: /^Net Promoter Score$/ }).count()).toBeGreaterThan(0);
    expect(summary.charts.length).toBeGreaterThan(0);
    expect(await page.locator('#charts svg.chart').count()).toBe(summary.charts.length);
    await page.screenshot({ path: screenshotPath('summary') });
  });

  it('lists the build as a saved report, refreshes it in place, and refreshes all', async () => {
    const report = side.locator('#reports .report');
    await report.first().waitFor();
    expect(await report.count()).toBe(1);
    const before = (await api<WorkbookJson>(workbench.url, '/api/workbook')).sheets.filter((s) => s.generated).map((s) => s.name);
    await report.first().locator('[data-refresh]').click();
    await side.locator('#build-done').waitFor();
    expect(await sidebarIdle()).toMatch(/The report was refreshed\./);
    const after = (await api<WorkbookJson>(workbench.url, '/api/workbook')).sheets.filter((s) => s.generated).map((s) => s.name);
    expect(after).toEqual(before);
    await side.locator('#refresh-all').click();
    expect(await sidebarIdle()).toBe('Reports refreshed: 1.');
    await side.locator('#reload-reports').click();
    await sidebarIdle();
    expect(await side.locator('#reports .report').count()).toBe(1);
    expect(await side.locator('#reports .report .hint').innerText()).toMatch(/^Summary of Surveys · Refreshed: /);
  });

  it('says what is wrong in plain words, from the form and from the server', async () => {
    await openTab('Surveys');
    for (const box of await side.locator('#metrics-card input[type=checkbox]').all()) await box.uncheck();
    await side.locator('#build').click();
    expect(await sidebarIdle()).toBe('Choose at least one metric.');
    await side.locator('#data-range').fill('everything');
    await side.locator('#detect').click();
    expect(await sidebarIdle()).toBe('Write the data range like A1:F500.');
    await side.locator('#data-range').fill('A2:ZZ1001');
    await side.locator('#detect').click();
    expect(await sidebarIdle()).toBe('The range A1:ZZ1001 reaches outside the sheet.');
    await side.locator('#data-range').fill('A2:F1001');
    await side.locator('#detect').click();
    await sidebarIdle();
    expect(await side.locator('#metric-NPS').isChecked()).toBe(true);
  });
});

describe('hostile text', () => {
  it('shows a header named like an HTML tag and a segment named like a formula as plain text', async () => {
    const rows: CellJson[][] = [['Date', HOSTILE_HEADER, 'Segment']];
    for (let i = 0; i < 60; i++) {
      rows.push([{ d: new Date(Date.UTC(2025, i % 12, 1 + (i % 27))).toISOString() }, i % 11, i % 3 === 0 ? HOSTILE_SEGMENT : 'Plain']);
    }
    await api(workbench.url, '/api/sheets', { name: 'Hostile', values: rows });
    await page.reload();
    await page.waitForSelector('body[data-ready]');
    side = page.frameLocator('#sidebar');
    await side.locator('#sheet option', { hasText: 'Hostile' }).waitFor({ state: 'attached' });
    await side.locator('#sheet').selectOption({ label: 'Hostile' });
    await side.locator('#detected', { hasText: 'A1:C61' }).waitFor();
    await sidebarIdle();
    await side.locator('#more-roles').evaluate((d) => ((d as HTMLDetailsElement).open = true)).catch(() => undefined);
    // The header is offered as text in every column picker, and no element was made from it.
    const labels = await side.locator('#role-score option').allInnerTexts();
    expect(labels).toContain(`B · ${HOSTILE_HEADER}`);
    expect(await side.locator('img').count()).toBe(0);
    await side.locator('#role-score').selectOption({ label: `B · ${HOSTILE_HEADER}` });
    await side.locator('#segment').selectOption({ label: 'C · Segment' });
    await side.locator('#metric-NPS').waitFor();
    await side.locator('#build').click();
    await side.locator('#build-done').waitFor({ timeout: 30_000 });
    await sidebarIdle();
    // The summary tab holds "=1+1" as a string, shown as text, never evaluated.
    const book = await api<WorkbookJson>(workbench.url, '/api/workbook');
    const tab = book.sheets.find((s) => s.id === book.activeSheetId)!;
    const view = await api<SheetView>(workbench.url, `/api/sheet/${tab.id}`);
    const at = view.rows.flatMap((r, y) => r.map((v, x) => ({ v, y, x }))).filter((c) => c.v === HOSTILE_SEGMENT);
    expect(at.length).toBeGreaterThan(0);
    expect(Object.keys(view.formulas)).toEqual([]);
    expect(await page.locator('#grid td', { hasText: /^=1\+1$/ }).count()).toBeGreaterThan(0);
    expect(await page.locator('#grid img, #sidebar img').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('hostile') });
    expect(dialogs).toEqual([]);
  });

  it('deletes a saved report and, when asked, its tab', async () => {
    await side.locator('#reload-reports').click();
    await sidebarIdle();
    const reports = side.locator('#reports .report');
    expect(await reports.count()).toBe(2);
    const hostile = reports.filter({ hasText: 'Summary of Hostile' });
    await hostile.locator('[data-delete]').click();
    await hostile.locator('.confirm input[type=checkbox]').check();
    await hostile.locator('[data-confirm]').click();
    expect(await sidebarIdle()).toMatch(/The report was deleted\./);
    expect(await side.locator('#reports .report').count()).toBe(1);
    await page.waitForFunction(() => !document.querySelector('#tabs .tab[data-sheet-name="Summary of Hostile"]'));
    const book = await api<WorkbookJson>(workbench.url, '/api/workbook');
    expect(book.sheets.map((s) => s.name)).not.toContain('Summary of Hostile');
    expect(book.sheets.map((s) => s.name)).toContain('Hostile');
  });

  it('raised no script error in the page or the sidebar', () => {
    expect(pageErrors).toEqual([]);
  });
});
