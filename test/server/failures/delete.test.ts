// Deleting a report and its tab with each Apps Script call failing in turn: both stay, or both go.

import { Document, failAndCheck, failurePoints, worldsOf, type Scenario } from './harness';

const base = Document.create();
base.build({ id: 'r1', title: 'Summary', metrics: ['NPS', 'CSAT', 'CES'] });
const run = (d: Document) => d.call('deleteReport', { id: 'r1', deleteSheet: true });
const scenario: Scenario = { base, run, worlds: worldsOf(base, run), names: { r1: 'Summary' } };
const points = failurePoints(scenario);

describe('a delete with one call failing (retried when safe to repeat, else rolled back or completed)', () => {
  it.each(points)('fails at call %i (%s)', (k) => failAndCheck(scenario, k, 'once'));
});

describe('a delete with one call failing after it took effect (a time-out: retried when safe to repeat, else settled)', () => {
  it.each(points)('fails at call %i (%s)', (k) => failAndCheck(scenario, k, 'afterEffect'));
});

describe('a delete with Sheets down from call k on (no retry, rollback or completion gets through)', () => {
  it.each(points)('fails at call %i (%s)', (k) => failAndCheck(scenario, k, 'outage'));
});
