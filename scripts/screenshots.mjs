// Takes the docs' screenshots through the real sidebar in the workbench: docs/workbench.png (a survey summary by
// quarter with goals, charts and sidebar in view), docs/summaries/<sheet>.png (for every sample sheet, the summary
// the sidebar builds with its defaults: detected columns, the table kind's metrics, by month) and
// docs/summaries/languages/<language>.png (the Deals summary in each of the five languages) and
// docs/summaries/warehouse-<table>.png (the Deals and Subscriptions summaries built by DuckDB from the sample CSV files,
// as a warehouse source: figures, churn from start | end dates, and the cohort matrix computed in SQL).
// Needs Chromium (/usr/bin/chromium or CHROMIUM_PATH). Usage: node scripts/screenshots.mjs [docs folder]

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const docs = process.argv[2] ?? 'docs';
const LANGUAGES = ['en', 'cs', 'pl', 'ru', 'th'];
fs.mkdirSync(path.join(docs, 'summaries', 'languages'), { recursive: true });

/** Starts a workbench on a free port with these arguments; resolves with its address and a stop function. */
function startWorkbench(args) {
  const child = spawn(process.execPath, ['scripts/workbench.mjs', '--port=0', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let text = '';
    child.stdout.on('data', (c) => {
      text += c;
      const m = /workbench: (http:\/\/\S+)/.exec(text);
      if (m) resolve({ url: m[1], stop: () => child.kill() });
    });
    child.once('exit', (code) => reject(new Error(`workbench exited with ${code}`)));
  });
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

/** Opens the workbench page with its sidebar ready. */
async function open(url) {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1100 } });
  await page.goto(url);
  await page.waitForSelector('body[data-ready]');
  const side = page.frameLocator('#sidebar');
  await side.locator('#metrics-card .metric input[type=checkbox]').first().waitFor();
  return { page, side };
}

/** Picks a sheet in the sidebar and waits for its columns and metrics. */
async function pick(side, sheet) {
  await side.locator('#sheet').selectOption(sheet);
  await side.locator('#status:not(.busy)').waitFor();
  await side.locator('#metrics-card .metric input[type=checkbox]').first().waitFor();
}

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

const fileName = (name) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-');

const english = await startWorkbench(['--fresh']);
try {
  const { page, side } = await open(english.url);
  const sheets = await side.locator('#sheet option').evaluateAll((os) => os.map((o) => ({ value: o.value, name: o.textContent ?? '' })));
  for (const sheet of sheets) {
    await pick(side, sheet.value);
    await buildAndShoot(page, side, path.join(docs, 'summaries', `${fileName(sheet.name)}.png`));
  }
  await pick(side, { label: 'Surveys' });
  // Its own title: the default one is the Surveys report above, and the sidebar would ask whether to replace it.
  await side.locator('#title').fill('Surveys by quarter');
  await side.locator('#segment').selectOption({ label: 'C · Segment' });
  await side.locator('#grain').selectOption('quarter');
  await side.locator('[data-goal="NPS"]').fill('30');
  await side.locator('[data-goal="CSAT"]').fill('85');
  await buildAndShoot(page, side, path.join(docs, 'workbench.png'));
} finally {
  english.stop();
}
for (const language of LANGUAGES) {
  const bench = await startWorkbench(['--fresh', `--locale=${language}`]);
  try {
    const { page, side } = await open(bench.url);
    await pick(side, { label: 'Deals' });
    await buildAndShoot(page, side, path.join(docs, 'summaries', 'languages', `${language}.png`));
  } finally {
    bench.stop();
  }
}
// The warehouse path: a scratch state folder, so the workbench writes its sample CSV files there (--fresh writes none).
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'screenshots-'));
const warehouse = await startWorkbench([`--state=${path.join(scratch, 'workbook.json')}`, '--locale=en']);
try {
  const { page, side } = await open(warehouse.url);
  // Not while the sidebar still reads the first sheet: the source choice is refused while a call runs.
  await side.locator('#status:not(.busy)').waitFor();
  await side.locator('#source-duckdb').click();
  for (const table of ['deals', 'subscriptions']) {
    await side.locator('#warehouse-table').fill(path.join(scratch, 'warehouse', `${table}.csv`));
    await side.locator('#read-columns').click();
    await side.locator('#status:not(.busy)').waitFor();
    await side.locator('#metrics-card .metric input[type=checkbox]').first().waitFor();
    await buildAndShoot(page, side, path.join(docs, 'summaries', `warehouse-${table}.png`));
  }
  // The cohort matrix, further down the Subscriptions tab.
  await page.locator('#grid').evaluate((g) => g.scrollTo(0, 1500));
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(docs, 'summaries', 'warehouse-subscriptions-cohorts.png') });
  console.log('wrote warehouse-subscriptions-cohorts.png');
} finally {
  warehouse.stop();
  fs.rmSync(scratch, { recursive: true, force: true });
}
await browser.close();
