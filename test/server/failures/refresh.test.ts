// A refresh with each of its Apps Script calls failing in turn: the old tab or the new one, never neither, never both.

import { Document, failAndCheck, failurePoints, LATER, worldsOf, type Scenario } from './harness';

const base = Document.create();
base.build({ id: 'r1', title: 'Summary', metrics: ['NPS', 'CSAT', 'CES'] });
const run = (d: Document) => d.call('refreshReport', { id: 'r1' }, LATER);
const scenario: Scenario = { base, run, worlds: worldsOf(base, run), names: { r1: 'Summary' } };
const points = failurePoints(scenario);

describe('a refresh with one call failing (retried when safe to repeat, else rolled back or completed)', () => {
  it.each(points)('fails at call %i (%s)', (k) => failAndCheck(scenario, k, 'once'));
});

describe('a refresh with one call failing after it took effect (a time-out: retried when safe to repeat, else settled)', () => {
  it.each(points)('fails at call %i (%s)', (k) => failAndCheck(scenario, k, 'afterEffect'));
});

describe('a refresh with Sheets down from call k on (no retry, rollback or completion gets through)', () => {
  it.each(points)('fails at call %i (%s)', (k) => failAndCheck(scenario, k, 'outage'));
});
