// Browser-test harness: starts the workbench on a free port (as `npm start` does) and Debian's Chromium via playwright-core.

import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const ROOT = path.resolve(__dirname, '../..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = path.join(ROOT, 'test/browser/screenshots');

export interface Workbench {
  url: string;
  stop(): Promise<void>;
}

/** `node scripts/workbench.mjs --port=0`; resolves with the address it prints. */
export function startWorkbench(args: string[] = []): Promise<Workbench> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, ['scripts/workbench.mjs', '--port=0', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const timer = setTimeout(() => fail(new Error(`The workbench did not start in 40 s:\n${out}`)), 40_000);
    const fail = (e: Error): void => {
      clearTimeout(timer);
      child.kill();
      reject(e);
    };
    const stop = (): Promise<void> => new Promise((done) => {
      if (child.exitCode !== null) return done();
      child.once('exit', () => done());
      child.kill();
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /workbench: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1], stop });
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => { out += chunk.toString(); });
    child.once('exit', (code) => fail(new Error(`The workbench exited with ${code}:\n${out}`)));
  });
}

/** Chromium, headless; a clear failure (never a skip) when it is not installed. */
export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}. The browser tests need it: apt-get install -y chromium (or set CHROMIUM_PATH).`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export function screenshotPath(name: string): string {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return path.join(SCREENSHOTS, `${name}.png`);
}

/** JSON from the workbench's API. */
export async function api<T>(base: string, route: string, body?: unknown): Promise<T> {
  const res = await fetch(new URL(route, base), body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${route}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}
