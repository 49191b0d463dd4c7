// The sidebar's entry: picks the language, then starts the views (bundled by scripts/buildSidebar.mjs).

import { initialState, loadLocale } from './app';
import { translator } from './i18n/catalogue';
import { createClient } from './rpc';
import { Sidebar } from './ui';

async function main(): Promise<void> {
  const root = document.getElementById('app');
  if (!root) return;
  const client = createClient();
  const { language, timeZone, warehouse } = await loadLocale(client, navigator.language);
  const state = initialState(language);
  state.t = translator(language);
  state.timeZone = timeZone;
  state.warehouse = warehouse;
  await new Sidebar(root, state, client).start();
}

void main();
