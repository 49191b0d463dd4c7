// The sidebar in each of its five languages at 300 px: no cut-off text on any sample sheet, goals typed in every
// accepted form land on the built tab, every control reachable by keyboard with a visible focus ring, and a progress
// bar for every server call that takes longer than half a second (issue 11, items 3 and 5).

import type { Browser, Frame, FrameLocator, Page } from 'playwright-core';
import { findFunction } from '../../src/functions/catalogue';
import type { Language } from '../../src/core/languages';
import { CATALOGUES, type MessageKey } from '../../sidebar/i18n/catalogue';
import { api, launchChromium, screenshotPath, startWorkbench, type Workbench } from './harness';

type CellJson = string | number | boolean | { d: string } | null;
interface SheetView { id: number; name: string; rows: CellJson[][] }
interface WorkbookJson { activeSheetId: number; sheets: { id: number; name: string; generated: boolean }[] }
interface ReportsReply { ok: boolean; data: { reports: { report: { id: string; spec: { title: string; goals?: Record<string, number> } }; sheetId?: number; sheetName?: string }[] } }

/** Goals typed per language: [metric, as typed, the value the tab must hold]. Every accepted form appears at least once. */
const GOALS: Record<Language, [string, string, number][]> = {
  en: [['WIN_RATE', '80%', 0.8], ['CLOSE_RATE', '0.8', 0.8], ['SALES_CYCLE', '12.5', 12.5]],
  cs: [['WIN_RATE', '80 %', 0.8], ['CLOSE_RATE', '0,8', 0.8], ['SALES_CYCLE', '12,5', 12.5]],
  pl: [['WIN_RATE', '80,5 %', 0.805], ['CLOSE_RATE', '80', 0.8], ['SALES_CYCLE', '1 012,5', 1012.5]],
  ru: [['WIN_RATE', '0,805', 0.805], ['CLOSE_RATE', '80.5%', 0.805], ['SALES_CYCLE', '20', 20]],
  th: [['WIN_RATE', '80', 0.8], ['CLOSE_RATE', '0,8', 0.8], ['SALES_CYCLE', '7.25', 7.25]],
};
const LANGUAGES = Object.keys(GOALS) as Language[];

let browser: Browser;
const started: Workbench[] = [];

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all(started.map((w) => w.stop()));
});

async function open(language: Language): Promise<{ workbench: Workbench; page: Page; side: FrameLocator; frame: Frame }> {
  const workbench = await startWorkbench([`--locale=${language}`, '--rows=150', '--fresh']);
  started.push(workbench);
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(workbench.url);
  const side = page.frameLocator('#sidebar');
  await side.locator('#metrics-card .metric').first().waitFor();
  await idle(side);
  const frame = page.frame({ url: /sidebar\.html/ });
  if (!frame) throw new Error('no sidebar frame');
  return { workbench, page, side, frame };
}

async function idle(side: FrameLocator): Promise<string> {
  await side.locator('#status:not(.busy)').waitFor();
  return side.locator('#status').innerText();
}

/**
 * Every element showing text that is cut off (scrollWidth > clientWidth), as "tag#id.class: text"; options are
 * measured as their select shows them (text width plus the arrow against the select's inner width) for the
 * sidebar's own options (grain, "not used", "no segments"), since a column's header is the user's text.
 */
