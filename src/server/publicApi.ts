// The server's public entry points: each becomes a generated top-level function in the Apps Script project.

import { RPC_METHODS } from './rpc/contract';

/** A top-level function Apps Script must see: triggers, menu actions and google.script.run targets. */
export interface EntryPoint {
  name: string;
  params: string[];
  doc: string;
}

export const ENTRY_POINTS: readonly EntryPoint[] = [
  { name: 'onOpen', params: ['e'], doc: 'Adds the add-on menu when the spreadsheet opens (works in every auth mode).' },
  { name: 'onInstall', params: ['e'], doc: 'Runs onOpen right after the add-on is installed.' },
  { name: 'showHelp', params: [], doc: 'Menu action: lists the custom functions.' },
  { name: 'showSidebar', params: [], doc: 'Menu action: opens the CRM Metrics sidebar.' },
  { name: 'refreshAllSummaries', params: [], doc: 'Menu action: rebuilds every saved summary tab.' },
  { name: 'insertSampleDataFromMenu', params: [], doc: 'Menu action: adds sample CRM tables as new sheets.' },
  ...RPC_METHODS.map((name) => ({ name, params: ['request'], doc: `Sidebar RPC ${name} (google.script.run target; see src/server/rpc/contract.ts).` })),
];
