// Takes docs/workbench.png: the workbench with a summary built through the real sidebar, charts and sidebar in view.
// Needs Chromium (/usr/bin/chromium or CHROMIUM_PATH). Usage: node scripts/workbenchScreenshot.mjs [out.png]

import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';

const out = process.argv[2] ?? 'docs/workbench.png';
const child = spawn(process.execPath, ['scripts/workbench.mjs', '--port=0'], { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise((resolve, reject) => {
  let text = '';
  child.stdout.on('data', (c) => {
    text += c;
    const m = /workbench: (http:\/\/\S+)/.exec(text);
    if (m) resolve(m[1]);
  });
  child.once('exit', (code) => reject(new Error(`workbench exited with ${code}`)));
});
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1000 } });
  await page.goto(url);
  await page.waitForSelector('body[data-ready]');
  const side = page.frameLocator('#sidebar');
  await side.locator('#metric-NPS').waitFor();
  await side.locator('#segment').selectOption({ label: 'C · Segment' });
  await side.locator('#grain').selectOption('quarter');
  await side.locator('[data-goal="NPS"]').fill('30');
  await side.locator('[data-goal="CSAT"]').fill('85');
  await side.locator('#build').click();
  await side.locator('#build-done').waitFor({ timeout: 30_000 });
  await page.waitForSelector('#charts svg.chart');
  await page.locator('#grid').evaluate((g) => g.scrollTo(0, 0));
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  child.kill();
}
