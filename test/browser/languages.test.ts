// Every sample sheet summarised through the real sidebar in each of the five languages (issue 11, "Must show"): the
// workbench started fresh with the locale, each sheet picked in the sidebar and built with its defaults, and the built
// tab read back from the workbench's JSON. A non-English tab shows no English label (the server-level language test's
// detector, shared from test/server/summary/tab.ts); an English tab is full of what that detector finds (so it can
// fail); every chart is anchored inside its tab, within columns A–L, and drawn by the page on the grid.

import type { Browser, FrameLocator, Page } from 'playwright-core';
import { LANGUAGES, type Language } from '../../src/core/languages';
import { sampleTables } from '../../src/core/sample/generate';
import type { ChartSpec } from '../../src/server/sheets/workbook';
import { TAB_TEXTS } from '../../src/server/summary/tabText';
import { pixelsBetween } from '../../src/server/summary/widths';
import { dataStrings, englishOnTab, textsOf } from '../server/summary/tab';
import { api, launchChromium, startWorkbench, type Workbench } from './harness';

type CellJson = string | number | boolean | { d: string } | null;
interface SheetView { id: number; name: string; rows: CellJson[][]; formats: string[][]; columnWidths: Record<string, number>; charts: ChartSpec[] }
interface WorkbookJson { language: Language; sheets: { id: number; name: string; generated: boolean }[] }
interface ReportsReply { ok: boolean; data: { reports: { report: { spec: { title: string; source: { sheetId: number } } }; sheetId?: number }[] } }

/** The sample sheets the workbench opens with (the add-on's own generator, as scripts/workbench/main.ts uses it). */
const SAMPLE_SHEETS = sampleTables({ rows: 10 }).map((t) => t.name);
/**
 * Rows per sample sheet: 200 builds the same tabs as the default 1000 (the same sections, charts and rows on every
 * sheet; checked when this test was written) at about half the time per build.
 */
const ROWS = 200;

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/** Waits until the sidebar is idle (no progress bar) and returns its status text. */
async function idle(side: FrameLocator): Promise<string> {
  await side.locator('#status:not(.busy)').waitFor({ timeout: 30_000 });
  return side.locator('#status').innerText();
}

describe.each(LANGUAGES)('summaries built in the sidebar in %s', (language) => {
  let workbench: Workbench;
  let page: Page;
  let side: FrameLocator;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    workbench = await startWorkbench([`--locale=${language}`, `--rows=${ROWS}`, '--fresh']);
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('dialog', (d) => void d.dismiss());
    await page.goto(workbench.url);
    await page.waitForSelector('body[data-ready]');
    side = page.frameLocator('#sidebar');
    await side.locator('#metrics-card .metric').first().waitFor({ timeout: 30_000 });
    await idle(side);
  });

  afterAll(async () => {
    await page?.close();
    await workbench?.stop();
  });

  it('opens the sample workbook in the language', async () => {
    const book = await api<WorkbookJson>(workbench.url, '/api/workbook');
    expect(book.language).toBe(language);
    expect(book.sheets.filter((s) => !s.generated).map((s) => s.name)).toEqual(SAMPLE_SHEETS);
    expect(await side.locator('html').getAttribute('lang')).toBe(language);
  });

  it.each(SAMPLE_SHEETS)('builds %s with the defaults: no label in another language, every chart inside the tab within A–L', async (sheetName) => {
    const before = await api<WorkbookJson>(workbench.url, '/api/workbook');
    const source = before.sheets.find((s) => s.name === sheetName && !s.generated);
    if (!source) throw new Error(`no sample sheet ${sheetName}`);
    const generatedBefore = new Set(before.sheets.filter((s) => s.generated).map((s) => s.id));

    // Through the sidebar: pick the sheet, build with what it offers; a repeated title's question is answered Replace.
    await side.locator('#sheet').selectOption(String(source.id));
    expect(await idle(side)).toBe('');
    expect(await side.locator('#build-done').count()).toBe(0);
    await side.locator('#build').click();
    const outcome = side.locator('#build-done, #status [data-choice="replace"], #status.error');
    await outcome.first().waitFor({ timeout: 30_000 });
    if (await side.locator('#status [data-choice="replace"]').count()) {
      await side.locator('#status [data-choice="replace"]').click();
      await side.locator('#build-done, #status.error').first().waitFor({ timeout: 30_000 });
    }
    const status = await idle(side);
    expect({ sheetName, error: await side.locator('#status.error').count(), status }).toEqual({ sheetName, error: 0, status: expect.any(String) });
    await side.locator('#build-done').waitFor();

    // The tab it built: the one generated sheet that is new, the saved report's tab, summarising this sheet.
    const after = await api<WorkbookJson>(workbench.url, '/api/workbook');
    const made = after.sheets.filter((s) => s.generated && !generatedBefore.has(s.id));
    expect(made).toHaveLength(1);
    const reports = (await api<ReportsReply>(workbench.url, '/rpc/listReports', {})).data.reports;
    expect(reports.find((r) => r.sheetId === made[0].id)?.report.spec.source.sheetId).toBe(source.id);
    const tab = await api<SheetView>(workbench.url, `/api/sheet/${made[0].id}`);
    const sourceView = await api<SheetView>(workbench.url, `/api/sheet/${source.id}`);
    const content = { values: tab.rows, formats: tab.formats, charts: tab.charts };
    const data = dataStrings(sheetName, sourceView.rows);

    // The language: recorded on the tab; no English on a tab in another; an English tab shows its English labels.
    expect(tab.rows[1]).toContain(TAB_TEXTS[language].languageName);
    const english = englishOnTab(content, language, data);
    if (language === 'en') {
      expect(english.length).toBeGreaterThan(0);
      expect(textsOf(content)).toEqual(expect.arrayContaining([TAB_TEXTS.en.source, `${TAB_TEXTS.en.refreshedAt} (UTC)`]));
    } else {
      expect(english).toEqual([]);
    }

    // Charts: anchored at a cell of the tab's written grid, within columns A–L, the right edge left of column L's.
    expect(tab.charts.length).toBeGreaterThan(0);
    const rows = tab.rows.length;
    const columns = Math.max(...tab.rows.map((r) => r.length));
    const widths = Object.entries(tab.columnWidths).map(([column, width]) => ({ column: Number(column), width }));
    const misplaced = tab.charts.flatMap((c) => {
      const { row, column } = c.anchor;
      const out: string[] = [];
      if (!Number.isInteger(row) || row < 1 || row > rows) out.push(`row ${row} outside rows 1–${rows}`);
      if (!Number.isInteger(column) || column < 1 || column > 12) out.push(`column ${column} outside A–L`);
      else if (c.width > pixelsBetween(widths, column, 12)) out.push(`${c.width} px wide from column ${column}: past column L`);
      for (const r of c.ranges) {
        if (r.row < 1 || r.column < 1 || r.row + r.rows - 1 > rows || r.column + r.columns - 1 > columns) out.push(`data ${JSON.stringify(r)} outside the tab`);
      }
      return out.map((o) => `${c.title}: ${o}`);
    });
    expect(misplaced).toEqual([]);

    // The page shows the tab, with every chart drawn over a cell of its grid.
    await page.waitForSelector(`#tabs .tab.on[data-sheet-name="${made[0].name}"]`);
    await page.waitForFunction((n) => document.querySelectorAll('#charts .chart-box').length === n, tab.charts.length, { timeout: 10_000 });
    expect(pageErrors).toEqual([]);
  });
});
