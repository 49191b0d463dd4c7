// The workbench grid draws a built summary's cell styles and conditional font colours as Sheets would.

import type { Browser, Page } from 'playwright-core';
import { columnLetter } from '../../src/core/a1';
import type { CellStyle, ColourRule, GridRange } from '../../src/server/sheets/workbook';
import { api, launchChromium, screenshotPath, startWorkbench, type Workbench } from './harness';

type CellJson = string | number | boolean | { d: string };
interface SheetView { id: number; name: string; rows: CellJson[][]; styles: CellStyle[]; colourRules: ColourRule[] }
interface WorkbookJson { sheets: { id: number; name: string; generated: boolean }[] }
interface Drawn { fontWeight: string; fontSize: string; color: string; whiteSpace: string; scrollWidth: number; clientWidth: number; lines: number }

let workbench: Workbench;
let browser: Browser;
let page: Page;
let summary: SheetView;
const pageErrors: string[] = [];

/** Every cell of the ranges, 1-based, with its value. */
const cellsOf = (ranges: GridRange[]): { row: number; column: number; value: CellJson }[] => ranges.flatMap((r) =>
  Array.from({ length: r.rows * r.columns }, (_, i) => {
    const row = r.row + Math.floor(i / r.columns);
    const column = r.column + (i % r.columns);
    return { row, column, value: summary.rows[row - 1]?.[column - 1] ?? '' };
  }));

/** How the grid draws a cell: its computed font and colour, whether its text fits, and on how many lines it lies. */
const drawn = (row: number, column: number): Promise<Drawn> => page.locator(`#grid td[data-cell="${columnLetter(column)}${row}"]`).evaluate((td) => {
  const css = getComputedStyle(td);
  const range = document.createRange();
  range.selectNodeContents(td);
  const lines = new Set(Array.from(range.getClientRects(), (r) => Math.round(r.top))).size;
  return { fontWeight: css.fontWeight, fontSize: css.fontSize, color: css.color, whiteSpace: css.whiteSpace, scrollWidth: td.scrollWidth, clientWidth: td.clientWidth, lines };
});

const rgb = (hex: string): string => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

beforeAll(async () => {
  browser = await launchChromium();
  workbench = await startWorkbench(['--fresh']);
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(workbench.url);
  await page.waitForSelector('body[data-ready]');
  const side = page.frameLocator('#sidebar');
  await side.locator('#metrics-card .metric input[type=checkbox]').first().waitFor();
  await side.locator('#sheet').selectOption({ label: 'Deals' });
  await side.locator('#status:not(.busy)').waitFor();
  await side.locator('#metrics-card .metric input[type=checkbox]').first().waitFor();
  await side.locator('#build').click();
  await side.locator('#build-done').waitFor({ timeout: 60_000 });
  const tab = (await api<WorkbookJson>(workbench.url, '/api/workbook')).sheets.find((s) => s.generated);
  if (!tab) throw new Error('no summary tab was built');
  await page.waitForSelector(`#tabs .tab.on[data-sheet-name="${tab.name}"]`);
  summary = await api<SheetView>(workbench.url, `/api/sheet/${tab.id}`);
  await page.screenshot({ path: screenshotPath('workbench-styles') });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await workbench?.stop();
});

describe('the workbench grid draws cell styles', () => {
  it('draws bold text at its font size (points, as in Sheets), a card value among them', async () => {
    const sized = summary.styles.filter((s) => s.bold && s.fontSize);
    const cells = sized.flatMap((s) => cellsOf(s.ranges).filter((c) => c.value !== '').map((c) => ({ ...c, size: s.fontSize! })));
    // The cards' values: numbers, bold and large.
    expect(cells.filter((c) => typeof c.value === 'number').length).toBeGreaterThan(0);
    for (const c of cells) {
      const d = await drawn(c.row, c.column);
      const cell = `${columnLetter(c.column)}${c.row}`;
      expect({ cell, fontWeight: d.fontWeight, px: Math.round(parseFloat(d.fontSize) * 100) / 100 })
        .toEqual({ cell, fontWeight: '700', px: Math.round(((c.size * 4) / 3) * 100) / 100 });
    }
  });

  it('wraps wrapped headers onto more lines, the row growing to fit, rather than cutting them', async () => {
    const cells = summary.styles.filter((s) => s.wrap).flatMap((s) => cellsOf(s.ranges)).filter((c) => typeof c.value === 'string' && c.value !== '');
    expect(cells.length).toBeGreaterThan(0);
    let wrapped = 0;
    for (const c of cells) {
      const d = await drawn(c.row, c.column);
      expect(d.whiteSpace).toBe('normal');
      expect(d.scrollWidth).toBeLessThanOrEqual(d.clientWidth);
      if (d.lines > 1) wrapped++;
    }
    // At least one header is too long for its column's width on one line: it is shown on several.
    expect(wrapped).toBeGreaterThan(0);
  });

  it('colours a change by its rule: the font colour (and background) of the first rule its number meets', async () => {
    const coloured = summary.colourRules.flatMap((rule) => (rule.when === 'gradient' || !rule.fontColour ? [] : cellsOf([rule.range])
      .filter((c) => typeof c.value === 'number' && (rule.when === 'lessThan' ? c.value < rule.value : rule.when === 'between' ? c.value >= rule.value && c.value <= rule.to : c.value >= rule.value))
      .map((c) => ({ ...c, colour: rule.fontColour! }))));
    expect(coloured.length).toBeGreaterThan(0);
    for (const c of coloured) expect((await drawn(c.row, c.column)).color).toBe(rgb(c.colour));
  });

  it('raised no script error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
