// Extensions ▸ CRM Metrics ▸ Run self-test, and runSelfTest in the Apps Script editor (kept in lib.js): loads the
// sidebar half, whose loading is the first check, then runs the live checks there (src/server/selfTest/live.ts).

import { RECORDED_HALF, sidebarServer, type SidebarServer } from '../sidebarHalf';
import { SIDEBAR_HALF } from './items';
import { runItem, showReport, type SelfTestReport } from './report';

export function runSelfTest(): SelfTestReport {
  const started = Date.now();
  let half: SidebarServer | undefined;
  const loading = runItem(SIDEBAR_HALF, () => {
    half = sidebarServer();
    return 'loaded';
  });
  if (!half) return showReport(started, [loading], 'The other checks run in the sidebar half, so they could not run.');
  return half.runLiveSelfTest({ started, recorded: RECORDED_HALF });
}
