// Every figure on a summary tab equals its custom function typed over the same rows: for every sample sheet, every
// metric the sidebar offers there, and every grain — headline latest and previous, each trend row, each segment row.

import { MetricError } from '../../../src/core/errors';
import { rolesOf, type InputSource } from '../../../src/core/mapping/inputs';
import { roleType, type Role } from '../../../src/core/mapping/roles';
import { sampleTables } from '../../../src/core/sample/generate';
import type { Cell } from '../../../src/core/values';
import { FUNCTIONS } from '../../../src/functions/catalogue';
import { runFunction } from '../../../src/functions/runner';
import type { Arg, FunctionSpec, Result } from '../../../src/functions/spec';
import { tabText } from '../../../src/server/summary/tabText';
import { SUMMARY_GRAINS, type Mapping } from '../../../src/server/rpc/contract';
import { detectedSample } from '../helpers';

const TAB_TEXT = tabText('en');

const NOW = Date.UTC(2026, 0, 15, 9, 30);
const END = Date.UTC(2026, 0, 14);
const TABLES = sampleTables({ rows: 600, end: END, dates: 'date', seed: 11 });
const byLabel = new Map(FUNCTIONS.map((f) => [f.labels.en.name, f]));

/** What a user would type for one argument: the mapped columns of `rows` as a Sheets range, or a plain value. */
function argumentOf(source: InputSource | undefined, data: Cell[][], rows: number[], mapping: Mapping, period: string | undefined, grain: string): Arg {
  if (source === undefined) return '';
  if (Array.isArray(source)) {
    const alt = (source as readonly InputSource[]).find((s) => rolesOf(s).every((r) => mapping[r] !== undefined));
    return argumentOf(alt, data, rows, mapping, period, grain);
  }
  if (source === 'period') return period ?? '';
  if (source === 'grain') return grain;
  const one = source as Exclude<InputSource, string | readonly InputSource[]>;
  if ('fixed' in one) return one.fixed;
  if ('sumOf' in one) return rows.reduce((total, i) => total + Number(data[i][mapping[one.sumOf] as number] || 0), 0); // =SUM(range)
  if ('scaleOf' in one) {
    const c = mapping[one.scaleOf] as number;
    const max = Math.max(...data.map((r) => (typeof r[c] === 'number' ? (r[c] as number) : 0)));
    return max <= 5 ? 5 : max <= 7 ? 7 : 10;
  }
  if (!one.roles.every((r) => mapping[r] !== undefined)) return '';
  return rows.map((i) => one.roles.map((r: Role) => data[i][mapping[r] as number] ?? ''));
}

/** The function typed over `rows` with `period`, or '' when it has nothing to compute there (its MetricError). */
function formula(f: FunctionSpec, data: Cell[][], rows: number[], mapping: Mapping, period: string | undefined, grain: string): Result | '' {
  const args = f.params.map((p) => argumentOf(f.inputs[p.name], data, rows, mapping, period, grain));
  try {
    return runFunction(f, args, { timeZone: () => 'UTC', nowMs: () => NOW });
  } catch (e) {
    if (e instanceof MetricError) return '';
    throw e;
  }
}

/** The rows of a block: from the row whose first cell passes `isHeader` down to the first blank row. */
function block(values: unknown[][], isHeader: (first: string) => boolean): unknown[][] | undefined {
  const top = values.findIndex((r) => r && typeof r[0] === 'string' && isHeader(r[0] as string));
  if (top < 0) return undefined;
  const out: unknown[][] = [];
  for (let r = top; r < values.length && values[r] && values[r].some((v) => v !== '' && v !== undefined); r++) out.push(values[r]);
  return out;
}

const close = (got: unknown, want: unknown, what: string): void => {
  if (want === '' || typeof want !== 'number') expect({ what, got }).toEqual({ what, got: '' });
  else {
    expect({ what, type: typeof got }).toEqual({ what, type: 'number' });
    expect({ what, diff: Math.abs((got as number) - want) <= 1e-9 * Math.max(1, Math.abs(want)) }).toEqual({ what, diff: true });
  }
};

