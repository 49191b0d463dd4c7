// The add-on menu: built with nothing but the UI service, so onOpen works in every auth mode.

import { onInstall, onOpen } from '../../src/server/menu';
import { ENTRY_POINTS } from '../../src/server/publicApi';
import { RPC_METHODS } from '../../src/server/rpc/contract';
import * as main from '../../src/server/main';
import * as sidebarServer from '../../src/server/sidebarServer';

function fakeUi(log: string[]) {
  const menu = {
    addItem: (label: string, fn: string) => (log.push(`${label} -> ${fn}`), menu),
    addSeparator: () => (log.push('---'), menu),
    addToUi: () => log.push('addToUi'),
  };
  // Only getUi exists: touching any other service (properties, lock, sheets) would throw.
  (globalThis as Record<string, unknown>).SpreadsheetApp = { getUi: () => ({ createAddonMenu: () => menu }) };
}

describe('the menu', () => {
  it('offers Open sidebar, Refresh all summaries, Insert sample data, Help and Run self-test, using only the UI', () => {
    const log: string[] = [];
    fakeUi(log);
    onOpen();
    expect(log).toEqual([
      'Open sidebar -> showSidebar', 'Refresh all summaries -> refreshAllSummaries', 'Insert sample data -> insertSampleDataFromMenu', '---', 'Help -> showHelp',
      'Run self-test -> runSelfTest', 'addToUi',
    ]);
    log.length = 0;
    onInstall();
    expect(log).toHaveLength(7);
  });

  it('names only functions its half of the server exports, and every RPC method is a top-level entry point', () => {
    const names = ENTRY_POINTS.map((e) => e.name);
    for (const e of ENTRY_POINTS) expect([e.name, typeof ((e.half === 'sidebar' ? sidebarServer : main) as Record<string, unknown>)[e.name]]).toEqual([e.name, 'function']);
    for (const m of RPC_METHODS) expect(names).toContain(m);
    for (const fn of ['showSidebar', 'refreshAllSummaries', 'insertSampleDataFromMenu', 'showHelp', 'runSelfTest']) expect(names).toContain(fn);
  });
});
