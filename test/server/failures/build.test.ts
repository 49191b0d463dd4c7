// A first build with each of its Apps Script calls failing in turn: the report and its tab appear whole, or not at all.

import { Document, failAndCheck, failurePoints, worldsOf, type Scenario } from './harness';

const base = Document.create();
const run = (d: Document) => d.build({ id: 'r1', title: 'Summary', metrics: ['NPS', 'CSAT', 'CES'] });
const scenario: Scenario = { base, run, worlds: worldsOf(base, run), names: { r1: 'Summary' } };
const points = failurePoints(scenario);

describe('a first build with one call failing (retried when safe to repeat, else rolled back or completed)', () => {
  it.each(points)('fails at call %i (%s)', (k) => failAndCheck(scenario, k, 'once'));
});

describe('a first build with one call failing after it took effect (a time-out: retried when safe to repeat, else settled)', () => {
  it.each(points)('fails at call %i (%s)', (k) => failAndCheck(scenario, k, 'afterEffect'));
});

describe('a first build with Sheets down from call k on (no retry, rollback or completion gets through)', () => {
  it.each(points)('fails at call %i (%s)', (k) => failAndCheck(scenario, k, 'outage'));
});
