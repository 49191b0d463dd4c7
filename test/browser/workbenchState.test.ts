// The workbench's own controls in Chromium: the language switch reloads the sidebar in each language without losing
// the workbook, Reset sample workbook asks first, and a summary built in the sidebar survives a restart.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { LANGUAGES } from '../../src/core/languages';
import { api, launchChromium, screenshotPath, startWorkbench, type Workbench } from './harness';

interface WorkbookJson { locale: string; sheets: { id: number; name: string; generated: boolean }[] }

let browser: Browser;
let workbench: Workbench | undefined;
let page: Page;
let side: FrameLocator;
let dir: string;
let state: string;
/** What the next confirmation dialog is answered: true = OK. */
let answer = false;
const dialogs: string[] = [];
const pageErrors: string[] = [];

async function open(): Promise<void> {
  workbench = await startWorkbench(['--rows=120', `--state=${state}`]);
  await page.goto(workbench.url);
  await page.waitForSelector('body[data-ready]');
  side = page.frameLocator('#sidebar');
  await side.locator('#metrics-card .metric input[type=checkbox]').first().waitFor();
}

/** Stops the workbench (the page left first, so no request of it is cut off) and starts it again on the same file. */
async function restart(): Promise<void> {
  await page.goto('about:blank');
  await workbench?.stop();
  await open();
}

const tabNames = (): Promise<string[]> => page.locator('#tabs .tab').allInnerTexts();
const textOf = (cell: string): Promise<string> => page.locator(`#grid td[data-cell="${cell}"]`).innerText();
const formulaOf = (cell: string): Promise<string | null> => page.locator(`#grid td[data-cell="${cell}"]`).getAttribute('data-formula');

/** Types into a cell as a person would (click, type, Enter) and waits for the grid to show the result. */
async function typeInto(cell: string, text: string): Promise<void> {
  const version = await page.getAttribute('body', 'data-version');
  await page.click(`#grid td[data-cell="${cell}"]`);
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await page.waitForFunction((v) => document.body.getAttribute('data-version') !== v, version);
}

/** Picks a language in the header's switch and waits for the sidebar to come back speaking it. */
async function switchTo(language: string): Promise<void> {
  await page.selectOption('#language', language);
  await side.locator(`html[lang="${language}"] #metrics-card .metric input[type=checkbox]`).first().waitFor();
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'workbench-browser-'));
  state = path.join(dir, 'workbook.json');
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await (answer ? d.accept() : d.dismiss());
  });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await open();
});

afterAll(async () => {
  await browser?.close();
  await workbench?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the language switch', () => {
  it('offers the five languages, each named in itself', async () => {
    const options = await page.locator('#language option').evaluateAll((os) => os.map((o) => [(o as HTMLOptionElement).value, o.textContent]));
    expect(options).toEqual([['en', 'English'], ['cs', 'Čeština'], ['pl', 'Polski'], ['ru', 'Русский'], ['th', 'ไทย']]);
    expect(await page.locator('#language').inputValue()).toBe('en');
  });

  it.each([...LANGUAGES.filter((l) => l !== 'en'), 'en'])('%s: the sidebar reloads in it; tabs and typed cells stay', async (language) => {
    await typeInto('J2', 'kept');
    const tabs = await tabNames();
    await switchTo(language);
    expect((await api<WorkbookJson>(workbench!.url, '/api/workbook')).locale.slice(0, 2)).toBe(language);
    expect(await tabNames()).toEqual(tabs);
    expect(await page.locator('#grid td[data-cell="J2"]').innerText()).toBe('kept');
    if (language === 'cs') await page.locator('header.bar').screenshot({ path: screenshotPath('workbench-language-switch') });
  });

  it('cs: formulas show with ";", numbers with a decimal comma; en: the same cells with "," and "."', async () => {
    await switchTo('cs');
    await typeInto('J4', '=ROUND(NPS(D2:D121; "2025"; A2:A121); 1)');
    await typeInto('J5', '7,25');
    await typeInto('J6', '=ROUND(2,75; 1)');
    expect(await formulaOf('J4')).toBe('=ROUND(NPS(D2:D121; "2025"; A2:A121); 1)');
    expect([await textOf('J5'), await textOf('J6')]).toEqual(['7,25', '2,8']);
    await page.click('#grid td[data-cell="J30"]');
    await page.keyboard.type('=NPS(D2:D121; ');
    expect(await page.locator('#help').innerText()).toMatch(/^NPS\(scores; \[period\]; \[dates\]\)$/m);
    expect(await page.locator('#help b').innerText()).toBe('[period]');
    await page.keyboard.press('Escape');
    const nps = await textOf('J4');
    expect(nps).toMatch(/^-?\d+(,\d)?$/);
    const surveys = await api<{ rows: unknown[][] }>(workbench!.url, '/api/sheet/0');
    expect([surveys.rows[4][9], surveys.rows[5][9]]).toEqual([7.25, 2.8]);
    await switchTo('en');
    expect(await formulaOf('J4')).toBe('=ROUND(NPS(D2:D121, "2025", A2:A121), 1)');
    expect([await textOf('J4'), await textOf('J5'), await textOf('J6')]).toEqual([nps.replace(',', '.'), '7.25', '2.8']);
  });
});

