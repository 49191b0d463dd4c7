// Refresh all of three reports with each Apps Script call failing in turn: every report keeps its old tab or gets its new one.

import { Document, failAndCheck, failurePoints, LATER, worldsOf, type Scenario } from './harness';

const REPORTS = [
  { id: 'r1', title: 'Promoters', metrics: ['NPS'] },
  { id: 'r2', title: 'Satisfaction', metrics: ['CSAT'] },
  { id: 'r3', title: 'Effort', metrics: ['CES'] },
];
const base = Document.create();
for (const r of REPORTS) base.build(r);
const run = (d: Document) => d.call('refreshAll', {}, LATER);
const scenario: Scenario = { base, run, worlds: worldsOf(base, run), names: { r1: 'Promoters', r2: 'Satisfaction', r3: 'Effort' } };
const points = failurePoints(scenario);

describe('refresh all with one call failing (retried when safe to repeat, else rolled back or completed)', () => {
  it.each(points)('fails at call %i (%s)', (k) => failAndCheck(scenario, k, 'once'));
});

describe('refresh all with one call failing after it took effect (a time-out: retried when safe to repeat, else settled)', () => {
  it.each(points)('fails at call %i (%s)', (k) => failAndCheck(scenario, k, 'afterEffect'));
});

describe('refresh all with Sheets down from call k on (no retry, rollback or completion gets through)', () => {
  it.each(points)('fails at call %i (%s)', (k) => failAndCheck(scenario, k, 'outage'));
});
