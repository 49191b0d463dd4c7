// Issue 12 in the real sidebar at 300 px: Copy SQL for a sheet's report (read-only query holding every chosen metric,
// Copy button, nothing cut off, reachable by keyboard), and — where the workbench runs DuckDB — a warehouse file read,
// mapped and built into a summary (the predictive sections included) with From–To filled in.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { sampleTables } from '../../src/core/sample/generate';
import { findFunction } from '../../src/functions/catalogue';
import { MEASURES } from '../../src/warehouse/measures';
import { api, launchChromium, screenshotPath, startWorkbench, type Workbench } from './harness';

let browser: Browser;
let workbench: Workbench;
let page: Page;
let side: Frame;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warehouse-sidebar-'));

beforeAll(async () => {
  browser = await launchChromium();
  workbench = await startWorkbench(['--locale=en', '--rows=150', '--fresh']);
  page = await browser.newPage({ viewport: { width: 300, height: 900 } });
  await page.goto(new URL('sidebar.html', workbench.url).toString());
  side = page.mainFrame();
  await side.locator('#metrics-card .metric').first().waitFor();
  await side.locator('#status:not(.busy)').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await workbench?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The names of the metrics ticked, and of those shown blocked with a reason. */
const ticked = (): Promise<string[]> => side.locator('#metrics-card input[data-metric]:checked').evaluateAll((boxes) => boxes.map((b) => (b as HTMLElement).dataset.metric!));
const blocked = (): Promise<string[]> => side.locator('[data-blocked]').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.blocked!));

/** Elements under `selector` whose text is cut off (scrollWidth > clientWidth; a typed path may scroll inside its box), and whether the page scrolls sideways. */
function cutOffIn(selector: string): Promise<string[]> {
  return side.evaluate((sel) => {
    const out = Array.from(document.querySelectorAll(`${sel}, ${sel} *`))
      .filter((e) => (e as HTMLElement).offsetParent !== null && !['TEXTAREA', 'INPUT'].includes(e.tagName) && e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1)
      .map((e) => `${e.tagName.toLowerCase()}#${e.id}: ${(e as HTMLElement).innerText.slice(0, 60)}`);
    if (document.documentElement.scrollWidth > document.documentElement.clientWidth) out.push('page scrolls sideways');
    return out;
  }, selector);
}

describe('Copy SQL', () => {
  it('shows the query of the chosen Subscriptions metrics read-only (every one compiled: nothing left out) and copies it', async () => {
    await side.locator('#sheet').selectOption({ label: 'Subscriptions' });
    await side.locator('#metric-CHURN').waitFor();
    await side.locator('#status:not(.busy)').waitFor();
    const chosen = await ticked();
    expect(chosen).toEqual(expect.arrayContaining(['CHURN', 'RETENTION', 'COHORT_RETENTION']));
    // Reached from the keyboard: the disclosure opens with Enter.
    await side.locator('#sql-card summary').focus();
    await page.keyboard.press('Enter');
    await side.locator('#sql-dialect').selectOption('duckdb');
    await side.locator('#show-sql').click();
    await side.locator('#sql-text').waitFor();
    const sql = await side.locator('#sql-text').inputValue();
    expect(sql).toMatch(/^WITH /);
    expect(sql).toContain('"Subscriptions"');
    expect(await side.locator('#sql-text').getAttribute('readonly')).not.toBeNull();
    // Each chosen metric is in the query (churn and retention from the start | end columns), none named as left out.
    expect(chosen.filter((name) => !sql.includes(`'${name}' AS metric`))).toEqual([]);
    expect(await side.locator('#sql-left-out').count()).toBe(0);
    await side.locator('#copy-sql').click();
    // The clipboard answers asynchronously: wait for the hint rather than read it at once.
    await side.locator('#sql-output .hint[aria-live]', { hasText: /Copied|selected/ }).waitFor({ timeout: 10_000 });
    expect(await cutOffIn('#sql-card')).toEqual([]);
    await page.screenshot({ path: screenshotPath('copy-sql-en'), fullPage: true });
  });

  it('switches to BigQuery\'s dialect', async () => {
    await side.locator('#sql-dialect').selectOption('bigquery');
    await side.locator('#show-sql').click();
    await side.locator('#status:not(.busy)').waitFor();
    expect(await side.locator('#sql-text').inputValue()).toContain('`Subscriptions`');
  });
});

describe('a warehouse file (DuckDB)', () => {
  it('is read, mapped and built where the workbench runs DuckDB; the source choice is absent where it does not', async () => {
    const locale = await api<{ data: { warehouse?: string } }>(workbench.url, '/rpc/getLocale', {});
    if (locale.data.warehouse !== 'duckdb') {
      expect(await side.locator('#source-kind').count()).toBe(0);
      return;
    }
    const orders = sampleTables({ seed: 3, rows: 200, end: Date.UTC(2025, 11, 31), dates: 'text' }).find((t) => t.name === 'Orders')!;
    const file = path.join(dir, 'orders.csv');
    fs.writeFileSync(file, [orders.headers, ...orders.rows].map((r) => r.join(',')).join('\n'));
    await side.locator('#source-duckdb').focus();
    await page.keyboard.press('Enter');
    expect(await side.locator('#sheet-source').isHidden()).toBe(true);
    await side.locator('#warehouse-table').fill(file);
    await side.locator('#read-columns').click();
    await side.locator('#metric-APV').waitFor();
    await side.locator('#status:not(.busy)').waitFor();
    expect(await side.locator('#warehouse-found').innerText()).toContain(String(orders.headers.length));
    // The query Copy SQL showed for the sheet is gone: it was written for another table.
    expect(await side.locator('#sql-text').count()).toBe(0);
    expect(await side.locator('#from').inputValue()).toMatch(/^\d{4}-\d{2}-01$/);
    // Every metric offered is compiled to SQL, and none of the orders' is blocked: the predictive ones are built too.
    const offered = await side.locator('#metrics-card input[data-metric]').evaluateAll((boxes) => boxes.map((b) => (b as HTMLElement).dataset.metric!));
    expect(offered.filter((name) => !MEASURES[name])).toEqual([]);
    expect(await blocked()).toEqual([]);
    await side.locator('#metric-CLV_PREDICT').check();
    await side.locator('#metric-MODEL_FIT').check();
    expect(await cutOffIn('#source-card')).toEqual([]);
    await side.locator('#from').fill('2025-01-01');
    await side.locator('#to').fill('2025-12-31');
    await side.locator('#build').click();
    await side.locator('#build-done').waitFor({ timeout: 60_000 });
    // The summary tab holds the outlook and the model fit, computed from the warehouse's rows.
    const reports = (await api<{ data: { reports: { report: { spec: { warehouse?: { table: string } } }; sheetId?: number }[] } }>(workbench.url, '/rpc/listReports', {})).data.reports;
    const built = reports.find((r) => r.report.spec.warehouse?.table === file);
    expect(built?.sheetId).toBeDefined();
    const tab = JSON.stringify((await api<{ rows: unknown[][] }>(workbench.url, `/api/sheet/${built!.sheetId}`)).rows);
    expect(tab).toContain('Customer outlook: top customers by predicted CLV');
    expect(tab).toContain(findFunction('MODEL_FIT')!.labels.en.name);
    expect(tab).toContain('Gamma-Gamma');
    await page.screenshot({ path: screenshotPath('warehouse-duckdb-en'), fullPage: true });
  });
});
