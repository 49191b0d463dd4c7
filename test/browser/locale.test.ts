// The sidebar speaks the user's language: the workbench started with a Thai and a Czech locale.

import type { Browser } from 'playwright-core';
import { launchChromium, screenshotPath, startWorkbench, type Workbench } from './harness';

let browser: Browser;
const started: Workbench[] = [];

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all(started.map((w) => w.stop()));
});

it.each([
  ['th_TH', 'th', 'สร้างสรุป', 'ตรวจสอบข้อมูล'],
  ['cs', 'cs', 'Vytvořit souhrn', 'Zkontrolovat data'],
])('with the locale %s the sidebar is in %s', async (locale, lang, build, check) => {
  const workbench = await startWorkbench([`--locale=${locale}`, '--rows=200']);
  started.push(workbench);
  const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
  await page.goto(workbench.url);
  const side = page.frameLocator('#sidebar');
  await side.locator('#build').waitFor();
  await side.locator('#metrics-card .metric').first().waitFor();
  expect(await side.locator('#build').innerText()).toBe(build);
  expect(await side.locator('#check').innerText()).toBe(check);
  expect(await side.locator('html').getAttribute('lang')).toBe(lang);
  await page.locator('#side').screenshot({ path: screenshotPath(`sidebar-${lang}`) });
  await page.close();
});