function cutOff(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => {
    const out: string[] = [];
    const name = (e: Element): string => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${e.className && typeof e.className === 'string' ? `.${e.className.split(' ').join('.')}` : ''}`;
    const shown = (e: Element): boolean => (e as HTMLElement).offsetParent !== null || getComputedStyle(e).position === 'fixed';
    for (const e of Array.from(document.querySelectorAll('label, span, p, h2, button, summary, li, div, select, input'))) {
      if (!shown(e)) continue;
      if (e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 0) out.push(`${name(e)}: ${(e as HTMLElement).innerText.slice(0, 60)}`);
    }
    const probe = document.createElement('span');
    probe.style.cssText = 'position:absolute;visibility:hidden;white-space:nowrap';
    document.body.appendChild(probe);
    for (const select of Array.from(document.querySelectorAll('select'))) {
      if (!shown(select)) continue;
      probe.style.font = getComputedStyle(select).font;
      for (const o of Array.from(select.options).filter((x) => x.value === '' || select.id === 'grain')) {
        probe.textContent = o.text;
        const room = select.clientWidth - 30; // padding and the arrow
        if (probe.offsetWidth > room) out.push(`option in ${name(select)}: ${o.text} (${probe.offsetWidth} px in ${room} px)`);
      }
    }
    for (const input of Array.from(document.querySelectorAll('input[placeholder]')) as HTMLInputElement[]) {
      if (!shown(input) || input.value || !input.placeholder) continue;
      probe.style.font = getComputedStyle(input).font;
      probe.textContent = input.placeholder;
      if (probe.offsetWidth > input.clientWidth - 12) out.push(`placeholder of ${name(input)}: ${input.placeholder}`);
    }
    probe.remove();
    if (document.documentElement.scrollWidth > document.documentElement.clientWidth) out.push(`page scrolls sideways: ${document.documentElement.scrollWidth} px`);
    return out;
  });
}

/** The number the tab holds for a metric's goal: in the metric's row (a table) or under its name (a card). */
function goalOnTab(view: SheetView, metric: string, language: Language, goal: number): number | undefined {
  const f = findFunction(metric);
  const names = new Set([f?.labels[language].name, f?.labels.en.name]);
  const near = (v: CellJson): boolean => typeof v === 'number' && Math.abs(v - goal) < 1e-9;
  for (let r = 0; r < view.rows.length; r++) {
    for (let c = 0; c < view.rows[r].length; c++) {
      if (!names.has(String(view.rows[r][c]))) continue;
      const inRow = view.rows[r].find(near);
      const inCard = view.rows.slice(r + 1, r + 6).map((row) => row[c]).find(near);
      const hit = inRow ?? inCard;
      if (typeof hit === 'number') return hit;
    }
  }
  return undefined;
}

describe.each(LANGUAGES)('the sidebar in %s', (language) => {
  let workbench: Workbench;
  let page: Page;
  let side: FrameLocator;
  let frame: Frame;

  beforeAll(async () => {
    ({ workbench, page, side, frame } = await open(language));
  });

  afterAll(async () => {
    await page?.close();
  });

  it('cuts off no label, option or button on any sample sheet', async () => {
    const book = await api<WorkbookJson>(workbench.url, '/api/workbook');
    const sheets = book.sheets.filter((s) => !s.generated);
    expect(sheets.length).toBeGreaterThanOrEqual(5);
    const found: string[] = [];
    for (const sheet of sheets) {
      await side.locator('#sheet').selectOption(String(sheet.id));
      await idle(side);
      await side.locator('#more-roles').evaluate((d) => ((d as HTMLDetailsElement).open = true)).catch(() => undefined);
      found.push(...(await cutOff(frame)).map((c) => `${sheet.name}: ${c}`));
          }
    expect(found).toEqual([]);
  });

  it('shows metric names and summaries in the language, with % beside percent goals', async () => {
    await side.locator('#sheet').selectOption({ label: 'Deals' });
    await side.locator('#metric-WIN_RATE').waitFor();
    await idle(side);
    const win = findFunction('WIN_RATE')!.labels[language];
    const row = side.locator('.metric', { has: side.locator('#metric-WIN_RATE') });
    expect(await row.locator('.name').innerText()).toBe(win.name);
    expect(await row.getAttribute('title')).toBe(`${win.summary} (WIN_RATE)`);
    expect(await row.locator('.unit').innerText()).toBe('%');
    expect(await side.locator('#goal-hint').isVisible()).toBe(true);
  });

  it('reads goals typed in every accepted form into the built tab’s Goal cells', async () => {
    await side.locator('#sheet').selectOption({ label: 'Deals' });
    await side.locator('#metric-WIN_RATE').waitFor();
    await idle(side);
    for (const [metric, typed] of GOALS[language]) {
      await side.locator(`#metric-${metric}`).check();
      await side.locator(`[data-goal="${metric}"]`).fill(typed);
    }
    await side.locator('#title').fill(`Goals ${language}`);
    await side.locator('#build').click();
    await side.locator('#build-done').waitFor({ timeout: 30_000 });
    await idle(side);
    const listed = await api<ReportsReply>(workbench.url, '/rpc/listReports', {});
    const entry = listed.data.reports.find((r) => r.report.spec.title === `Goals ${language}`)!;
    expect(entry.report.spec.goals).toEqual(Object.fromEntries(GOALS[language].map(([m, , v]) => [m, v])));
    const view = await api<SheetView>(workbench.url, `/api/sheet/${entry.sheetId}`);
    for (const [metric, typed, value] of GOALS[language]) expect([metric, typed, goalOnTab(view, metric, language, value)]).toEqual([metric, typed, value]);
  });

  it('asks before building over a saved report of the same title, and replaces it in place', async () => {
    const before = (await api<ReportsReply>(workbench.url, '/rpc/listReports', {})).data.reports;
    await side.locator('#build').click();
    await side.locator('#status [data-choice="replace"]').waitFor();
    expect(await cutOff(frame)).toEqual([]);
    // The question takes the keyboard: Replace is focused, Enter answers it.
    expect(await side.locator('#status [data-choice="replace"]').evaluate((b) => b === document.activeElement)).toBe(true);
    await page.locator('#side').screenshot({ path: screenshotPath(`same-title-${language}`) });
    await page.keyboard.press('Enter');
    await side.locator('#build-done').waitFor({ timeout: 30_000 });
    await idle(side);
    const after = (await api<ReportsReply>(workbench.url, '/rpc/listReports', {})).data.reports;
    // The same report and tab name (the tab is rebuilt into a new sheet and swapped in, so its sheet id is new).
    expect(after.map((r) => [r.report.id, r.sheetName])).toEqual(before.map((r) => [r.report.id, r.sheetName]));
    await side.locator('#build').click();
    await side.locator('#status [data-choice="keep-both"]').click();
    await side.locator('#build-done').waitFor({ timeout: 30_000 });
    const both = (await api<ReportsReply>(workbench.url, '/rpc/listReports', {})).data.reports.map((r) => r.report.spec.title);
    expect(both).toEqual(expect.arrayContaining([`Goals ${language}`, `Goals ${language} (2)`]));
  });

  it('is photographed whole at 300 px on the Deals sheet, goals typed (test/browser/screenshots/sidebar-full-<language>.png)', async () => {
    const alone = await browser.newPage({ viewport: { width: 300, height: 900 } });
    await alone.goto(new URL('sidebar.html', workbench.url).toString());
    const own = alone.mainFrame();
    await own.locator('#metrics-card .metric').first().waitFor();
    await own.locator('#status:not(.busy)').waitFor();
    await own.locator('#sheet').selectOption({ label: 'Deals' });
    await own.locator('#metric-WIN_RATE').waitFor();
    await own.locator('#status:not(.busy)').waitFor();
    await own.locator('[data-goal="WIN_RATE"]').fill(GOALS[language][0][1]);
    expect(await cutOff(own)).toEqual([]);
    await alone.screenshot({ path: screenshotPath(`sidebar-full-${language}`), fullPage: true });
    await alone.close();
  });

  it('names the cause and the fix for a header row past the data and for From/To outside it', async () => {
    const said = (key: MessageKey): RegExp => new RegExp(`^${CATALOGUES[language][key].replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '.+')}$`);
    await side.locator('#header-row').fill('5000');
    await side.locator('#data-range').fill('A5001:J5500');
    await side.locator('#detect').click();
    expect(await idle(side)).toMatch(said('error.headerPastData'));
    await side.locator('#header-row').fill('5000');
    await side.locator('#data-range').fill('A2:J151');
    await side.locator('#detect').click();
    expect(await idle(side)).toMatch(said('error.headerBelowRange'));
    await side.locator('#header-row').fill('1');
    await side.locator('#detect').click();
    await idle(side);
    await side.locator('#title').fill('Outside');
    await side.locator('#from').fill('2030-01-01');
    await side.locator('#to').fill('2030-06-30');
    await side.locator('#build').click();
    const outside = await idle(side);
    expect(outside).toMatch(said('error.outsideData'));
    expect(outside).toContain('2030-06-30');
    await page.locator('#side').screenshot({ path: screenshotPath(`outside-data-${language}`) });
    await side.locator('#from').fill('');
    await side.locator('#to').fill('');
  });

  it('refuses a garbage goal naming the metric in the language', async () => {
    await side.locator('[data-goal="WIN_RATE"]').fill('lots');
    await side.locator('#build').click();
    const said = await idle(side);
    expect(said).toContain(findFunction('WIN_RATE')!.labels[language].name);
    expect(said).toContain('lots');
    await side.locator('[data-goal="WIN_RATE"]').fill('');
  });
});

