// Deleting a report and its tab with each Apps Script call failing in turn: both stay, or both go.

import { describeFailures, Document } from './harness';

const base = Document.create();
base.build({ id: 'r1', title: 'Summary', metrics: ['NPS', 'CSAT', 'CES'] });
describeFailures('a delete', base, (d) => d.call('deleteReport', { id: 'r1', deleteSheet: true }), { r1: 'Summary' });
