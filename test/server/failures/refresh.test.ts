// A refresh with each of its Apps Script calls failing in turn: the old tab or the new one, never neither, never both.

import { describeFailures, Document, LATER } from './harness';

const base = Document.create();
base.build({ id: 'r1', title: 'Summary', metrics: ['NPS', 'CSAT', 'CES'] });
describeFailures('a refresh', base, (d) => d.call('refreshReport', { id: 'r1' }, LATER), { r1: 'Summary' });
