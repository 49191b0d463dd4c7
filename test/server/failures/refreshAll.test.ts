// Refresh all of three reports with each Apps Script call failing in turn: every report keeps its old tab or gets its new one.

import { describeFailures, Document, LATER } from './harness';

const REPORTS = [
  { id: 'r1', title: 'Promoters', metrics: ['NPS'] },
  { id: 'r2', title: 'Satisfaction', metrics: ['CSAT'] },
  { id: 'r3', title: 'Effort', metrics: ['CES'] },
];
const base = Document.create();
for (const r of REPORTS) base.build(r);
describeFailures('refresh all', base, (d) => d.call('refreshAll', {}, LATER), { r1: 'Promoters', r2: 'Satisfaction', r3: 'Effort' });