describe('the keyboard and progress (English)', () => {
  let page: Page;
  let side: FrameLocator;
  let frame: Frame;

  beforeAll(async () => {
    ({ page, side, frame } = await open('en'));
  });

  afterAll(async () => {
    await page?.close();
  });

  it('reaches every control with Tab, in order, each with a visible focus ring', async () => {
    await side.locator('#more-roles').evaluate((d) => ((d as HTMLDetailsElement).open = true));
    const expected = await frame.evaluate(() => Array.from(document.querySelectorAll('button, select, input, summary'))
      .filter((e) => (e as HTMLElement).offsetParent !== null && !(e as HTMLButtonElement).disabled)
      .map((e, i) => { (e as HTMLElement).dataset.order = String(i); return String(i); }));
    await side.locator('#sheet').focus();
    const reached: string[] = [];
    const unringed: string[] = [];
    for (let i = 0; i < expected.length + 12; i++) { // a date box takes three stops (day, month, year)
      const got = await frame.evaluate(() => {
        const e = document.activeElement as HTMLElement | null;
        if (!e || e === document.body) return null;
        const s = getComputedStyle(e);
        const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || (s.boxShadow !== 'none' && s.boxShadow !== '');
        return { order: e.dataset.order ?? '?', ring, what: `${e.tagName}#${e.id}` };
      });
      if (!got) break;
      if (!reached.includes(got.order)) reached.push(got.order);
      if (!got.ring) unringed.push(got.what);
      await page.keyboard.press('Tab');
    }
    expect(reached.slice(0, expected.length)).toEqual(expected);
    expect(unringed).toEqual([]);
  });

  it('opens the column roles with Enter and ticks a metric with Space', async () => {
    await side.locator('#more-roles').evaluate((d) => ((d as HTMLDetailsElement).open = false));
    await side.locator('#more-roles summary').focus();
    await page.keyboard.press('Enter');
    expect(await side.locator('#more-roles').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    const box = side.locator('#metrics-card input[type=checkbox]').first();
    const was = await box.isChecked();
    await box.focus();
    await page.keyboard.press('Space');
    expect(await box.isChecked()).toBe(!was);
    await page.keyboard.press('Space');
    expect(await box.isChecked()).toBe(was);
  });

  it('shows a progress bar within half a second for every server call that takes longer', async () => {
    const slow: string[] = [];
    await page.route('**/rpc/**', async (route) => {
      slow.push(new URL(route.request().url()).pathname);
      await new Promise((r) => setTimeout(r, 900));
      await route.continue();
    });
    /** Runs an action and answers whether a progress bar showed within half a second. */
    const progressSoon = async (what: string, act: () => Promise<void>): Promise<[string, boolean]> => {
      await act();
      try {
        await side.locator('.progress').first().waitFor({ state: 'visible', timeout: 500 });
        return [what, true];
      } catch {
        return [what, false];
      } finally {
        await idle(side);
      }
    };
    const seen: [string, boolean][] = [];
    seen.push(await progressSoon('detect', () => side.locator('#detect').click()));
    seen.push(await progressSoon('pick a sheet', async () => { await side.locator('#sheet').selectOption({ label: 'Deals' }); }));
    seen.push(await progressSoon('check data', () => side.locator('#check').click()));
    seen.push(await progressSoon('build', () => side.locator('#build').click()));
    await side.locator('#build-done').waitFor({ timeout: 30_000 });
    seen.push(await progressSoon('reload reports', () => side.locator('#reload-reports').click()));
    seen.push(await progressSoon('refresh', () => side.locator('#reports [data-refresh]').first().click()));
    seen.push(await progressSoon('refresh all', () => side.locator('#refresh-all').click()));
    // On opening: the sidebar's first paint shows a bar, before its first call (getLocale) answers.
    seen.push(await progressSoon('open', async () => {
      await page.reload({ waitUntil: 'commit' });
      await side.locator('#app').waitFor({ state: 'attached' });
    }));
    expect(seen.filter(([, shown]) => !shown)).toEqual([]);
    await page.unroute('**/rpc/**');
    expect(slow.length).toBeGreaterThan(8);
  });
});