describe.each(TABLES.map((t) => [t.name, t] as const))('the summary of the sample %s sheet', (_name, table) => {
  const { wb, rpc, detected } = detectedSample(table, NOW);
  const { mapping, metrics, source } = detected;
  const offered = metrics.filter((m) => m.available).map((m) => m.name);
  const data = table.rows as Cell[][];
  const all = data.map((_, i) => i);

  it('offers metrics, and ticks some of them by default', () => {
    expect(offered.length).toBeGreaterThan(0);
    expect(metrics.some((m) => m.available && m.ofKind)).toBe(true);
  });

  it.each([...SUMMARY_GRAINS])('shows, by %s, exactly what each function returns over the same rows', (grain) => {
    const built = rpc.buildSummary({ spec: { title: `${table.name} ${grain}`, source, mapping, metrics: offered, grain } });
    if (!built.ok) throw new Error(built.error.message);
    const tab = wb.sheetById(built.data.sheetId)!.values as unknown[][];
    const headlineRow = tab.find((r) => r && r[0] === TAB_TEXT.headlinePeriod);
    const grainWord = TAB_TEXT.grains[grain];
    const headline = headlineRow && String(headlineRow[1]).startsWith(`${grainWord}: `) ? String(headlineRow[1]).slice(grainWord.length + 2) : undefined;
    let checked = 0;

    // Headline: latest and previous of each figure.
    const head = block(tab, (f) => f === TAB_TEXT.metric)!;
    const previous = /\((.+)\)$/.exec(String(head[0][2]))?.[1];
    for (const row of head.slice(1)) {
      const f = byLabel.get(String(row[0]))!;
      // Trended: it takes a period and every date column it would place its rows by is mapped.
      const dated = f.params.every((p) => !f.inputs[p.name] || rolesOf(f.inputs[p.name]).filter((r) => roleType(r) === 'date').every((r) => mapping[r] !== undefined) || !p.optional);
      const trended = f.series && headline !== undefined && dated && f.params.some((p) => f.inputs[p.name] === 'period');
      const latestWant = trended ? formula(f, data, all, mapping, headline, grain) : formula(f, data, all, mapping, undefined, grain);
      if (typeof latestWant !== 'number' && trended) {
        // A dated metric with no rows in the headline period shows a blank.
        close(row[1], '', `${f.name} latest`);
      } else close(row[1], latestWant, `${f.name} latest`);
      if (trended && previous) close(row[2], formula(f, data, all, mapping, previous, grain), `${f.name} previous`);
      checked++;
    }

    // Trend: each period row of each trended metric.
    const trend = block(tab, (f) => f.startsWith(`${TAB_TEXT.period} (`));
    if (trend) {
      const specs = trend[0].slice(1).map((name) => byLabel.get(String(name))!);
      for (const row of trend.slice(1)) {
        specs.forEach((f, k) => close(row[1 + k], formula(f, data, all, mapping, String(row[0]), grain), `${f.name} in ${row[0]}`));
        checked += specs.length;
      }
    }

    // Segments: the headline period's figures per segment, and the all-rows table.
    const segmentColumn = mapping.segment;
    for (const [suffix, period] of [[` ${TAB_TEXT.inPeriod} ${headline}`, headline], [` ${TAB_TEXT.inPeriod} ${TAB_TEXT.allRows}`, undefined]] as const) {
      const seg = block(tab, (f) => f.startsWith(TAB_TEXT.bySegment) && f.endsWith(suffix));
      if (!seg || segmentColumn === undefined) continue;
      const header = seg[0].map(String);
      // The segment table is METRIC_BY: typed over the whole columns, it gives the same value for each segment.
      const metricBy = FUNCTIONS.find((f) => f.name === 'METRIC_BY')!;
      for (const name of header.slice(1)) {
        const f = byLabel.get(name);
        // A column's total per segment (CAC's new customers) is a SUMIF, which METRIC_BY's arguments cannot hold.
        if (!f || Object.values(f.inputs).some((x) => typeof x === 'object' && 'sumOf' in x)) continue;
        const args = f.params.map((p) => argumentOf(f.inputs[p.name], data, all, mapping, period, grain));
        let bySegment: (string | number)[][] = [];
        try {
          bySegment = runFunction(metricBy, [f.name, all.map((i) => [data[i][segmentColumn]]), ...args], { timeZone: () => 'UTC', nowMs: () => NOW }) as (string | number)[][];
        } catch (e) {
          if (!(e instanceof MetricError)) throw e; // no segment has anything to compute: every cell is blank
        }
        const column = header.indexOf(name);
        for (const row of seg.slice(1)) {
          const hit = bySegment.find((r) => r[0] === row[0]);
          close(row[column], hit ? hit[1] : '', `METRIC_BY("${f.name}") for ${row[0]}`);
        }
      }
      for (const row of seg.slice(1)) {
        const rows = all.filter((i) => String(data[i][segmentColumn]) === row[0]);
        header.forEach((name, c) => {
          const f = byLabel.get(name);
          if (!f || c === 0) return;
          close(row[c], formula(f, data, rows, mapping, period, grain), `${f.name} for ${row[0]}`);
          checked++;
          // The count beside a trended figure is what the function's own series counts in that period.
          if (header[c + 1] === `${name} ${TAB_TEXT.responses}` && f.series && period) {
            const series = formula(f, data, rows, mapping, grain, grain);
            const hit = Array.isArray(series) ? series.find((r) => r[0] === period) : undefined;
            close(row[c + 1], hit ? hit[f.series.n] : '', `${f.name} n for ${row[0]}`);
          }
        });
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});
