// Takes the docs' screenshots through the real sidebar in the workbench: docs/workbench.png (a survey summary by
// quarter with goals, charts and sidebar in view) and docs/summaries/<sheet>.png (for every sample sheet, the summary
// the sidebar builds with its defaults: detected columns, the table kind's metrics, by month).
// Needs Chromium (/usr/bin/chromium or CHROMIUM_PATH). Usage: node scripts/screenshots.mjs [docs folder]

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const docs = process.argv[2] ?? 'docs';
fs.mkdirSync(path.join(docs, 'summaries'), { recursive: true });
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

/** Builds the summary the sidebar's form describes and shoots the page at its top-left. */
async function buildAndShoot(page, side, out) {
  await side.locator('#build').click();
  await side.locator('#build-done').waitFor({ timeout: 60_000 });
  await side.locator('#status:not(.busy)').waitFor();
  await page.waitForTimeout(300);
  await page.locator('#grid').evaluate((g) => g.scrollTo(0, 0));
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
}

try {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1100 } });
  await page.goto(url);
  await page.waitForSelector('body[data-ready]');
  const side = page.frameLocator('#sidebar');
  await side.locator('#metric-NPS').waitFor();
  const sheets = await side.locator('#sheet option').evaluateAll((os) => os.map((o) => ({ value: o.value, name: o.textContent ?? '' })));
  for (const sheet of sheets) {
    await side.locator('#sheet').selectOption(sheet.value);
    await side.locator('#status:not(.busy)').waitFor();
    await side.locator('#metrics-card .metric input[type=checkbox]').first().waitFor();
    await buildAndShoot(page, side, path.join(docs, 'summaries', `${sheet.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.png`));
  }
  await side.locator('#sheet').selectOption({ label: 'Surveys' });
  await side.locator('#metric-NPS').waitFor();
  await side.locator('#segment').selectOption({ label: 'C · Segment' });
  await side.locator('#grain').selectOption('quarter');
  await side.locator('[data-goal="NPS"]').fill('30');
  await side.locator('[data-goal="CSAT"]').fill('85');
  await buildAndShoot(page, side, path.join(docs, 'workbench.png'));
} finally {
  await browser.close();
  child.kill();
}
