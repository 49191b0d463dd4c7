// `npm start` stops cleanly: SIGTERM, SIGINT or SIGHUP to the workbench, SIGTERM or SIGINT (or SIGKILL) to the npm
// process that started it, and Ctrl+C (SIGINT to the terminal's whole process group) all close the port within a few
// seconds.

import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const started: ChildProcess[] = [];

/** The environment without npm's variables, as when `node scripts/workbench.mjs` is typed in a shell. */
function plainEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('npm_')));
}

interface Running {
  child: ChildProcess;
  port: number;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts a command in its own process group (as a terminal would) and waits for the address it prints. */
function launch(command: string, args: string[]): Promise<Running> {
  const child = spawn(command, args, { cwd: ROOT, env: plainEnv(), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  started.push(child);
  let out = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.once('exit', (code, signal) => done({ code, signal })));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the workbench did not start in 40 s:\n${out}`)), 40_000);
    const read = (chunk: Buffer): void => {
      out += chunk.toString();
      const m = /workbench: http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, port: Number(m[1]), output: () => out, exited });
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    void exited.then(({ code }) => { clearTimeout(timer); reject(new Error(`exited with ${code} before serving:\n${out}`)); });
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}

/** Polls until the port refuses connections; false if it still accepts after `ms`. */
async function closesWithin(port: number, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (!(await accepts(port))) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !(await accepts(port));
}

afterAll(() => {
  // Whatever a failed case left running: the process groups this file started, by their ids.
  for (const child of started) {
    try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* already gone */ }
  }
});

describe('the workbench stops on a signal', () => {
  it.each(['SIGTERM', 'SIGINT', 'SIGHUP'] as const)('node scripts/workbench.mjs: %s closes the port and exits 0', async (signal) => {
    const wb = await launch(process.execPath, ['scripts/workbench.mjs', '--port=0', '--rows=50']);
    expect(await accepts(wb.port)).toBe(true);
    wb.child.kill(signal);
    expect(await closesWithin(wb.port, 5000)).toBe(true);
    expect(await wb.exited).toEqual({ code: 0, signal: null });
    expect(wb.output()).toContain(`stopping (${signal})`);
  });

  it.each(['SIGTERM', 'SIGINT'] as const)('npm start: %s to the PID of npm closes the port', async (signal) => {
    const wb = await launch('npm', ['start', '--', '--port=0', '--rows=50']);
    expect(await accepts(wb.port)).toBe(true);
    wb.child.kill(signal);
    expect(await closesWithin(wb.port, 5000)).toBe(true);
    await wb.exited;
  });

  it('npm start: npm killed outright (SIGKILL) — the workbench notices its parent is gone and closes the port', async () => {
    const wb = await launch('npm', ['start', '--', '--port=0', '--rows=50']);
    expect(await accepts(wb.port)).toBe(true);
    wb.child.kill('SIGKILL');
    expect(await closesWithin(wb.port, 5000)).toBe(true);
  });

  it('npm start: Ctrl+C (SIGINT to the whole process group) closes the port', async () => {
    const wb = await launch('npm', ['start', '--', '--port=0', '--rows=50']);
    expect(await accepts(wb.port)).toBe(true);
    process.kill(-wb.child.pid!, 'SIGINT');
    expect(await closesWithin(wb.port, 5000)).toBe(true);
    await wb.exited;
  });
});
