import { parse } from 'acorn';
import vm from 'node:vm';
import { FUNCTIONS } from '../../src/functions/catalogue';
import { ENTRY_POINTS } from '../../src/server/publicApi';
import { evaluateSidebarServer } from '../../src/server/sidebarHalf';
import { appsScriptGlobals, distFiles, distHtml, loadBundle } from './loadBundle';

/** The JSDoc block right before `function NAME(`, and the declared parameter names. */
function stubOf(code: string, name: string): { doc: string; params: string[] } | undefined {
  const m = new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\s*function ${name}\\(([^)]*)\\)`).exec(code);
  return m ? { doc: m[1], params: m[2].split(',').map((p) => p.trim()).filter(Boolean) } : undefined;
}

describe('the built bundle', () => {
  const files = distFiles();
  const stubs = files.find((f) => f.name === 'stubs.js')!.code;

  it.each(files.map((f) => [f.name, f.code]))('%s parses as ES2019 script', (_, code) => {
    expect(() => parse(code, { ecmaVersion: 2019, sourceType: 'script' })).not.toThrow();
  });

  it('declares only the table functions, the entry points and the library as globals', () => {
    const context = loadBundle();
    // The test doubles of Apps Script are ours.
    const doubles = Object.keys(appsScriptGlobals('UTC'));
    const globals = Object.keys(vm.runInContext('this', context)).filter((k) => !doubles.includes(k)).sort();
    expect(globals).toEqual(['CrmMetrics', ...FUNCTIONS.map((f) => f.name), ...ENTRY_POINTS.map((e) => e.name)].sort());
  });

  it.each(FUNCTIONS.map((f) => [f.name, f]))('gives %s a stub whose JSDoc matches the table', (name, f) => {
    const stub = stubOf(stubs, name);
    expect(stub).toBeDefined();
    // A variadic parameter (METRIC_BY's args) is numbered in the stub: arg1 … argN.
    const names = f.params.flatMap((p) => (p.rest ? Array.from({ length: p.rest.max }, (_, k) => `${p.name.replace(/s$/, '')}${k + 1}`) : [p.name]));
    expect(stub!.params).toEqual(names);
    expect(stub!.doc).toContain('@customfunction');
    expect(stub!.doc).toMatch(/@return \S/);
    const documented = [...stub!.doc.matchAll(/@param \{[^}]+\} (\w+) \S/g)].map((m) => m[1]);
    expect(documented).toEqual(names);
    expect(stub!.doc).toContain(f.summary.replace(/\s+/g, ' ').slice(0, 40));
  });

  it.each(ENTRY_POINTS.map((e) => [e.name, e]))('gives the entry point %s a top-level stub calling its half of the server', (name, e) => {
    const target = e.half === 'sidebar' ? `CrmMetrics.sidebarServer().${name}` : `CrmMetrics.${name}`;
    expect(stubs).toContain(`function ${name}(${e.params.join(', ')}) { return ${target}(${e.params.join(', ')}); }`);
  });

  it('keeps every sidebar-half entry point in dist/sidebarServer.html and every other one in dist/lib.js', () => {
    const sidebar = evaluateSidebarServer(distHtml('sidebarServer')) as unknown as Record<string, unknown>;
    const lib = vm.runInContext('CrmMetrics', loadBundle()) as Record<string, unknown>;
    for (const e of ENTRY_POINTS) expect([e.name, typeof (e.half === 'sidebar' ? sidebar : lib)[e.name]]).toEqual([e.name, 'function']);
    for (const e of ENTRY_POINTS.filter((x) => x.half === 'sidebar')) expect([e.name, lib[e.name]]).toEqual([e.name, undefined]);
  });

  it('loads the sidebar half from its HTML file only when a sidebar entry point runs, once per execution', () => {
    const log: string[] = [];
    const context = loadBundle('UTC', log);
    (context.NPS as (s: unknown) => unknown)([[10], [3]]);
    (context.onOpen as (e: unknown) => void)({ authMode: 'NONE' });
    expect(log.filter((l) => l.startsWith('html:'))).toEqual([]);
    (context.showHelp as () => void)();
    expect((context.getLocale as (r: unknown) => unknown)({})).toEqual({ ok: true, data: { language: 'cs', locale: 'cs', timeZone: 'UTC', warehouse: 'bigquery' } });
    expect(log.filter((l) => l.startsWith('html:'))).toEqual(['html:sidebarServer']);
    const help = log.find((l) => l.startsWith('alert:CRM Metrics'))!;
    for (const f of FUNCTIONS) expect(help).toContain(`${f.name}: ${f.summary}`);
  });

  it.each(FUNCTIONS.flatMap((f) => f.examples.map((e, k) => [`${f.name} example ${k + 1}`, f.name, e] as const)))(
    'runs %s through its global stub with Sheets-shaped arguments', (_, name, example) => {
      const context = loadBundle();
      const result = (context[name] as (...a: unknown[]) => unknown)(...example.args);
      expect(JSON.stringify(result, (k, v) => (typeof v === 'number' ? Number(v.toFixed(example.digits ?? 6)) : v)))
        .toBe(JSON.stringify(example.result, (k, v) => (typeof v === 'number' ? Number(v.toFixed(example.digits ?? 6)) : v)));
    });

  it('passes errors out as Error objects whose message starts with the function name', () => {
    const context = loadBundle();
    let thrown: unknown;
    try {
      (context.NPS as (s: unknown) => unknown)([[10], ['abc'], ['']]);
    } catch (e) {
      thrown = e;
    }
    expect((thrown as Error).message).toBe('NPS: 1 value is not scores from 0 to 10 (first: "abc" in row 2 of scores)');
    expect(thrown instanceof (vm.runInContext('Error', context) as ErrorConstructor)).toBe(true);
  });

  it('buckets Date cells in the spreadsheet time zone, not the script zone', () => {
    const context = loadBundle('Pacific/Auckland');
    // Sheets passes 1 March (in Auckland) as the instant of midnight there: 28 February 11:00 UTC.
    const firstOfMarch = new Date('2025-03-01T00:00:00+13:00');
    const lastOfFebruary = new Date('2025-02-28T00:00:00+13:00');
    const series = (context.NPS as (...a: unknown[]) => unknown)([[10], [0]], 'month', [[firstOfMarch], [lastOfFebruary]]);
    expect(series).toEqual([['period', 'NPS', 'responses'], ['2025-02', -100, 1], ['2025-03', 100, 1]]);
  });

  it('adds the add-on menu on open', () => {
    const log: string[] = [];
    const context = loadBundle('UTC', log);
    (context.onOpen as (e: unknown) => void)({ authMode: 'NONE' });
    expect(log).toContain('menu:added');
  });
});
