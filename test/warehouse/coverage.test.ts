// Which summary metrics compile to SQL, pinned: the compiled set cannot silently shrink, every other summary metric is
// listed as left out with its reason (in the code and in docs/warehouse.md), and each measure reads its own entry.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROLES, type Role } from '../../src/core/mapping/roles';
import { findFunction } from '../../src/functions/catalogue';
import { SUMMARY_METRICS } from '../../src/server/summary/offer';
import { answerScalesAgree, compileMetric } from '../../src/warehouse/compile';
import { CompileError } from '../../src/warehouse/entryReader';
import { LEFT_OUT, MEASURES } from '../../src/warehouse/measures';
import { compileReport } from '../../src/warehouse/query';

const COMPILED = [
  'APV', 'AVG_RESPONSE_TIME', 'CAC', 'CES', 'CHURN', 'CLOSE_RATE', 'CLV_HISTORIC', 'CLV_PREDICT', 'COHORT_RETENTION', 'CROSS_SELL_RATE', 'CSAT', 'ENGAGEMENT_RATE', 'FCR', 'LEAD_CONVERSION',
  'LEAD_QUALIFICATION_RATE', 'LEAD_RESPONSE_TIME', 'MODEL_FIT', 'NET_NEW_REVENUE', 'NPS', 'NPS_BREAKDOWN', 'NPS_CI', 'NRR', 'PIPELINE_VALUE', 'RENEWAL_RATE',
  'RESOLUTION_TIME', 'RETENTION', 'RETENTION_COST', 'SALES_CYCLE', 'SALES_VELOCITY', 'SLA_COMPLIANCE', 'STAGE_DURATION', 'TRAFFIC_TO_LEAD', 'UPSELL_RATE', 'WIN_RATE',
];

/** Every role mapped but start | end (whose spans CHURN and RETENTION would read instead of statuses), unless the metric reads spans. */
const mappedFor = (name: string) => (r: Role): boolean => MEASURES[name].shape === 'cohorts' || (r !== 'start' && r !== 'end');

describe('the warehouse set of metrics', () => {
  it('compiles all 34 summary metrics (CHURN and RETENTION from statuses only)', () => {
    expect(Object.keys(MEASURES).sort()).toEqual(COMPILED);
  });

  it('lists every other summary metric as left out, and nothing else', () => {
    const summary = SUMMARY_METRICS.map((f) => f.name).sort();
    expect([...Object.keys(MEASURES), ...Object.keys(LEFT_OUT)].sort()).toEqual(summary);
    expect(Object.keys(LEFT_OUT).filter((name) => name in MEASURES)).toEqual([]);
  });

  it('names each left-out metric with its reason in docs/warehouse.md', () => {
    const doc = readFileSync(join(__dirname, '../../docs/warehouse.md'), 'utf8');
    expect(Object.keys(LEFT_OUT).filter((name) => !doc.includes(`| \`${name}\` |`))).toEqual([]);
  });

  it.each(['CHURN', 'RETENTION'])('compiles %s from start | end columns (dated by the start) before statuses, as the entry orders its inputs', (name) => {
    const report = { table: 't', timeZone: 'UTC', grain: 'month' as const, from: '2025-01-01', to: '2025-02-01', metrics: [name] };
    const [spans] = compileReport({ ...report, columns: { start: 's', end: 'e', churnStatus: 'c' } });
    expect([spans.datedBy, spans.roles.sort(), spans.words, spans.periodCtes !== undefined]).toEqual(['start', ['end', 'start'], [], true]);
    const [statuses] = compileReport({ ...report, columns: { churnStatus: 'c' } });
    expect([statuses.datedBy, statuses.words, statuses.periodCtes]).toEqual([undefined, ['churnStatus'], undefined]);
  });

  it.each(COMPILED)('%s compiles from its entry when every role is mapped, and refuses when none is', (name) => {
    const spec = findFunction(name)!;
    const all = compileMetric(spec, MEASURES[name], mappedFor(name));
    const read = [...all.roles, ...all.words, ...all.keys];
    expect(read.length).toBeGreaterThan(0);
    expect(read.every((r) => (ROLES as readonly Role[]).includes(r))).toBe(true);
    expect(() => compileMetric(spec, MEASURES[name], () => false)).toThrow(CompileError);
  });

  it('dates a metric by a date role when its entry takes a period and has a date to place rows by', () => {
    for (const name of COMPILED) {
      const spec = findFunction(name)!;
      const takesPeriod = spec.params.some((p) => spec.inputs[p.name] === 'period');
      // CHURN and RETENTION take a period for their start | end form only (not mapped here): statuses have no date.
      const hasDate = name !== 'CHURN' && name !== 'RETENTION';
      expect({ name, dated: compileMetric(spec, MEASURES[name], mappedFor(name)).datedBy !== undefined }).toEqual({ name, dated: takesPeriod && hasDate });
    }
  });

  it('assumes the answer scales (5, 7, 10) the summary reads from a column', () => {
    expect(answerScalesAgree()).toBe(true);
  });
});
