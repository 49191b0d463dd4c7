// The built add-on (dist/) deployed into the Apps Script simulation: every script file evaluated into one fresh
// node:vm context whose globals are the simulation's services, with dist/*.html as the project's HTML files.

import vm from 'node:vm';
import { AppsScriptSimulation, type SimulationOptions } from '../appsScript/simulation';
import { distFiles, distHtml } from '../bundle/loadBundle';
import type { SelfTestReport } from '../../src/server/selfTest/report';

export interface Deployed {
  sim: AppsScriptSimulation;
  context: vm.Context;
  /** What console.log wrote (the execution log). */
  log: string[];
  /** The HTML of every dialog shown (HtmlService.createHtmlOutput). */
  dialogs: string[];
  runSelfTest(): SelfTestReport;
}

export interface DeployOptions extends SimulationOptions {
  /** Replaces globals (a service that misbehaves); each gets the simulation's own to wrap. */
  override?: (globals: Record<string, unknown>) => Record<string, unknown>;
  /** Text replaced in the script files as they are loaded (e.g. the recorded digest of the sidebar half). */
  replace?: [string, string][];
}

export function deploy(options: DeployOptions = {}): Deployed {
  const sim = new AppsScriptSimulation({ sheets: [{ name: 'Deals', values: [['Owner', 'Amount'], ['Ana', 120]] }], html: (name) => distHtml(name), ...options });
  const log: string[] = [];
  const dialogs: string[] = [];
  const own = sim.globals() as unknown as Record<string, unknown>;
  const html = own.HtmlService as GoogleAppsScript.HTML.HtmlService;
  const globals: Record<string, unknown> = {
    ...own,
    HtmlService: {
      createHtmlOutputFromFile: (name: string) => html.createHtmlOutputFromFile(name),
      createHtmlOutput: (text: string) => (dialogs.push(text), html.createHtmlOutput(text)),
    },
    console: { log: (...a: unknown[]) => log.push(a.map(String).join(' ')) },
    // One realm for dates, as in Apps Script: the simulation's cells and the scripts' Date are the same class.
    Date,
  };
  const context = vm.createContext(options.override ? { ...globals, ...options.override(globals) } : globals);
  for (const file of distFiles()) {
    const code = (options.replace ?? []).reduce((text, [from, to]) => text.split(from).join(to), file.code);
    vm.runInContext(code, context, { filename: file.name });
  }
  return { sim, context, log, dialogs, runSelfTest: () => sim.execute(() => (context.runSelfTest as () => SelfTestReport)()) };
}
