// A first build with each of its Apps Script calls failing in turn: the report and its tab appear whole, or not at all.

import { describeFailures, Document } from './harness';

describeFailures('a first build', Document.create(), (d) => d.build({ id: 'r1', title: 'Summary', metrics: ['NPS', 'CSAT', 'CES'] }), { r1: 'Summary' });