describe('a summary built in the sidebar', () => {
  it('is still there, with its report and the language, after the workbench restarts', async () => {
    await switchTo('pl');
    await side.locator('#build').click();
    await side.locator('#build-done').waitFor({ timeout: 60_000 });
    await side.locator('#status:not(.busy)').waitFor();
    const before = await api<WorkbookJson>(workbench!.url, '/api/workbook');
    const summary = before.sheets.find((s) => s.generated)!;
    expect(summary).toBeDefined();
    const cells = await api<{ rows: unknown[][] }>(workbench!.url, `/api/sheet/${summary.id}`);

    await restart();
    const after = await api<WorkbookJson>(workbench!.url, '/api/workbook');
    expect(after.sheets).toEqual(before.sheets);
    expect(after.locale).toBe('pl_PL');
    expect((await api<{ rows: unknown[][] }>(workbench!.url, `/api/sheet/${summary.id}`)).rows).toEqual(cells.rows);
    expect(await side.locator('html').getAttribute('lang')).toBe('pl');
    await side.locator('#reports .report').first().waitFor();
    expect(await side.locator('#reports .report').count()).toBe(1);
    await page.click('#tabs .tab[data-sheet-name="Surveys"]');
    await page.waitForSelector('#tabs .tab.on[data-sheet-name="Surveys"]');
    expect(await page.locator('#grid td[data-cell="J2"]').innerText()).toBe('kept');
  });
});

describe('Reset sample workbook', () => {
  it('asks first, and changes nothing when the answer is Cancel', async () => {
    const tabs = await tabNames();
    answer = false;
    await page.click('#reset');
    await page.waitForTimeout(300);
    expect(dialogs).toHaveLength(1);
    expect(dialogs[0]).toMatch(/Every report, tab and edit/);
    expect(await tabNames()).toEqual(tabs);
  });

  it('on OK restores the sample: the summary tab, its report and the edits are gone, the language stays', async () => {
    const generated = (await api<WorkbookJson>(workbench!.url, '/api/workbook')).sheets.find((s) => s.generated)!;
    answer = true;
    await page.click('#reset');
    await page.waitForFunction((name) => !document.querySelector(`#tabs .tab[data-sheet-name="${name}"]`), generated.name);
    await side.locator('html[lang="pl"] #metrics-card .metric input[type=checkbox]').first().waitFor();
    expect(await side.locator('#reports .report').count()).toBe(0);
    await page.click('#tabs .tab[data-sheet-name="Surveys"]');
    await page.waitForSelector('#tabs .tab.on[data-sheet-name="Surveys"]');
    expect(await page.locator('#grid td[data-cell="J2"]').innerText()).toBe('');
    await restart();
    expect((await api<WorkbookJson>(workbench!.url, '/api/workbook')).sheets.some((s) => s.generated)).toBe(false);
  });

  it('raised no script error in the page or the sidebar', () => {
    expect(pageErrors).toEqual([]);
  });
});
