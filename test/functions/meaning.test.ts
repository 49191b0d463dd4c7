// The function table holds each metric's meaning as data: inputs as roles, direction, chart, kinds, series columns,
// sections and breakdowns. Named rules, the way dbt validates its manifest: an entry that lacks one fails here.

import { LANGUAGES } from '../../src/core/languages';
import { neededRoles, rolesOf, takesPeriod } from '../../src/core/mapping/inputs';
import { TABLE_KINDS } from '../../src/core/mapping/kinds';
import { ROLES, roleType } from '../../src/core/mapping/roles';
import { FUNCTIONS } from '../../src/functions/catalogue';
import { runFunction } from '../../src/functions/runner';

const entries = FUNCTIONS.map((f) => [f.name, f] as const);
const inSummaries = FUNCTIONS.filter((f) => f.kinds.length > 0);

describe('each entry’s meaning', () => {
  it.each(entries)('%s declares direction, chart, kinds, inputs and labels in every language', (_, f) => {
    expect(['higher', 'lower', 'neither']).toContain(f.direction);
    expect(['line', 'column', 'heatmap', 'none']).toContain(f.chart);
    for (const k of f.kinds) expect(TABLE_KINDS).toContain(k);
    expect(typeof f.inputs).toBe('object');
    for (const language of LANGUAGES) expect(f.labels[language].name.trim()).not.toBe('');
  });

  it.each(entries)('%s takes inputs only for its own parameters, from roles that exist', (_, f) => {
    const params = f.params.map((p) => p.name);
    for (const [param, source] of Object.entries(f.inputs)) {
      expect(params).toContain(param);
      for (const role of rolesOf(source)) expect(ROLES).toContain(role);
    }
  });

  it.each(inSummaries.map((f) => [f.name, f] as const))('%s, shown in summaries, has a source for every required parameter', (_, f) => {
    expect(neededRoles(f)).not.toBeNull();
    for (const p of f.params.filter((q) => !q.optional)) expect(f.inputs[p.name]).toBeDefined();
  });

  it.each(inSummaries.filter((f) => !f.section).map((f) => [f.name, f] as const))('%s, a figure, names the series columns of its value and count when it has a trend', (_, f) => {
    if (!takesPeriod(f)) return expect(f.series).toBeUndefined();
    expect(f.series).toBeDefined();
    // Run an example by a grain and check the named columns hold numbers (or blanks) under headers.
    const example = f.examples.find((e) => e.args.length > 0 && Array.isArray(e.args[0]));
    if (!example) return;
    const periodAt = f.params.findIndex((p) => f.inputs[p.name] === 'period');
    const datesAt = f.params.findIndex((p) => p.optional && f.inputs[p.name] && rolesOf(f.inputs[p.name]).some((r) => roleType(r) === 'date'));
    const args = [...example.args];
    while (args.length <= periodAt) args.push('');
    args[periodAt] = 'month';
    if (datesAt >= 0 && (args[datesAt] === undefined || args[datesAt] === '')) {
      const rows = (example.args[0] as unknown[][]).length;
      while (args.length <= datesAt) args.push('');
      args[datesAt] = Array.from({ length: rows }, (_r, i) => [new Date(Date.UTC(2025, i % 3, 5))]);
    }
    let got;
    try {
      got = runFunction(f, args);
    } catch {
      return; // An example built for one figure may not suit a series; the summary test covers every sheet.
    }
    if (typeof got === 'number') return; // a form without dates (CHURN over statuses) has no series
    expect(Array.isArray(got)).toBe(true);
    const [header, ...body] = got as (string | number)[][];
    expect(header[f.series!.value]).toBeDefined();
    expect(header[f.series!.n]).toBeDefined();
    for (const row of body) for (const c of [f.series!.value, f.series!.n]) expect(typeof row[c] === 'number' || row[c] === '').toBe(true);
  });

  it('shows every table-shaped entry as a section, never as a figure', () => {
    for (const f of inSummaries.filter((x) => x.format === 'table')) expect(f.section).toBeDefined();
  });

  it('colours bands that cover the number line without gaps or overlaps', () => {
    for (const f of FUNCTIONS.filter((x) => x.bands)) {
      const bands = f.bands!;
      expect(bands[0].from).toBeUndefined();
      expect(bands[bands.length - 1].to).toBeUndefined();
      for (let k = 1; k < bands.length; k++) expect(bands[k].from).toBe(bands[k - 1].to);
    }
  });

  it('gives every kind of table some metrics, and every role to some metric or to segments', () => {
    for (const kind of TABLE_KINDS) expect(inSummaries.some((f) => f.kinds.includes(kind))).toBe(true);
    const read = new Set(FUNCTIONS.flatMap((f) => Object.values(f.inputs).flatMap(rolesOf)));
    expect(ROLES.filter((r) => !read.has(r) && r !== 'segment')).toEqual([]);
  });
});
