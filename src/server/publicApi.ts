// The server's public entry points: each becomes a generated top-level function in the Apps Script project.

import { RPC_METHODS } from './rpc/contract';

/**
 * The server comes in two halves. `lib` (dist/lib.js) is what Apps Script evaluates on every execution, custom-function
 * calls included: the function table, the core, the menu. `sidebar` (dist/sidebarServer.html, an HTML file so that it
 * is not evaluated with every call) is the summary builder, RPC, mapping and data checks, loaded by
 * `CrmMetrics.sidebarServer()` (src/server/sidebarHalf.ts) in executions that need it.
 */
export type ServerHalf = 'lib' | 'sidebar';

/** A top-level function Apps Script must see: triggers, menu actions and google.script.run targets. */
export interface EntryPoint {
  name: string;
  params: string[];
  doc: string;
  half: ServerHalf;
}

export const ENTRY_POINTS: readonly EntryPoint[] = [
  { name: 'onOpen', params: ['e'], doc: 'Adds the add-on menu when the spreadsheet opens (works in every auth mode).', half: 'lib' },
  { name: 'onInstall', params: ['e'], doc: 'Runs onOpen right after the add-on is installed.', half: 'lib' },
  { name: 'showSidebar', params: [], doc: 'Menu action: opens the CRM Metrics sidebar.', half: 'lib' },
  { name: 'runSelfTest', params: [], doc: 'Menu action and Apps Script editor function: checks, live, every Apps Script behaviour the add-on relies on and reports each.', half: 'lib' },
  { name: 'showHelp', params: [], doc: 'Menu action: lists the custom functions.', half: 'sidebar' },
  { name: 'refreshAllSummaries', params: [], doc: 'Menu action: rebuilds every saved summary tab.', half: 'sidebar' },
  { name: 'insertSampleDataFromMenu', params: [], doc: 'Menu action: adds sample CRM tables as new sheets.', half: 'sidebar' },
  ...RPC_METHODS.map((name) => ({ name, params: ['request'], doc: `Sidebar RPC ${name} (see src/server/rpc/contract.ts).`, half: 'sidebar' as const })),
];
